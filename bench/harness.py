"""Measuring helpers shared by the benchmarks: medians of repeated runs and ratio reports."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Figure:
    name: str
    measured: float          # seconds (or per-second rate where `unit` says so)
    floor: float             # the same quantity for the floor it is compared with
    target_ratio: float      # measured/floor must stay at or below this (or above, for rates)
    unit: str = "s"
    higher_is_better: bool = False
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.measured / self.floor if self.floor else float("inf")

    @property
    def ok(self) -> bool:
        return self.ratio >= self.target_ratio if self.higher_is_better else self.ratio <= self.target_ratio

    def line(self) -> str:
        cmp = "≥" if self.higher_is_better else "≤"
        fmt = (lambda v: f"{v * 1000:8.1f} ms") if self.unit == "s" else (lambda v: f"{v:8.1f} {self.unit}")
        return (f"{'PASS' if self.ok else 'FAIL'}  {self.name:<46} {fmt(self.measured)}  floor {fmt(self.floor)}"
                f"  ratio {self.ratio:5.2f} (target {cmp} {self.target_ratio:.2f}) {self.note}")


def median_time(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_time(argv: list[str], repeat: int = 7, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process (start to exit), as a person would feel it."""
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    full_env.update(env or {})

    def run() -> None:
        subprocess.run(argv, check=True, capture_output=True, env=full_env, cwd=ROOT)

    return median_time(run, repeat=repeat)


PY = sys.executable


Measured = tuple[Figure, list[str], bool]  # the figure, lines to print, whether exactly-once held


def checked_figures(measure: Callable[[], Measured], what: str) -> list[Figure]:
    """For `bench.run`: print the extra lines; exactly-once failing is a defect, not a speed."""
    figure, lines, once = measure()
    for line in lines:
        print(line)
    if not once:
        raise SystemExit(f"{what} benchmark: exactly-once did not hold (a defect, not a speed issue)")
    return [figure]


def checked_main(measure: Callable[[], Measured]) -> int:
    """For `python -m bench.bench_…`: exit 0 only when the figure meets its target and
    exactly-once held."""
    figure, lines, once = measure()
    print(figure.line())
    for line in lines:
        print(line)
    return 0 if figure.ok and once else 1
