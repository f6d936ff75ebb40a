"""Checks on the configuration mappings for themes and recurring-theme rules.

Owns `ThemeConfigError` and the small type and shape checks both `themes` and
`recurring_themes` use, so that every refusal names the JSON path of the first problem in the
form `$.themes[2].id` (the same form the case-file import uses). Pure; touches nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assessments.errors import AssessmentsError

# Ids are stored in case files and configuration: short, lower-case, stable, safe in any key.
THEME_ID = re.compile(r"[a-z][a-z0-9_]{1,48}")


class ThemeConfigError(AssessmentsError):
    """Theme or rule configuration that cannot be used; `path` points at the first problem."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def required_mapping(value: object, path: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise ThemeConfigError(path, "must be an object")
    return value


def required_list(value: object, path: str) -> list[object]:
    # A string is a sequence too; accepting it would turn "abc" into three entries.
    if not isinstance(value, list | tuple):
        raise ThemeConfigError(path, "must be a list")
    return list(value)


def check_keys(
    item: Mapping[str, object], path: str, allowed: set[str], required: set[str] | None = None
) -> None:
    """Unknown keys are refused rather than ignored: a misspelt key would otherwise silently
    leave a safeguarding rule at a value nobody chose."""
    for key in sorted(item):
        if key not in allowed:
            raise ThemeConfigError(f"{path}.{key}", "is not a known setting")
    for key in sorted(required or set()):
        if key not in item:
            raise ThemeConfigError(f"{path}.{key}", "is required")


def check_id(value: object, path: str) -> str:
    if not isinstance(value, str) or THEME_ID.fullmatch(value) is None:
        raise ThemeConfigError(
            path,
            "must be 2 to 49 characters: a lower-case letter, then lower-case letters, "
            "digits or underscores",
        )
    return value


def required_text(value: object, path: str, max_length: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ThemeConfigError(path, "must be a non-empty text")
    if len(value) > max_length:
        raise ThemeConfigError(path, f"must be at most {max_length} characters")
    return value.strip()


def optional_text(
    item: Mapping[str, object], key: str, path: str, default: str, max_length: int
) -> str:
    if key not in item:
        return default
    value = item[key]
    if not isinstance(value, str):
        raise ThemeConfigError(f"{path}.{key}", "must be a text")
    if len(value) > max_length:
        raise ThemeConfigError(f"{path}.{key}", f"must be at most {max_length} characters")
    return value.strip()


def optional_bool(item: Mapping[str, object], key: str, path: str, default: bool) -> bool:
    if key not in item:
        return default
    value = item[key]
    if not isinstance(value, bool):
        raise ThemeConfigError(f"{path}.{key}", "must be true or false")
    return value


def optional_int(
    item: Mapping[str, object], key: str, path: str, default: int, lowest: int, highest: int
) -> int:
    if key not in item:
        return default
    value = item[key]
    # bool is an int in Python; `true` for a number of months is a mistake, not 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ThemeConfigError(f"{path}.{key}", "must be a whole number")
    if not lowest <= value <= highest:
        raise ThemeConfigError(f"{path}.{key}", f"must be from {lowest} to {highest}")
    return value
