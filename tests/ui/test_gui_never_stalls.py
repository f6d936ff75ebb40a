"""A watchdog on the GUI thread: no stall over 50 ms while a caseload of 500 families with 20
visits each is loaded, a family opened, notes typed and autosaved, a visit saved, and the app
locked and unlocked again (ARCHITECTURE.md performance budget)."""

from __future__ import annotations

import gc
import os
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from pytestqt.qtbot import QtBot

from app.casefile.records import CarerRecord, CaseFile, ChildRecord, FamilyRecord, VisitRecord
from app.profile import NewProfile, create_profile
from app.services.case_files import import_case_file
from app.vault import KdfParams, MemoryKeyStore
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from ui.session import ProfileAccess
from ui.settings import Preferences

FAMILIES, VISITS_EACH = 500, 20
ATTEMPTS = 5
STALL_LIMIT_MS = 50.0


class Watchdog(QObject):
    """Ticks every 10 ms on the GUI thread and keeps the longest gap between ticks.

    Also notes full garbage collections (any thread) by phase, to explain a failure.
    """

    def __init__(self) -> None:
        super().__init__()
        self.longest_ms = 0.0
        self.longest_busy_ms = 0.0  # GUI-thread CPU time between two ticks
        self.busiest_phase = ""
        self._last_cpu = time.thread_time()
        self.phase = "start"
        self.stalls: list[tuple[str, float]] = []  # over half the limit, for the failure message
        self._last = time.perf_counter()
        self._timer = QTimer(self, interval=10)
        self._timer.timeout.connect(self._tick)
        self.collections: list[tuple[str, int, float]] = []
        self._gc_started = 0.0

    def _collecting(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif info["generation"] == 2:
            took = round((time.perf_counter() - self._gc_started) * 1000, 1)
            self.collections.append((self.phase, info["generation"], took))

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.longest_ms = self.longest_busy_ms = 0.0
        gc.callbacks.append(self._collecting)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.callbacks.remove(self._collecting)

    def report(self) -> str:
        return (
            f"longest busy slice {self.longest_busy_ms:.0f} ms ({self.busiest_phase}); "
            f"gaps over {STALL_LIMIT_MS / 2:.0f} ms by phase: {self.stalls}; full GCs: "
            f"{self.collections}; load average: {os.getloadavg()}"
        )

    def _tick(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        busy = (cpu - self._last_cpu) * 1000
        if busy > self.longest_busy_ms:
            self.longest_busy_ms, self.busiest_phase = busy, self.phase
        self._last_cpu = cpu
        gap = (now - self._last) * 1000
        self.longest_ms = max(self.longest_ms, gap)
        if gap > STALL_LIMIT_MS / 2:
            self.stalls.append((self.phase, round(gap)))
        self._last = now


def seeded_caseload(access: ProfileAccess) -> None:
    start = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    families = []
    for f in range(FAMILIES):
        carer = CarerRecord(f"K{f}", f"Carer {f}", "mother", True)
        child = ChildRecord(f"C{f}", f"Child {f}", date(2024, 1, 1) + timedelta(days=f), None)
        visits = tuple(
            VisitRecord(
                f"V{f}-{v}",
                start + timedelta(days=7 * v, hours=f % 8),
                start + timedelta(days=7 * v, hours=f % 8 + 2),
                "announced",
                (carer.id, child.id),
                "Home visit notes. " * 30,
            )
            for v in range(VISITS_EACH)
        )
        families.append(
            FamilyRecord(f"F{f}", f"Family {f:03d}", "Telford", (carer,), (child,), visits)
        )
    new = NewProfile(practitioner_name="Priya Example")
    with create_profile(
        access.data_dir, PASSPHRASE, new, keystore=access.keystore, kdf=access.kdf
    ) as profile:
        with profile.unit_of_work() as uow:
            import_case_file(uow, CaseFile(tuple(families)), actor="Priya Example")
            uow.commit()


def run_day(qtbot: QtBot, access: ProfileAccess, preferences: Preferences) -> Watchdog:
    """Unlock to 500 families, search, open one, type (autosaving), save, lock, unlock."""
    seeded_caseload(access)
    session = make_session(qtbot, access, preferences)
    watchdog = Watchdog()
    window = session.main_window
    try:
        session.start()
        # The harness's own first uses (pytest-qt's first QEventLoop, QtTest's first key click)
        # make PySide6 create ~150 Python enum classes at once (lazy loading, ~70 ms): a cost
        # of the test tools, not of the app, so they are paid before the watchdog starts.
        qtbot.wait(1)
        qtbot.keyClick(session.unlock_window.passphrase, Qt.Key.Key_End)
        qtbot.wait(300)  # the app's own warm-up while the unlock window waits for a passphrase
        watchdog.start()
        watchdog.phase = "unlock"
        unlock(qtbot, session)  # the caseload of 500 loads on the worker
        qtbot.waitUntil(lambda: window.caseload.model.rowCount() == FAMILIES, timeout=WAIT_MS)
        watchdog.phase = "search"
        window.caseload.search.setText("family 042")  # search as you type over 500 rows
        qtbot.waitUntil(lambda: window.caseload.filter.rowCount() == 1, timeout=WAIT_MS)
        watchdog.phase = "open family"
        window.open_family("F42")
        qtbot.waitUntil(
            lambda: window.family.visits_model.rowCount() == VISITS_EACH, timeout=WAIT_MS
        )
        watchdog.phase = "typing"
        window.family.new_visit_button.click()
        editor = window.visit
        for word in ("Kerry ", "says ", "Mia ", "is ", "feeding ", "well. ") * 5:
            editor.notes.insertPlainText(word)
            qtbot.wait(60)  # steady typing: autosave keeps saving drafts meanwhile
        qtbot.wait(1600)
        watchdog.phase = "save"
        editor.save()  # saving reloads the family (21 visits) and the caseload (500 rows)
        qtbot.waitUntil(
            lambda: window.family.visits_model.rowCount() == VISITS_EACH + 1, timeout=WAIT_MS
        )
        wait_for_worker(qtbot, session)
        watchdog.phase = "lock"
        session.lock()
        wait_for_worker(qtbot, session)
        watchdog.phase = "unlock again"
        unlock(qtbot, session)
        qtbot.waitUntil(lambda: window.caseload.model.rowCount() == FAMILIES, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        qtbot.wait(50)
    finally:
        watchdog.stop()
        session.shutdown()
    return watchdog


def test_no_gui_stall_over_50_ms(qtbot: QtBot, tmp_path: Path) -> None:
    """Two measures, both under 50 ms, in one run of the scenario out of up to five: the GUI
    thread's own work between two ticks (its CPU time: the app blocking) and the wall-clock gap
    (which also counts time the OS gave to other processes). Work the app does on its GUI
    thread is the same in every run, so a real stall fails all five; a slice that does not
    come back is the machine (a virtual CPU stolen by its host counts as our CPU time). On a
    machine already saturated by other work (1-minute load average at or above its CPU count)
    only the GUI thread's own work is judged, and wall-clock gaps are reported as a warning."""
    reports, busy = [], []
    for attempt in range(ATTEMPTS):
        folder = tmp_path / f"run{attempt}"
        access = ProfileAccess(folder / "profile", MemoryKeyStore(), KdfParams.for_tests())
        preferences = Preferences(
            QSettings(str(folder / "preferences.ini"), QSettings.Format.IniFormat)
        )
        watchdog = run_day(qtbot, access, preferences)
        reports.append(watchdog.report())
        busy.append(watchdog.longest_busy_ms)
        if watchdog.longest_busy_ms < STALL_LIMIT_MS and watchdog.longest_ms < STALL_LIMIT_MS:
            return
    assert min(busy) < STALL_LIMIT_MS, f"the GUI thread blocked in every run: {reports}"
    if os.getloadavg()[0] >= (os.cpu_count() or 1):
        warnings.warn(f"machine saturated; wall-clock gaps not judged: {reports}", stacklevel=1)
        return
    pytest.fail(f"the GUI thread stalled in every run: {reports}")
