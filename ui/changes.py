"""What a change operation altered, so that each view refreshes only what it shows.

One `Changes` value travels on `Background.changed` after every successful change operation
(Anki's OpChanges idea): the caseload reloads when `caseload` is set, an open family when its id
is in `families`, and so on. Plain frozen data, safe to pass between threads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    families: frozenset[str] = frozenset()
    visits: frozenset[str] = frozenset()
    caseload: bool = False
    drafts: bool = False

    def touches_family(self, family_id: str | None) -> bool:
        return family_id is not None and family_id in self.families

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            families=self.families | other.families,
            visits=self.visits | other.visits,
            caseload=self.caseload or other.caseload,
            drafts=self.drafts or other.drafts,
        )

    @property
    def empty(self) -> bool:
        return not (self.families or self.visits or self.caseload or self.drafts)


NO_CHANGES = Changes()


def family_changed(family_id: str, *, caseload: bool = True) -> Changes:
    """A family's own records changed (carers, children, visits…); the caseload row may too."""
    return Changes(families=frozenset({family_id}), caseload=caseload)
