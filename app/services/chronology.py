"""The family chronology: other agencies' entries, the merged date-ordered chronology, and the
recurring-theme prompts raised over it (with their audited dismissals).

The chronology is built, never stored: visits, lived-experience entries, agency entries and
assessments (started, completed) are read and merged on each call, so it can never disagree
with the records. The rules are `assessments.recurring_theme_rules`; this module only feeds them
and remembers which prompts a practitioner dismissed, and why. The tool prompts; the
practitioner decides.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import func, select

from app.audit import record_event
from app.config import organisation_config
from app.errors import UnknownRecord, UsageError
from app.services.chronology_views import ChronologyRow, PromptView
from app.services.lived_experience import aware, checked_themes, new_record_id
from app.services.registry import register
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child, Family, Visit
from app.storage.models_gcp2 import Gcp2Assessment
from app.storage.models_lived import ChronologyEntry, LivedExperienceEntry, PromptDismissal
from assessments.recurring_theme_rules import Rule
from assessments.recurring_themes import ThemedEvent, find_prompts
from assessments.themes import ThemeCatalogue

__all__ = [
    "ChronologyRow",
    "ChronologySource",
    "PromptView",
    "add_agency_entry",
    "add_chronology_source",
    "agency_entries_of_family",
    "dismiss_prompt",
    "family_chronology",
    "recurring_prompts",
]

KIND = "chronology_entry"
_VISIT_EVENT = {"announced": "Home visit (announced)", "unannounced": "Home visit (unannounced)"}
_OUR_SERVICE = "Home visit"


def _family(uow: UnitOfWork, family_id: str) -> Family:
    family = uow.session.get(Family, family_id)
    if family is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    return family


def _text(value: str, what: str) -> str:
    if not value.strip():
        raise UsageError(f"the {what} cannot be blank")
    return value


def add_agency_entry(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    occurred_at: datetime,
    event: str,
    source: str,
    impact: str = "",
    outcome: str = "",
    themes: Sequence[str] = (),
    child_id: str | None = None,
    catalogue: ThemeCatalogue | None = None,
    entry_id: str | None = None,
) -> ChronologyRow:
    """Enter by hand what another agency (`source`) recorded; `child_id` None: the family."""
    session = uow.session
    _family(uow, family_id)
    if child_id is not None:
        child = session.get(Child, child_id)
        if child is None or child.family_id != family_id:
            raise UnknownRecord(f"no child with id '{child_id}' in this family")
    seq = int(session.scalar(select(func.coalesce(func.max(ChronologyEntry.seq), 0))) or 0) + 1
    row = ChronologyEntry(
        id=register(session, KIND, entry_id or new_record_id("H")),
        family_id=family_id, child_id=child_id, seq=seq,
        occurred_at=aware(occurred_at, "time it happened"),
        event=_text(event, "event"), source=_text(source, "agency").strip(),
        impact=impact, outcome=outcome,
        themes=checked_themes(themes, catalogue or organisation_config(uow).themes.catalogue),
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind=KIND, record_id=row.id,
        detail={"family_id": family_id, "child_id": child_id, "themes": row.themes},
    )
    return _agency_row(row, _child_names(uow, family_id))


def agency_entries_of_family(uow: UnitOfWork, family_id: str) -> tuple[ChronologyEntry, ...]:
    """The family's agency entries in entry order (the case-file order). ORM rows: for the
    case-file section only, inside the unit of work."""
    return tuple(uow.session.scalars(
        select(ChronologyEntry).where(ChronologyEntry.family_id == family_id)
        .order_by(ChronologyEntry.seq)
    ))


ChronologySource = Callable[[UnitOfWork, str, dict[str, str]], list[ChronologyRow]]
"""Rows one feature adds to a family's chronology: (uow, family_id, child names by id)."""

_SOURCES: list[ChronologySource] = []

# The feature modules that register sources; imported on first use so that every caller (CLI,
# UI, case-file export) sees the same chronology whatever it happened to import before.
_FEATURE_MODULES = ("app.services.sharing_chronology", "app.services.plans_chronology")


def add_chronology_source(source: ChronologySource) -> ChronologySource:
    """Let a feature (plans, escalations, front-door outcomes ...) put its records on every
    family's chronology without this module knowing its tables. Registered at import time by
    the feature's service module; usable as a decorator."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def _child_names(uow: UnitOfWork, family_id: str) -> dict[str, str]:
    rows = uow.session.execute(select(Child.id, Child.name).where(Child.family_id == family_id))
    return {child_id: name for child_id, name in rows}


def _agency_row(row: ChronologyEntry, names: dict[str, str]) -> ChronologyRow:
    return ChronologyRow(
        kind=KIND, record_id=row.id, occurred_at=row.occurred_at, child_id=row.child_id,
        child=names.get(row.child_id or "", ""), event=row.event, source=row.source,
        impact=row.impact, outcome=row.outcome, themes=tuple(row.themes),
    )


def _all_rows(uow: UnitOfWork, family_id: str) -> list[ChronologyRow]:
    session = uow.session
    names = _child_names(uow, family_id)
    rows: list[ChronologyRow] = []
    for v_id, occurred, kind in session.execute(
        select(Visit.id, Visit.occurred_at, Visit.kind)
        .where(Visit.family_id == family_id)
    ):
        rows.append(ChronologyRow(
            kind="visit", record_id=v_id, occurred_at=occurred, child_id=None, child="",
            event=_VISIT_EVENT.get(kind, "Home visit"), source=_OUR_SERVICE, impact="",
            outcome="", themes=(),
        ))
    le = LivedExperienceEntry
    for r in session.execute(
        select(le.id, le.occurred_at, le.child_id, le.text, le.child_voice, le.impact,
               le.source, le.themes).where(le.family_id == family_id)
    ):
        event = r.text if not r.child_voice else f'{r.text} (in the child\'s words: "{r.child_voice}")'
        rows.append(ChronologyRow(
            kind="lived_experience", record_id=r.id, occurred_at=r.occurred_at,
            child_id=r.child_id, child=names.get(r.child_id, ""), event=event, source=r.source,
            impact=r.impact, outcome="", themes=tuple(r.themes),
        ))
    rows.extend(_agency_row(r, names) for r in agency_entries_of_family(uow, family_id))
    ga = Gcp2Assessment
    for a_id, child_id, started, completed in session.execute(
        select(ga.id, ga.child_id, ga.started_at, ga.completed_at).where(ga.family_id == family_id)
    ):
        for kind, moment, event in (("assessment_started", started, "GCP2 started"),
                                    ("assessment_completed", completed, "GCP2 completed")):
            if moment is not None:
                rows.append(ChronologyRow(
                    kind=kind, record_id=a_id, occurred_at=moment, child_id=child_id,
                    child=names.get(child_id, ""), event=event, source=_OUR_SERVICE,
                    impact="", outcome="", themes=(),
                ))
    for module in _FEATURE_MODULES:
        importlib.import_module(module)
    for source in _SOURCES:
        rows.extend(source(uow, family_id, names))
    rows.sort(key=lambda r: (r.occurred_at, r.kind, r.record_id))
    return rows


def family_chronology(
    uow: UnitOfWork,
    family_id: str,
    *,
    child_id: str | None = None,
    theme: str | None = None,
    source: str | None = None,
) -> list[ChronologyRow]:
    """Every significant event of the family in date order (the instant, whatever the offsets).
    `child_id` keeps that child's rows and the family's own; `theme` the rows tagged with it;
    `source` the rows from that source (ignoring case and spacing)."""
    _family(uow, family_id)
    rows = _all_rows(uow, family_id)
    if child_id is not None:
        rows = [r for r in rows if r.child_id in (child_id, None)]
    if theme is not None:
        rows = [r for r in rows if theme in r.themes]
    if source is not None:
        wanted = " ".join(source.split()).casefold()
        rows = [r for r in rows if " ".join(r.source.split()).casefold() == wanted]
    return rows


def _prompts(
    rows: list[ChronologyRow], child_id: str | None, rules: Sequence[Rule] | None
) -> list[PromptView]:
    themed = {r.event_id: r for r in rows if r.themes}
    events = [
        ThemedEvent(id=key, occurred_at=r.occurred_at, child_id=r.child_id, source=r.source,
                    themes=frozenset(r.themes), kind=r.kind)
        for key, r in themed.items()
    ]
    return [
        PromptView(
            key=p.key, rule_id=p.rule_id, suggestion=p.suggestion, themes=p.themes,
            first_on=p.first_on, last_on=p.last_on, sources=p.sources, child_id=p.child_id,
            cited=tuple(themed[e] for e in p.event_ids),
        )
        for p in find_prompts(events, rules, child_id=child_id)
    ]


def _dismissed(uow: UnitOfWork, family_id: str) -> set[str]:
    return set(uow.session.scalars(
        select(PromptDismissal.prompt_key).where(PromptDismissal.family_id == family_id)
    ))


def recurring_prompts(
    uow: UnitOfWork,
    family_id: str,
    child_id: str | None = None,
    *,
    rules: Sequence[Rule] | None = None,
    actor: str | None = None,
    whole_chronology: Sequence[ChronologyRow] | None = None,
) -> list[PromptView]:
    """The prompts the rules raise over the family's chronology (or one child's and the
    family's rows), less those dismissed. With `actor`, showing them is audited (keys only).
    `whole_chronology`: the family's unfiltered chronology when the caller has just read it,
    so it is not built twice (opening a family does both)."""
    if whole_chronology is None:
        rows = _all_rows(uow, _family(uow, family_id).id)
    else:
        rows = list(whole_chronology)
    dismissed = _dismissed(uow, family_id)
    rules = rules if rules is not None else organisation_config(uow).themes.rules
    prompts = [p for p in _prompts(rows, child_id, rules) if p.key not in dismissed]
    if actor is not None and prompts:
        record_event(
            uow.session, actor=actor, action="view", record_kind="recurring_prompt",
            record_id=family_id,
            detail={"child_id": child_id, "prompts": [p.key for p in prompts],
                    "rules": [p.rule_id for p in prompts]},
        )
    return prompts


def dismiss_prompt(
    uow: UnitOfWork,
    actor: str,
    key: str,
    family_id: str,
    *,
    reason: str,
    child_id: str | None = None,
    rules: Sequence[Rule] | None = None,
    at: datetime | None = None,
) -> None:
    """Record that the practitioner decided a prompt needs no action, and why. The prompt must
    be one currently raised for the family (or the child); a blank reason is refused. The reason
    is kept in `prompt_dismissals` (encrypted) and the audit event points at it by seq, so no
    free text enters the audit log."""
    if not reason.strip():
        raise UsageError("say why the prompt is dismissed")
    rows = _all_rows(uow, _family(uow, family_id).id)
    rules = rules if rules is not None else organisation_config(uow).themes.rules
    raised = {p.key: p for p in _prompts(rows, child_id, rules)}
    prompt = raised.get(key)
    if prompt is None:
        raise UnknownRecord(f"no prompt '{key}' is raised for this family")
    session = uow.session
    seq = int(session.scalar(select(func.coalesce(func.max(PromptDismissal.seq), 0))) or 0) + 1
    session.add(PromptDismissal(
        seq=seq, prompt_key=key, family_id=family_id, child_id=child_id, reason=reason.strip(),
        dismissed_by=actor, dismissed_at=at or datetime.now().astimezone(),
    ))
    session.flush()
    record_event(
        session, actor=actor, action="update", record_kind="recurring_prompt", record_id=key,
        detail={"family_id": family_id, "child_id": child_id, "dismissed": True,
                "rule_id": prompt.rule_id, "cites": [r.record_id for r in prompt.cited],
                "dismissal_seq": seq},
    )
