"""How the protocol operations, which run on the event loop, reach the database.

The operations' own work (verifying three signatures, opening the seal, reading JSON) is CPU
under the GIL: running it in worker threads gained no parallelism, only GIL hand-offs between
the event loop and the workers at every signature check and SQL call, which on the project's
2-core VM cost more CPU than HTTP itself (bench/bench_gateway.py). So operations run on the
event loop, and only database calls leave it:

- SQLite: reads run inline. A read is one statement on a local file in WAL mode, where readers
  never wait for the writer (about 0.02 ms); a thread hop would cost more than the read.
  Writes go to threads, where `group_commit` lets those that arrive together share one commit;
  up to `writers` of them can wait for the same commit.
- PostgreSQL: every call goes to a worker thread: a network round trip must never stall the loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")


class DatabaseCalls:
    """`await read(fn, ...)` / `await write(fn, ...)`: call a blocking Store function from the loop."""

    def __init__(self, *, inline_reads: bool, workers: int, writers: int) -> None:
        self._inline_reads = inline_reads
        self._workers = anyio.CapacityLimiter(workers)
        self._writers = anyio.CapacityLimiter(writers)

    @classmethod
    def for_dialect(cls, dialect: str, *, workers: int) -> DatabaseCalls:
        if dialect == "sqlite":
            # Writers mostly wait for the shared commit; more of them means larger groups.
            return cls(inline_reads=True, workers=workers, writers=max(16, workers))
        return cls(inline_reads=False, workers=workers, writers=workers)

    async def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._inline_reads:
            return fn(*args, **kwargs)
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._workers)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._writers)
