"""Reading an organisation configuration file and checking it against its JSON Schema.

Owns the bytes-to-document step (UTF-8, JSON, no duplicate keys) and turning the schema's
verdict into ONE problem: the first in document order, at its own JSON path
(`$.levels.suggestions[2].areas`), in the same words the semantic checks use ("is not a known
setting", "is required", "must be from 1 to 5"). Schema keywords `x-problem` give the wording
for a pattern. `organisation.py` runs the checks the schema cannot state.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from app.errors import InvalidInput

SCHEMA_FILE = "organisation.schema.json"
MAX_BYTES = 1_000_000
ROOT = "$"

_TYPES = {
    "string": "a text", "integer": "a whole number", "number": "a number",
    "boolean": "true or false", "array": "a list", "object": "an object", "null": "null",
}


class _Duplicated(dict[str, Any]):
    """An object in which a key appears twice; `key` is the second appearance's key."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _Duplicated(pairs, key)
        seen.add(key)
    return dict(pairs)


def path_text(parts: Sequence[str | int]) -> str:
    out = ROOT
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _first_duplicate(value: Any, parts: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if isinstance(value, _Duplicated):
        return (*parts, value.key)
    children: Iterator[tuple[str | int, Any]]
    if isinstance(value, dict):
        children = iter(value.items())
    elif isinstance(value, list):
        children = iter(enumerate(value))
    else:
        return None
    for key, child in children:
        found = _first_duplicate(child, (*parts, key))
        if found is not None:
            return found
    return None


def read_document(raw: bytes) -> Any:
    """The file's JSON, or InvalidInput at `$` (or at a duplicated key's path)."""
    if len(raw) > MAX_BYTES:
        raise InvalidInput(ROOT, f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InvalidInput(ROOT, "not UTF-8 text") from None
    try:
        document = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            ROOT, f"not valid JSON: {error.msg.lower()} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise InvalidInput(ROOT, "not readable: nested too deeply") from None
    duplicate = _first_duplicate(document, ())
    if duplicate is not None:
        raise InvalidInput(path_text(duplicate), "appears twice in the same object")
    return document


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("app.config").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def _range(error: ValidationError, low_key: str, high_key: str, what: str = "") -> str:
    low, high = error.schema.get(low_key), error.schema.get(high_key)  # type: ignore[union-attr]
    if low is not None and high is not None:
        return f"must {what or 'be'} from {low} to {high}{' items' if what else ''}"
    if low is not None:
        return f"must {what or 'be'} at least {low}{' items' if what else ''}"
    return f"must {what or 'be'} at most {high}{' items' if what else ''}"


def _problem(error: ValidationError) -> tuple[tuple[str | int, ...], str, bool]:
    """(path parts, problem, missing): `missing` marks a key reported at the object's end."""
    parts = tuple(error.absolute_path)
    rule = str(error.validator)
    own: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if rule == "additionalProperties":
        known = set(own.get("properties", {}))
        extra = next(k for k in error.instance if k not in known)
        return (*parts, extra), "is not a known setting", False
    if rule == "required":
        missing = next(k for k in own.get("required", ()) if k not in error.instance)
        return (*parts, missing), "is required", True
    if rule == "dependentRequired":
        for key, needs in own.get("dependentRequired", {}).items():
            if key in error.instance and any(n not in error.instance for n in needs):
                return (*parts, key), f"is used only together with {' and '.join(needs)}", False
    if rule == "anyOf":
        options = [next(iter(o["required"])) for o in own.get("anyOf", ()) if "required" in o]
        return parts, "needs at least one condition: " + ", ".join(options), True
    if rule == "type":
        return parts, f"must be {_TYPES.get(str(error.validator_value), 'of another kind')}", False
    if rule == "const":
        return parts, f"must be {error.validator_value!r}", False
    if rule == "enum":
        return parts, "must be one of " + ", ".join(map(str, error.validator_value)), False
    if rule in ("minimum", "maximum"):
        return parts, _range(error, "minimum", "maximum"), False
    if rule in ("minItems", "maxItems"):
        return parts, _range(error, "minItems", "maxItems", "list"), False
    if rule == "minLength" and error.validator_value == 1:
        return parts, "must not be empty", False
    if rule == "maxLength":
        return parts, f"must be at most {error.validator_value} characters", False
    if rule == "pattern" and "x-problem" in own:
        return parts, str(own["x-problem"]), False
    return parts, error.message, False


def _position(document: Any, parts: tuple[str | int, ...], missing: bool) -> tuple[int, ...]:
    """Where a path lies in the file, for ordering: a missing key sorts after its object."""
    out: list[int] = []
    value = document
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if isinstance(value, dict) and isinstance(part, str):
            keys = list(value)
            out.append(len(keys) if (last and missing) or part not in value else keys.index(part))
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int):
            out.append(part)
            value = value[part] if part < len(value) else None
        else:
            out.append(0)
    if missing and not parts:
        out.append(1 << 30)
    return tuple(out)


def check_against_schema(document: Any) -> None:
    """InvalidInput for the first schema problem in document order; None if there is none."""
    found = []
    for error in _validator().iter_errors(document):
        parts, problem, missing = _problem(error)
        found.append((_position(document, parts, missing), path_text(parts), problem))
    if found:
        _, path, problem = min(found)
        raise InvalidInput(path, problem)
