"""Run every benchmark and print each figure as a ratio against its floor.

    .venv/bin/python -m bench.run            # all
    .venv/bin/python -m bench.run foundation # one group

Exit status 1 when any figure misses its target (for a person to look at, not a CI gate).
"""

from __future__ import annotations

import importlib
import os
import platform
import sys

from bench.harness import Figure

GROUPS = {
    "foundation": "bench.bench_foundation",
    "gateway": "bench.bench_gateway",
    "lived": "bench.bench_lived",
    "report": "bench.bench_report",
    "sync": "bench.bench_sync",
}


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    chosen = argv or list(GROUPS)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results: list[Figure] = []
    for name in chosen:
        module = importlib.import_module(GROUPS[name])
        for figure in module.figures():
            print(figure.line(), flush=True)
            results.append(figure)
    failed = [f for f in results if not f.ok]
    print(f"{len(results) - len(failed)} of {len(results)} figures within target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
