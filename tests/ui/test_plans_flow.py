"""Plans, levels of need and escalation through the real windows, by keyboard: two day-in-the-life
entries from two sources raise a recurring-theme prompt; from it record a threshold decision
(the suggestion shown, reasoning required) and raise an escalation; both appear on the family's
chronology; then the parent report of the child's completed GCP2, previewed, has the plan page
(read back with pypdf)."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import NewProfile, create_profile, unlock_profile
from app.services import assessments
from app.services.families import add_child, create_family
from app.services.plans import add_action, create_plan
from app.storage.models_plans import Escalation, ThresholdDecision
from assessments import gcp2
from assessments.record import Target
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock, wait_for_worker
from tests.ui.test_lived_flow import quick_capture
from ui.escalation_dialog import EscalationDialog
from ui.form_dialog import FormDialog
from ui.report_preview import ReportPreview
from ui.session import ProfileAccess, Session
from ui.settings import Preferences
from ui.threshold_dialog import ThresholdDialog

ALT = Qt.KeyboardModifier.AltModifier
CHANGE = "Mia feels safe at home in the evenings"
REASONING = "Two sources describe Dean's anger over six weeks; safety graded 4 last month."
WITH_WHOM = "Family Connect duty team"


@pytest.fixture
def prepared(access: ProfileAccess, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A trained practitioner, the Carter family with Mia, her completed GCP2 and a SMART plan
    action for her. Returns (family id, assessment id)."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    new = NewProfile(practitioner_name=practitioner(), gcp2_trained_on=date(2025, 3, 14))
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore,
                        kdf=access.kdf) as profile, profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Carter family", address="4 Road")
        mia = add_child(uow, actor, family.id, name="Mia", date_of_birth=date(2024, 5, 1))
        completed = datetime.now().astimezone() - timedelta(days=2)
        made = assessments.start_assessment(uow, actor, mia.id,
                                            started_at=completed - timedelta(days=10))
        for area in gcp2.AREAS:
            grade = 4 if area.id == "safety" else 3
            for sub in area.sub_areas:
                assessments.save_sub_area(uow, actor, made.id, sub.id, grade=grade,
                                          evidence=f"Seen at home: {sub.id}")
            assessments.confirm_area(uow, actor, made.id, area.id, grade=grade, rationale="")
        assessments.set_targets(uow, actor, made.id,
                                [Target("safety.in_absence", 4, 2, date(2027, 3, 5))])
        assessments.complete_assessment(uow, actor, made.id, at=completed)
        plan = create_plan(uow, actor, family.id, title="Mia safe and settled", child_id=mia.id)
        add_action(uow, actor, plan.id, change_for_child=CHANGE, who="Kerry (mother)",
                   does_what="Asks Dean to leave when he has been drinking",
                   by_when=date(2027, 1, 15),
                   measure="Mia tells her nursery key worker she sleeps well")
        uow.commit()
    return family.id, made.id


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def raise_a_prompt(qtbot: QtBot, session: Session, family_id: str) -> None:
    """Open the family; two entries about domestic abuse from two sources raise a prompt."""
    window = session.main_window
    family = window.family
    window.open_family(family_id)
    qtbot.waitUntil(lambda: family.detail is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is family, timeout=WAIT_MS)
    quick_capture(qtbot, window, "Mia hid behind the sofa when Dean came in.", "He shouts",
                  "observed")
    quick_capture(qtbot, window, "Kerry says Dean gets angry after a drink.", "", "carer")
    qtbot.waitUntil(family.prompts.isVisible, timeout=WAIT_MS)


def test_threshold_decision_and_escalation_from_a_prompt_then_the_plan_page(
    qtbot: QtBot, access: ProfileAccess, prepared: tuple[str, str], preferences: Preferences
) -> None:
    family_id, assessment_id = prepared
    session = make_session(qtbot, access, preferences)
    try:
        session.start()
        unlock(qtbot, session)
        window = session.main_window
        family = window.family
        raise_a_prompt(qtbot, session, family_id)
        banner, plans = family.prompts, family.prompt_actions.plans
        prompt = banner.current_prompt()
        assert prompt is not None

        # Strategy m&eeting…: record the threshold decision the meeting came to.
        banner.list.setFocus()
        qtbot.keyClick(banner.list, Qt.Key.Key_E, ALT)
        qtbot.waitUntil(lambda: plans.dialog is not None, timeout=WAIT_MS)
        decision = plans.dialog
        assert isinstance(decision, ThresholdDialog)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is decision, timeout=WAIT_MS)
        assert decision.child.currentText() == "Mia"
        assert decision.suggestion.text()  # what the tool suggests, and why
        assert decision.level.count() == 4  # the default levels of need
        qtbot.keyClick(decision, Qt.Key.Key_Return)  # no reasoning: refused
        assert decision.isVisible() and decision.problem.text()
        assert QApplication.focusWidget() is decision.reasoning
        decision.level.setFocus()
        while decision.level.currentData() != "targeted":
            qtbot.keyClick(decision.level, Qt.Key.Key_Down)
        qtbot.keyClick(decision, Qt.Key.Key_R, ALT)  # &Reasoning
        assert QApplication.focusWidget() is decision.reasoning
        qtbot.keyClicks(decision.reasoning, REASONING)
        qtbot.keyClick(decision, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: plans.dialog is None, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        assert window.statusBar().currentMessage() == "Threshold decision recorded: 3 Targeted."

        # Escalat&ion…: about what comes from the prompt; with whom is required.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
        banner.list.setFocus()
        qtbot.keyClick(banner.list, Qt.Key.Key_I, ALT)
        qtbot.waitUntil(lambda: plans.dialog is not None, timeout=WAIT_MS)
        escalation = plans.dialog
        assert isinstance(escalation, EscalationDialog)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is escalation, timeout=WAIT_MS)
        assert escalation.about.toPlainText()  # prefilled from the prompt
        qtbot.keyClick(escalation, Qt.Key.Key_Return)  # nobody to escalate to: refused
        assert escalation.isVisible() and escalation.problem.text()
        assert QApplication.focusWidget() is escalation.with_whom
        qtbot.keyClicks(escalation.with_whom, WITH_WHOM)
        qtbot.keyClick(escalation, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: plans.dialog is None, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        assert window.statusBar().currentMessage().startswith(f"Escalation raised with {WITH_WHOM}")

        # Both on the chronology table, refreshed by the saves' typed changes.
        chronology = family.chronology
        qtbot.waitUntil(
            lambda: {"level_decision", "escalation"} <= {r.kind for r in chronology.model.rows},
            timeout=WAIT_MS,
        )
        shown = {r.kind: r for r in chronology.model.rows}
        assert "3 Targeted" in shown["level_decision"].event
        assert WITH_WHOM in shown["escalation"].event
        assert shown["level_decision"].child == "Mia"
        table_text = [
            str(chronology.filter.index(row, col).data())
            for row in range(chronology.filter.rowCount())
            for col in range(chronology.filter.columnCount())
        ]
        assert any("3 Targeted" in t for t in table_text)
        assert any(WITH_WHOM in t for t in table_text)

        # The parent report of Mia's completed GCP2, through the preview.
        box = family.assessments
        qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=WAIT_MS)
        box.table.selectRow(0)
        with qtbot.waitSignal(box.reports.opened, timeout=WAIT_MS) as opened:
            box.reports.parent_button.click()
        preview = opened.args[0]
        assert isinstance(preview, ReportPreview) and preview.report is not None
        assert preview.report.assessment_id == assessment_id
        plan_pages = [p for p in _pages(preview.report.pdf) if "Our plan together" in p]
        assert len(plan_pages) == 1
        assert CHANGE in plan_pages[0] and "Kerry (mother)" in plan_pages[0]
        preview.close()
    finally:
        session.shutdown()

    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            decided = [(d.level, d.reasoning, tuple(d.considered_prompts),
                        len(d.considered_events))
                       for d in uow.session.scalars(select(ThresholdDecision))]
            raised = [(e.with_whom, e.raised_from_kind, e.raised_from_ref)
                      for e in uow.session.scalars(select(Escalation))]
    assert len(decided) == 1
    level, reasoning, prompts, events = decided[0]
    assert (level, reasoning) == ("targeted", REASONING)
    assert prompt.key in prompts and events >= 2  # the history in view was kept
    assert raised == [(WITH_WHOM, "prompt", prompt.key)]


@pytest.mark.parametrize(
    ("mnemonic", "dialog_type"),
    [(Qt.Key.Key_E, ThresholdDialog), (Qt.Key.Key_I, EscalationDialog)],
    ids=["threshold_decision", "escalation"],
)
def test_locking_closes_a_dialog_opened_from_the_prompt(
    qtbot: QtBot, access: ProfileAccess, prepared: tuple[str, str], preferences: Preferences,
    mnemonic: Qt.Key, dialog_type: type[FormDialog],
) -> None:
    session = make_session(qtbot, access, preferences)
    try:
        session.start()
        unlock(qtbot, session)
        raise_a_prompt(qtbot, session, prepared[0])
        family = session.main_window.family
        plans = family.prompt_actions.plans
        family.prompts.list.setFocus()
        qtbot.keyClick(family.prompts.list, mnemonic, ALT)
        qtbot.waitUntil(lambda: plans.dialog is not None, timeout=WAIT_MS)
        dialog = plans.dialog
        assert isinstance(dialog, dialog_type) and dialog.isVisible()
        session.lock()
        assert plans.dialog is None and not dialog.isVisible()  # the prompt's words go too
        wait_for_worker(qtbot, session)
    finally:
        session.shutdown()
