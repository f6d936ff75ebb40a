"""Group commit for SQLite: writes that arrive while a commit is on its way to disk share the next one.

SQLite has one writer, and with `synchronous=FULL` every commit waits for an fsync of the WAL
(measured 0.3–4 ms on the project VM, depending on what else uses the disk). One transaction per
submission therefore capped the gateway at one submission per fsync, whatever the CPU could do
(bench/bench_gateway.py). Here, threads that want to write queue their work; one of them (the
leader) runs everything queued in one `BEGIN IMMEDIATE … COMMIT`, each piece of work inside its
own SAVEPOINT, and hands the lead to the next waiting thread when it is done.

What each caller sees is what it saw with its own transaction: its work's result or exception is
returned only after the COMMIT that made it durable; work that raises is rolled back to its
savepoint alone (the others in the group are unaffected); if BEGIN or COMMIT fails, every caller
in the group gets that error and none of its work is kept. Work runs on the leader's thread with
a connection that already holds the write lock, so it must not start transactions of its own.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine

from gateway.hotpath import RawConnection, raw_transaction

T = TypeVar("T")


@dataclass
class _Work(Generic[T]):
    run: Callable[[RawConnection], T]
    wake: threading.Event = field(default_factory=threading.Event)
    lead: bool = False  # woken to lead the next group rather than with a result
    result: Any = None
    error: BaseException | None = None

    def outcome(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[no-any-return]


class CommitGroup:
    """Run write work on SQLite in shared transactions (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._queue: list[_Work[Any]] = []
        self._leading = False  # a thread is writing a group right now
        self.groups = 0  # transactions committed (for tests and the benchmark's notes)
        self.writes = 0  # pieces of work run in them

    def run(self, work: Callable[[RawConnection], T]) -> T:
        """Run `work` in a write transaction shared with whatever else is queued; returns or
        raises what `work` did, once the transaction is committed."""
        mine: _Work[T] = _Work(work)
        with self._lock:
            self._queue.append(mine)
            lead = not self._leading
            self._leading = True
        if not lead:
            mine.wake.wait()
            if not mine.lead:
                return mine.outcome()
        with self._lock:
            group, self._queue = self._queue, []
        try:
            self._write(group)
        finally:
            with self._lock:
                if self._queue:
                    self._queue[0].lead = True
                    self._queue[0].wake.set()
                else:
                    self._leading = False
            for work_item in group:
                if work_item is not mine:
                    work_item.wake.set()
        return mine.outcome()

    def _write(self, group: list[_Work[Any]]) -> None:
        try:
            with raw_transaction(self._engine) as connection:
                for number, work in enumerate(group):
                    savepoint = f"w{number}"
                    connection.run_sql(f"SAVEPOINT {savepoint}")
                    try:
                        work.result = work.run(connection)
                    except Exception as exc:  # noqa: BLE001 - handed to the caller that queued it
                        work.error = exc
                        connection.run_sql(f"ROLLBACK TO {savepoint}")
                    connection.run_sql(f"RELEASE {savepoint}")
        except BaseException as exc:
            # BEGIN or COMMIT failed (or a savepoint statement did): nothing in the group is durable.
            for work in group:
                work.result, work.error = None, _own_copy(exc)
            if not isinstance(exc, Exception):
                raise
        else:
            self.groups += 1
            self.writes += len(group)


def _own_copy(exc: BaseException) -> BaseException:
    """A copy of a shared failure for each caller: raising one object from several threads at
    once would splice their tracebacks together."""
    try:
        return copy.copy(exc)
    except Exception:  # noqa: BLE001 - an exception that cannot be copied is shared as it is
        return exc
