"""The chronology tab and the prompt banner through the real window, on the review's case
(SCENARIOS.md 7): the prompts the rules promise, the evidence they cite, what their buttons
hand on, another agency's record added by keyboard, per-child filtering, and every word of
these screens translatable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.profile import unlock_profile
from app.services import chronology, families, visits
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from tests.ui.test_pseudo_translation import PseudoTranslator, untranslated
from ui.chronology_dialogs import AgencyEntryDialog
from ui.chronology_model import RECORD_ID_ROLE
from ui.family_page import FamilyPage
from ui.prompt_banner import ESCALATION, GCP2_REGRADE, STRATEGY_MEETING, DismissDialog
from ui.session import ProfileAccess, Session

UTC = timezone.utc
ALT = Qt.KeyboardModifier.AltModifier
DA, MH, SU = "domestic_abuse", "parental_mental_health", "parental_substance_use"
HOME, SCHOOL = "home_conditions", "school_attendance"
REVIEW_CASE = (
    ("2019-03-14", "Health visiting", "Home cluttered, no safe sleep space", (HOME,), False),
    ("2021-06-02", "Health visiting", "Dog mess on floor, cold house", (HOME,), False),
    ("2022-09-20", "West Mercia Police", "Domestic incident, child present", (DA,), False),
    ("2023-07-11", "GP surgery", "Mother's depression, medication started", (MH,), False),
    ("2024-02-06", "Health visiting", "Home conditions poor again", (HOME,), False),
    ("2024-05-15", "Primary school", "Smell of cannabis; attendance 81%", (SU, SCHOOL), True),
)


def seed_review_case(access: ProfileAccess) -> dict[str, str]:
    actor = "Priya Example"
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            family = families.create_family(uow, actor, name="Morgan", address="Telford")
            jay = families.add_child(uow, actor, family.id, name="Jay",
                                     date_of_birth=date(2017, 3, 1))  # fmt: skip
            mo = families.add_child(uow, actor, family.id, name="Mo",
                                    date_of_birth=date(2020, 6, 1))  # fmt: skip
            visit = visits.record_visit(
                uow, actor, family.id, occurred_at=datetime(2024, 6, 3, 10, tzinfo=UTC),
                kind="unannounced", present=[], notes="Seen at home.",
            )  # fmt: skip
            for day, agency, event, themes, about_jay in REVIEW_CASE:
                chronology.add_agency_entry(
                    uow, actor, family.id, occurred_at=datetime.fromisoformat(day + "T00:00+00:00"),
                    event=event, source=agency, themes=themes,
                    child_id=jay.id if about_jay else None,
                )  # fmt: skip
            uow.commit()
    return {"family": family.id, "jay": jay.id, "mo": mo.id, "visit": visit.id}


@pytest.fixture
def review(qtbot: QtBot, session: Session, existing_profile: ProfileAccess) -> Iterator[FamilyPage]:
    ids = seed_review_case(existing_profile)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    window.open_family(ids["family"])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.family.chronology.model.rowCount() == 7, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    yield window.family


def test_the_review_case_raises_its_prompts_citing_the_records(
    qtbot: QtBot, review: FamilyPage
) -> None:
    banner = review.prompts
    assert banner.isVisible() and banner.accessibleName()
    rules = [banner.model.prompt_at(n).rule_id for n in range(banner.model.rowCount())]
    assert rules == ["cumulative_harm_factors", "long_running_theme"]
    assert "2 prompt(s)" in banner.heading.text()
    cited = [banner.cited_model.row_at(n).source for n in range(banner.cited_model.rowCount())]
    assert cited == ["West Mercia Police", "GP surgery", "Primary school"]
    banner.list.setCurrentIndex(banner.model.index(1, 0))
    assert banner.cited_model.rowCount() == 3  # the three health-visiting records
    lanes = [lane.theme_id for lane in review.chronology.timeline.layout_.lanes]
    assert lanes == [DA, MH, SU, HOME, SCHOOL]

    # Activating a cited record shows its row in the chronology, every filter off.
    review.chronology.theme_filter.setCurrentIndex(1)
    banner.cited.setFocus()
    banner.cited.setCurrentIndex(banner.cited_model.index(2, 0))
    qtbot.keyClick(banner.cited, Qt.Key.Key_Return)
    chron = review.chronology
    assert chron.theme_filter.currentData() is None and chron.filter.rowCount() == 7
    index = chron.table.currentIndex()
    event_row = chron.model.row_at(chron.filter.mapToSource(index).row())
    assert event_row.event == "Home conditions poor again"
    mark = chron.timeline.current_mark()
    assert mark is not None and mark.event_id == event_row.event_id


def test_the_buttons_hand_on_what_to_consider(qtbot: QtBot, review: FamilyPage) -> None:
    banner = review.prompts
    chosen: list[tuple[str, str]] = []
    banner.action_chosen.connect(lambda key, action: chosen.append((key, action)))
    handled: list[str] = []
    review.prompt_actions[ESCALATION] = lambda detail, prompt: handled.append(prompt.rule_id)
    key = banner.current_prompt().key  # type: ignore[union-attr]
    for action in (STRATEGY_MEETING, ESCALATION, GCP2_REGRADE):
        banner.buttons[action].click()
    assert chosen == [(key, STRATEGY_MEETING), (key, ESCALATION), (key, GCP2_REGRADE)]
    assert handled == ["cumulative_harm_factors"]  # the hook the escalation screen replaces
    # The factors prompt cites only Jay's report and the family's: the GCP2 is Jay's.
    assert review.children_table.currentIndex().row() == 0


def test_another_agencys_record_by_keyboard_and_per_child_view(
    qtbot: QtBot, session: Session, review: FamilyPage
) -> None:
    chron = review.chronology
    qtbot.keyClick(review.tabs, Qt.Key.Key_N, ALT)
    assert review.tabs.currentWidget() is chron
    qtbot.keyClick(chron.add_button, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: isinstance(chron.dialog, AgencyEntryDialog), timeout=WAIT_MS)
    dialog = chron.dialog
    assert isinstance(dialog, AgencyEntryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    dialog.day.setDate(QDate(2024, 9, 2))
    dialog.child.setFocus()
    qtbot.keyClick(dialog.child, Qt.Key.Key_Down)  # Jay
    qtbot.keyClicks(dialog.agency, "Primary school")
    qtbot.keyClicks(dialog.author, "Ms Patel, designated safeguarding lead")
    qtbot.keyClick(dialog.agency, Qt.Key.Key_Return)  # "what happened" is still empty
    assert dialog.isVisible() and dialog.focusWidget() is dialog.what
    qtbot.keyClicks(dialog.what, "Jay arrived hungry three days running")
    qtbot.keyClick(dialog.what, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.impact, "Cannot settle to learn before lunch")
    qtbot.keyClick(dialog.themes.boxes[SCHOOL], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.agency, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chron.model.rowCount() == 8, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    added = next(r for r in chron.model.rows if r.date == date(2024, 9, 2))
    assert added.source == "Primary school" and added.child == "Jay"
    assert added.event == (
        "Jay arrived hungry three days running (recorded by Ms Patel, designated safeguarding lead)"
    )
    assert added.impact == "Cannot settle to learn before lunch" and added.themes == (SCHOOL,)
    assert chron.source_filter.findText("Primary school") >= 0

    chron.child_filter.setCurrentIndex(chron.child_filter.findData(review.detail.children[1].id))  # type: ignore[union-attr]
    shown = {chron.filter.index(n, 0).data(RECORD_ID_ROLE) for n in range(chron.filter.rowCount())}
    assert added.record_id not in shown and len(shown) == 6  # Mo's and the family's
    assert all(m.event_id != added.event_id for m in chron.timeline.layout_.marks)
    assert chron.count.text() == "6 of 8 events shown"


def test_enter_on_a_visit_row_opens_the_visit(
    qtbot: QtBot, session: Session, review: FamilyPage
) -> None:
    chron = review.chronology
    row = next(n for n, r in enumerate(chron.model.rows) if r.kind == "visit")
    chron.table.setFocus()
    chron.table.setCurrentIndex(chron.filter.mapFromSource(chron.model.index(row, 0)))
    qtbot.keyClick(chron.table, Qt.Key.Key_Return)
    window = session.main_window
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.visit, timeout=WAIT_MS)
    assert window.visit.notes.toPlainText() == "Seen at home."


def test_locking_forgets_the_chronology_and_prompts(
    qtbot: QtBot, session: Session, review: FamilyPage
) -> None:
    review.prompts.dismiss_current()
    assert isinstance(review.prompts.dialog, DismissDialog)
    session.lock()
    assert review.chronology.model.rowCount() == 0 and review.prompts.model.rowCount() == 0
    assert review.prompts.dialog is None and not review.prompts.isVisible()
    assert review.chronology.timeline.layout_.empty
    wait_for_worker(qtbot, session)


def test_every_word_is_translatable(qtbot: QtBot, session: Session, review: FamilyPage) -> None:
    translator = PseudoTranslator()
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        review.chronology.add_agency_entry()
        agency = review.chronology.dialog
        assert agency is not None and untranslated(agency) == []
        agency.reject()
        review.prompts.dismiss_current()
        dismiss = review.prompts.dialog
        assert dismiss is not None
        assert untranslated(dismiss) == []
        dismiss.reject()
        lived = session.main_window.lived
        lived.quick_capture()
        qtbot.waitUntil(lambda: lived.capture.dialog is not None, timeout=WAIT_MS)
        capture = lived.capture.dialog
        assert capture is not None and untranslated(capture) == []
        capture.reject()
    finally:
        app.removeTranslator(translator)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls that take keyboard focus but have no accessible name (buttons and tick boxes
    are named by their text; the parts inside a combo box or date field by their owner)."""
    found = []
    for widget in root.findChildren(QWidget):
        owner = widget.parentWidget()
        if isinstance(owner, (QComboBox, QAbstractSpinBox)) or isinstance(widget, QAbstractButton):
            continue
        if widget.window() is not root.window():
            continue  # a combo box's drop-down list: a window of its own, named by its combo
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not widget.accessibleName():
            found.append(type(widget).__name__)
    return found


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, session: Session, review: FamilyPage
) -> None:
    assert unnamed_controls(review.chronology) == []
    assert unnamed_controls(review.prompts) == []
    assert unnamed_controls(session.main_window.lived.search) == []
    review.chronology.add_agency_entry()
    assert review.chronology.dialog is not None
    assert unnamed_controls(review.chronology.dialog) == []
    review.chronology.dialog.reject()
    review.prompts.dismiss_current()
    assert review.prompts.dialog is not None
    assert unnamed_controls(review.prompts.dialog) == []
    review.prompts.dialog.reject()
    session.main_window.lived.quick_capture()
    qtbot.waitUntil(lambda: session.main_window.lived.capture.dialog is not None, timeout=WAIT_MS)
    capture = session.main_window.lived.capture.dialog
    assert capture is not None and unnamed_controls(capture) == []
    capture.reject()
