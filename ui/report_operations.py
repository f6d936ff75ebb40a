"""The report use cases the GUI runs, each bound as a job for the database worker.

Like `ui.operations`, each function returns a `Job` and runs nothing itself. Generating is
audited as a view of the assessment, printing as a print (with the printer), saving as an
export (with the file): each in the same transaction as the act, or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from app.cli.io import write_named_file
from app.profile import OpenProfile
from app.services import reports
from app.services.reports import GeneratedReport
from ui.operations import Job
from ui.report_printing import print_pdf


def generate(assessment_id: str, kind: str) -> Job[GeneratedReport]:
    def job(profile: OpenProfile) -> GeneratedReport:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            report = reports.preview_report(uow, actor, assessment_id, kind)
            uow.commit()
        return report

    return job


def printer_place(printer: QPrinter) -> tuple[str, str | None]:
    """(printer name, file) for the audit: a PDF written by the print system is a file."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return "PDF file", str(Path(printer.outputFileName()).absolute())
    return printer.printerName() or "default printer", None


def print_report(report: GeneratedReport, printer: QPrinter) -> Job[int]:
    def job(profile: OpenProfile) -> int:
        actor = profile.actor
        pages = print_pdf(report.pdf, printer)
        name, where = printer_place(printer)
        with profile.unit_of_work() as uow:
            reports.record_printed(uow, actor, report, printer=name, pages=pages, where=where)
            uow.commit()
        return pages

    return job


def save(report: GeneratedReport, path: Path) -> Job[Path]:
    def job(profile: OpenProfile) -> Path:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            reports.save_report(uow, actor, report, path, write=write_named_file)
            uow.commit()
        return path

    return job
