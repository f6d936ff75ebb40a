"""Benchmark probe (bench/bench_foundation.py): start the app exactly as `homevisit gui` does and
quit as soon as its first window has been shown, so process start to first window can be timed
against a bare PySide6 QMainWindow process that does the same.

    python -m ui.first_window_probe DATA_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from ui.application import start_gui


def main(argv: list[str]) -> int:
    app, session = start_gui(Path(argv[0]) if argv else None)
    QTimer.singleShot(0, app.quit)  # runs once the first window's show has been processed
    try:
        return app.exec()
    finally:
        session.shutdown()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
