"""The organisation's GCP2 content pack on this device: importing it, reading it back, its summary.

A pack holds licensed text, so it is kept only inside the encrypted database, as the signed bytes
that were verified, and re-verified with `assessments.content_pack.load_content_pack` every time
it is read. Nothing here writes pack text anywhere else: audit events carry the pack id, version,
key id and digest only, and `ContentPackInfo` carries counts, never wording.

Trusted organisation keys come from the caller (today the `--trusted-key` PEM files of
`homevisit pack import`; the organisation configuration file arrives later). The key that
verified a pack is stored beside it, so reading it back needs no key configuration.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)
from sqlalchemy import func, select

from app.audit import record_event
from app.errors import InvalidInput, UsageError
from app.services.unit_of_work import UnitOfWork
from app.services.views_gcp2 import ContentPackInfo
from app.storage.models_gcp2 import StoredContentPack
from assessments import gcp2
from assessments.content_pack import ContentPack, key_id, load_content_pack
from assessments.errors import ContentPackError


def public_key_from_pem(pem: bytes, *, source: str = "the key file") -> Ed25519PublicKey:
    """An organisation's Ed25519 public key from PEM; UsageError if it is anything else."""
    try:
        key = load_pem_public_key(pem)
    except (ValueError, TypeError):
        raise UsageError(f"{source} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise UsageError(f"{source} is not an Ed25519 public key")
    return key


def _newest(uow: UnitOfWork) -> StoredContentPack | None:
    return uow.session.scalars(
        select(StoredContentPack).order_by(StoredContentPack.seq.desc()).limit(1)
    ).first()


def import_content_pack(
    uow: UnitOfWork,
    actor: str,
    raw: bytes,
    trusted_keys: Sequence[Ed25519PublicKey],
    *,
    at: datetime | None = None,
) -> ContentPackInfo:
    """Verify a signed pack and keep it as the pack in use (the caller commits).

    Refused with `InvalidInput("$", reason)`: unsigned, tampered, signed by a key not trusted,
    malformed; and a version not newer than one already imported of the same pack.
    """
    try:
        pack = load_content_pack(raw, trusted_keys=trusted_keys)
    except ContentPackError as error:
        raise InvalidInput("$", error.reason) from None
    session = uow.session
    newest_version = session.scalar(
        select(func.max(StoredContentPack.version)).where(StoredContentPack.pack_id == pack.id)
    )
    if newest_version is not None and pack.version <= newest_version:
        raise InvalidInput(
            "$.version",
            f"version {pack.version} of pack '{pack.id}' is not newer than version "
            f"{newest_version}, already imported; raise the version of a changed pack",
        )
    signer = next(k for k in trusted_keys if key_id(k) == pack.key_id)
    seq = int(session.scalar(select(func.coalesce(func.max(StoredContentPack.seq), 0))) or 0)
    row = StoredContentPack(
        seq=seq + 1,
        pack_id=pack.id,
        version=pack.version,
        organisation=pack.organisation,
        imported_at=at or datetime.now().astimezone(),
        key_id=pack.key_id,
        signing_key=signer.public_bytes(Encoding.Raw, PublicFormat.Raw),
        digest=pack.digest,
        signed_pack=raw,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="import", record_kind="content_pack", record_id=pack.id,
        detail={"version": pack.version, "key_id": pack.key_id, "digest": pack.digest},
    )
    return _info(row, pack)


def _verified(row: StoredContentPack) -> ContentPack:
    key = Ed25519PublicKey.from_public_bytes(row.signing_key)
    try:
        pack = load_content_pack(row.signed_pack, trusted_keys=[key])
    except ContentPackError:
        # The bytes verified at import; failing now means the stored copy was altered.
        raise InvalidInput(
            "$", "the stored content pack no longer matches its signature; import it again"
        ) from None
    if pack.digest != row.digest:
        raise InvalidInput("$", "the stored content pack does not match its record; import it again")
    return pack


def current_content_pack(uow: UnitOfWork) -> ContentPack | None:
    """The pack in use (the newest imported), re-verified; None: the app is a data-collection
    shell (see `assessments.prompts.NO_PACK_NOTICE`)."""
    row = _newest(uow)
    return None if row is None else _verified(row)


def content_pack_info(uow: UnitOfWork) -> ContentPackInfo | None:
    """Id, version, organisation, when imported, key and item counts: never the pack's text."""
    row = _newest(uow)
    return None if row is None else _info(row, _verified(row))


def _info(row: StoredContentPack, pack: ContentPack) -> ContentPackInfo:
    counts = tuple(
        (area.id, sum(len(pack.item_ids(sub)) for sub in area.sub_area_ids))
        for area in gcp2.AREAS
    )
    return ContentPackInfo(
        pack_id=row.pack_id,
        version=row.version,
        organisation=row.organisation,
        imported_at=row.imported_at,
        key_id=row.key_id,
        digest=row.digest,
        items_per_area=counts,
    )
