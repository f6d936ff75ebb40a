"""What a loaded GCP2 content pack holds: licensed items, grade descriptors, age bands and the
organisation's optional suggestion rules, as frozen data.

Owns only the shape and the look-ups. Loading, signature checks and structural checks live in
`content_pack.py` and `pack_parse.py`. Pack text is licensed: nothing here may be written to
logs, exports, summaries or parent reports; callers show it on screen only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

SuggestionKind = Literal["max", "median", "mode_then_max", "none"]
SUGGESTION_KINDS: tuple[SuggestionKind, ...] = ("max", "median", "mode_then_max", "none")


@dataclass(frozen=True)
class AgeBand:
    id: str
    label: str
    from_months: int
    to_months: int  # inclusive

    def contains(self, age_months: int) -> bool:
        return self.from_months <= age_months <= self.to_months


@dataclass(frozen=True)
class PackItem:
    id: str
    sub_area_id: str
    text: str
    descriptors: Mapping[int, str] = field(default_factory=dict)
    age_band_ids: tuple[str, ...] = ()  # empty: the item applies at every age


@dataclass(frozen=True)
class ContentPack:
    id: str
    version: int
    organisation: str
    licence: str
    key_id: str  # which configured organisation key signed it
    digest: str  # SHA-256 (hex) of the RFC 8785 form of the signed content
    items: tuple[PackItem, ...]
    sub_area_descriptors: Mapping[str, Mapping[int, str]]
    age_bands: tuple[AgeBand, ...] = ()
    suggestion_rules: Mapping[str, SuggestionKind] = field(default_factory=dict)

    def items_for(self, sub_area_id: str, age_months: int | None = None) -> tuple[PackItem, ...]:
        """Items of a sub-area in pack order; with an age, only those whose bands include it."""
        chosen = [i for i in self.items if i.sub_area_id == sub_area_id]
        if age_months is None:
            return tuple(chosen)
        bands = {b.id: b for b in self.age_bands}
        return tuple(
            i
            for i in chosen
            if not i.age_band_ids or any(bands[b].contains(age_months) for b in i.age_band_ids)
        )

    def item_ids(self, sub_area_id: str) -> frozenset[str]:
        return frozenset(i.id for i in self.items if i.sub_area_id == sub_area_id)

    def item(self, item_id: str) -> PackItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def descriptor(self, sub_area_id: str, grade: int, item_id: str | None = None) -> str | None:
        """The licensed description of a grade: the item's own if it has one, else the
        sub-area's; None where the pack gives none."""
        if item_id is not None:
            found = self.item(item_id)
            if found is not None and grade in found.descriptors:
                return found.descriptors[grade]
        return self.sub_area_descriptors.get(sub_area_id, {}).get(grade)

    def suggestion_kind(self, area_id: str) -> SuggestionKind:
        return self.suggestion_rules.get(area_id, "none")
