"""Structural checks of a content pack document, turning a parsed JSON object into a
`ContentPack`.

Owns the rules of `homevisit.gcp2-pack/1` beyond what JSON itself says; the JSON Schema
`assessments/gcp2-pack-1.schema.json` describes the same shape for organisations' tooling, and a
test keeps the two in step. Every refusal names the JSON path of the problem, e.g.
`$.sub_areas['safety.in_presence'].items[2].id: ...`, so an organisation can fix its file.
Knows nothing of signatures (see `content_pack.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from assessments import gcp2
from assessments.errors import ContentPackError
from assessments.pack_model import (
    SUGGESTION_KINDS,
    AgeBand,
    ContentPack,
    PackItem,
    SuggestionKind,
)
from assessments.scale import GRADES

PACK_FORMAT = "homevisit.gcp2-pack/1"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MAX_TEXT = 4000  # longer than any descriptor we have seen; stops a runaway file early

_TOP_KEYS = {"format", "id", "version", "organisation", "licence", "age_bands", "sub_areas",
             "areas", "signature"}
_TOP_REQUIRED = {"format", "id", "version", "organisation", "licence", "sub_areas"}


def _refuse(path: str, problem: str) -> ContentPackError:
    return ContentPackError(f"{path}: {problem}")


def _object(value: Any, path: str, *, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _refuse(path, "must be a JSON object")
    for key in value:
        if key not in allowed:
            raise _refuse(f"{path}.{key}", "unknown key (not part of homevisit.gcp2-pack/1)")
    for key in sorted(required):
        if key not in value:
            raise _refuse(f"{path}.{key}", "is required")
    return cast(dict[str, Any], value)


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _refuse(path, "must be non-empty text")
    if len(value) > MAX_TEXT:
        raise _refuse(path, f"is longer than {MAX_TEXT} characters")
    return value


def _identifier(value: Any, path: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise _refuse(path, "must be an id of 1-64 lower-case letters, digits, '.', '_' or '-'")
    return value


def _whole_number(value: Any, path: str, *, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise _refuse(path, f"must be a whole number of at least {minimum}")
    return value


def _descriptors(value: Any, path: str) -> dict[int, str]:
    if not isinstance(value, dict) or not value:
        raise _refuse(path, "must be an object mapping grades \"1\"-\"5\" to text")
    result: dict[int, str] = {}
    for key, text in value.items():
        if key not in {str(g) for g in GRADES}:
            raise _refuse(f"{path}['{key}']", "grades are 1 to 5")
        result[int(key)] = _text(text, f"{path}['{key}']")
    return dict(sorted(result.items()))


def _age_bands(value: Any, path: str) -> tuple[AgeBand, ...]:
    if not isinstance(value, list):
        raise _refuse(path, "must be a list")
    bands: list[AgeBand] = []
    for n, raw in enumerate(value):
        here = f"{path}[{n}]"
        keys = {"id", "label", "from_months", "to_months"}
        band = _object(raw, here, allowed=keys, required=keys)
        band_id = _identifier(band["id"], f"{here}.id")
        if any(b.id == band_id for b in bands):
            raise _refuse(f"{here}.id", f"duplicate age band id {band_id!r}")
        start = _whole_number(band["from_months"], f"{here}.from_months", minimum=0)
        end = _whole_number(band["to_months"], f"{here}.to_months", minimum=0)
        if end < start:
            raise _refuse(f"{here}.to_months", "must not be before from_months")
        bands.append(AgeBand(band_id, _text(band["label"], f"{here}.label"), start, end))
    return tuple(bands)


def _items(value: Any, path: str, sub_area_id: str, band_ids: set[str],
           seen: set[str]) -> list[PackItem]:
    if not isinstance(value, list) or not value:
        raise _refuse(path, "must be a non-empty list of items")
    items: list[PackItem] = []
    for n, raw in enumerate(value):
        here = f"{path}[{n}]"
        item = _object(raw, here, allowed={"id", "text", "descriptors", "age_bands"},
                       required={"id", "text"})
        item_id = _identifier(item["id"], f"{here}.id")
        if item_id in seen:
            raise _refuse(f"{here}.id", f"duplicate item id {item_id!r} (item ids are unique "
                                        "across the whole pack)")
        seen.add(item_id)
        bands: tuple[str, ...] = ()
        if "age_bands" in item:
            raw_bands = item["age_bands"]
            if not isinstance(raw_bands, list) or not raw_bands:
                raise _refuse(f"{here}.age_bands", "must be a non-empty list of age band ids")
            for k, band in enumerate(raw_bands):
                if band not in band_ids:
                    raise _refuse(f"{here}.age_bands[{k}]", f"unknown age band {band!r}")
            bands = tuple(raw_bands)
        descriptors = (_descriptors(item["descriptors"], f"{here}.descriptors")
                       if "descriptors" in item else {})
        items.append(PackItem(item_id, sub_area_id, _text(item["text"], f"{here}.text"),
                              descriptors, bands))
    return items


def _suggestion_rules(value: Any, path: str) -> dict[str, SuggestionKind]:
    if not isinstance(value, dict):
        raise _refuse(path, "must be an object keyed by area id")
    rules: dict[str, SuggestionKind] = {}
    for area_id, raw in value.items():
        here = f"{path}['{area_id}']"
        if not gcp2.is_area(area_id):
            raise _refuse(here, f"unknown area id; expected one of {', '.join(gcp2.AREA_IDS)}")
        entry = _object(raw, here, allowed={"suggestion"}, required={"suggestion"})
        rule = _object(entry["suggestion"], f"{here}.suggestion", allowed={"kind"},
                       required={"kind"})
        kind = rule["kind"]
        if kind not in SUGGESTION_KINDS:
            raise _refuse(f"{here}.suggestion.kind",
                          f"unknown rule {kind!r}; expected one of {', '.join(SUGGESTION_KINDS)}")
        rules[area_id] = kind
    return rules


def parse_pack(document: Mapping[str, Any], *, key_id: str, digest: str) -> ContentPack:
    """The pack a well-formed document describes; ContentPackError names the first problem."""
    top = _object(dict(document), "$", allowed=_TOP_KEYS, required=_TOP_REQUIRED)
    if top["format"] != PACK_FORMAT:
        raise _refuse("$.format", f"unknown pack format {top['format']!r}; "
                                  f"this version of HomeVisit reads {PACK_FORMAT!r}")
    pack_id = _identifier(top["id"], "$.id")
    version = _whole_number(top["version"], "$.version", minimum=1)
    organisation = _text(top["organisation"], "$.organisation")
    licence = _text(top["licence"], "$.licence")
    bands = _age_bands(top["age_bands"], "$.age_bands") if "age_bands" in top else ()
    band_ids = {b.id for b in bands}
    subs = top["sub_areas"]
    if not isinstance(subs, dict):
        raise _refuse("$.sub_areas", "must be an object keyed by sub-area id")
    for sub_id in subs:
        if not gcp2.is_sub_area(sub_id):
            raise _refuse(f"$.sub_areas['{sub_id}']", "unknown sub-area id (see docs/gcp2.md)")
    items: list[PackItem] = []
    descriptors: dict[str, dict[int, str]] = {}
    seen: set[str] = set()
    for sub_id in gcp2.SUB_AREA_IDS:  # definition order, so items_for() follows the chart
        here = f"$.sub_areas['{sub_id}']"
        if sub_id not in subs:
            raise _refuse(here, "is missing: a pack covers all 13 sub-areas")
        entry = _object(subs[sub_id], here, allowed={"items", "descriptors"}, required={"items"})
        if "descriptors" in entry:
            descriptors[sub_id] = _descriptors(entry["descriptors"], f"{here}.descriptors")
        items.extend(_items(entry["items"], f"{here}.items", sub_id, band_ids, seen))
    rules = _suggestion_rules(top["areas"], "$.areas") if "areas" in top else {}
    return ContentPack(
        id=pack_id,
        version=version,
        organisation=organisation,
        licence=licence,
        key_id=key_id,
        digest=digest,
        items=tuple(items),
        sub_area_descriptors=descriptors,
        age_bands=bands,
        suggestion_rules=rules,
    )
