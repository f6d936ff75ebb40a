"""Locking with the desktop: when the session locks, the screen saver starts, or the laptop is
about to sleep (lid closed), as Linux desktops announce it on D-Bus.

Listens for:
- system bus, `org.freedesktop.login1`: a session's `Lock` (`loginctl lock-session`, the
  desktop's own lock), and the manager's `PrepareForSleep(true)` (suspend, hibernate, the lid);
- session bus: `ActiveChanged(true)` of `org.freedesktop.ScreenSaver` (KDE, Xfce, others) and of
  `org.gnome.ScreenSaver` (GNOME).

Any of them emits `lock_due` with the source's name. A `Lock` for any session counts, not only
ours: locking more often than needed is the safe side. Where there is no bus (Windows, macOS,
a container, a test run without one) nothing is watched and nothing complains; the idle timer
and Qt's own "application suspended" still lock (`ui.idle`). D-Bus delivers to the GUI thread's
event loop, so the lock runs there like Ctrl+L.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

LOGIN1 = "org.freedesktop.login1"
# (bus, service, object path ("" = any), interface, signal, slot): what is watched, and how.
WATCHED = (
    ("system", LOGIN1, "", "org.freedesktop.login1.Session", "Lock", "session_locked()"),
    ("system", LOGIN1, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
     "PrepareForSleep", "sleep_coming(bool)"),
    ("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
     "org.freedesktop.ScreenSaver", "ActiveChanged", "screen_saver(bool)"),
    ("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
     "ActiveChanged", "screen_saver(bool)"),
)


class SystemLockWatch(QObject):
    """Emits `lock_due(source)` when the desktop locks or the machine is about to sleep."""

    lock_due = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        # Tests pass their own connections (a private session bus can stand in for the system
        # bus, which a test cannot own names on).
        self._buses = {"session": session_bus, "system": system_bus}
        self.watching: list[str] = []

    def start(self) -> list[str]:
        """Subscribe to every signal whose bus is reachable; returns what is watched."""
        if self.watching:
            return self.watching
        buses = {
            "session": self._buses["session"] or QDBusConnection.sessionBus(),
            "system": self._buses["system"] or QDBusConnection.systemBus(),
        }
        for bus_name, service, path, interface, signal, slot in WATCHED:
            bus = buses[bus_name]
            # PySide6's stubs say bytes; at run time it takes the SLOT() string (6.12).
            if bus.isConnected() and bus.connect(  # type: ignore[call-overload]
                service, path, interface, signal, self, SLOT(slot)
            ):
                self.watching.append(f"{interface}.{signal}")
        return self.watching

    @Slot()
    def session_locked(self) -> None:
        self.lock_due.emit("session locked")

    @Slot(bool)
    def sleep_coming(self, starting: bool) -> None:
        if starting:  # PrepareForSleep(false) is the wake-up: nothing to do
            self.lock_due.emit("going to sleep")

    @Slot(bool)
    def screen_saver(self, active: bool) -> None:
        if active:
            self.lock_due.emit("screen locked")
