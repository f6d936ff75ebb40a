"""Every visible word of the main screens goes through Qt's translation: with a pseudo-locale
installed (each string bracketed and lengthened), no label, button, action, menu, title,
placeholder or column header may keep its plain English text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import make_session
from tests.ui.driving import WAIT_MS, unlock, wait_for_worker
from ui.record_dialogs import CarerDialog, ChildDialog, FamilyDialog, ProfessionalDialog
from ui.session import ProfileAccess
from ui.settings import Preferences

MARK = "[~"


class PseudoTranslator(QTranslator):
    """Brackets and lengthens every string (by ~40%, as German often does), keeping %1 / %n
    placeholders and & accelerators working."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{MARK}{source} ·····~]" if source else source

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def pseudo_locale(qtbot: QtBot) -> Iterator[None]:
    translator = PseudoTranslator()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def untranslated(root: QWidget) -> list[str]:
    """Visible texts of `root` and its children that did not come through the translator."""
    found: list[str] = []

    def check(kind: str, text: str) -> None:
        plain = text.replace("&", "").strip()
        if plain and MARK not in text:
            found.append(f"{kind}: {plain!r}")

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.property("record_text"):
            continue  # a family's name, a person's name: data, not interface
        if widget.isWindow() and widget.windowTitle():
            check("title", widget.windowTitle())
        if isinstance(widget, QLabel):
            check("label", widget.text())
        elif isinstance(widget, QAbstractButton):
            check("button", widget.text())
        elif isinstance(widget, QGroupBox):
            check("group", widget.title())
        elif isinstance(widget, QMenu):
            check("menu", widget.title())
        elif isinstance(widget, QLineEdit):
            check("placeholder", widget.placeholderText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                check("column", str(model.headerData(column, _horizontal()) or ""))
        if widget.accessibleName():
            check("accessible name", widget.accessibleName())
    for action in root.findChildren(QAction):
        if not action.isSeparator() and not action.menu():
            check("action", action.text())
    return found


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_first_run_and_unlock_windows(
    qtbot: QtBot, pseudo_locale: None, access: ProfileAccess, preferences: Preferences
) -> None:
    session = make_session(qtbot, access, preferences)
    try:
        session.start()
        first_run = session.first_run_window
        assert first_run is not None
        first_run.passphrase.setText("short")  # shows the strength text too
        assert untranslated(first_run) == []
        assert untranslated(session.unlock_window) == []
    finally:
        session.shutdown()


def test_main_window_pages_and_dialogs(
    qtbot: QtBot, pseudo_locale: None, existing_profile: ProfileAccess, preferences: Preferences
) -> None:
    session = make_session(qtbot, existing_profile, preferences)
    window = session.main_window
    try:
        session.start()
        unlock(qtbot, session)
        assert window.lock_action.text().startswith(MARK)
        assert untranslated(window) == []  # caseload page, menus, status bar
        window.new_family()
        assert isinstance(window.dialog, FamilyDialog)
        assert untranslated(window.dialog) == []
        window.dialog.name.setText("Carter")
        window.dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        assert untranslated(window) == []  # family page
        for open_dialog, kind in (
            (window.family.add_carer, CarerDialog),
            (window.family.add_child, ChildDialog),
            (window.family.add_professional, ProfessionalDialog),
        ):
            open_dialog()
            dialog = window.family.dialog
            assert isinstance(dialog, kind)
            assert untranslated(dialog) == []
            dialog.reject()
        window.family.new_visit_button.click()
        assert window.stack.currentWidget() is window.visit
        window.visit.notes.insertPlainText("typed")
        assert untranslated(window) == []  # visit editor
        assert MARK in window.visit.draft_state.text()
    finally:
        session.shutdown()
    QApplication.processEvents()


def test_the_check_finds_hard_coded_text(qtbot: QtBot, pseudo_locale: None) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    QLabel("Hard coded", root)
    QLabel(QCoreApplication.translate("Test", "Through tr"), root)
    assert untranslated(root) == ["label: 'Hard coded'"]


def test_gcp2_editor(
    qtbot: QtBot, pseudo_locale: None, access: ProfileAccess, preferences: Preferences
) -> None:
    from datetime import date

    from app.profile import NewProfile, create_profile
    from tests.ui.driving import PASSPHRASE, practitioner
    from tests.ui.test_flow import add_carer_and_child

    new = NewProfile(practitioner_name=practitioner(), gcp2_trained_on=date(2025, 3, 14))
    create_profile(
        access.data_dir, PASSPHRASE, new, keystore=access.keystore, kdf=access.kdf
    ).close()
    session = make_session(qtbot, access, preferences)
    window = session.main_window
    try:
        session.start()
        unlock(qtbot, session)
        window.new_family()
        assert isinstance(window.dialog, FamilyDialog)
        window.dialog.name.setText("Carter")
        window.dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
        add_carer_and_child(qtbot, session)
        assert untranslated(window) == []  # family page with its GCP2 list
        window.family.gcp2_button.click()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.assessment, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        assert untranslated(window) == []  # every tab of the editor
        assert MARK in window.assessment.chart.accessibleName()
        assert MARK in window.assessment.chart.accessibleDescription()
    finally:
        session.shutdown()
    QApplication.processEvents()
