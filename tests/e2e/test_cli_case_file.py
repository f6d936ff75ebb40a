"""Import and export through the real command: all or nothing, JSON paths, lossless round trip."""

from __future__ import annotations

import json
import random
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Cli, case_file, snapshot, write_json


def without_exported(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "exported"}


def test_import_export_import_export_is_identical_apart_from_exported(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    source = case_file(families=4, visits_per_family=3)
    source["families"][0]["visits"][0]["occurred_at"] = "2026-07-01T09:40:00+01:00"
    source["families"][0]["visits"][0]["recorded_at"] = "2026-07-02T08:00:00+01:00"
    source["families"][1]["planned_visits"] = [PLANNED, {**PLANNED, "id": "N1b", "child": None,
                                                         "status": "held", "visit": "V1-0"}]
    assert cli.run("import", str(write_json(cli.tmp / "in.json", source)), "--passphrase-stdin").code == 0
    first = cli.export()
    assert set(first["exported"]) == {"at", "by", "app_version"}
    assert first["exported"]["by"] == "Priya Shah"
    assert without_exported(first) == source

    second_cli = Cli(tmp_path / "second", cli.home, cli.tmp, {})
    second_cli.init()
    again = cli.tmp / "again.json"
    again.write_text(json.dumps(first), encoding="utf-8")  # `exported` is ignored on import
    result = second_cli.run("import", str(again), "--passphrase-stdin")
    assert result.code == 0, result.err
    second = second_cli.export()
    assert without_exported(second) == without_exported(first)


PLANNED = {"id": "N1a", "child": "K1a", "planned_for": "2026-12-03T10:30:00+00:00",
           "purpose": "Six-week review", "status": "booked", "visit": None, "cancel_reason": ""}


def _invalid(mutate: Any) -> dict[str, Any]:
    doc = case_file(families=2)
    mutate(doc)
    return doc


INVALID = [
    ("bad date", lambda d: d["families"][0]["children"][0].update(date_of_birth="2023-02-30"),
     "$.families[0].children[0].date_of_birth"),
    ("unknown key", lambda d: d["families"][1].update(pets=["dog"]), "$.families[1].pets"),
    ("wrong format", lambda d: d.update(format="homevisit.case/9"), "$.format"),
    ("missing families", lambda d: d.pop("families"), "$"),
    ("duplicate id", lambda d: d["families"][1]["carers"][0].update(id="C0a"),
     "$.families[1].carers[0].id"),
    ("present names another family's child",
     lambda d: d["families"][0]["visits"][1].update(present=["C0a", "K1a"]),
     "$.families[0].visits[1].present[1]"),
    ("naive timestamp", lambda d: d["families"][0]["visits"][0].update(occurred_at="2026-11-20T10:00:00"),
     "$.families[0].visits[0].occurred_at"),
    ("planned visit held by another family's visit",
     lambda d: d["families"][0].update(planned_visits=[
         {**PLANNED, "child": None, "status": "held", "visit": "V1-0"}]),
     "$.families[0].planned_visits[0].visit"),
    ("planned visit cancelled without a reason",
     lambda d: d["families"][1].update(planned_visits=[{**PLANNED, "status": "cancelled"}]),
     "$.families[1].planned_visits[0].cancel_reason"),
]


@pytest.mark.parametrize(("label", "mutate", "path"), INVALID, ids=[i[0] for i in INVALID])
def test_invalid_file_is_exit_2_naming_the_path_and_changes_nothing(
    cli: Cli, label: str, mutate: Any, path: str
) -> None:
    cli.init()
    before = snapshot(cli.data_dir)
    result = cli.run("import", str(write_json(cli.tmp / "bad.json", _invalid(mutate))), "--passphrase-stdin")
    assert result.code == 2, result.err
    line = result.err.strip()
    assert len(line.splitlines()) == 1
    assert f" {path}:" in line or f": {path}" in line or path + ":" in line, line
    assert snapshot(cli.data_dir) == before


@pytest.mark.parametrize("raw", [b"not json at all", b'{"format": "homevisit.case/1", "fam', b"\xff\xfe"])
def test_not_json_or_truncated_is_exit_2(cli: Cli, raw: bytes) -> None:
    cli.init()
    (cli.tmp / "raw.json").write_bytes(raw)
    result = cli.run("import", str(cli.tmp / "raw.json"), "--passphrase-stdin")
    assert result.code == 2
    assert result.err.startswith("homevisit: $")


def test_id_already_in_profile_is_exit_2_and_nothing_half_imported(cli: Cli) -> None:
    cli.init()
    cli.run("import", str(write_json(cli.tmp / "a.json", case_file(families=1))), "--passphrase-stdin")
    before = cli.export()
    clash = case_file(families=3)  # F0 clashes; F1 and F2 are new but must not land
    result = cli.run("import", str(write_json(cli.tmp / "b.json", clash)), "--passphrase-stdin")
    assert result.code == 2
    assert "$.families[0].id" in result.err and "already exists" in result.err
    assert without_exported(cli.export()) == without_exported(before)


def test_sigkill_during_import_leaves_all_or_nothing_and_a_verifiable_profile(cli: Cli, tmp_path: Path) -> None:
    big = write_json(tmp_path / "big.json", case_file(families=400, visits_per_family=10))
    rng = random.Random(20261129)
    for attempt in range(4):
        run = Cli(tmp_path / f"kill{attempt}", cli.home, cli.tmp, {})
        run.init()
        proc = run.popen("import", str(big), "--passphrase-stdin", stdin="correct horse battery staple\n")
        time.sleep(rng.uniform(0.3, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        verify = run.run("verify", "--passphrase-stdin")
        assert verify.code == 0, verify.err
        families = len(run.export()["families"])
        assert families in (0, 400)
