"""Byte-level helpers shared by the FC-Sync modules: base64url, canonical JSON, strict JSON
reading, digests and timestamps. Private to `fcsync`; callers use the public modules.

Strict reading matters because the gateway parses bytes from anyone: duplicate keys, NaN and
non-object documents are refused rather than silently interpreted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any, NoReturn

import rfc8785

from fcsync.problems import ProtocolError

PROTOCOL_VERSION = "fc-sync/1"

# rfc8785 refuses integers outside ±(2^53 - 1); floats it rewrites (1.0 → 1), so signed
# payloads carry none: grades are integers or codes, timestamps strings.
_MAX_SAFE_INT = 2**53 - 1


_CANONICAL_LAST = {1: "AEIMQUYcgkosw048", 2: "AQgw"}


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode unpadded base64url; raises ValueError on anything else (padding, other alphabet)."""
    if not isinstance(text, str) or len(text) % 4 == 1 or "=" in text or "+" in text or "/" in text:
        # b64decode maps the altchars "-_" to "+/" and would then accept "+" and "/" as well;
        # with those and "=" refused here, validate=True leaves exactly A-Z a-z 0-9 - _
        # (non-ASCII text fails to encode). Three scans for a character are a fraction of the
        # cost of a regular expression over a whole envelope.
        raise ValueError("not unpadded base64url")
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc
    # Canonical only: the last character of a partial group may not carry spare bits (the same
    # rule as re-encoding and comparing, at a fraction of the cost for large payloads).
    pad = -len(text) % 4
    if pad and text[-1] not in _CANONICAL_LAST[pad]:
        raise ValueError("not canonical base64url")
    return raw


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_b64url(data: bytes) -> str:
    return b64url_encode(hashlib.sha256(data).digest())


def _check_signable(value: Any, path: str) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > _MAX_SAFE_INT:
            raise ValueError(f"{path}: integer beyond 2^53 cannot be signed")
        return
    if isinstance(value, float):
        raise ValueError(f"{path}: floats cannot be signed; use an integer or a string")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{path}: object keys must be strings")
            _check_signable(item, f"{path}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_signable(item, f"{path}[{index}]")
        return
    raise ValueError(f"{path}: {type(value).__name__} is not JSON")


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of `value`; ValueError for floats, huge integers or non-JSON values."""
    simple = _simple_canonical_json(value)
    if simple is not None:
        return simple
    _check_signable(value, "$")
    return rfc8785.dumps(value)


# Printable ASCII: the only characters JSON escapes there are '"' and '\\', in the same way in
# RFC 8785 and in Python's json; and ASCII keys sort the same by UTF-16 unit and by code point.
_PLAIN_TEXT = re.compile(r"[\x20-\x7e]*")


def _simple_canonical_json(value: Any) -> bytes | None:
    """RFC 8785 bytes of a flat object (receipts, tokens, envelope headers, the seal context)
    through the C json encoder, which is several times faster than the general serializer; None
    when `value` holds anything but printable-ASCII strings, safe integers, booleans, null and
    lists of such strings. tests/gateway/test_fcsync_fast_paths.py compares it with rfc8785."""
    if type(value) is not dict:
        return None
    for key, item in value.items():
        if type(key) is not str or not _PLAIN_TEXT.fullmatch(key):
            return None
        kind = type(item)
        if kind is str:
            if not _PLAIN_TEXT.fullmatch(item):
                return None
        elif kind is int:
            if abs(item) > _MAX_SAFE_INT:
                return None
        elif kind is list:
            if not all(type(entry) is str and _PLAIN_TEXT.fullmatch(entry) for entry in item):
                return None
        elif kind is not bool and item is not None:
            return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def read_json_object(data: bytes, code: str, what: str) -> dict[str, Any]:
    """Parse UTF-8 JSON that must be an object; ProtocolError(code) for anything else."""
    try:
        value = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_unique_object,
            parse_constant=_refuse_constant,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError(code, f"{what} is not valid JSON") from exc
    if not isinstance(value, dict):
        raise ProtocolError(code, f"{what} is not a JSON object")
    return value


def require_str(obj: dict[str, Any], name: str, code: str, what: str, *, max_len: int = 512) -> str:
    value = obj.get(name)
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise ProtocolError(code, f"{what}: '{name}' must be a non-empty string")
    return value


def require_int(obj: dict[str, Any], name: str, code: str, what: str) -> int:
    value = obj.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > _MAX_SAFE_INT:
        raise ProtocolError(code, f"{what}: '{name}' must be an integer")
    return value


def format_instant(moment: datetime) -> str:
    """An aware datetime as RFC 3339 UTC with seconds, e.g. 2026-11-29T02:00:00Z."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("timestamps must carry a time zone")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_instant(text: str, code: str, what: str) -> datetime:
    """Inverse of `format_instant` (any RFC 3339 offset accepted); ProtocolError(code) otherwise."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ProtocolError(code, f"{what} is not an RFC 3339 timestamp") from exc
    if moment.tzinfo is None:
        raise ProtocolError(code, f"{what} has no time zone")
    return moment.astimezone(UTC)
