"""The child's lived experience through the real windows, by keyboard: quick-capture an entry
with the child's own words while a visit is open, see it on the chronology, filter by theme, a
second entry from another source raises the recurring-theme prompt, dismiss it with a reason,
then search for a word and open the result at its row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import unlock_profile
from app.storage.models import AuditEvent
from app.storage.models_lived import PromptDismissal
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from tests.ui.test_flow import add_carer_and_child, add_family
from ui.main_window import MainWindow
from ui.prompt_banner import DismissDialog
from ui.quick_capture_dialog import QuickCaptureDialog
from ui.session import ProfileAccess, Session

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def quick_capture(qtbot: QtBot, window: MainWindow, text: str, words: str, source: str) -> None:
    """Ctrl+Shift+E, type, choose the source, tick domestic abuse, Ctrl+S."""
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.lived.capture.dialog is not None, timeout=WAIT_MS)
    dialog = window.lived.capture.dialog
    assert isinstance(dialog, QuickCaptureDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    assert QApplication.focusWidget() is dialog.text  # ready to type at once
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)  # on to the child's own words
    assert QApplication.focusWidget() is dialog.child_voice
    qtbot.keyClicks(dialog.child_voice, words)
    dialog.source.setFocus()
    while dialog.source.currentData() != source:
        qtbot.keyClick(dialog.source, Qt.Key.Key_Down)
    box = dialog.themes.boxes["domestic_abuse"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert dialog.themes.selected() == ("domestic_abuse",)
    qtbot.keyClick(dialog.text, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.lived.capture.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def test_quick_capture_chronology_prompt_dismiss_and_search(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    family = window.family
    add_family(qtbot, session, "Carter family")
    add_carer_and_child(qtbot, session)
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)  # a visit is open while capturing
    assert window.stack.currentWidget() is window.visit

    quick_capture(
        qtbot, window, "Mia hid behind the sofa when Dean came in.", "He shouts", "observed"
    )
    assert window.statusBar().currentMessage() == "Day-in-the-life entry saved."
    assert window.stack.currentWidget() is window.visit  # still in the visit
    chronology = family.chronology
    qtbot.waitUntil(
        lambda: any(r.kind == "lived_experience" for r in chronology.model.rows), timeout=WAIT_MS
    )
    row = next(r for r in chronology.model.rows if r.kind == "lived_experience")
    assert row.event.startswith("Mia hid behind the sofa")
    assert 'in the child\'s words: "He shouts"' in row.event
    assert row.themes == ("domestic_abuse",) and row.child == "Mia"
    assert not family.prompts.isVisible()  # one source is not a pattern yet

    qtbot.keyClick(window.visit, Qt.Key.Key_Escape)  # leave the visit (notes stay a draft)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is family, timeout=WAIT_MS)
    qtbot.keyClick(family.tabs, Qt.Key.Key_N, ALT)  # Chro&nology and timeline
    assert family.tabs.currentWidget() is chronology
    chronology.theme_filter.setFocus()
    while chronology.theme_filter.currentData() != "domestic_abuse":
        qtbot.keyClick(chronology.theme_filter, Qt.Key.Key_Down)
    assert chronology.filter.rowCount() == 1  # the entry, not the visit-less family rows
    assert [lane.theme_id for lane in chronology.timeline.layout_.lanes] == ["domestic_abuse"]

    quick_capture(qtbot, window, "Kerry says Dean gets angry after a drink.", "", "carer")
    qtbot.waitUntil(family.prompts.isVisible, timeout=WAIT_MS)
    banner = family.prompts
    prompt = banner.current_prompt()
    assert prompt is not None and prompt.rule_id == "same_theme_multiple_sources"
    assert banner.cited_model.rowCount() == 2
    assert chronology.filter.rowCount() == 2

    banner.list.setFocus()
    qtbot.keyClick(banner.list, Qt.Key.Key_M, ALT)  # Dis&miss… (clicked ~0.1 s later)
    qtbot.waitUntil(lambda: banner.dialog is not None, timeout=WAIT_MS)
    dialog = banner.dialog
    assert isinstance(dialog, DismissDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason: refused
    assert dialog.isVisible() and dialog.problem.text()
    qtbot.keyClicks(dialog.reason, "Discussed with my safeguarding lead today.")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    wait_for_worker(qtbot, session)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)  # search every note
    search = window.lived.search
    assert window.stack.currentWidget() is search
    assert QApplication.focusWidget() is search.query
    qtbot.keyClicks(search.query, "sofa")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search.table, timeout=WAIT_MS)
    qtbot.keyClick(search.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is family, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    selected = chronology.table.currentIndex()
    assert selected.isValid()
    shown = chronology.model.row_at(chronology.filter.mapToSource(selected).row())
    assert shown.record_id == row.record_id and family.tabs.currentWidget() is chronology

    session.shutdown()
    with unlock_profile(
        existing_profile.data_dir, PASSPHRASE, keystore=existing_profile.keystore
    ) as profile:
        with profile.unit_of_work() as uow:
            reasons = list(uow.session.scalars(select(PromptDismissal.reason)))
            kinds = list(uow.session.scalars(select(AuditEvent.record_kind)))
    assert reasons == ["Discussed with my safeguarding lead today."]
    assert kinds.count("lived_experience") == 2 and "recurring_prompt" in kinds
