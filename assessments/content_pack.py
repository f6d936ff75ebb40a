"""Loading and signing GCP2 content packs: the licensed text an organisation imports.

Owns the signature envelope and the order of refusals. A pack file is the pack document
(`homevisit.gcp2-pack/1`, see `pack_parse.py`) with one extra top-level member:

    "signature": {"alg": "Ed25519", "key_id": "<16 hex>", "value": "<base64>"}

`value` is the Ed25519 signature, by the organisation's key, over the RFC 8785 canonical JSON of
the document *without* its `signature` member; `key_id` is the first 16 hex digits of SHA-256
over the raw 32-byte public key. Signing the canonical form, not the file's bytes, lets an
organisation re-indent a file without breaking it, while any change of content breaks it.

The signature is checked before the structure is read, so nothing of an untrusted file is
interpreted beyond its JSON syntax and `format`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Sequence
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from assessments.errors import ContentPackError
from assessments.pack_model import AgeBand, ContentPack, PackItem
from assessments.pack_parse import PACK_FORMAT, parse_pack

__all__ = [
    "MAX_PACK_BYTES",
    "PACK_FORMAT",
    "AgeBand",
    "ContentPack",
    "ContentPackError",
    "PackItem",
    "key_id",
    "load_content_pack",
    "sign_content_pack",
]

MAX_PACK_BYTES = 8 * 1024 * 1024  # a full GCP2 text is well under 1 MB
SIGNATURE_ALG = "Ed25519"


def key_id(public_key: Ed25519PublicKey) -> str:
    """Short fingerprint of an organisation key, shown at set-up and written into signatures."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python keeps the last of duplicate keys silently; a signed file must mean one thing only.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ContentPackError(f"the pack has the key {key!r} twice in one object")
        result[key] = value
    return result


def _no_fractions(text: str) -> Any:
    raise ContentPackError(f"the pack holds the number {text}; only whole numbers are allowed")


def _parse_json(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_PACK_BYTES:
        raise ContentPackError("the file is too large to be a content pack")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentPackError("the file is not UTF-8 text, so it is not a content pack") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys,
                              parse_float=_no_fractions, parse_constant=_no_fractions)
    except json.JSONDecodeError as exc:
        raise ContentPackError(f"the file is not valid JSON (line {exc.lineno}, column "
                               f"{exc.colno}), so it is not a content pack") from None
    if not isinstance(document, dict):
        raise ContentPackError("the file is not a content pack: it is not a JSON object")
    return document


def _canonical(document: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    try:
        return rfc8785.dumps(unsigned)
    except rfc8785.CanonicalizationError as exc:
        raise ContentPackError(f"the pack cannot be put in canonical form: {exc}") from None


def _signature(document: dict[str, Any]) -> tuple[str, bytes]:
    sig = document.get("signature")
    if sig is None:
        raise ContentPackError("the pack is unsigned; only packs signed with your "
                               "organisation's key can be imported")
    if not isinstance(sig, dict) or set(sig) != {"alg", "key_id", "value"}:
        raise ContentPackError("$.signature: must be an object with exactly alg, key_id and value")
    if sig["alg"] != SIGNATURE_ALG:
        raise ContentPackError(f"$.signature.alg: unsupported algorithm {sig['alg']!r}; "
                               f"packs are signed with {SIGNATURE_ALG}")
    if not isinstance(sig["key_id"], str) or not isinstance(sig["value"], str):
        raise ContentPackError("$.signature: key_id and value must be text")
    try:
        value = base64.b64decode(sig["value"], validate=True)
    except (binascii.Error, ValueError):
        raise ContentPackError("$.signature.value: is not valid base64") from None
    if len(value) != 64:
        raise ContentPackError("$.signature.value: an Ed25519 signature is 64 bytes")
    return sig["key_id"], value


def load_content_pack(raw: bytes, *, trusted_keys: Sequence[Ed25519PublicKey]) -> ContentPack:
    """The pack in `raw`, if a trusted organisation key signed exactly this content and the
    content is a well-formed `homevisit.gcp2-pack/1`; otherwise ContentPackError with one clear
    reason. Also used to re-check a stored pack each time it is read back."""
    document = _parse_json(raw)
    if "format" not in document:
        raise ContentPackError("the file is not a content pack: it has no format")
    if document["format"] != PACK_FORMAT:
        raise ContentPackError(f"unknown pack format {document['format']!r}; this version of "
                               f"HomeVisit reads {PACK_FORMAT!r}")
    signer, signature = _signature(document)
    if not trusted_keys:
        raise ContentPackError("no organisation signing key is configured, so no pack can be "
                               "trusted; set one up first")
    matching = [k for k in trusted_keys if key_id(k) == signer]
    if not matching:
        raise ContentPackError(f"the pack is signed by key {signer}, which is not one of the "
                               "organisation keys configured on this device")
    content = _canonical(document)
    try:
        matching[0].verify(signature, content)
    except InvalidSignature:
        raise ContentPackError("the pack's signature does not match its content: it was changed "
                               "after signing, or the signature is damaged") from None
    return parse_pack(document, key_id=signer, digest=hashlib.sha256(content).hexdigest())


def sign_content_pack(pack: dict[str, Any], private_key: Ed25519PrivateKey) -> bytes:
    """The signed pack file (UTF-8 JSON) for an organisation's tooling to distribute.

    Refuses (ContentPackError) a pack that `load_content_pack` would refuse for its structure,
    so an organisation never signs and ships a file the app will reject. Any existing signature
    is replaced.
    """
    document = {k: v for k, v in pack.items() if k != "signature"}
    content = _canonical(document)
    signer = key_id(private_key.public_key())
    parse_pack(document, key_id=signer, digest=hashlib.sha256(content).hexdigest())
    document["signature"] = {
        "alg": SIGNATURE_ALG,
        "key_id": signer,
        "value": base64.b64encode(private_key.sign(content)).decode("ascii"),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
