"""Plans, threshold decisions and escalations through the real `homevisit import/export`: a
lossless round trip into a second profile, exit 2 with the JSON path for an invalid record (and
nothing imported), and the records on the chronology CSV."""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Cli, case_file, snapshot, write_json

KEY = "0123456789abcdef0123456789abcdef"


def with_plans() -> dict[str, Any]:
    document = case_file(families=2)
    family = document["families"][0]
    family["plans"] = [{
        "id": "PL-1", "child": "K0b", "title": "Jayden fed and safe",
        "made_at": "2026-11-20T10:00:00+00:00", "made_by": "Priya Shah",
        "review_due": "2027-02-20",
        "actions": [{
            "id": "A-1", "change_for_child": "Jayden eats breakfast every day",
            "who": "Kerry", "does_what": "Buys cereal with the voucher",
            "by_when": "2027-01-15", "measure": "Nursery records him fed on 4 of 5 days",
            "targeted_item": None, "themes": ["home_conditions"], "status": "done",
            "status_on": "2027-01-10"}],
        "shares": [{"shared_at": "2026-11-21T11:00:00+00:00",
                    "how": "Read through with Kerry; copy left", "shared_by": "Priya Shah"}],
        "reviews": []}]
    family["threshold_decisions"] = [{
        "id": "T-1", "child": "K0b", "decided_at": "2026-11-22T15:00:00+00:00",
        "decided_by": "Priya Shah", "level": "specialist", "suggested_level": None,
        "suggestion": "No table", "reasoning": "Three agencies, five years",
        "threshold_document": "", "assessment": None, "considered_events": ["visit:V0-0"],
        "considered_prompts": [KEY]}]
    family["escalations"] = [{
        "id": "E-1", "child": "K0b", "about": "NFA on the referral", "with_whom": "Family Connect",
        "raised_at": "2026-11-23T10:00:00+00:00", "raised_by": "Priya Shah",
        "raised_from": {"kind": "plan_action", "ref": "A-1"},
        "stages": [{"stage": 1, "started_at": "2026-11-23T10:00:00+00:00",
                    "response_due": "2026-11-30", "contact": "Duty social worker", "note": ""}],
        "outcome": "", "closed_at": None}]
    return document


def without_exported(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "exported"}


def test_round_trip_through_two_profiles_is_identical(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    source = with_plans()
    result = cli.run("import", str(write_json(cli.tmp / "in.json", source)), "--passphrase-stdin")
    assert result.code == 0, result.err
    first = cli.export()
    assert without_exported(first) == source
    second = Cli(tmp_path / "second", cli.home, cli.tmp, {})
    second.init()
    again = write_json(cli.tmp / "again.json", first)
    assert second.run("import", str(again), "--passphrase-stdin").code == 0
    assert without_exported(second.export()) == without_exported(first)

    out = cli.tmp / "chronology.csv"
    assert cli.run("chronology", "F0", "--out", str(out), "--passphrase-stdin").code == 0
    events = [row["event"] for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]
    assert "Plan made: Jayden fed and safe" in events
    assert "Plan shared with the family: Read through with Kerry; copy left" in events
    assert any(e.startswith("Threshold decision: 4 Specialist") for e in events)
    assert any(e.startswith("Escalation raised with Family Connect at stage 1") for e in events)


def _mutated(path: list[Any], value: Any) -> dict[str, Any]:
    document = with_plans()
    node: Any = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = copy.deepcopy(value)
    return document


F = ["families", 0]


@pytest.mark.parametrize(("path", "value", "json_path"), [
    ([*F, "plans", 0, "actions", 0, "status_on"], None, "$.families[0].plans[0].actions[0].status_on"),
    ([*F, "plans", 0, "child"], "K1a", "$.families[0].plans[0].child"),
    ([*F, "plans", 0, "actions", 0, "themes"], ["weather"], "$.families[0].plans[0].actions[0].themes[0]"),
    ([*F, "threshold_decisions", 0, "reasoning"], "", "$.families[0].threshold_decisions[0].reasoning"),
    ([*F, "escalations", 0, "stages", 0, "stage"], 2, "$.families[0].escalations[0].stages[0].stage"),
    ([*F, "escalations", 0, "raised_from", "ref"], "A-9",
     "$.families[0].escalations[0].raised_from.ref"),
])
def test_an_invalid_record_is_exit_2_naming_the_path_and_changes_nothing(
    cli: Cli, path: list[Any], value: Any, json_path: str
) -> None:
    cli.init()
    before = snapshot(cli.data_dir)
    bad = write_json(cli.tmp / "bad.json", _mutated(path, value))
    result = cli.run("import", str(bad), "--passphrase-stdin")
    assert result.code == 2, result.err
    line = result.err.strip()
    assert len(line.splitlines()) == 1 and f" {json_path}:" in line, line
    assert snapshot(cli.data_dir) == before
