"""The family page's "Plans and escalation" tab through the real windows, by keyboard: make a
plan, add an action that is not SMART (flagged in the dialog and the table; sharing refused with
the service's one sentence), fix it, share the plan and see it on the chronology; raise an
escalation, move it to stage 2 and record its outcome; overdue actions, reviews, sharing and
escalation stages highlighted against a 'today' the test sets; and nothing read while the tab
is hidden."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import NewProfile, create_profile, unlock_profile
from app.services.escalations import raise_escalation
from app.services.families import add_child, create_family
from app.services.plans import add_action, create_plan
from app.services.plans_views import PlanView, TargetedItem
from app.storage.models_plans import Escalation, PlanAction, PlanShare
from assessments.themes import default_catalogue
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock, wait_for_worker
from ui import plan_tab_operations
from ui.escalation_dialog import EscalationDialog
from ui.escalation_stage_dialogs import NextStageDialog, OutcomeDialog
from ui.formatting import date_text
from ui.plan_dialogs import (
    ActionDialog,
    ActionStatusDialog,
    NewPlanDialog,
    ReviewDialog,
    ShareDialog,
)
from ui.plan_tab_operations import TargetChoice
from ui.plans_models import OVERDUE_ROLE, ActionsModel, EscalationsModel, PlansModel
from ui.plans_tab import PlansTab
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
AIM = "Mia safe and settled at home"
CHANGE = "Mia feels safe at home in the evenings"
SMART_MEASURE = "Mia tells her key worker she slept through on 5 nights of 7"
HOW = "Read through with Kerry; copy left"
WITH_WHOM = "Family Connect duty team"
UTC = timezone.utc


@pytest.fixture
def family_id(access: ProfileAccess, monkeypatch: pytest.MonkeyPatch) -> str:
    """The Carter family with Mia, no plans or escalations yet."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    new = NewProfile(practitioner_name=practitioner())
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore,
                        kdf=access.kdf) as profile, profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Carter family", address="4 Road")
        add_child(uow, actor, family.id, name="Mia", date_of_birth=date(2024, 5, 1))
        uow.commit()
    return family.id


def open_tab(qtbot: QtBot, session: Session, family_id: str) -> PlansTab:
    """Unlock, open the family, Alt+L to the plans tab; wait for its one read."""
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    family = window.family
    window.open_family(family_id)
    qtbot.waitUntil(lambda: family.detail is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    tab = family.plans
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        qtbot.keyClick(family.tabs, Qt.Key.Key_L, ALT)
    assert family.tabs.currentWidget() is tab
    return tab


def dialog_of(qtbot: QtBot, tab: PlansTab, key: Qt.Key, kind: type[QWidget]) -> QWidget:
    """Alt+key on the tab opens a dialog of `kind`, active and ready for typing."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window(), timeout=WAIT_MS)
    qtbot.keyClick(tab, key, ALT)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, kind), timeout=WAIT_MS)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


def save(qtbot: QtBot, session: Session, tab: PlansTab, dialog: QWidget) -> None:
    """Enter saves; wait for the change and the reload it brings."""
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert tab.dialog is None
    wait_for_worker(qtbot, session)


def cell(model: object, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))  # type: ignore[attr-defined]


def test_plan_from_unshareable_to_shared_and_an_escalation_to_its_outcome(
    qtbot: QtBot, access: ProfileAccess, family_id: str, preferences: Preferences
) -> None:
    session = make_session(qtbot, access, preferences)
    tab = open_tab(qtbot, session, family_id)
    window = session.main_window
    assert tab.plans_model.rowCount() == 0 and not tab.add_action_button.isEnabled()

    # New plan… (Tab from the plans table, Space): for Mia, the aim typed, the first review
    # from the organisation's timescale.
    tab.plans_table.setFocus()
    qtbot.keyClick(tab.plans_table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.new_plan_button
    qtbot.keyClick(tab.new_plan_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, NewPlanDialog), timeout=WAIT_MS)
    plan_dialog = tab.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is plan_dialog, timeout=WAIT_MS)
    assert isinstance(plan_dialog, NewPlanDialog)
    assert plan_dialog.review.value() is not None  # 3 months on by default
    assert QApplication.focusWidget() is plan_dialog.title
    qtbot.keyClicks(plan_dialog.title, AIM)
    qtbot.keyClick(plan_dialog, Qt.Key.Key_F, ALT)
    qtbot.keyClick(plan_dialog.child, Qt.Key.Key_Down)
    assert plan_dialog.child.currentText() == "Mia"
    save(qtbot, session, tab, plan_dialog)
    assert cell(tab.plans_model, 0, PlansModel.FOR) == "Mia"
    assert cell(tab.plans_model, 0, PlansModel.PLAN) == AIM
    assert cell(tab.plans_model, 0, PlansModel.SHARED).startswith("Not yet shared")

    # Add acti&on…: "engage with support" is no measure: flagged before and after saving.
    action_dialog = dialog_of(qtbot, tab, Qt.Key.Key_O, ActionDialog)
    assert isinstance(action_dialog, ActionDialog)
    assert "Not yet SMART" in action_dialog.smart.text()
    qtbot.keyClicks(action_dialog.change, CHANGE)
    qtbot.keyClick(action_dialog.change, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is action_dialog.who
    qtbot.keyClicks(action_dialog.who, "Kerry (mother)")
    qtbot.keyClick(action_dialog.who, Qt.Key.Key_Tab)
    qtbot.keyClicks(action_dialog.does_what, "Asks Dean to leave when he has been drinking")
    qtbot.keyClick(action_dialog, Qt.Key.Key_B, ALT)  # &By when: no date yet; Up picks one
    assert action_dialog.by_when.value() is None
    qtbot.keyClick(action_dialog.by_when, Qt.Key.Key_Up)
    assert action_dialog.by_when.value() == tab.plans_model.plan_at(0).review_due
    qtbot.keyClick(action_dialog, Qt.Key.Key_H, ALT)  # &How we will know
    qtbot.keyClicks(action_dialog.measure, "Kerry will engage with support")
    assert "This measure cannot be checked" in action_dialog.smart.text()
    save(qtbot, session, tab, action_dialog)
    assert tab.actions_model.rowCount() == 1
    flag = cell(tab.actions_model, 0, ActionsModel.FLAG)
    assert flag.startswith("⚠ Not yet SMART") and "This measure cannot be checked" in flag
    assert "1 not yet SMART" in cell(tab.plans_model, 0, PlansModel.ACTIONS)

    # Share with famil&y…: the service refuses, and its one sentence stays in sight.
    share = dialog_of(qtbot, tab, Qt.Key.Key_Y, ShareDialog)
    qtbot.keyClicks(share.how, HOW)  # type: ignore[attr-defined]
    qtbot.keyClick(share, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(tab.notice.text()), timeout=WAIT_MS)
    refusal = tab.notice.text()
    assert "cannot be marked as shared" in refusal and "action 1" in refusal
    assert window.statusBar().currentMessage() in refusal
    wait_for_worker(qtbot, session)

    # Enter on the action edits it: a measure anyone can check.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    tab.actions_table.setFocus()
    qtbot.keyClick(tab.actions_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, ActionDialog), timeout=WAIT_MS)
    edit = tab.dialog
    assert isinstance(edit, ActionDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is edit, timeout=WAIT_MS)
    assert edit.change.toPlainText() == CHANGE
    qtbot.keyClick(edit, Qt.Key.Key_H, ALT)
    qtbot.keyClick(edit.measure, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit.measure, SMART_MEASURE)
    assert edit.smart.text().startswith("✓ SMART")
    save(qtbot, session, tab, edit)
    assert cell(tab.actions_model, 0, ActionsModel.FLAG) == ""
    assert cell(tab.actions_model, 0, ActionsModel.MEASURE) == SMART_MEASURE

    share = dialog_of(qtbot, tab, Qt.Key.Key_Y, ShareDialog)
    qtbot.keyClicks(share.how, HOW)  # type: ignore[attr-defined]
    save(qtbot, session, tab, share)
    assert tab.notice.text() == ""
    assert cell(tab.plans_model, 0, PlansModel.SHARED).endswith(HOW)
    chronology = window.family.chronology
    qtbot.waitUntil(lambda: "plan_shared" in {r.kind for r in chronology.model.rows},
                    timeout=WAIT_MS)
    shared_row = next(r for r in chronology.model.rows if r.kind == "plan_shared")
    assert HOW in shared_row.event and shared_row.child == "Mia"

    # Mar&k done / not done… (done today) and Record t&he review… (the next in 3 months).
    status = dialog_of(qtbot, tab, Qt.Key.Key_K, ActionStatusDialog)
    assert isinstance(status, ActionStatusDialog) and status.status.currentText() == "Done"
    save(qtbot, session, tab, status)
    assert cell(tab.actions_model, 0, ActionsModel.STATUS).startswith("Done (")
    review = dialog_of(qtbot, tab, Qt.Key.Key_H, ReviewDialog)
    assert isinstance(review, ReviewDialog)
    next_review = review.next_review.value()
    qtbot.keyClicks(review.notes, "Mia sleeping through; Dean has moved out")
    save(qtbot, session, tab, review)
    assert cell(tab.plans_model, 0, PlansModel.REVIEW) == date_text(next_review)
    qtbot.waitUntil(lambda: "plan_reviewed" in {r.kind for r in chronology.model.rows},
                    timeout=WAIT_MS)

    # Rai&se escalation…, Next sta&ge…, Record o&utcome….
    raised = dialog_of(qtbot, tab, Qt.Key.Key_S, EscalationDialog)
    assert isinstance(raised, EscalationDialog) and raised.about.toPlainText() == ""
    qtbot.keyClicks(raised.with_whom, WITH_WHOM)
    qtbot.keyClick(raised, Qt.Key.Key_A, ALT)
    qtbot.keyClicks(raised.about, "Referral closed with no further action")
    save(qtbot, session, tab, raised)
    assert cell(tab.escalations_model, 0, EscalationsModel.WITH_WHOM) == WITH_WHOM
    assert cell(tab.escalations_model, 0, EscalationsModel.STAGE).startswith("Stage 1")
    tab.escalations_table.selectRow(0)
    stage = dialog_of(qtbot, tab, Qt.Key.Key_G, NextStageDialog)
    assert isinstance(stage, NextStageDialog)
    assert "Stage 2" in stage.stage_text.text()  # what the next stage asks, and its days
    qtbot.keyClicks(stage.contact, "Safeguarding lead, Family Connect")
    save(qtbot, session, tab, stage)
    assert cell(tab.escalations_model, 0, EscalationsModel.STAGE).startswith("Stage 2")
    outcome = dialog_of(qtbot, tab, Qt.Key.Key_U, OutcomeDialog)
    qtbot.keyClick(outcome, Qt.Key.Key_Return)  # no outcome: refused
    assert outcome.isVisible() and outcome.problem.text()  # type: ignore[attr-defined]
    qtbot.keyClicks(outcome.outcome, "Strategy meeting agreed")  # type: ignore[attr-defined]
    save(qtbot, session, tab, outcome)
    assert cell(tab.escalations_model, 0, EscalationsModel.OUTCOME).endswith(
        "Strategy meeting agreed")
    assert not tab.outcome_button.isEnabled() and not tab.next_stage_button.isEnabled()
    qtbot.waitUntil(lambda: "escalation_closed" in {r.kind for r in chronology.model.rows},
                    timeout=WAIT_MS)
    session.shutdown()

    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            measures = list(uow.session.scalars(select(PlanAction.measure)))
            shares = list(uow.session.scalars(select(PlanShare.how)))
            closed = [(e.with_whom, e.outcome, e.raised_from_kind)
                      for e in uow.session.scalars(select(Escalation))]
    assert measures == [SMART_MEASURE] and shares == [HOW]
    assert closed == [(WITH_WHOM, "Strategy meeting agreed", None)]


@pytest.fixture
def late_family(access: ProfileAccess, family_id: str) -> str:
    """A plan made on Monday 4 January 2027, unshared, review due Monday 25 January, an open
    action due Friday 15 January; an escalation raised the same Monday (stage 1: 5 working
    days, response due 11 January)."""
    actor = practitioner()
    made = datetime(2027, 1, 4, 10, 0, tzinfo=UTC)
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            plan = create_plan(uow, actor, family_id, title=AIM, made_at=made,
                               review_due=date(2027, 1, 25))
            add_action(uow, actor, plan.id, change_for_child=CHANGE, who="Kerry (mother)",
                       does_what="Asks Dean to leave", by_when=date(2027, 1, 15),
                       measure=SMART_MEASURE)
            raise_escalation(uow, actor, family_id, about="Referral closed", with_whom=WITH_WHOM,
                             raised_at=made)
            uow.commit()
    return family_id


@pytest.mark.parametrize(
    ("today", "late"),
    [
        # Monday 1 February 2027: action 11, review 5, sharing (due 18 Jan) 10, stage 15.
        (date(2027, 2, 1), {"action": 11, "review": 5, "sharing": 10, "stage": 15}),
        # Friday 15 January: the action is due today (not late); only sharing is in time.
        (date(2027, 1, 15), {"action": 0, "review": 0, "sharing": 0, "stage": 4}),
    ],
    ids=["weeks_later", "on_the_action_date"],
)
def test_overdue_is_highlighted_against_the_tab_today(
    qtbot: QtBot, access: ProfileAccess, late_family: str, preferences: Preferences,
    today: date, late: dict[str, int],
) -> None:
    session = make_session(qtbot, access, preferences)
    session.main_window.family.plans.today = lambda: today
    tab = open_tab(qtbot, session, late_family)
    shown = {
        "action": tab.actions_model.index(0, ActionsModel.BY_WHEN),
        "review": tab.plans_model.index(0, PlansModel.REVIEW),
        "sharing": tab.plans_model.index(0, PlansModel.SHARED),
        "stage": tab.escalations_model.index(0, EscalationsModel.RESPONSE_DUE),
    }
    for what, index in shown.items():
        days = late[what]
        assert index.data(OVERDUE_ROLE) == days, what
        text = str(index.data())
        assert (f"overdue by {days} working day(s)" in text) is bool(days), (what, text)
        assert text.startswith("⚠") is bool(days), (what, text)
        font = index.data(Qt.ItemDataRole.FontRole)
        assert (font is not None and font.bold()) is bool(days), what
    summary = tab.overdue.text()
    assert summary.startswith("⚠") and f"({late['stage']} working day(s) late)" in summary
    assert summary.count("\n") == sum(1 for d in late.values() if d)


def test_opening_a_family_reads_no_plans_until_the_tab_is_shown(
    qtbot: QtBot, access: ProfileAccess, late_family: str, preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[str] = []
    real = plan_tab_operations.load_family_plans

    def counted(family: str, today: date) -> object:
        reads.append(family)
        return real(family, today)

    monkeypatch.setattr(plan_tab_operations, "load_family_plans", counted)
    session = make_session(qtbot, access, preferences)
    session.start()
    unlock(qtbot, session)
    family = session.main_window.family
    session.main_window.open_family(late_family)
    qtbot.waitUntil(lambda: family.detail is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: family.chronology.chronology is not None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert reads == [] and family.plans.plans_model.rowCount() == 0
    with qtbot.waitSignal(family.plans.loaded, timeout=WAIT_MS):
        family.tabs.setCurrentWidget(family.plans)
    assert reads == [late_family] and family.plans.plans_model.rowCount() == 1
    family.tabs.setCurrentIndex(0)
    family.tabs.setCurrentWidget(family.plans)  # shown again, nothing changed: no new read
    wait_for_worker(qtbot, session)
    assert reads == [late_family]
    session.main_window.open_family(late_family)  # reloaded while shown: read again
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)



def test_locking_closes_the_tab_dialog_and_forgets_the_plans(
    qtbot: QtBot, access: ProfileAccess, late_family: str, preferences: Preferences
) -> None:
    session = make_session(qtbot, access, preferences)
    tab = open_tab(qtbot, session, late_family)
    assert tab.plans_model.rowCount() == 1
    tab.escalations_table.selectRow(0)
    dialog = dialog_of(qtbot, tab, Qt.Key.Key_U, OutcomeDialog)
    session.lock()
    assert tab.dialog is None and not dialog.isVisible()
    assert tab.plans_model.rowCount() == 0 and tab.escalations_model.rowCount() == 0
    assert tab.actions_model.rowCount() == 0 and tab.overdue.text() == ""
    wait_for_worker(qtbot, session)


def test_the_action_dialog_offers_the_plan_child_targets_and_checks_as_you_type(
    qtbot: QtBot,
) -> None:
    started = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    mine = TargetChoice(TargetedItem("G-1", "physical_care.nutrition"), "C-1", started, 2,
                        date(2027, 1, 15))
    theirs = TargetChoice(TargetedItem("G-2", "safety.in_absence"), "C-2", started, 2,
                          date(2027, 1, 15))
    names = {"C-1": "Mia", "C-2": "Leo"}
    made = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for child, offered in (("C-1", [mine.item]), (None, [mine.item, theirs.item])):
        plan = PlanView("P-1", "F-1", child, AIM, made, "Priya", date(2027, 2, 20), (), (), ())
        dialog = ActionDialog(plan, None, (mine, theirs), default_catalogue(), names,
                              date(2026, 11, 29))
        qtbot.addWidget(dialog)
        items = [dialog.target.itemData(i) for i in range(1, dialog.target.count())]
        assert items == offered
        assert dialog.target.itemText(1) == "Nutrition to grade 2 by 15 Jan 2027 (Mia's GCP2 of " \
            "3 Nov 2026)"
    dialog.change.setPlainText(CHANGE)
    dialog.who.setText("everyone")
    dialog.does_what.setText("Asks Dean to leave")
    dialog.by_when.set_value(date(2027, 1, 15))
    dialog.measure.setPlainText(SMART_MEASURE)
    assert "'everyone' leaves nobody responsible" in dialog.smart.text()
    dialog.who.setText("Kerry (mother)")
    assert dialog.smart.text().startswith("✓ SMART")
    dialog.target.setCurrentIndex(2)
    dialog.themes.item(0).setCheckState(Qt.CheckState.Checked)
    values = dialog.values()
    assert values.targeted_item == theirs.item and values.by_when == date(2027, 1, 15)
    assert values.themes == (default_catalogue().ids()[0],)


def test_a_threshold_decision_with_no_prompt_behind_it(
    qtbot: QtBot, access: ProfileAccess, family_id: str, preferences: Preferences
) -> None:
    """Threshold dec&ision… on the tab: the same decision as from a prompt (suggestion,
    levels, reasoning required), with nothing about a prompt on the form."""
    from app.storage.models_plans import ThresholdDecision
    from ui.threshold_dialog import ThresholdDialog

    session = make_session(qtbot, access, preferences)
    tab = open_tab(qtbot, session, family_id)
    plans = session.main_window.family.prompt_actions.plans
    qtbot.keyClick(tab, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: isinstance(plans.dialog, ThresholdDialog), timeout=WAIT_MS)
    decision = plans.dialog
    assert isinstance(decision, ThresholdDialog) and decision.prompt_key is None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is decision, timeout=WAIT_MS)
    assert decision.child.currentText() == "Mia" and decision.level.count() == 4
    qtbot.keyClick(decision, Qt.Key.Key_Return)  # no reasoning: refused
    assert decision.isVisible() and decision.problem.text()
    qtbot.keyClicks(decision.reasoning, "GCP2 and the chronology: neglect over years")
    qtbot.keyClick(decision, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plans.dialog is None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert session.main_window.statusBar().currentMessage().startswith(
        "Threshold decision recorded:")
    session.shutdown()
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            decided = [(d.reasoning, tuple(d.considered_prompts))
                       for d in uow.session.scalars(select(ThresholdDecision))]
    assert decided == [("GCP2 and the chronology: neglect over years", ())]
