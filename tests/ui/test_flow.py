"""Whole flows through the real windows: first run, records, idle lock, unlock, wrong passphrase."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.paths import ProfilePaths
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from ui.record_dialogs import CarerDialog, ChildDialog, FamilyDialog, ProfessionalDialog
from ui.session import ProfileAccess, Session
from ui.settings import Preferences


def first_run(qtbot: QtBot, session: Session) -> None:
    session.start()
    window = session.first_run_window
    assert window is not None and window.isVisible()
    qtbot.keyClicks(window.name, "Priya Example")
    qtbot.keyClicks(window.role, "Health visitor")
    qtbot.keyClicks(window.agency, "Health visiting")
    window.gcp2_trained.setChecked(True)
    window.gcp2_date.setDate(QDate(2025, 3, 14))
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClicks(window.confirmation, PASSPHRASE)
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: session.is_unlocked and session.main_window.isVisible(), timeout=WAIT_MS
    )
    wait_for_worker(qtbot, session)


def add_family(qtbot: QtBot, session: Session, name: str) -> None:
    window = session.main_window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, FamilyDialog)
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.address, "4 Example Road, Telford")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)


def add_carer_and_child(qtbot: QtBot, session: Session) -> None:
    page = session.main_window.family
    page.add_carer()
    carer = page.dialog
    assert isinstance(carer, CarerDialog)
    qtbot.keyClicks(carer.name, "Kerry")
    qtbot.keyClicks(carer.relationship, "mother")
    carer.parental_responsibility.setChecked(True)
    carer.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.carers_model.rowCount() == 1, timeout=WAIT_MS)
    page.add_child()
    child = page.dialog
    assert isinstance(child, ChildDialog)
    qtbot.keyClicks(child.name, "Mia")
    child.date_of_birth.setDate(QDate(2026, 11, 17))
    child.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.children_model.rowCount() == 1, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)


def test_first_run_records_then_idle_lock_keeps_typed_notes(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences
) -> None:
    session = make_session(qtbot, access, preferences, idle_limit_ms=1500)
    try:
        first_run(qtbot, session)
        assert ProfilePaths(access.data_dir).exists()
        window = session.main_window
        add_family(qtbot, session, "Example family")
        assert window.caseload.model.rowCount() == 1
        add_carer_and_child(qtbot, session)
        assert window.family.carers_model.data(window.family.carers_model.index(0, 2)) == "Yes"

        window.family.new_visit_button.click()
        editor = window.visit
        assert window.stack.currentWidget() is editor
        editor.unannounced.setChecked(True)
        editor.present[window.family.detail.carers[0].id].setChecked(True)  # type: ignore[union-attr]
        qtbot.keyClicks(editor.notes, "Kerry says Dean gets angry when he has had a drink.")
        # Stop typing: the idle timer (shortened to 1.5 s) locks the app by itself.
        qtbot.waitUntil(lambda: not session.is_unlocked, timeout=WAIT_MS)
        assert session.unlock_window.isVisible() and not window.isVisible()
        # Every record is gone from the window while locked.
        assert editor.notes.toPlainText() == ""
        assert window.caseload.model.rowCount() == 0
        assert window.family.carers_model.rowCount() == 0
        wait_for_worker(qtbot, session)

        unlock(qtbot, session)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is editor, timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: (
                editor.notes.toPlainText() == "Kerry says Dean gets angry when he has had a drink."
            ),
            timeout=WAIT_MS,
        )
        assert editor.unannounced.isChecked()
        form = editor.current_form()
        assert form is not None and len(form.present) == 1

        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.family.visits_model.rowCount() == 1, timeout=WAIT_MS)
        visit = window.family.visits_model.row_at(0)
        assert visit.kind == "unannounced" and visit.notes.startswith("Kerry says")
        assert window.caseload.model.row_at(0).visit_count == 1
    finally:
        session.shutdown()


def test_ctrl_l_locks_and_unlock_returns_to_the_family(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    add_family(qtbot, session, "Jones household")
    family_id = window.family.family_id
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=WAIT_MS)
    assert window.family.title.text() == ""
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    assert window.family.family_id == family_id
    assert window.family.title.text() == "Jones household"


def test_wrong_passphrase_says_so_and_stays_locked(qtbot: QtBot, session: Session) -> None:
    session.start()
    window = session.unlock_window
    window.passphrase.setText("not my passphrase")
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.unlock.isEnabled() or window.throttle.failures == 1, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: window.throttle.failures == 1, timeout=WAIT_MS)
    assert "passphrase" in window.message.text().lower()
    assert not session.is_unlocked
    assert not session.main_window.isVisible() and window.isVisible()
    assert window.passphrase.text() == ""
    # The right one still works afterwards (the first failure costs no wait).
    unlock(qtbot, session)
    assert session.main_window.isVisible()


def test_repeated_wrong_passphrases_make_the_next_attempt_wait(
    qtbot: QtBot, session: Session
) -> None:
    session.start()
    window = session.unlock_window
    for attempt in (1, 2):
        window.passphrase.setText(f"wrong {attempt}")
        window.submit()
        qtbot.waitUntil(lambda a=attempt: window.throttle.failures == a, timeout=WAIT_MS)
    assert not window.unlock.isEnabled()
    assert "1" in window.message.text()
    window.passphrase.setText(PASSPHRASE)
    window.submit()  # refused while waiting: nothing is queued
    assert session.background.pending == 0
    qtbot.waitUntil(window.unlock.isEnabled, timeout=WAIT_MS)
    unlock(qtbot, session)


def test_professional_marked_lead_in_the_family_view(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    add_family(qtbot, session, "Lead test family")
    page = session.main_window.family
    page.add_professional()
    dialog = page.dialog
    assert isinstance(dialog, ProfessionalDialog)
    qtbot.keyClicks(dialog.name, "Dr Shah")
    qtbot.keyClicks(dialog.agency, "GP practice")
    qtbot.keyClicks(dialog.role, "GP")
    qtbot.keyClicks(dialog.contact, "01952 000000")
    dialog.lead.setChecked(True)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.professionals_model.rowCount() == 1, timeout=WAIT_MS)
    model = page.professionals_model
    assert model.data(model.index(0, model.LEAD)) == "Lead"
    assert model.row_at(0).lead


def test_empty_required_field_keeps_the_dialog_open(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    window.new_family()
    dialog = window.dialog
    assert isinstance(dialog, FamilyDialog)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "Family name" in dialog.problem.text()
    dialog.reject()


def test_first_run_refuses_mismatched_passphrases(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences
) -> None:
    session = make_session(qtbot, access, preferences)
    try:
        session.start()
        window = session.first_run_window
        assert window is not None
        window.name.setText("Priya")
        window.passphrase.setText(PASSPHRASE)
        window.confirmation.setText(PASSPHRASE + "x")
        window.submit()
        assert "not the same" in window.problem.text()
        assert not ProfilePaths(access.data_dir).exists()
        assert window.create_button.isEnabled()
    finally:
        session.shutdown()
