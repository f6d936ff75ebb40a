"""Desktop conventions: system fonts and palettes respected, geometry remembered."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import make_session
from tests.ui.driving import unlock
from ui.session import ProfileAccess, Session
from ui.settings import Preferences


def test_no_hard_coded_colours_or_fonts(
    qtbot: QtBot, existing_profile: ProfileAccess, preferences: Preferences
) -> None:
    """The system's font size and (dark) palette, as known at start-up, reach every screen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_font, old_palette = app.font(), app.palette()
    big = QFont(old_font)
    big.setPointSizeF(18)
    dark = QPalette(QColor("#202020"))  # a dark theme, as the system would give it
    app.setFont(big)
    app.setPalette(dark)
    session = make_session(qtbot, existing_profile, preferences)
    try:
        session.start()
        unlock(qtbot, session)
        window = session.main_window
        widgets = [window, *window.findChildren(QWidget)]
        assert all(not widget.styleSheet() for widget in widgets)
        assert window.caseload.table.font().pointSizeF() == 18
        assert window.family.title.font().pointSizeF() >= 18  # titles scale from it
        base = window.caseload.table.palette().color(QPalette.ColorRole.Base)
        assert base == dark.color(QPalette.ColorRole.Base)
    finally:
        session.shutdown()
        app.setFont(old_font)
        app.setPalette(old_palette)


def test_window_geometry_is_remembered(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    window.resize(700, 500)
    window.close()
    saved = session.preferences.main_window_geometry
    assert saved is not None
    again = QWidget()
    qtbot.addWidget(again)
    assert again.restoreGeometry(saved) and again.size().width() == 700
