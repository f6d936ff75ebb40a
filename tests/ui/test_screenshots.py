"""Screenshots of each main screen at 1366×768 and at 200 % scaling.

Writes PNGs only when HOMEVISIT_SCREENSHOTS names a folder (not committed; for looking at):
    HOMEVISIT_SCREENSHOTS=/tmp/shots .venv/bin/python -m pytest tests/ui/test_screenshots.py
Without it the test checks nothing and says so (skipped).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
SCREENS = (
    "1-first-run",
    "2-unlock-wrong-passphrase",
    "3-caseload",
    "4-family",
    "5-visit-editor",
    "6-add-child-dialog",
)


@pytest.mark.skipif(
    not os.environ.get("HOMEVISIT_SCREENSHOTS"),
    reason="set HOMEVISIT_SCREENSHOTS=<folder> to write screenshots",
)
@pytest.mark.parametrize(("scale", "suffix"), [("1", "-100"), ("2", "-200")])
def test_screenshots(scale: str, suffix: str) -> None:
    out = Path(os.environ["HOMEVISIT_SCREENSHOTS"])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale, PYTHONPATH=str(REPO))
    subprocess.run(
        [sys.executable, "-m", "tests.ui.screenshots", str(out), suffix],
        cwd=REPO,
        env=env,
        check=True,
        timeout=120,
    )
    for screen in SCREENS:
        image = QImage(str(out / f"{screen}{suffix}.png"))
        assert not image.isNull(), screen
        if screen in ("3-caseload", "4-family", "5-visit-editor"):
            assert (image.width(), image.height()) == (1366 * int(scale), 768 * int(scale))
