"""`homevisit report` as a real process with a real key store: both kinds written to the named
file and readable, the parent report without the practitioner-only note, an unknown id or kind
is exit 2 with one line and no file, and no other file holding the child's name appears."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest

from assessments import gcp2
from tests.e2e.conftest import Cli, case_file, write_json

CHILD = "Jayden Quokka-0"
PRIVATE = "WOMBAT-PRIVATE-NOTE"
GRADES = (2, 3, 1, 4, 3, 4, 5, 2, 3, 2, 1, 3, 2)


def _assessment() -> dict[str, Any]:
    graded = dict(zip(gcp2.SUB_AREA_IDS, GRADES, strict=True))
    subs = {s: {"grade": g, "evidence": f"Seen on visits: {s}"} for s, g in graded.items()}
    areas = {a.id: {"grade": max(graded[s] for s in a.sub_area_ids), "rationale": ""}
             for a in gcp2.AREAS}
    return {
        "id": "G-jayden-1", "child": "K0b", "tool": "gcp2", "status": "complete",
        "started_at": "2026-10-01T09:30:00+01:00", "completed_at": "2026-10-20T15:00:00+01:00",
        "previous": None, "sub_areas": subs, "areas": areas,
        "strengths": "Dean walks Jayden to nursery.", "carer_views": "", "child_views": "",
        "parent_agrees": True, "parent_comments": "", "practitioner_only": PRIVATE,
        "targets": [{"sub_area": "safety.in_absence", "current": 5, "target": 3,
                     "review_by": "2027-01-15", "review_grade": None}],
        "addenda": [],
    }


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def loaded(cli: Cli) -> Cli:
    cli.init()
    document = case_file(visits_per_family=1)
    document["families"][0]["assessments"] = [_assessment()]
    result = cli.run("import", str(write_json(cli.tmp / "in.json", document)),
                     "--passphrase-stdin")
    assert result.code == 0, result.err
    (cli.tmp / "in.json").unlink()
    return cli


def _text(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("kind", ["parent", "practitioner"])
def test_the_report_is_written_to_the_named_file_and_nowhere_else(
    loaded: Cli, kind: str, tmp_path: Path
) -> None:
    before = _files(loaded.tmp) | _files(loaded.home)
    out = loaded.tmp / f"{kind}.pdf"
    result = loaded.run("report", "G-jayden-1", "--kind", kind, "--out", str(out),
                        "--passphrase-stdin")
    assert (result.code, result.err) == (0, ""), result.err
    assert f"wrote the {kind} report of assessment G-jayden-1" in result.out
    assert (_files(loaded.tmp) | _files(loaded.home)) - before == {out}
    assert out.stat().st_mode & 0o777 == 0o600
    # The profile is encrypted: no file but the chosen one holds the child's name.
    holding = [p for p in _files(tmp_path) if p != out
               and any(n in p.read_bytes() for n in (CHILD.encode(), b"Quokka-0"))]
    assert holding == []
    pages = _text(out)
    for number, page in enumerate(pages, start=1):
        assert CHILD in page and "Date of birth 1 May 2023" in page
        assert f"Page {number} of {len(pages)}" in page and "OFFICIAL-SENSITIVE" in page
    text = " ".join(pages)
    assert all(sub.name in text for sub in gcp2.SUB_AREAS)
    assert "15 January 2027" in text
    assert (PRIVATE in text) == (kind == "practitioner")


@pytest.mark.parametrize(("args", "says"), [
    (("G-nobody", "--kind", "parent"), "G-nobody"),
    (("G-jayden-1", "--kind", "summary"), "invalid choice"),
])
def test_an_unknown_id_or_kind_is_exit_2_and_writes_nothing(
    loaded: Cli, args: tuple[str, ...], says: str
) -> None:
    out = loaded.tmp / "none.pdf"
    result = loaded.run("report", *args, "--out", str(out), "--passphrase-stdin")
    assert result.code == 2 and result.err.count("\n") == 1 and says in result.err
    assert not out.exists()
