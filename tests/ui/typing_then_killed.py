"""Run by test_draft_survives_kill.py as a child process: unlock, open a family, start a new
visit and type notes one character every 40 ms until killed. Each character typed is reported
on stdout as `typed <count> <monotonic seconds>` so the test knows what was typed when."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.session import ProfileAccess, Session  # noqa: E402
from ui.settings import Preferences  # noqa: E402

TEXT = "kerry says dean gets angry when he has had a drink and jayden hid behind the sofa " * 4
TICK_MS = 40


def main(data_dir: Path, passphrase: str, family_id: str) -> int:
    app = QApplication(sys.argv)
    prefs = Preferences(QSettings(str(data_dir.parent / "child.ini"), QSettings.Format.IniFormat))
    session = Session(ProfileAccess(data_dir), prefs)
    window = session.main_window
    typed = 0

    def type_one() -> None:
        nonlocal typed
        window.visit.notes.insertPlainText(TEXT[typed])
        typed += 1
        print(f"typed {typed} {time.monotonic():.4f}", flush=True)

    typing = QTimer(interval=TICK_MS)
    typing.timeout.connect(type_one)

    def family_loaded() -> None:
        if window.visit.form is None:
            window.family.new_visit_button.click()
            print("editor open", flush=True)
            typing.start()

    window.family.loaded.connect(lambda _detail: family_loaded())
    session.unlocked.connect(lambda: window.open_family(family_id))
    session.start()
    session.unlock_window.passphrase.setText(passphrase)
    session.unlock_window.submit()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
