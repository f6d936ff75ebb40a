"""Reports through the real windows: the parent report generated on the worker and previewed
from memory, printed with a QPrinter in PDF output mode (its text readable by pypdf), saved as
PDF only after the warning, every act audited, the preview dropped on lock, and no file with
the child's name anywhere but the chosen paths."""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import NewProfile, create_profile, unlock_profile
from app.services import assessments
from app.services.families import add_child, create_family
from app.storage.models import AuditEvent
from assessments import gcp2
from assessments.record import Target
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock, wait_for_worker
from ui.report_preview import ReportPreview
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

CHILD = "Tallulah Brightwater"
PRIVATE = "NUMBAT-PRIVATE-NOTE"


@dataclass(frozen=True)
class Prepared:
    access: ProfileAccess
    family_id: str
    assessment_id: str


@pytest.fixture
def prepared(access: ProfileAccess) -> Prepared:
    new = NewProfile(practitioner_name=practitioner(), gcp2_trained_on=date(2025, 3, 14))
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore,
                        kdf=access.kdf) as profile, profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Brightwater family", address="4 Road")
        child = add_child(uow, actor, family.id, name=CHILD, date_of_birth=date(2024, 5, 1))
        made = assessments.start_assessment(uow, actor, child.id)
        for sub in gcp2.SUB_AREA_IDS:
            assessments.save_sub_area(uow, actor, made.id, sub, grade=3,
                                      evidence=f"Seen at home: {sub}")
        assessments.update_views(uow, actor, made.id, practitioner_only=PRIVATE)
        assessments.set_targets(uow, actor, made.id,
                                [Target("physical_care.hygiene", 3, 2, date(2027, 3, 5))])
        uow.commit()
    return Prepared(access, family.id, made.id)


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _holding_the_name(folder: Path, since: float, allowed: set[Path]) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path in allowed or path.stat().st_mtime < since:
                continue
            data = path.read_bytes()
        except OSError:
            continue  # another process's file that came and went
        if CHILD.encode() in data or CHILD.encode("utf-16-le") in data:
            found.append(path)
    return found


@pytest.fixture
def open_preview(qtbot: QtBot, prepared: Prepared,
                 preferences: Preferences) -> Iterator[tuple[ReportPreview, Session]]:
    session = make_session(qtbot, prepared.access, preferences)
    try:
        session.start()
        unlock(qtbot, session)
        session.main_window.open_family(prepared.family_id)
        box = session.main_window.family.assessments
        qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=WAIT_MS)
        with qtbot.waitSignal(box.reports.opened, timeout=WAIT_MS) as opened:
            box.reports.parent_button.click()
        yield opened.args[0], session
    finally:
        session.shutdown()


def test_preview_print_save_and_lock(
    qtbot: QtBot, open_preview: tuple[ReportPreview, Session], prepared: Prepared,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = time.time() - 1
    preview, session = open_preview
    report = preview.report
    assert report is not None and report.kind == "parent"
    assert preview.isVisible() and CHILD in preview.windowTitle()
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == report.pages > 1

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    wait_for_worker(qtbot, session)
    pages = _pages(printed.read_bytes())
    assert len(pages) == report.pages
    assert CHILD in pages[0] and f"Page 1 of {report.pages}" in pages[0]
    assert "Hygiene: from grade 3 now to grade 2 or better." in " ".join(pages)
    assert PRIVATE not in " ".join(pages)

    saved = tmp_path / "chosen" / "saved.pdf"
    saved.parent.mkdir()
    asked: list[str] = []

    def declined() -> bool:
        asked.append("warn")
        return False

    def where() -> Path:
        asked.append("where")
        return saved

    monkeypatch.setattr(preview, "confirm_unencrypted", declined)
    monkeypatch.setattr(preview, "choose_path", where)
    preview.save_as_pdf()  # the warning declined: nothing asked further, nothing written
    wait_for_worker(qtbot, session)
    assert asked == ["warn"] and not saved.exists()
    monkeypatch.setattr(preview, "confirm_unencrypted", lambda: True)
    preview.save_as_pdf()
    wait_for_worker(qtbot, session)
    assert saved.read_bytes() == report.pdf

    box = session.main_window.family.assessments
    session.lock()
    assert box.reports.preview is None and preview.report is None
    wait_for_worker(qtbot, session)

    allowed = {printed, saved}
    assert _holding_the_name(tmp_path, started, allowed) == []
    assert _holding_the_name(Path(tempfile.gettempdir()), started, allowed) == []

    with unlock_profile(prepared.access.data_dir, PASSPHRASE,
                        keystore=prepared.access.keystore) as profile, \
            profile.unit_of_work() as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.detail, AuditEvent.actor)
            .where(AuditEvent.record_id == prepared.assessment_id).order_by(AuditEvent.seq)
        ).all()
    reported = [(a, d) for a, d, _ in events if '"what":"report"' in d]
    assert [a for a, _ in reported] == ["view", "print", "export"]
    assert f'"where":"{printed}"' in reported[1][1] and '"printer":"PDF file"' in reported[1][1]
    assert f'"where":"{saved}"' in reported[2][1] and '"via":"save as PDF"' in reported[2][1]
    assert all(actor == practitioner() for *_, actor in events)
    assert all(CHILD not in d for _, d in reported)


def test_the_print_dialog_offers_no_print_to_file(
    qtbot: QtBot, open_preview: tuple[ReportPreview, Session]
) -> None:
    preview, _session = open_preview
    seen: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(isinstance(dialog, QPrintDialog) and not dialog.testOption(
            QAbstractPrintDialog.PrintDialogOption.PrintToFile))
        if dialog is not None:
            dialog.close()

    QTimer.singleShot(300, answer)
    preview.print_report()  # modal until `answer` closes it; cancelled, so nothing printed
    assert seen == [True]
