"""`homevisit config check FILE` and `homevisit config show` as real processes: exit codes, one
line naming the JSON path, and which file is in force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Cli

EXAMPLE = ROOT / "resources" / "config" / "organisation.example.json"


def test_the_shipped_example_checks_valid(cli: Cli) -> None:
    result = cli.run("config", "check", str(EXAMPLE), stdin=None)
    assert result.code == 0, result.err
    assert result.out.startswith(f"valid: {EXAMPLE}")
    assert "levels of need: 1 Universal, 2 Early help, 3 Targeted, 4 Specialist" in result.out
    assert "BEGIN PUBLIC KEY" not in result.out  # counts only, never key material
    assert result.err == ""


@pytest.mark.parametrize(("change", "path"), [
    ({"format": "homevisit.organisation/9"}, "$.format"),
    ({"levels": {"suggestions": [{"level": "level_9", "area_grade_at_least": 4}]}},
     "$.levels.suggestions[0].level"),
    ({"escalation": {"stages": [{"name": "Only", "working_days": 0}]}},
     "$.escalation.stages[0].working_days"),
    ({"rules": [{"id": "theme_frequency", "themes": ["weather"]}]}, "$.rules[0].themes[0]"),
])
def test_an_invalid_file_is_exit_2_with_one_line_naming_the_path(
    cli: Cli, change: dict[str, object], path: str
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document.update(change)
    bad = cli.tmp / "organisation.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = cli.run("config", "check", str(bad), stdin=None)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"homevisit: {path}: "), result.err
    assert result.out == ""


def test_a_missing_file_is_exit_2(cli: Cli) -> None:
    result = cli.run("config", "check", str(cli.tmp / "nowhere.json"), stdin=None)
    assert result.code == 2 and result.err.startswith("homevisit: cannot read")


def test_show_names_the_file_in_force(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("config", "show", stdin=None)
    assert result.code == 0 and "the built-in defaults" in result.out
    cli.data_dir.mkdir(parents=True, exist_ok=True)
    deployed = cli.data_dir / "organisation.json"
    deployed.write_bytes(EXAMPLE.read_bytes())
    result = cli.run("config", "show", stdin=None)
    assert result.code == 0 and f"in force: {deployed}" in result.out
    named = Cli(cli.data_dir, cli.home, cli.tmp, {"HOMEVISIT_CONFIG": str(tmp_path / "no.json")})
    result = named.run("config", "show", stdin=None)
    assert result.code == 2 and "HOMEVISIT_CONFIG" in result.err
