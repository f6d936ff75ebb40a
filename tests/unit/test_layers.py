"""The layer arrows of ARCHITECTURE.md, checked in clean interpreters.

Each Qt-free package is imported (with all its modules) in a fresh `python -c` so that nothing
the test runner already loaded can hide an import of PySide6.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

QT_FREE = ["app", "assessments", "gateway", "fcsync"]
# assessments/ is pure: no app/, ui/, SQLAlchemy or Qt.
FORBIDDEN = {
    "app": ["PySide6", "shiboken6", "ui"],
    "assessments": ["PySide6", "shiboken6", "ui", "app", "sqlalchemy", "gateway"],
    "gateway": ["PySide6", "shiboken6", "ui", "app"],
    "fcsync": ["PySide6", "shiboken6", "ui", "app", "gateway", "sqlalchemy"],
}


def all_modules(package: str) -> list[str]:
    names = [package]
    for info in pkgutil.walk_packages([str(ROOT / package)], prefix=package + "."):
        if (".migrations.versions." in info.name or info.name.endswith(".migrations.env")
                or info.name.endswith("__main__")):
            continue  # Alembic loads revisions and env.py itself; __main__ runs.
        names.append(info.name)
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_package_imports_without_forbidden_layers(package: str) -> None:
    modules = all_modules(package)
    assert len(modules) >= 2, f"{package} should have modules to check"
    script = (
        "import importlib, sys, json\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    loaded = set(__import__("json").loads(out.stdout.strip().splitlines()[-1]))
    bad = sorted(loaded & set(FORBIDDEN[package]))
    assert bad == [], f"{package} pulls in {bad}"


def test_the_check_would_catch_a_qt_import() -> None:
    """Guard against a check that cannot fail: ui/ does load PySide6."""
    out = subprocess.run(
        [sys.executable, "-c", "import sys, ui.application; print('PySide6' in sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert out.stdout.strip() == "True", out.stderr
