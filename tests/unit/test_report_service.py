"""The report service: every preview, print, save and command-line export is audited (ids, the
kind, the record fingerprint, where), with no personal text in the audit log; unknown ids and
kinds are usage errors; the PDF is made without any temporary file."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from app.cli.io import write_named_file
from app.errors import UnknownRecord, UsageError
from app.services import reports
from app.services.unit_of_work import UnitOfWork
from tests.unit.gcp2_helpers import ACTOR, audit_events, audit_text
from tests.unit.test_report_data import PRIVATE, ReportCase, shared_case

__all__ = ["shared_case"]  # the fixture; the audit tests look at the newest event


def _last(case: ReportCase) -> tuple[str, dict[str, Any]]:
    return audit_events(case.db, case.regrade_id)[-1]


@pytest.mark.parametrize("kind", ["parent", "practitioner"])
def test_a_preview_is_audited_as_a_view_of_the_assessment(shared_case: ReportCase, kind: str) -> None:
    with UnitOfWork(shared_case.db) as uow:
        made = reports.preview_report(uow, ACTOR, shared_case.regrade_id, kind)
        uow.commit()
    assert _last(shared_case) == ("view", {"what": "report", "report": kind,
                                    "fingerprint": made.fingerprint, "pages": made.pages})


def test_a_preview_that_is_not_committed_leaves_no_event(shared_case: ReportCase) -> None:
    before = audit_events(shared_case.db, shared_case.regrade_id)
    with UnitOfWork(shared_case.db) as uow:
        reports.preview_report(uow, ACTOR, shared_case.regrade_id, "parent")
    assert audit_events(shared_case.db, shared_case.regrade_id) == before


def test_printing_is_audited_with_the_printer_and_pages(shared_case: ReportCase) -> None:
    with UnitOfWork(shared_case.db) as uow:
        made = reports.render_report(uow, shared_case.regrade_id, "parent", actor=ACTOR)
        reports.record_printed(uow, ACTOR, made, printer="Office_LaserJet", pages=3)
        uow.commit()
    action, detail = _last(shared_case)
    assert action == "print"
    assert (detail["printer"], detail["pages"], detail["where"]) == ("Office_LaserJet", 3, None)
    assert detail["fingerprint"] == made.fingerprint and detail["report"] == "parent"


def test_saving_writes_the_named_file_and_audits_where(shared_case: ReportCase, tmp_path: Path) -> None:
    written: dict[Path, bytes] = {}
    with UnitOfWork(shared_case.db) as uow:
        made = reports.render_report(uow, shared_case.regrade_id, "practitioner", actor=ACTOR)
        reports.save_report(uow, ACTOR, made, tmp_path / "out.pdf",
                            write=lambda p, data: written.__setitem__(p, data))
        uow.commit()
    assert written == {tmp_path / "out.pdf": made.pdf}
    action, detail = _last(shared_case)
    assert action == "export"
    assert (detail["where"], detail["via"]) == (str(tmp_path / "out.pdf"), "save as PDF")


def test_a_failed_write_is_not_audited(shared_case: ReportCase, tmp_path: Path) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise UsageError("the folder does not exist")

    before = audit_events(shared_case.db, shared_case.regrade_id)
    with UnitOfWork(shared_case.db) as uow:
        made = reports.render_report(uow, shared_case.regrade_id, "parent", actor=ACTOR)
        with pytest.raises(UsageError):
            reports.save_report(uow, ACTOR, made, tmp_path / "x.pdf", write=refuse)
        uow.commit()
    assert audit_events(shared_case.db, shared_case.regrade_id) == before


def test_the_command_line_export_is_audited_as_such(shared_case: ReportCase, tmp_path: Path) -> None:
    out = tmp_path / "parent.pdf"
    with UnitOfWork(shared_case.db) as uow:
        made = reports.export_report(uow, ACTOR, shared_case.regrade_id, "parent", out,
                                     write=write_named_file)
        uow.commit()
    assert out.read_bytes() == made.pdf and out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["parent.pdf"]  # no temp file left beside
    assert _last(shared_case) == ("export", {"what": "report", "report": "parent",
                                      "fingerprint": made.fingerprint, "pages": made.pages,
                                      "where": str(out), "via": "command line"})


def test_the_audit_log_holds_no_names_or_notes(shared_case: ReportCase, tmp_path: Path) -> None:
    with UnitOfWork(shared_case.db) as uow:
        for kind in reports.KINDS:
            made = reports.preview_report(uow, ACTOR, shared_case.regrade_id, kind)
            reports.record_printed(uow, ACTOR, made, printer="p", pages=made.pages)
        uow.commit()
    log = audit_text(shared_case.db)
    assert "Mia" not in log and PRIVATE not in log and "Okafor" not in log


@pytest.mark.parametrize("kind", ["parent", "practitioner"])
def test_an_unknown_assessment_is_an_unknown_record(shared_case: ReportCase, kind: str) -> None:
    with UnitOfWork(shared_case.db) as uow, pytest.raises(UnknownRecord, match="G-nothing"):
        reports.preview_report(uow, ACTOR, "G-nothing", kind)


def test_an_unknown_kind_is_a_usage_error(shared_case: ReportCase) -> None:
    with UnitOfWork(shared_case.db) as uow, pytest.raises(UsageError, match="parent' or 'practitioner"):
        reports.preview_report(uow, ACTOR, shared_case.regrade_id, "summary")


def test_reports_are_made_without_temporary_files(
    shared_case: ReportCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_temp_files(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file was asked for")

    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile",
                 "SpooledTemporaryFile", "TemporaryDirectory"):
        monkeypatch.setattr(tempfile, name, no_temp_files)
    with UnitOfWork(shared_case.db) as uow:
        for kind in reports.KINDS:
            assert reports.render_report(uow, shared_case.regrade_id, kind, actor=ACTOR).pdf


def test_the_pdf_properties_do_not_name_the_child(shared_case: ReportCase) -> None:
    with UnitOfWork(shared_case.db) as uow:
        made = reports.render_report(uow, shared_case.regrade_id, "parent", actor=ACTOR)
    info = pypdf.PdfReader(io.BytesIO(made.pdf)).metadata
    assert info is not None and info.title == "GCP2 report for parents and carers"
    assert "Mia" not in repr(dict(info))
