"""Where a JSON path is in the file's text: the line and column an administrator can jump to.

Only used after a problem is found (the walk itself never tracks positions), so it re-scans the
text along the one path, skipping sibling values with the standard decoder. Best effort: if the
path cannot be followed to the end, the position of the deepest part found is returned.
"""

from __future__ import annotations

import json
import re

_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\['((?:[^'\\]|\\.)*)'\]")
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def line_and_column(text: str, path: str, *, occurrence: int = 1) -> tuple[int, int] | None:
    """1-based line and column of the member or element `path` names (`$...`), or None.

    For an object member the key's position is given (the key and value normally share a
    line); `occurrence` picks the n-th member of that name, for duplicate keys.
    """
    if not path.startswith("$"):
        return None
    position = _locate(text, _segments(path[1:]), occurrence)
    if position is None:
        return None
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _segments(rest: str) -> list[str | int]:
    segments: list[str | int] = []
    pos = 0
    while pos < len(rest):
        match = _SEGMENT.match(rest, pos)
        if match is None:
            break  # an abbreviated key (see reading.quoted): stop at its parent
        name, index, quoted_key = match.groups()
        if index is not None:
            segments.append(int(index))
        elif name is not None:
            segments.append(name)
        else:
            segments.append(re.sub(r"\\(.)", r"\1", quoted_key))
        pos = match.end()
    return segments


def _locate(text: str, segments: list[str | int], occurrence: int) -> int | None:
    pos = _skip_space(text, 0)
    found: int | None = pos if pos < len(text) else None
    for number, segment in enumerate(segments):
        last = number == len(segments) - 1
        step = _step(text, pos, segment, occurrence if last else 1)
        if step is None:
            break
        found, pos = step
        if not last:
            found = pos
    return found


def _step(text: str, pos: int, segment: str | int, occurrence: int) -> tuple[int, int] | None:
    """(where the segment starts, where its value starts) inside the container at `pos`."""
    try:
        if isinstance(segment, str) and text.startswith("{", pos):
            return _member(text, pos, segment, occurrence)
        if isinstance(segment, int) and text.startswith("[", pos):
            return _element(text, pos, segment)
    except (ValueError, IndexError):
        return None  # the text ends or breaks before the path does
    return None


def _member(text: str, pos: int, key: str, occurrence: int) -> tuple[int, int] | None:
    pos = _skip_space(text, pos + 1)
    seen = 0
    while not text.startswith("}", pos):
        key_pos = pos
        name, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, pos)
        value_pos = _skip_space(text, pos + 1)  # past the colon
        if name == key:
            seen += 1
            if seen == occurrence:
                return key_pos, value_pos
        _, pos = _DECODER.raw_decode(text, value_pos)
        pos = _skip_space(text, pos)
        if not text.startswith(",", pos):
            return None
        pos = _skip_space(text, pos + 1)
    return None


def _element(text: str, pos: int, index: int) -> tuple[int, int] | None:
    pos = _skip_space(text, pos + 1)
    current = 0
    while not text.startswith("]", pos):
        if current == index:
            return pos, pos
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, pos)
        if not text.startswith(",", pos):
            return None
        pos = _skip_space(text, pos + 1)
        current += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos
