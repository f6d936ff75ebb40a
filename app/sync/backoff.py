"""When to try again: exponential backoff with full jitter, and reading Retry-After.

Full jitter (AWS Architecture blog, "Exponential Backoff and Jitter"): wait a random time in
[0, min(cap, base * 2^attempt)], so a thousand laptops coming back online after an outage do not
retry in lock-step. A Retry-After from the gateway (429, 503) is honoured instead when given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

MAX_RETRY_AFTER = 24 * 3600.0  # a longer ask is a broken header, not a plan


@dataclass(frozen=True)
class Backoff:
    base: float  # seconds before the second attempt, at most
    cap: float  # the longest wait between attempts

    def delay(self, attempts: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after `attempts` failed attempts (1 for the first failure)."""
        exponent = min(max(attempts - 1, 0), 32)
        ceiling = min(self.cap, self.base * (2 ** exponent))
        return (rng or random).uniform(0.0, ceiling)


# The background worker: a first retry within 5 s, never longer than 30 min apart (research
# notes §4.4). `homevisit sync` retries within its own 60 s run, so much sooner.
BACKGROUND = Backoff(base=5.0, cap=1800.0)
SEND_NOW = Backoff(base=0.25, cap=5.0)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP-date; None if absent or bad."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    seconds = (moment - (now or datetime.now(timezone.utc))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
