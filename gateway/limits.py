"""Per-instance back-pressure: a token bucket per device (429) and a cap on requests in flight (503).

Both answer with Retry-After, which the desktop honours. They protect one instance; a council
running several instances behind a load balancer sets limits there as well.
"""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    """Token buckets holding `per_minute` requests, refilled continuously. Thread-safe."""

    _MAX_KEYS = 10_000

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int:
        """0 and one request taken if `key` may go on; else whole seconds until it may."""
        if self.capacity <= 0:
            return 60
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.refill_per_second)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > self._MAX_KEYS:
                    self._forget_full(now)
                return 0
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.refill_per_second))

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled completely is the same as no bucket at all.
        for key, (tokens, at) in list(self._buckets.items()):
            if tokens + (now - at) * self.refill_per_second >= self.capacity:
                del self._buckets[key]


class InFlight:
    """Counts protocol requests being handled; used only from the event loop (no lock needed)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def try_enter(self) -> bool:
        if self.count >= self.limit:
            return False
        self.count += 1
        return True

    def leave(self) -> None:
        self.count -= 1
