"""Slowing down repeated wrong passphrases in the unlock window.

Pure and in memory: a growing wait between attempts (0, 1, 2, 4 … capped at 30 s), reset on a
successful unlock. It never locks data away and never writes anything — the Argon2id cost is
what protects the vault file itself against guessing offline; this only paces a person (or a
script) at the keyboard of an unlocked desktop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_DELAY_SECONDS = 30.0


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong attempts in a row: 0, 0, 1, 2, 4, 8, … ≤ 30."""
    if failures <= 1:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** min(failures - 2, 16)))


class UnlockThrottle:
    """Counts wrong attempts and says how long the next one must wait.

    `clock` returns seconds (monotonic by default; inject a fake in tests).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures = 0
        self._not_before = 0.0

    @property
    def failures(self) -> int:
        return self._failures

    def seconds_to_wait(self) -> float:
        """0 when an attempt may be made now, else the seconds left."""
        return max(0.0, self._not_before - self._clock())

    def may_attempt(self) -> bool:
        return self.seconds_to_wait() == 0.0

    def record_failure(self) -> float:
        """Note a wrong passphrase; returns the wait before the next attempt."""
        self._failures += 1
        wait = delay_after(self._failures)
        self._not_before = self._clock() + wait
        return wait

    def record_success(self) -> None:
        self._failures = 0
        self._not_before = 0.0
