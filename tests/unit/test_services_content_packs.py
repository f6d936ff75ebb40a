"""The content pack on a device: verified on import, stored encrypted, re-verified on every read,
summarised without its licensed text, and never written into the audit log."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from sqlalchemy import func, select, update

from app.errors import InvalidInput, UsageError
from app.services.content_packs import (
    content_pack_info,
    current_content_pack,
    import_content_pack,
    public_key_from_pem,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models_gcp2 import StoredContentPack
from assessments import gcp2
from tests.unit.gcp2_helpers import (
    ACTOR,
    MARKER,
    PACKS,
    SAMPLE_PACK,
    audit_text,
    import_sample_pack,
    profile,
    sample_key,
    sample_pack_document,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from profile(tmp_path / "homevisit.db")


def test_without_a_pack_the_app_is_a_shell(db: Database) -> None:
    with UnitOfWork(db) as uow:
        assert current_content_pack(uow) is None
        assert content_pack_info(uow) is None


def test_an_imported_pack_is_kept_and_read_back_verified(db: Database) -> None:
    import_sample_pack(db)
    document = sample_pack_document()
    with UnitOfWork(db) as uow:
        pack = current_content_pack(uow)
        info = content_pack_info(uow)
        stored = uow.session.scalars(select(StoredContentPack.signed_pack)).one()
    assert pack is not None and info is not None
    assert (info.pack_id, info.version, info.organisation) == (
        "zephyr-sample", 1, document["organisation"])
    assert info.key_id == document["signature"]["key_id"] == pack.key_id
    assert info.digest == pack.digest
    assert stored == SAMPLE_PACK.read_bytes()  # only inside the encrypted database
    expected = {
        area.id: sum(len(document["sub_areas"][s]["items"]) for s in area.sub_area_ids)
        for area in gcp2.AREAS
    }
    assert dict(info.items_per_area) == expected
    assert [a for a, _n in info.items_per_area] == list(gcp2.AREA_IDS)
    assert MARKER not in repr(info)


def test_the_import_is_audited_with_ids_and_digest_only(db: Database) -> None:
    import_sample_pack(db)
    text = audit_text(db)
    assert "content_pack zephyr-sample" in text
    assert MARKER not in text and "moon-biscuit" not in text


def _unsigned() -> bytes:
    document = sample_pack_document()
    del document["signature"]
    return json.dumps(document).encode()


def _tampered() -> bytes:
    return SAMPLE_PACK.read_bytes().replace(b"moon-biscuit tin", b"moon-biscuit jar", 1)


REFUSED: list[tuple[str, Callable[[], bytes], str]] = [
    ("unsigned", _unsigned, "unsigned"),
    ("tampered", _tampered, "does not match its content"),
    ("not json", lambda: b"{not json", "not valid JSON"),
    ("another format", lambda: b'{"format": "x/1"}', "unknown pack format"),
]


@pytest.mark.parametrize(("label", "raw", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_bad_pack_is_refused_with_its_reason_and_nothing_is_stored(
    db: Database, label: str, raw: Callable[[], bytes], reason: str
) -> None:
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match=reason) as refused:
        import_content_pack(uow, ACTOR, raw(), [sample_key()])
    assert refused.value.path == "$"
    with UnitOfWork(db) as uow:
        assert uow.session.scalar(select(func.count()).select_from(StoredContentPack)) == 0


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ([], "no organisation signing key is configured"),
        ([Ed25519PrivateKey.generate().public_key()], "not one of the organisation keys"),
    ],
)
def test_a_pack_needs_a_trusted_key(db: Database, keys: list[Any], reason: str) -> None:
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match=reason):
        import_content_pack(uow, ACTOR, SAMPLE_PACK.read_bytes(), keys)


def _signed_version(version: int) -> bytes:
    from assessments.content_pack import sign_content_pack

    key = load_pem_private_key((PACKS / "zephyr-test-signing-key.pem").read_bytes(), None)
    assert isinstance(key, Ed25519PrivateKey)
    return sign_content_pack({**sample_pack_document(), "version": version}, key)


def test_only_a_newer_version_of_a_pack_replaces_it(db: Database) -> None:
    import_sample_pack(db)
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match="not newer than version 1"):
        import_content_pack(uow, ACTOR, SAMPLE_PACK.read_bytes(), [sample_key()])
    with UnitOfWork(db) as uow:
        import_content_pack(uow, ACTOR, _signed_version(2), [sample_key()])
        uow.commit()
    with UnitOfWork(db) as uow:
        pack = current_content_pack(uow)
    assert pack is not None and pack.version == 2


def test_a_stored_pack_altered_in_the_database_is_not_trusted(db: Database) -> None:
    import_sample_pack(db)
    with UnitOfWork(db) as uow:
        uow.session.execute(update(StoredContentPack).values(signed_pack=_tampered()))
        uow.commit()
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match="no longer matches"):
        current_content_pack(uow)


@pytest.mark.parametrize(
    ("pem", "refusal"),
    [
        (b"not a key", "not a PEM public key"),
        ((PACKS / "zephyr-test-signing-key.pem").read_bytes(), "not a PEM public key"),
    ],
)
def test_a_trusted_key_must_be_an_ed25519_public_key(pem: bytes, refusal: str) -> None:
    with pytest.raises(UsageError, match=refusal):
        public_key_from_pem(pem)
