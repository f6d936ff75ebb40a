"""Whole flows through the real windows: booking, moving and cancelling the next visit (family
page and caseload follow), correcting a saved visit (time of entry kept, correction timed, late
entry re-judged), and the caseload's open concerns arriving after the caseload shows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.profile import unlock_profile
from app.services.chronology import add_agency_entry
from app.services.families import create_family
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from tests.ui.test_flow import add_carer_and_child, add_family
from tests.unit.test_chronology_review_case import REVIEW_CASE
from ui.caseload_model import CaseloadModel
from ui.formatting import local_datetime_text
from ui.planned_visit_dialog import BookVisitDialog, CancelVisitDialog
from ui.session import ProfileAccess, Session


def caseload_cell(session: Session, column: int) -> str:
    model = session.main_window.caseload.model
    return str(model.data(model.index(0, column)))


def test_booking_moving_and_cancelling_the_next_visit(qtbot: QtBot, session: Session) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    add_family(qtbot, session, "Carter")
    add_carer_and_child(qtbot, session)
    bar = window.family.next_visit
    assert bar.isVisible() and bar.next_visit.text() == "None booked"
    assert not bar.move_button.isEnabled() and not bar.cancel_button.isEnabled()

    bar.book_button.click()
    booking = bar.dialog
    assert isinstance(booking, BookVisitDialog)
    booking.when.setDateTime(QDateTime(QDate.currentDate().addDays(2), QTime(14, 30)))
    booking.about.setCurrentIndex(booking.about.findText("Mia"))
    qtbot.keyClicks(booking.purpose, "Six-week review")
    booking.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bar.planned is not None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    planned = bar.planned
    assert planned is not None and planned.purpose == "Six-week review"
    assert "about Mia" in bar.next_visit.text() and "overdue" not in bar.next_visit.text()
    shown = local_datetime_text(planned.planned_for)
    assert shown in bar.next_visit.text()
    assert caseload_cell(session, CaseloadModel.NEXT_VISIT) == shown

    bar.move_button.click()
    moving = bar.dialog
    assert isinstance(moving, BookVisitDialog) and moving.purpose.text() == "Six-week review"
    assert not moving.about.isEnabled()  # moving keeps who the visit is about
    moving.when.setDateTime(moving.when.dateTime().addDays(1))
    moving.buttons.accepted.emit()
    qtbot.waitUntil(
        lambda: bar.planned is not None and bar.planned.planned_for > planned.planned_for,
        timeout=WAIT_MS,
    )
    moved = bar.planned
    assert moved is not None and moved.id == planned.id
    assert moved.planned_for.astimezone().date() == planned.planned_for.astimezone().date() + (
        timedelta(days=1))

    bar.cancel_button.click()
    cancelling = bar.dialog
    assert isinstance(cancelling, CancelVisitDialog)
    cancelling.buttons.accepted.emit()  # no reason given: the dialog stays and says so
    assert cancelling.isVisible() and "Reason for cancelling" in cancelling.problem.text()
    qtbot.keyClicks(cancelling.reason, "Kerry rang: Mia in hospital")
    qtbot.keyClick(cancelling.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.next_visit.text() == "None booked", timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert caseload_cell(session, CaseloadModel.NEXT_VISIT) == "None booked"
    assert [p.status for p in window.family.detail.planned_visits] == ["cancelled"]  # type: ignore[union-attr]


def test_correcting_a_saved_visit_keeps_its_time_of_entry(
    qtbot: QtBot, session: Session
) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    add_family(qtbot, session, "Carter")
    add_carer_and_child(qtbot, session)
    detail = window.family.detail
    assert detail is not None
    kerry, mia = detail.carers[0].id, detail.children[0].id
    window.family.new_visit_button.click()
    editor = window.visit
    editor.present[kerry].setChecked(True)
    qtbot.keyClicks(editor.notes, "Mia feeding well.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.family.visits_model.rowCount() == 1, timeout=WAIT_MS)
    saved = window.family.visits_model.row_at(0)
    assert saved.amended_at is None and not saved.late_entry

    window.family.visits_table.selectRow(0)
    qtbot.keyClick(window.family.visits_table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is editor
    assert editor.occurred.isEnabled() and not editor.amended.isVisible()
    editor.unannounced.setChecked(True)
    editor.present[mia].setChecked(True)
    editor.occurred.setDateTime(editor.occurred.dateTime().addDays(-1))  # it was yesterday
    assert editor.late_entry.isVisible()  # entered today, so now a late entry
    editor.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.notes, " Weighed.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: window.family.visits_model.row_at(0).amended_at is not None, timeout=WAIT_MS
    )
    corrected = window.family.visits_model.row_at(0)
    assert (corrected.kind, corrected.present) == ("unannounced", (kerry, mia))
    assert corrected.notes == "Mia feeding well. Weighed."
    assert corrected.recorded_at == saved.recorded_at  # the time of entry is never moved
    assert corrected.late_entry
    assert (saved.occurred_at - corrected.occurred_at).days == 1

    window.family.visits_table.selectRow(0)
    qtbot.keyClick(window.family.visits_table, Qt.Key.Key_Return)
    assert editor.amended.isVisible() and editor.late_entry.isVisible()
    assert local_datetime_text(corrected.amended_at) in editor.amended.text()


def test_open_concerns_fill_in_after_the_caseload_shows(
    qtbot: QtBot, existing_profile: ProfileAccess, session: Session
) -> None:
    access = existing_profile
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            family = create_family(uow, "Priya Example", name="Review case", address="1 Road")
            for _key, day, agency, event, themes, _child in REVIEW_CASE:
                add_agency_entry(
                    uow, "Priya Example", family.id, source=agency, event=event, themes=themes,
                    occurred_at=datetime.fromisoformat(day).replace(tzinfo=timezone.utc),
                )
            uow.commit()
    page = session.main_window.caseload
    order: list[str] = []
    page.loaded.connect(lambda: order.append("caseload"))
    page.concerns_counted.connect(lambda: order.append("concerns"))
    session.start()
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: order == ["caseload", "concerns"], timeout=WAIT_MS)
    assert caseload_cell(session, CaseloadModel.CONCERNS) == "2"
    assert caseload_cell(session, CaseloadModel.NEXT_VISIT) == "None booked"
