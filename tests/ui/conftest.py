"""Fixtures for the GUI tests: a fresh profile folder per test, a memory key store, cheap KDF
parameters, preferences in a temporary file, and a session torn down after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.profile import NewProfile, create_profile
from app.vault import KdfParams, MemoryKeyStore
from tests.ui.driving import PASSPHRASE, practitioner
from ui.session import ProfileAccess, Session
from ui.settings import Preferences


@pytest.fixture
def access(tmp_path: Path) -> ProfileAccess:
    return ProfileAccess(tmp_path / "profile", MemoryKeyStore(), KdfParams.for_tests())


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def existing_profile(access: ProfileAccess) -> ProfileAccess:
    """A profile created before the GUI starts (closed again)."""
    new = NewProfile(practitioner_name=practitioner(), role="Health visitor")
    create_profile(
        access.data_dir, PASSPHRASE, new, keystore=access.keystore, kdf=access.kdf
    ).close()
    return access


_made: list[Session] = []


def make_session(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences, idle_limit_ms: int | None = None
) -> Session:
    """A session whose windows pytest-qt closes, and which is shut down after the test."""
    session = Session(access, preferences, idle_limit_ms=idle_limit_ms)
    qtbot.addWidget(session.main_window)
    qtbot.addWidget(session.unlock_window)
    _made.append(session)
    return session


@pytest.fixture(autouse=True)
def _shut_down_sessions() -> Iterator[None]:
    """Every session a test made is shut down (its worker stopped, its application-wide input
    filter removed), even when the test failed half-way: a session left running slows every
    later test's GUI thread."""
    yield
    while _made:
        _made.pop().shutdown()


@pytest.fixture
def session(
    qtbot: QtBot, existing_profile: ProfileAccess, preferences: Preferences
) -> Iterator[Session]:
    made = make_session(qtbot, existing_profile, preferences)
    yield made
    made.shutdown()
