"""The plans tab's table models without any window: plans, their SMART actions and escalations,
with what is overdue or not yet SMART said in words and sign, bold, and then in colour."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from app.services.plans_views import (
    EscalationStageView,
    EscalationView,
    OverdueItem,
    PlanActionView,
    PlanShareView,
    PlanView,
    TargetedItem,
)
from assessments.plans import SmartAction, smart_problems
from assessments.themes import default_catalogue
from ui.plans_models import (
    FLAGGED_ROLE,
    OVERDUE_ROLE,
    ActionsModel,
    EscalationsModel,
    PlansModel,
    overdue_summary,
    warning_colour,
)

Display = Qt.ItemDataRole.DisplayRole
UK = timezone(timedelta(0))
MADE = datetime(2027, 1, 4, 10, 0, tzinfo=UK)
NAMES = {"C-1": "Mia"}


def action(number: int, *, who: str = "Kerry (mother)", by_when: date | None = date(2027, 1, 15),
           measure: str = "Mia tells her key worker she sleeps well", status: str = "open",
           status_on: date | None = None, themes: tuple[str, ...] = (),
           target: TargetedItem | None = None) -> PlanActionView:
    change = "Mia feels safe at home in the evenings"
    problems = smart_problems(SmartAction(change, who, "Asks Dean to leave", by_when, measure))
    return PlanActionView(f"A-{number}", "P-1", number, change, who, "Asks Dean to leave", by_when,
                          measure, target, themes, status, status_on, problems)


def plan(plan_id: str, actions: tuple[PlanActionView, ...], *, child: str | None = "C-1",
         shared: bool = False, review: date | None = date(2027, 4, 4)) -> PlanView:
    shares = (PlanShareView(MADE + timedelta(days=2), "Read through with Kerry", "Priya"),) \
        if shared else ()
    return PlanView(plan_id, "F-1", child, "Mia safe and settled", MADE, "Priya", review,
                    actions, shares, ())


def late(kind: str, record_id: str, days: int, plan_id: str | None = "P-1") -> OverdueItem:
    return OverdueItem(kind, "F-1", "C-1", record_id, plan_id, "…", date(2027, 1, 15), days)


def escalation(closed: bool = False) -> EscalationView:
    stages = (EscalationStageView(1, "Practitioner to practitioner", MADE, date(2027, 1, 11),
                                  "Sam", ""),
              EscalationStageView(2, "Managers or safeguarding leads", MADE + timedelta(days=8),
                                  date(2027, 1, 19), "", ""))
    return EscalationView("E-1", "F-1", None, "Referral closed with no further action",
                          "Family Connect duty team", MADE, "Priya", None, stages,
                          "Strategy meeting agreed" if closed else "",
                          MADE + timedelta(days=10) if closed else None)


def cells(model: object, row: int = 0) -> list[str]:
    return [model.data(model.index(row, c), Display)  # type: ignore[attr-defined]
            for c in range(model.columnCount())]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("the_plan", "overdue", "expected"),
    [
        (plan("P-1", (action(1),), shared=True), (),
         ["Mia", "Mia safe and settled", "6 Jan 2027: Read through with Kerry", "4 Apr 2027",
          "1 action(s)"]),
        (plan("P-1", (), child=None, review=None), (),
         ["Whole family", "Mia safe and settled", "Not yet shared (due by 18 Jan 2027)",
          "No review planned", "No actions yet"]),
        (plan("P-1", (action(1, who="everyone"), action(2))),
         (late("plan_sharing", "P-1", 3), late("plan_review", "P-1", 2),
          late("plan_action", "A-2", 1)),
         ["Mia", "Mia safe and settled",
          "⚠ Not yet shared: overdue by 3 working day(s) (due 18 Jan 2027)",
          "⚠ 4 Apr 2027: overdue by 2 working day(s)",
          "⚠ 2 action(s), 1 not yet SMART, 1 overdue"]),
    ],
    ids=["shared", "whole_family_unshared_in_time", "overdue_and_flagged"],
)
def test_plan_rows(qtbot: QtBot, the_plan: PlanView, overdue: tuple[OverdueItem, ...],
                   expected: list[str]) -> None:
    model = PlansModel()
    model.set_plans([the_plan], overdue, {"P-1": date(2027, 1, 18)}, NAMES)
    assert cells(model) == expected
    assert model.plan_at(0) is the_plan and model.row_of("P-1") == 0 and model.row_of("x") == -1


@pytest.mark.parametrize(
    ("column", "days"),
    [(PlansModel.FOR, 0), (PlansModel.SHARED, 3), (PlansModel.REVIEW, 2), (PlansModel.ACTIONS, 1)],
)
def test_overdue_cells_are_bold_and_coloured_as_well_as_said(
    qtbot: QtBot, column: int, days: int
) -> None:
    model = PlansModel()
    model.set_plans([plan("P-1", (action(1),))],
                    (late("plan_sharing", "P-1", 3), late("plan_review", "P-1", 2),
                     late("plan_action", "A-1", 1)), {}, NAMES)
    index = model.index(0, column)
    assert model.data(index, OVERDUE_ROLE) == days
    font = model.data(index, Qt.ItemDataRole.FontRole)
    colour = model.data(index, Qt.ItemDataRole.ForegroundRole)
    if days:
        assert isinstance(font, QFont) and font.bold() and colour == warning_colour()
        assert "⚠" in str(model.data(index, Display))
        assert "⚠" in str(model.data(index, Qt.ItemDataRole.AccessibleTextRole))
    else:
        assert font is None and colour is None


def test_actions_say_who_when_how_status_links_and_what_is_not_smart(qtbot: QtBot) -> None:
    model = ActionsModel()
    rows = [
        action(1, themes=("domestic_abuse",),
               target=TargetedItem("G-1", "physical_care.nutrition")),
        action(2, who="TBC", by_when=None, measure="engage with support"),
        action(3, status="done", status_on=date(2027, 1, 14)),
        action(4, status="not_done", status_on=date(2027, 1, 20)),
    ]
    model.set_actions(rows, (late("plan_action", "A-1", 4),), default_catalogue())
    first, second = cells(model, 0), cells(model, 1)
    assert first[:6] == ["1", "Mia feels safe at home in the evenings",
                         "Kerry (mother): Asks Dean to leave",
                         "⚠ 15 Jan 2027: overdue by 4 working day(s)",
                         "Mia tells her key worker she sleeps well", "Open"]
    assert first[ActionsModel.LINKED].startswith("Targeted item: Nutrition")
    assert "Themes: Domestic abuse" in first[ActionsModel.LINKED]
    assert first[ActionsModel.FLAG] == ""
    assert second[ActionsModel.BY_WHEN] == "No date yet"
    flag = second[ActionsModel.FLAG]
    assert flag.startswith("⚠ Not yet SMART:")
    for reason in (p.reason for p in rows[1].problems):
        assert reason in flag
    assert model.data(model.index(1, ActionsModel.FLAG), FLAGGED_ROLE) is True
    bold = model.data(model.index(1, ActionsModel.FLAG), Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    assert model.data(model.index(0, ActionsModel.FLAG), FLAGGED_ROLE) is False
    assert cells(model, 2)[ActionsModel.STATUS] == "Done (14 Jan 2027)"
    assert cells(model, 3)[ActionsModel.STATUS] == "Not done (20 Jan 2027)"
    assert model.row_of("A-3") == 2


@pytest.mark.parametrize(
    ("closed", "overdue", "due_text", "outcome"),
    [
        (False, (), "19 Jan 2027", "Open"),
        (False, (late("escalation_stage", "E-1", 5, None),),
         "⚠ 19 Jan 2027: overdue by 5 working day(s)", "Open"),
        (True, (), "Closed", "Closed 14 Jan 2027: Strategy meeting agreed"),
    ],
    ids=["open", "response_overdue", "closed"],
)
def test_escalation_rows(qtbot: QtBot, closed: bool, overdue: tuple[OverdueItem, ...],
                         due_text: str, outcome: str) -> None:
    model = EscalationsModel()
    model.set_escalations([escalation(closed)], overdue)
    assert cells(model) == ["Referral closed with no further action", "Family Connect duty team",
                            "Stage 2: Managers or safeguarding leads", "4 Jan 2027", due_text,
                            outcome]
    assert model.data(model.index(0, EscalationsModel.RESPONSE_DUE), OVERDUE_ROLE) == (
        5 if overdue else 0)


def test_headers_and_clear(qtbot: QtBot) -> None:
    model = EscalationsModel()
    model.set_escalations([escalation()], ())
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "About", "With whom", "Stage", "Raised", "Response due", "Outcome"]
    model.clear()
    assert model.rowCount() == 0


@pytest.mark.parametrize(("base", "dark_text"), [("#ffffff", True), ("#202020", False)])
def test_warning_colour_reads_on_light_and_dark_palettes(
    qtbot: QtBot, base: str, dark_text: bool
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    old = app.palette()
    try:
        app.setPalette(QPalette(QColor(base)))
        colour = warning_colour()
        assert (colour.lightness() < 128) is dark_text
    finally:
        app.setPalette(old)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((), "Nothing overdue on 1 Feb 2027."),
        ((OverdueItem("plan_review", "F-1", None, "P-1", "P-1", "Review of the plan: Mia safe",
                      date(2027, 1, 25), 5),
          OverdueItem("escalation_stage", "F-1", None, "E-1", None,
                      "Escalation stage 1 with Family Connect: response due",
                      date(2027, 1, 11), 15)),
         "⚠ 2 thing(s) overdue:\nReview of the plan: Mia safe (5 working day(s) late)\n"
         "Escalation stage 1 with Family Connect: response due (15 working day(s) late)"),
    ],
    ids=["none", "two"],
)
def test_overdue_summary(qtbot: QtBot, items: tuple[OverdueItem, ...], expected: str) -> None:
    assert overdue_summary(items, date(2027, 2, 1)) == expected


def test_overdue_summary_names_the_most_overdue_and_counts_the_rest(qtbot: QtBot) -> None:
    items = [OverdueItem("plan_action", "F-1", None, f"A-{n}", "P-1", f"Action {n}",
                         date(2027, 1, 4), 10 - n) for n in range(1, 7)]
    lines = overdue_summary(items, date(2027, 2, 1), most=4).split("\n")
    assert lines[0] == "⚠ 6 thing(s) overdue:"
    assert lines[1:5] == [f"Action {n} ({10 - n} working day(s) late)" for n in range(1, 5)]
    assert lines[5] == "and 2 more, marked in the tables below"
