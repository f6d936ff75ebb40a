"""Scenario 6: the app is killed mid-sentence; on the next unlock the notes are back, missing at
most the last two seconds of typing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.profile import NewProfile, create_profile
from app.services.families import add_carer, add_child, create_family
from app.vault import KdfParams
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock
from tests.ui.typing_then_killed import TEXT
from ui.session import ProfileAccess
from ui.settings import Preferences

REPO = Path(__file__).resolve().parents[2]
TYPE_FOR_SECONDS = 4.0
ALLOWED_LOSS_SECONDS = 2.0


def passphrase_only_profile(data_dir: Path) -> str:
    new = NewProfile(practitioner_name="Priya Example", passphrase_only=True)
    with create_profile(data_dir, PASSPHRASE, new, kdf=KdfParams.for_tests()) as profile:
        with profile.unit_of_work() as uow:
            family = create_family(uow, "Priya Example", name="Carter", address="Flat 2")
            add_carer(
                uow,
                "Priya Example",
                family.id,
                name="Kerry",
                relationship="mother",
                parental_responsibility=True,
            )
            add_child(uow, "Priya Example", family.id, name="Mia", date_of_birth=date(2026, 11, 17))
            uow.commit()
    return family.id


def test_draft_recovered_after_sigkill(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    family_id = passphrase_only_profile(data_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.typing_then_killed", str(data_dir), PASSPHRASE, family_id],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    typed_at: list[tuple[int, float]] = []
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            if line.startswith("typed "):
                _, count, moment = line.split()
                typed_at.append((int(count), float(moment)))
                if typed_at[-1][1] - typed_at[0][1] >= TYPE_FOR_SECONDS:
                    break
        assert typed_at, "the child process never started typing"
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        child.kill()
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    must_have = max(
        (count for count, moment in typed_at if moment <= killed_at - ALLOWED_LOSS_SECONDS),
        default=0,
    )
    assert must_have > 20  # the test really typed for long enough to mean something

    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    session = make_session(qtbot, ProfileAccess(data_dir), prefs)
    try:
        session.start()
        unlock(qtbot, session)
        editor = session.main_window.visit
        qtbot.waitUntil(
            lambda: (
                session.main_window.stack.currentWidget() is editor
                and editor.notes.toPlainText() != ""
            ),
            timeout=WAIT_MS,
        )
        recovered = editor.notes.toPlainText()
        assert TEXT.startswith(recovered)
        assert len(recovered) >= must_have, (len(recovered), must_have, typed_at[-1][0])
        assert editor.form is not None and editor.form.family_id == family_id
        assert "restored" in editor.draft_state.text()
    finally:
        session.shutdown()
