"""Locking with the desktop over real D-Bus: the test run's private session bus carries a fake
screen saver and a fake logind (a test cannot own names on the system bus, so a session-bus
connection stands in for it); their signals must lock, others' must not, and no bus is fine."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from tests.ui.driving import WAIT_MS, unlock
from ui.session import Session
from ui.system_lock import LOGIN1, SystemLockWatch

_names = itertools.count()
needs_bus = pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
    reason="needs a D-Bus session bus: run under dbus-run-session (scripts/run-tests does)",
)


class FakeService:
    """A connection of its own that owns a well-known name and emits that service's signals."""

    def __init__(self, service: str) -> None:
        self.name = f"fake-{service}-{next(_names)}"
        self.bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self.name)
        assert self.bus.isConnected()
        assert self.bus.registerService(service), self.bus.lastError().message()

    def emit(self, path: str, interface: str, member: str, *args: object) -> None:
        signal = QDBusMessage.createSignal(path, interface, member)
        if args:
            signal.setArguments(list(args))
        assert self.bus.send(signal)

    def close(self) -> None:
        QDBusConnection.disconnectFromBus(self.name)


@pytest.fixture
def fakes() -> Iterator[list[FakeService]]:
    made: list[FakeService] = []
    yield made
    for fake in made:
        fake.close()


def watching(qtbot: QtBot, fake_system: bool = False) -> tuple[SystemLockWatch, list[str]]:
    # The private session bus stands in for the system bus where logind lives.
    system = QDBusConnection.sessionBus() if fake_system else None
    watch = SystemLockWatch(system_bus=system)
    locks: list[str] = []
    watch.lock_due.connect(locks.append)
    watch.start()
    return watch, locks


SCREEN_SAVERS = [
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
]


@needs_bus
@pytest.mark.parametrize(("service", "path"), SCREEN_SAVERS, ids=["freedesktop", "gnome"])
def test_the_screen_saver_starting_locks_and_stopping_does_not(
    qtbot: QtBot, fakes: list[FakeService], service: str, path: str
) -> None:
    watch, locks = watching(qtbot)
    assert f"{service}.ActiveChanged" in watch.watching
    fakes.append(saver := FakeService(service))
    saver.emit(path, service, "ActiveChanged", False)
    saver.emit(path, service, "ActiveChanged", True)
    qtbot.waitUntil(lambda: locks == ["screen locked"], timeout=WAIT_MS)
    qtbot.wait(100)
    assert locks == ["screen locked"]  # the `false` (screen back on) asked for nothing


@needs_bus
@pytest.mark.parametrize(("path", "interface", "member", "args", "expected"), [
    ("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session", "Lock", (),
     ["session locked"]),
    ("/org/freedesktop/login1/session/c7", "org.freedesktop.login1.Session", "Lock", (),
     ["session locked"]),  # any session: locking too often is the safe side
    ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", (True,),
     ["going to sleep"]),
    ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", (False,),
     []),  # waking up
    ("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session", "Unlock", (), []),
], ids=["our session", "another session", "sleep", "wake", "unlock"])
def test_logind_lock_and_sleep(
    qtbot: QtBot, fakes: list[FakeService], path: str, interface: str, member: str,
    args: tuple[object, ...], expected: list[str],
) -> None:
    watch, locks = watching(qtbot, fake_system=True)
    assert {"org.freedesktop.login1.Session.Lock",
            "org.freedesktop.login1.Manager.PrepareForSleep"} <= set(watch.watching)
    fakes.append(logind := FakeService(LOGIN1))
    logind.emit(path, interface, member, *args)
    if expected:
        qtbot.waitUntil(lambda: locks == expected, timeout=WAIT_MS)
    qtbot.wait(200)  # and nothing more arrives
    assert locks == expected


@needs_bus
def test_a_signal_from_anyone_but_the_service_is_ignored(
    qtbot: QtBot, fakes: list[FakeService]
) -> None:
    _watch, locks = watching(qtbot, fake_system=True)
    fakes.append(FakeService(LOGIN1))  # logind is there …
    impostor = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, "impostor")
    try:  # … but this process is not it
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep")
        signal.setArguments([True])
        assert impostor.send(signal)
        qtbot.wait(300)
    finally:
        QDBusConnection.disconnectFromBus("impostor")
    assert locks == []


def test_without_a_bus_nothing_is_watched_and_nothing_fails(qtbot: QtBot) -> None:
    nowhere = QDBusConnection("no-such-connection")
    assert not nowhere.isConnected()
    watch = SystemLockWatch(session_bus=nowhere, system_bus=nowhere)
    assert watch.start() == []
    watch.sleep_coming(False)
    watch.screen_saver(False)  # the slots still judge their argument if called directly


@needs_bus
def test_the_desktop_locking_locks_the_app(
    qtbot: QtBot, session: Session, fakes: list[FakeService]
) -> None:
    session.start()
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: bool(session.system_lock.watching), timeout=WAIT_MS)
    fakes.append(saver := FakeService("org.gnome.ScreenSaver"))
    with qtbot.waitSignal(session.locked, timeout=WAIT_MS):
        saver.emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
    assert not session.is_unlocked
    assert session.unlock_window.isVisible() and not session.main_window.isVisible()
    assert session.main_window.caseload.model.rowCount() == 0
