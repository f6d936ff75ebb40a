"""Locking by itself: after idle time, never while input keeps coming, at once on suspend."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.idle import IdleLock


def test_fires_once_after_the_limit(qtbot: QtBot) -> None:
    idle = IdleLock(300)
    fired: list[int] = []
    idle.lock_due.connect(lambda: fired.append(1))
    idle.restart()
    qtbot.wait(150)
    assert fired == []
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
    qtbot.wait(400)
    assert fired == [1]  # stopped itself until the next restart


def test_input_anywhere_postpones_it(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    idle = IdleLock(400)
    fired: list[int] = []
    idle.lock_due.connect(lambda: fired.append(1))
    idle.restart()
    for _ in range(8):  # 0.8 s of input, twice the limit
        qtbot.wait(100)
        QApplication.sendEvent(
            widget,
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(5, 5),
                QPointF(5, 5),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    assert fired == []
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)


def test_stopped_never_fires(qtbot: QtBot) -> None:
    idle = IdleLock(100)
    fired: list[int] = []
    idle.lock_due.connect(lambda: fired.append(1))
    idle.restart()
    idle.stop()
    qtbot.wait(300)
    assert fired == []


def test_suspend_locks_at_once(qtbot: QtBot) -> None:
    idle = IdleLock(60_000)
    fired: list[int] = []
    idle.lock_due.connect(lambda: fired.append(1))
    idle.restart()
    idle._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert fired == [1]


def test_the_limit_can_change(qtbot: QtBot) -> None:
    idle = IdleLock(60_000)
    fired: list[int] = []
    idle.lock_due.connect(lambda: fired.append(1))
    idle.restart()
    idle.set_limit_ms(200)
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
