"""The DB worker: order, results and failures on the GUI thread, changes, the delayed busy signal."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.errors import UnknownRecord
from ui.background import Background, ProfileLocked
from ui.changes import Changes

WAIT_MS = 5000


class FakeProfile:
    """Stands in for OpenProfile: remembers on which thread it was closed."""

    def __init__(self) -> None:
        self.closed_on: int | None = None

    def close(self) -> None:
        self.closed_on = threading.get_ident()


@pytest.fixture
def background(qtbot: QtBot) -> Iterator[Background]:
    made = Background()
    yield made
    made.shutdown()


def opened(qtbot: QtBot, background: Background) -> FakeProfile:
    profile = FakeProfile()
    done: list[object] = []
    background.open_profile(lambda: profile, success=done.append)  # type: ignore[arg-type, return-value]
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert background.unlocked
    return profile


def test_jobs_run_in_order_off_the_gui_thread_and_report_on_it(
    qtbot: QtBot, background: Background
) -> None:
    profile = opened(qtbot, background)
    gui = threading.get_ident()
    ran_on: list[int] = []
    results: list[tuple[int, int]] = []

    def job(number: int) -> Any:
        def run(given: object) -> int:
            assert given is profile
            ran_on.append(threading.get_ident())
            return number

        return run

    for number in range(20):
        background.run(job(number), success=lambda n: results.append((n, threading.get_ident())))
    qtbot.waitUntil(lambda: len(results) == 20, timeout=WAIT_MS)
    assert [n for n, _ in results] == list(range(20))
    assert {thread for _, thread in results} == {gui}
    assert gui not in ran_on and len(set(ran_on)) == 1


def test_expected_failure_goes_to_the_callback(qtbot: QtBot, background: Background) -> None:
    opened(qtbot, background)
    failures: list[Exception] = []

    def fails(_profile: object) -> None:
        raise UnknownRecord("no family with id 'F-9'")

    background.run(fails, success=lambda _: pytest.fail("no success"), failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], UnknownRecord)


def test_unexpected_failure_never_shows_its_message(qtbot: QtBot, background: Background) -> None:
    opened(qtbot, background)

    def fails(_profile: object) -> None:
        raise ValueError("Kerry says Dean drinks")  # case text inside an exception

    with qtbot.waitSignal(background.failed, timeout=WAIT_MS) as signal:
        background.run(fails)
    assert "Kerry" not in signal.args[0] and signal.args[0]


def test_jobs_refused_while_locked(qtbot: QtBot, background: Background) -> None:
    failures: list[Exception] = []
    background.run(lambda _p: 1, failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], ProfileLocked)


def test_close_runs_after_queued_jobs_and_on_the_worker(
    qtbot: QtBot, background: Background
) -> None:
    profile = opened(qtbot, background)
    seen: list[str] = []
    background.run(lambda _p: time.sleep(0.05) or "saved", success=seen.append)
    background.close_profile(success=lambda _none: seen.append("closed"))
    assert not background.unlocked
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert seen == ["saved", "closed"]
    assert profile.closed_on not in (None, threading.get_ident())


def test_changes_signal_after_success_only(qtbot: QtBot, background: Background) -> None:
    opened(qtbot, background)
    with qtbot.waitSignal(background.changed, timeout=WAIT_MS) as signal:
        background.run(
            lambda _p: "F-1", changes=lambda family: Changes(families=frozenset({family}))
        )
    assert signal.args[0] == Changes(families=frozenset({"F-1"}))
    emitted: list[object] = []
    background.changed.connect(emitted.append)

    def fails(_profile: object) -> None:
        raise UnknownRecord("no family with id 'F-2'")

    done: list[object] = []
    background.run(fails, failure=done.append, changes=Changes(caseload=True))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert emitted == []


def test_busy_only_after_600_ms(qtbot: QtBot, background: Background) -> None:
    opened(qtbot, background)
    busy: list[bool] = []
    background.busy.connect(busy.append)
    done: list[object] = []
    background.run(lambda _p: time.sleep(0.1), success=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    qtbot.wait(700)
    assert busy == []  # a quick job never flickers a progress indicator
    background.run(lambda _p: time.sleep(0.9), success=done.append)
    qtbot.waitUntil(lambda: busy == [True], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: busy == [True, False], timeout=WAIT_MS)
    assert len(done) == 2


def test_quiet_jobs_never_show_busy(qtbot: QtBot, background: Background) -> None:
    opened(qtbot, background)
    busy: list[bool] = []
    background.busy.connect(busy.append)
    done: list[object] = []
    background.run(lambda _p: time.sleep(0.8), success=done.append, quiet=True)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert busy == []


def test_network_pool_reports_on_the_gui_thread(qtbot: QtBot, background: Background) -> None:
    results: list[tuple[str, int]] = []
    background.run_network(
        lambda: "receipt", success=lambda r: results.append((r, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert results == [("receipt", threading.get_ident())]
