"""Keyboard-only use of the caseload and family: search as you type, Enter opens, Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.profile import unlock_profile
from app.services.families import create_family
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from ui.session import ProfileAccess, Session


def seed_families(access: ProfileAccess, names: list[str]) -> None:
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            for name in names:
                create_family(uow, "Priya Example", name=name, address="Telford")
            uow.commit()


def test_search_enter_opens_escape_returns(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    seed_families(existing_profile, ["Adeyemi", "Brown", "Carter"])
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 3, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.caseload.search
    qtbot.keyClicks(window.caseload.search, "car")
    assert window.caseload.filter.rowCount() == 1
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    assert window.family.title.text() == "Carter"
    qtbot.keyClick(window.family, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.caseload
    # Arrow keys and Enter in the list open another family.
    window.caseload.search.clear()
    window.caseload.table.setFocus()
    window.caseload.table.setCurrentIndex(window.caseload.filter.index(0, 0))
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.family.title.text() == "Brown", timeout=WAIT_MS)
    wait_for_worker(qtbot, session)


def test_controls_have_accessible_names(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    for control in (
        window.caseload.search,
        window.caseload.table,
        window.family.visits_table,
        window.visit.notes,
        window.visit.occurred,
        session.unlock_window.passphrase,
    ):
        assert control.accessibleName(), control
