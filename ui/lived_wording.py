"""The words the lived-experience screens show for contract values: themes, parts of the day,
sources, kinds of chronology row, prompt rules and suggestions, and the day-in-the-life prompts.

The English lives in `assessments/` (pure data); here each goes through
`QCoreApplication.translate` so a translation can replace it. An organisation's own theme names
pass through unchanged unless a translation names them. Never "toxic trio": the three factor
themes are labelled cumulative harm factors.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

from app.services.chronology_views import ChronologyRow, PromptView
from assessments.day_in_the_life import (
    AGE_BAND_NAMES,
    ASPECT_NAMES,
    AgeBand,
    AgeBandError,
    Aspect,
    age_band_for,
    template_for,
)
from assessments.themes import (
    CUMULATIVE_HARM_FACTORS_LABEL,
    LIVED_EXPERIENCE_SOURCE_NAMES,
    PART_OF_DAY_NAMES,
    LivedExperienceSource,
    PartOfDay,
    ThemeCatalogue,
)
from ui.formatting import date_text

# pyside6-lupdate files a bare `tr("…")` call (and QT_TR_NOOP) under the empty context, so
# that is the context these strings are looked up in. A plural ("%n") passes its count as the
# third argument, as Qt's own tr() does, so lupdate marks it plural.
_CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, disambiguation, n)


def cumulative_harm_factors() -> str:
    return QCoreApplication.translate("Themes", CUMULATIVE_HARM_FACTORS_LABEL)


def theme_name(catalogue: ThemeCatalogue, theme_id: str) -> str:
    try:
        return QCoreApplication.translate("Themes", catalogue.get(theme_id).name)
    except KeyError:
        return theme_id  # a theme since removed from configuration: its id is still evidence


def theme_names(catalogue: ThemeCatalogue, theme_ids: tuple[str, ...]) -> str:
    return ", ".join(theme_name(catalogue, t) for t in theme_ids)


def part_of_day_name(value: str) -> str:
    try:
        return QCoreApplication.translate("Themes", PART_OF_DAY_NAMES[PartOfDay(value)])
    except ValueError:
        return value


def part_of_day_for(hour: int) -> PartOfDay:
    """A sensible default for an entry made now: the part of the 24-hour cycle it is."""
    if 5 <= hour < 8:
        return PartOfDay.EARLY_MORNING
    if 8 <= hour < 12:
        return PartOfDay.MORNING
    if 12 <= hour < 17:
        return PartOfDay.AFTERNOON
    if 17 <= hour < 22:
        return PartOfDay.EVENING
    return PartOfDay.NIGHT


def source_name(value: str) -> str:
    """A lived-experience source in words; any other source (an agency) as written."""
    try:
        name = LIVED_EXPERIENCE_SOURCE_NAMES[LivedExperienceSource(value)]
    except ValueError:
        return value
    return QCoreApplication.translate("Themes", name)


def row_source(row: ChronologyRow) -> str:
    if row.kind == "lived_experience":
        return source_name(row.source)
    return tr(row.source) if row.source == "Home visit" else row.source


_KIND_NAMES = {
    "visit": QT_TR_NOOP("Home visit"),
    "lived_experience": QT_TR_NOOP("Day in the life"),
    "chronology_entry": QT_TR_NOOP("Other agency"),
    "assessment_started": QT_TR_NOOP("GCP2"),
    "assessment_completed": QT_TR_NOOP("GCP2"),
    # Put on the chronology by the plans and sharing features (their own source modules).
    "plan": QT_TR_NOOP("Plan"),
    "plan_shared": QT_TR_NOOP("Plan"),
    "plan_reviewed": QT_TR_NOOP("Plan"),
    "level_decision": QT_TR_NOOP("Threshold decision"),
    "escalation": QT_TR_NOOP("Escalation"),
    "escalation_stage": QT_TR_NOOP("Escalation"),
    "escalation_closed": QT_TR_NOOP("Escalation"),
    "sharing_decision": QT_TR_NOOP("Information shared"),
    "front_door_outcome": QT_TR_NOOP("Family Connect outcome"),
}


def kind_name(kind: str) -> str:
    return tr(str(_KIND_NAMES.get(kind, QT_TR_NOOP("Record"))))


# The service writes these event texts in English; translated for display only.
_EVENT_TEXTS = (
    QT_TR_NOOP("Home visit (announced)"),
    QT_TR_NOOP("Home visit (unannounced)"),
    QT_TR_NOOP("GCP2 started"),
    QT_TR_NOOP("GCP2 completed"),
)


def row_event(row: ChronologyRow) -> str:
    return tr(row.event) if row.event in _EVENT_TEXTS else row.event


_RULE_NAMES = {
    "same_theme_multiple_sources": QT_TR_NOOP("Recorded by more than one source"),
    "theme_frequency": QT_TR_NOOP("Recorded often in a short time"),
    "cumulative_harm_factors": QT_TR_NOOP("More than one cumulative harm factor"),
    "long_running_theme": QT_TR_NOOP("Recurring over the years"),
}


# The default rules' suggestions (assessments.recurring_theme_rules), listed for translators;
# an organisation's own suggestions are shown as configured.
_SUGGESTIONS = (
    QT_TR_NOOP("Consider a strategy meeting"),
    QT_TR_NOOP("Consider a GCP2 re-grade or escalation"),
)


def suggestion(prompt: PromptView) -> str:
    return tr(prompt.suggestion)


def prompt_summary(prompt: PromptView, catalogue: ThemeCatalogue) -> str:
    """One line: what to consider, the themes, how many records from how many sources, when."""
    rule = _RULE_NAMES.get(prompt.rule_id)
    why = tr(str(rule)) if rule else prompt.rule_id  # an organisation's own rule: its id
    return (
        tr("%1 — %2: %3; %4 records from %5 source(s), %6 to %7")
        .replace("%1", suggestion(prompt))
        .replace("%2", why)
        .replace("%3", theme_names(catalogue, prompt.themes))
        .replace("%4", str(len(prompt.cited)))
        .replace("%5", str(len(prompt.sources)))
        .replace("%6", date_text(prompt.first_on))
        .replace("%7", date_text(prompt.last_on))
    )


def cited_line(row: ChronologyRow, catalogue: ThemeCatalogue) -> str:
    child = f" · {row.child}" if row.child else ""
    source = row_source(row)
    if row.kind == "lived_experience":
        source = tr("%1: %2").replace("%1", kind_name(row.kind)).replace("%2", source)
    return (
        f"{date_text(row.date)} · {source}{child} · {row_event(row)} "
        f"[{theme_names(catalogue, row.themes)}]"
    )


# -- day-in-the-life prompts ------------------------------------------------------------


def band_for(date_of_birth: date, on: date, disabilities: bool) -> AgeBand | None:
    if disabilities:
        return AgeBand.CHILD_WITH_DISABILITIES
    try:
        return age_band_for(date_of_birth, on)
    except AgeBandError:
        return None


def band_name(band: AgeBand) -> str:
    return QCoreApplication.translate("DayInTheLife", AGE_BAND_NAMES[band])


def day_prompts(band: AgeBand, part_of_day: str) -> dict[Aspect, str]:
    """The template's question for each aspect of this part of the child's day."""
    try:
        section = template_for(band).section(PartOfDay(part_of_day))
    except (KeyError, ValueError):
        return {}
    return {q.aspect: QCoreApplication.translate("DayInTheLife", q.text) for q in section.questions}


def aspect_name(aspect: Aspect) -> str:
    return QCoreApplication.translate("DayInTheLife", ASPECT_NAMES[aspect])


def day_prompts_html(band: AgeBand, part_of_day: str) -> str:
    """The prompts as a hint: the band and part of the day, then each aspect's question."""
    prompts = day_prompts(band, part_of_day)
    heading = (
        f"<b>{html.escape(band_name(band))} · {html.escape(part_of_day_name(part_of_day))}</b>"
    )
    return heading + "".join(
        f"<p><i>{html.escape(aspect_name(a))}</i><br>{html.escape(prompts[a])}</p>"
        for a in Aspect
        if a in prompts
    )
