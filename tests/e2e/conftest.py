"""End-to-end helpers: run the real `homevisit` command in a subprocess with its own HOME/TMPDIR.

These tests run inside the test command's D-Bus session with an unlocked gnome-keyring, so the
CLI uses the real Secret Service, as on a practitioner's laptop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    data_dir: Path
    home: Path
    tmp: Path
    extra_env: dict[str, str]

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEVISIT_")}
        env.update(HOME=str(self.home), TMPDIR=str(self.tmp), PYTHONPATH=str(ROOT))
        env.update(self.extra_env)
        return env

    def popen(self, *args: str, stdin: str | None = None) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(self.data_dir), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=self.env(), cwd=self.tmp,
        )
        if stdin is not None and proc.stdin:
            proc.stdin.write(stdin)
            proc.stdin.flush()
            proc.stdin.close()
        return proc

    def run(self, *args: str, stdin: str | None = PASSPHRASE + "\n", timeout: float = 120) -> Result:
        done = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(self.data_dir), *args],
            input=stdin, capture_output=True, text=True, env=self.env(), timeout=timeout,
            cwd=self.tmp,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def init(self, *extra: str) -> Result:
        result = self.run("init", "--passphrase-stdin", "--practitioner", "Priya Shah",
                          "--organisation", "Telford Health Visiting", *extra)
        assert result.code == 0, result.err
        return result

    def export(self) -> dict[str, Any]:
        out = self.tmp / "export.json"
        result = self.run("export", "--out", str(out), "--passphrase-stdin")
        assert result.code == 0, result.err
        data = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        return data


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Cli]:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    yield Cli(data_dir=tmp_path / "profile", home=home, tmp=tmp, extra_env={})


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder with its bytes, to prove a command changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def case_file(families: int = 1, visits_per_family: int = 2, marker: str = "Quokka") -> dict[str, Any]:
    """A valid homevisit.case/1 document with distinctive strings (the marker) in every field."""
    out = []
    for f in range(families):
        carers = [
            {"id": f"C{f}a", "name": f"Kerry {marker}-{f}", "relationship": "mother",
             "parental_responsibility": True},
            {"id": f"C{f}b", "name": f"Dean {marker}-{f}", "relationship": "mother's partner",
             "parental_responsibility": False},
        ]
        children = [
            {"id": f"K{f}a", "name": f"Mia {marker}-{f}", "date_of_birth": "2026-11-08",
             "nhs_number": None},
            {"id": f"K{f}b", "name": f"Jayden {marker}-{f}", "date_of_birth": "2023-05-01",
             "nhs_number": "9434765919"},
        ]
        visits = [
            {"id": f"V{f}-{v}", "occurred_at": f"2026-11-{10 + v % 15:02d}T09:40:00+00:00",
             "recorded_at": f"2026-11-{10 + v % 15:02d}T12:30:00+00:00",
             "kind": "announced" if v % 2 == 0 else "unannounced",
             "present": [f"C{f}a", f"K{f}b"],
             "notes": f"Jayden hid behind the sofa {marker} visit {v}"}
            for v in range(visits_per_family)
        ]
        out.append({"id": f"F{f}", "name": f"{marker} household {f}",
                    "address": f"{f} {marker} Close, Telford", "carers": carers,
                    "children": children, "visits": visits})
    return {"format": "homevisit.case/1", "families": out}


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
