"""Screenshots of each main screen at 1366×768 and at 200 % scaling.

Every run renders each screen at both scales and checks the images; with HOMEVISIT_SCREENSHOTS
naming a folder the PNGs are kept there for a person to look at (never committed):
    HOMEVISIT_SCREENSHOTS=/tmp/shots .venv/bin/python -m pytest tests/ui/test_screenshots.py
Under Xvfb (a real X server) add QT_QPA_PLATFORM=xcb and run through `xvfb-run -a`.
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
    "7-chronology",
    "8-quick-capture",
    "9-search",
    "10-plans",
    "11-information-sharing",
)


@pytest.mark.parametrize(("scale", "suffix"), [("1", "-100"), ("2", "-200")])
def test_screenshots(scale: str, suffix: str, tmp_path: Path) -> None:
    out = Path(os.environ.get("HOMEVISIT_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_SCALE_FACTOR=scale, PYTHONPATH=str(REPO))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
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
        if screen in ("3-caseload", "4-family", "5-visit-editor", "7-chronology", "9-search",
                      "10-plans", "11-information-sharing"):
            assert (image.width(), image.height()) == (1366 * int(scale), 768 * int(scale))
