"""`homevisit chronology` and `homevisit search` as real processes with a real key store."""

from __future__ import annotations

import csv
import io

from tests.e2e.conftest import Cli, case_file, write_json

POLICE = {"id": "H-police", "occurred_at": "2022-09-20T23:10:00+01:00", "child": None,
          "event": "Domestic incident, children present", "source": "West Mercia Police",
          "impact": "woken, frightened", "outcome": "DASH referral",
          "themes": ["domestic_abuse"]}
ENTRY = {"id": "L-breakfast", "child": "K0b", "visit": "V0-0",
         "occurred_at": "2026-11-10T07:30:00+00:00", "recorded_at": "2026-11-10T12:00:00+00:00",
         "part_of_day": "early_morning", "text": "No breakfast, flat very cold",
         "child_voice": "Daddy was shouting and angry", "impact": "tired, hungry at nursery",
         "source": "child", "themes": ["home_conditions", "domestic_abuse"]}


def _loaded(cli: Cli) -> None:
    cli.init()
    document = case_file(visits_per_family=1)
    document["families"][0]["lived_experience"] = [ENTRY]
    document["families"][0]["chronology"] = [POLICE]
    result = cli.run("import", str(write_json(cli.tmp / "in.json", document)), "--passphrase-stdin")
    assert result.code == 0, result.err


def test_chronology_csv_is_utf8_with_the_header_in_date_order(cli: Cli) -> None:
    _loaded(cli)
    out = cli.tmp / "chronology.csv"
    result = cli.run("chronology", "F0", "--out", str(out), "--passphrase-stdin")
    assert (result.code, result.err) == (0, ""), result.err
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8"))))
    assert rows[0] == ["date", "child", "event", "source", "impact", "outcome", "themes"]
    assert [r[0] for r in rows[1:]] == ["2022-09-20", "2026-11-10", "2026-11-10"]
    assert rows[1][1:] == ["", "Domestic incident, children present", "West Mercia Police",
                           "woken, frightened", "DASH referral", "domestic_abuse"]
    # 07:30 lived-experience entry before the 09:40 visit of the same day.
    assert rows[2][1] == "Jayden Quokka-0" and rows[2][6] == "home_conditions;domestic_abuse"
    assert rows[3][2] == "Home visit (announced)"


def test_an_unknown_family_is_exit_2_and_writes_nothing(cli: Cli) -> None:
    _loaded(cli)
    out = cli.tmp / "none.csv"
    result = cli.run("chronology", "F-nobody", "--out", str(out), "--passphrase-stdin")
    assert result.code == 2 and result.err.count("\n") == 1 and "F-nobody" in result.err
    assert not out.exists()


def test_search_prints_one_highlighted_hit_a_line(cli: Cli) -> None:
    _loaded(cli)
    result = cli.run("search", "angry", "--passphrase-stdin")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert len(lines) == 1
    kind, record_id, family_id, passage = lines[0].split("\t")
    assert (kind, record_id, family_id) == ("lived_experience", "L-breakfast", "F0")
    assert "[[angry]]" in passage
    assert len(cli.run("search", "sofa", "--passphrase-stdin").out.splitlines()) == 1


def test_search_syntax_in_a_query_is_just_text(cli: Cli) -> None:
    _loaded(cli)
    result = cli.run("search", 'he\'s "angry', "--passphrase-stdin")
    assert (result.code, result.err, result.out) == (0, "", "")
