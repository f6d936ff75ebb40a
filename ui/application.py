"""Starting the desktop app: the QApplication, translations, and the session's first window.

The interface is written in British English, so English needs no catalogue. Other languages
are `resources/translations/homevisit_<lang>.ts` files, compiled to `.qm` by `scripts/start-app`
(or a packaging step) with `pyside6-lrelease`; compiled catalogues are build output, never
committed. The one for the system language is loaded at start, with Qt's own strings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import default_data_dir
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def install_translations(
    app: QApplication, locale: QLocale | None = None, folder: Path = TRANSLATIONS
) -> list[QTranslator]:
    """Qt's own strings and ours in the system language, where a compiled catalogue exists
    (`homevisit_<lang>.qm` in `folder`); none for English, the source language."""
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    sources = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("homevisit", str(folder)),
    )
    for name, where in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def start_gui(data_dir: Path | None = None) -> tuple[QApplication, Session]:
    """The QApplication and a started session, its first window (first run or unlock) shown."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("HomeVisit")
    app.setOrganizationName("HomeVisit")
    app.setApplicationDisplayName("HomeVisit")
    install_translations(app)
    session = Session(ProfileAccess(data_dir or default_data_dir()), Preferences())
    session.start()
    return app, session


def run_gui(data_dir: Path | None = None) -> int:
    """Open the app on the profile in `data_dir`: first run if there is none, else unlock."""
    app, session = start_gui(data_dir)
    try:
        return app.exec()
    finally:
        session.shutdown()
