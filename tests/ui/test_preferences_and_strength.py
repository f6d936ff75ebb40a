"""Typed preferences (bounded, nothing else stored) and the passphrase strength hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from ui.passphrase_strength import assess
from ui.settings import DEFAULT_IDLE_LOCK_MINUTES, Preferences


def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    ("stored", "read"), [(None, DEFAULT_IDLE_LOCK_MINUTES), (15, 15), (0, 1), (999, 60), ("x", 5)]
)
def test_idle_minutes_are_bounded(tmp_path: Path, stored: object, read: int) -> None:
    raw = settings(tmp_path)
    if stored is not None:
        raw.setValue(Preferences.IDLE_LOCK_MINUTES, stored)
    assert Preferences(raw).idle_lock_minutes == read


def test_values_survive_a_restart_and_nothing_else_is_kept(tmp_path: Path) -> None:
    first = Preferences(settings(tmp_path))
    first.idle_lock_minutes = 10
    first.main_window_geometry = QByteArray(b"geometry")
    first.sync()
    again = Preferences(settings(tmp_path))
    assert again.idle_lock_minutes == 10
    assert again.main_window_geometry == QByteArray(b"geometry")
    assert sorted(settings(tmp_path).allKeys()) == sorted(
        [Preferences.IDLE_LOCK_MINUTES, Preferences.MAIN_WINDOW_GEOMETRY]
    )


@pytest.mark.parametrize(
    ("passphrase", "acceptable", "score"),
    [
        ("", False, 0),
        ("short1!", False, 0),
        ("aaaaaaaaaaaa", False, 1),
        ("abcdefghijk", True, 1),
        ("abcdefghijklmno", True, 1),
        ("Abcdefghijk1!", True, 1),
        ("Abcdefghijklmn1", True, 2),
        ("correct horse battery staple", True, 4),
    ],
)
def test_strength(passphrase: str, acceptable: bool, score: int) -> None:
    strength = assess(passphrase)
    assert (strength.acceptable, strength.score) == (acceptable, score)
    assert strength.label
