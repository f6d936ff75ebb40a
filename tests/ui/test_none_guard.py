"""The PySide6 6.12 `None` reference leak, and the guard that keeps the app alive through it.

Both run in fresh interpreters: the failure being guarded against is an abort of the process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# More void Qt calls than the references None starts with in a process like the app's.
_CALLS = 300_000

_HAMMER = f"""
import sys
{{prelude}}
from PySide6.QtCore import QObject
o = QObject()
for _ in range({_CALLS}):
    o.setObjectName("x")
del o
print("survived")
"""


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _HAMMER.format(prelude=prelude)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def _leaks_none() -> bool:
    probe = (
        "import sys; from PySide6.QtCore import QObject; o = QObject(); "
        "a = sys.getrefcount(None); o.setObjectName('x'); o.setObjectName('y'); "
        "print(a - sys.getrefcount(None))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60)
    return out.stdout.strip() == "2"


def test_importing_the_app_protects_none_from_the_leak() -> None:
    result = _run("import ui")
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_without_the_guard_the_leak_would_abort_the_process() -> None:
    """The control: shows the guard is needed (and the test above could fail). When a PySide6
    release without the bug is pinned, this test fails and the guard can go."""
    assert _leaks_none(), "this PySide6 no longer leaks None: remove ui/none_guard.py"
    result = _run("")
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr or "deallocating None" in result.stderr
