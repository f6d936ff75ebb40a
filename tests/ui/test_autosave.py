"""Autosave timing: debounced, but never more than ~1.5 s behind steady typing."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from app.errors import UsageError
from ui.autosave import NotesAutosave


class RecordingBackground:
    """Takes the place of `Background`: runs each save job at once against a fake profile."""

    def __init__(self) -> None:
        self.saves: list[tuple[float, str, str]] = []
        self.fail = False

    def run(self, job: Any, *, success: Any = None, failure: Any = None, **_: Any) -> None:
        profile = self

        class Uow:
            def __enter__(self) -> Uow:
                return self

            def __exit__(self, *exc: object) -> None:
                return None

            def commit(self) -> None:
                return None

        self._uow = Uow()
        if self.fail:
            failure(UsageError("the disk is full"))
            return
        job_result = job(profile)
        success(job_result)

    def unit_of_work(self) -> Any:
        return self._uow


@pytest.fixture
def fake_save(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, str, str]]:
    saved: list[tuple[float, str, str]] = []

    def save_draft(_uow: object, *, key: str, text: str) -> None:
        saved.append((time.monotonic(), key, text))

    monkeypatch.setattr("app.services.drafts.save_draft", save_draft)
    return saved


def make(qtbot: QtBot, background: RecordingBackground) -> tuple[QPlainTextEdit, NotesAutosave]:
    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    autosave = NotesAutosave(background, notes.toPlainText, notes)  # type: ignore[arg-type]
    notes.textChanged.connect(autosave.text_changed)
    autosave.watch("new-visit:F-1:notes")
    return notes, autosave


def test_a_pause_saves_once(qtbot: QtBot, fake_save: list) -> None:
    notes, autosave = make(qtbot, RecordingBackground())
    notes.insertPlainText("Mia feeding well")
    notes.insertPlainText(".")
    qtbot.wait(300)
    assert fake_save == []  # still within the quiet period
    qtbot.waitUntil(lambda: len(fake_save) == 1, timeout=3000)
    assert fake_save[0][1:] == ("new-visit:F-1:notes", "Mia feeding well.")
    qtbot.wait(1200)
    assert len(fake_save) == 1 and not autosave.dirty


def test_steady_typing_is_saved_at_least_every_1_5_seconds(qtbot: QtBot, fake_save: list) -> None:
    notes, _ = make(qtbot, RecordingBackground())
    started = time.monotonic()
    while time.monotonic() - started < 4.0:
        notes.insertPlainText("x")
        qtbot.wait(100)
    assert len(fake_save) >= 2
    gaps = [b[0] - a[0] for a, b in zip(fake_save, fake_save[1:], strict=False)]
    assert max(gaps) < 1.8
    assert fake_save[0][0] - started < 1.8


def test_save_now_flushes_and_watch_none_drops(qtbot: QtBot, fake_save: list) -> None:
    notes, autosave = make(qtbot, RecordingBackground())
    notes.insertPlainText("before lock")
    autosave.save_now()
    assert [text for _, _, text in fake_save] == ["before lock"]
    notes.insertPlainText(" more")
    autosave.watch(None)
    qtbot.wait(1700)
    assert len(fake_save) == 1


def test_failed_save_is_reported_and_retried(qtbot: QtBot, fake_save: list) -> None:
    background = RecordingBackground()
    notes, autosave = make(qtbot, background)
    background.fail = True
    with qtbot.waitSignal(autosave.failed, timeout=3000) as signal:
        notes.insertPlainText("typed")
    assert signal.args == ["The disk is full."] and autosave.dirty
    background.fail = False
    autosave.save_now()
    assert [text for _, _, text in fake_save] == ["typed"]
