"""Benchmark probe (bench/bench_foundation.py): start the app exactly as `homevisit gui` does and
quit as soon as its first window has been shown, so process start to first window can be timed
against a bare PySide6 QMainWindow process that does the same.

    python -m ui.first_window_probe DATA_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.application import start_gui


def main(argv: list[str]) -> int:
    start_gui(Path(argv[0]) if argv else None)
    # Runs once the first window's show has been processed. Exit at once: the worker is by then
    # loading the core in the background, which the practitioner does not wait for.
    QTimer.singleShot(0, lambda: os._exit(0))
    return QApplication.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
