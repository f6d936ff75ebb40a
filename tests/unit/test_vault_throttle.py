"""Pacing wrong passphrases in the unlock window; pure, with an injected clock."""

from __future__ import annotations

import pytest

from app.vault import UnlockThrottle
from app.vault.throttle import delay_after


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(("failures", "seconds"), [
    (0, 0), (1, 0), (2, 1), (3, 2), (4, 4), (5, 8), (6, 16), (7, 30), (8, 30), (500, 30),
])
def test_delay_grows_and_is_capped(failures: int, seconds: float) -> None:
    assert delay_after(failures) == seconds


def test_throttle_waits_then_allows_and_resets_on_success() -> None:
    clock = FakeClock()
    throttle = UnlockThrottle(clock)
    assert throttle.may_attempt()
    assert throttle.record_failure() == 0  # a single typo costs nothing
    assert throttle.may_attempt()
    assert throttle.record_failure() == 1
    assert not throttle.may_attempt()
    clock.now += 0.4
    assert throttle.seconds_to_wait() == pytest.approx(0.6)
    clock.now += 0.6
    assert throttle.may_attempt()
    assert throttle.record_failure() == 2
    assert throttle.failures == 3
    throttle.record_success()
    assert throttle.failures == 0
    assert throttle.may_attempt()
    assert throttle.record_failure() == 0


def test_throttle_never_exceeds_thirty_seconds() -> None:
    clock = FakeClock()
    throttle = UnlockThrottle(clock)
    waits = [throttle.record_failure() for _ in range(20)]
    assert max(waits) == 30
    assert throttle.seconds_to_wait() == 30
    clock.now += 30
    assert throttle.may_attempt()
