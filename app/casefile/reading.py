"""Reading a case file's JSON: bytes to an ordered tree, and the typed field readers of the walk.

Owns the JSON path notation, the wording of every "expected X, got Y" problem, and the rules for
the shared field kinds (ids, names, dates, timestamps). Every reader raises `InvalidInput` at the
value's own path, so the walk that calls them in document order reports the first problem first.
Messages never repeat a field's value except ids and keys: values are personal data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.errors import InvalidInput

ROOT = "$"
MAX_ID_LENGTH = 64
TIMESTAMP_EXAMPLE = "2026-11-20T10:00:00+00:00"

# [0-9], never \d: \d also matches Arabic-Indic and other digits that fromisoformat accepts.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(
    r"(?P<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)"
    r"(?P<offset>Z|[+-][0-9]{2}:[0-9]{2})?"
)
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LITERALS = ("true", "false", "null")


class JsonObject:
    """A JSON object as its key/value pairs in file order, duplicates kept so the walk can
    report them (a plain dict would silently keep only the last)."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs


@dataclass(frozen=True)
class NotJsonNumber:
    """NaN, Infinity or -Infinity: Python's json accepts them, JSON does not."""

    text: str


def decode_text(raw: bytes) -> str:
    """The file's bytes as text: UTF-8, with a leading byte-order mark dropped."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(
            ROOT, "not UTF-8 text: the file starts with a UTF-16 byte-order mark; save it as UTF-8"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InvalidInput(
            ROOT,
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} at line {line} column {column} "
            "cannot be decoded",
        ) from None
    # Editors on Windows often start UTF-8 files with a byte-order mark; it carries no data.
    return text.removeprefix("\ufeff")


def decode_json(text: str) -> Any:
    """JSON text to a tree of JsonObject, list, str, int, float, bool and None."""
    if not text.strip():
        raise InvalidInput(ROOT, "not valid JSON: the file is empty")
    try:
        return json.loads(text, object_pairs_hook=JsonObject, parse_constant=NotJsonNumber)
    except json.JSONDecodeError as error:
        raise InvalidInput(ROOT, _describe_decode_error(error)) from None
    except RecursionError:
        raise InvalidInput(ROOT, "not readable: arrays or objects are nested too deeply") from None


def _describe_decode_error(error: json.JSONDecodeError) -> str:
    text, pos = error.doc, error.pos
    rest = text[pos:].strip()
    truncated = (
        pos >= len(text.rstrip())
        or error.msg.startswith("Unterminated string")
        or (rest != "" and any(word.startswith(rest) and word != rest for word in _LITERALS))
    )
    if truncated:
        end = len(text)
        line = text.count("\n", 0, end) + 1
        column = end - (text.rfind("\n", 0, end) + 1) + 1
        return f"not valid JSON: the file ends too early (truncated?) at line {line} column {column}"
    reason = error.msg[:1].lower() + error.msg[1:]
    return f"not valid JSON: {reason} at line {error.lineno} column {error.colno}"


# --- paths and wording ------------------------------------------------------------------------


def member_path(path: str, key: str) -> str:
    """`$.families` for plain keys; `$['odd key']` (RFC 9535 style) for anything else."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{quoted(key)}]"


def item_path(path: str, index: int) -> str:
    return f"{path}[{index}]"


def quoted(text: str, limit: int = 64) -> str:
    """A key or id shown in a message: single-quoted, escaped, never more than `limit` chars."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    out = []
    for char in shown:
        if char in "\\'":
            out.append("\\" + char)
        elif char.isprintable() or char == "…":
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}")
    return "'" + "".join(out) + "'"


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, NotJsonNumber):
        return f"{value.text}, which is not valid JSON"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def type_problem(expected: str, value: Any) -> str:
    return f"expected {expected}, got {describe(value)}"


# --- object walking ---------------------------------------------------------------------------

FieldReader = Callable[[Any, str], Any]


def read_object(
    value: Any,
    path: str,
    required: Mapping[str, FieldReader],
    optional: Mapping[str, FieldReader] | None = None,
) -> dict[str, Any]:
    """Read an object's members in file order with the reader for each key.

    A duplicate or unknown key fails at its own path; a missing required key is only known at
    the closing brace, so it fails after everything inside, at the object's path.
    """
    obj = expect_object(value, path)
    optional = optional or {}
    read: dict[str, Any] = {}
    for key, item in obj.pairs:
        key_path = member_path(path, key)
        if key in read:
            raise InvalidInput(key_path, f"duplicate key {quoted(key)}")
        reader = required.get(key) or optional.get(key)
        if reader is None:
            raise InvalidInput(key_path, f"unknown key {quoted(key)}")
        read[key] = reader(item, key_path)
    for key in required:
        if key not in read:
            raise InvalidInput(path, f"missing required key {quoted(key)}")
    return read


def expect_object(value: Any, path: str) -> JsonObject:
    if not isinstance(value, JsonObject):
        raise InvalidInput(path, type_problem("an object", value))
    return value


def expect_list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidInput(path, type_problem("an array", value))
    return value


def read_list(value: Any, path: str, read_item: FieldReader) -> tuple[Any, ...]:
    return tuple(read_item(item, item_path(path, i)) for i, item in enumerate(expect_list(value, path)))


def read_bool(value: Any, path: str) -> bool:
    # bool only: JSON 0/1 are numbers, and Python's bool-is-int must not let them through.
    if not isinstance(value, bool):
        raise InvalidInput(path, type_problem("true or false", value))
    return value


def read_text(value: Any, path: str) -> str:
    """Any string that can be stored and written back as UTF-8 (empty allowed)."""
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a string", value))
    if "\x00" in value:
        raise InvalidInput(path, "text contains a NUL character (\\u0000)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # "\ud800" is legal JSON escape syntax but no character: it could never be exported.
        raise InvalidInput(path, "text contains an unpaired UTF-16 surrogate escape") from None
    return value


def read_name(value: Any, path: str) -> str:
    """Text that must say something: names and relationships."""
    text = read_text(value, path)
    if not text.strip():
        raise InvalidInput(path, "must not be empty")
    return text


def read_id_text(value: Any, path: str) -> str:
    """An id's form only; uniqueness is the walk's `IdRegister`."""
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a string id", value))
    if not value:
        raise InvalidInput(path, "id must not be empty")
    if len(value) > MAX_ID_LENGTH:
        raise InvalidInput(path, f"id is {len(value)} characters long; the most is {MAX_ID_LENGTH}")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in value):
        raise InvalidInput(path, "id contains a control character")
    if value != value.strip():
        raise InvalidInput(path, f"id {quoted(value)} starts or ends with a space")
    return value


def read_choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a string", value))
    if value not in choices:
        listed = " or ".join(quoted(choice) for choice in choices)
        raise InvalidInput(path, f"expected {listed}")
    return value


def read_date(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a date as YYYY-MM-DD", value))
    if not _DATE.fullmatch(value):
        raise InvalidInput(path, "expected a date as YYYY-MM-DD, e.g. 2023-05-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(path, "not a real calendar date") from None


def read_timestamp(value: Any, path: str) -> datetime:
    """ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.ffffff]]` with `Z` or `±HH:MM`; the offset is kept."""
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a timestamp string", value))
    match = _TIMESTAMP.fullmatch(value)
    if match is None:
        raise InvalidInput(path, f"expected an ISO 8601 timestamp like {TIMESTAMP_EXAMPLE}")
    if match.group("offset") is None:
        raise InvalidInput(path, f"timestamp needs a UTC offset, e.g. {TIMESTAMP_EXAMPLE}")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(path, "not a real date, time and UTC offset") from None
