"""Quick capture (Ctrl+Shift+E) through the real window: which family and child it opens for,
what it refuses, the age-banded hints, and the autosaved draft — saved while typing steadily,
kept on closing, brought back after a lock and after a crash, gone when discarded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.profile import unlock_profile
from app.services import drafts, families
from app.services.views import DraftView
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from ui import operations
from ui.main_window import MainWindow
from ui.quick_capture_dialog import QuickCaptureDialog
from ui.quick_capture_draft import CaptureForm, capture_draft_key
from ui.session import ProfileAccess, Session

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def seed(access: ProfileAccess, draft: CaptureForm | None = None) -> dict[str, str]:
    actor = "Priya Example"
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            carter = families.create_family(uow, actor, name="Carter", address="Telford")
            families.add_carer(uow, actor, carter.id, name="Kerry Carter", relationship="mother",
                               parental_responsibility=True)  # fmt: skip
            mia = families.add_child(uow, actor, carter.id, name="Mia",
                                     date_of_birth=date(2026, 11, 17))  # fmt: skip
            jayden = families.add_child(uow, actor, carter.id, name="Jayden",
                                        date_of_birth=date(2023, 5, 2))  # fmt: skip
            jones = families.create_family(uow, actor, name="Jones", address="Telford")
            if draft is not None:
                form = replace(draft, child_id=jayden.id)  # the draft of a killed app
                drafts.save_draft(uow, key=capture_draft_key(carter.id), text=form.to_json())
            uow.commit()
    return {"carter": carter.id, "mia": mia.id, "jayden": jayden.id, "jones": jones.id}


def open_capture(qtbot: QtBot, window: MainWindow) -> QuickCaptureDialog:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.lived.capture.dialog is not None, timeout=WAIT_MS)
    dialog = window.lived.capture.dialog
    assert isinstance(dialog, QuickCaptureDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


def stored_draft(qtbot: QtBot, session: Session, key: str) -> DraftView | None:
    found: list[DraftView | None] = []
    session.background.run(operations.load_draft(key), success=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
    return found[0]


def test_from_the_caseload_for_the_selected_family_with_hints(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    ids = seed(existing_profile)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2, timeout=WAIT_MS)
    window.caseload.select_family(ids["jones"])
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)  # a family with no children yet
    qtbot.waitUntil(lambda: "Add a child" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert window.lived.capture.dialog is None

    window.caseload.select_family(ids["carter"])
    dialog = open_capture(qtbot, window)
    assert dialog.windowTitle() == "Day in the life: Carter"
    assert window.stack.currentWidget() is window.caseload  # captured without leaving
    assert dialog.child.currentData() == ids["mia"]
    assert dialog.caring.itemText(1) == "Kerry Carter (mother)"
    assert dialog.hints.text().startswith("<b>Baby (under 1 year) · ")
    dialog.child.setCurrentIndex(dialog.child.findData(ids["jayden"]))
    dialog.part_of_day.setCurrentIndex(dialog.part_of_day.findData("weekend"))
    assert dialog.hints.text().startswith("<b>Pre-school child (1 to 4 years) · Weekend</b>")
    dialog.disabilities.setChecked(True)
    assert dialog.hints.text().startswith("<b>Child with disabilities (any age) · Weekend</b>")
    for control in (dialog.child, dialog.when, dialog.part_of_day, dialog.text,
                    dialog.child_voice, dialog.caring, dialog.impact, dialog.source):  # fmt: skip
        assert control.accessibleName(), control

    dialog.save()  # nothing about the child's day yet: refused, still open
    assert dialog.isVisible() and "Please fill in" in dialog.problem.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # blank: closing leaves no draft
    qtbot.waitUntil(lambda: window.lived.capture.dialog is None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert stored_draft(qtbot, session, capture_draft_key(ids["carter"])) is None

    # Reopened in the same family: the child chosen last.
    dialog = open_capture(qtbot, window)
    assert dialog.child.currentData() == ids["jayden"]
    dialog.reject()


def test_steady_typing_is_saved_and_a_lock_brings_it_back(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    ids = seed(existing_profile)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    window.open_family(ids["carter"])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    window.family.children_table.selectRow(1)  # Jayden, selected on the family page
    dialog = open_capture(qtbot, window)
    assert dialog.child.currentData() == ids["jayden"]
    text = "Jayden was still in pyjamas at eleven"
    key = capture_draft_key(ids["carter"])
    for n, letter in enumerate(text):  # one key every 100 ms, never pausing
        qtbot.keyClicks(dialog.text, letter)
        qtbot.wait(100)
        if n == 24:  # 2.5 s of steady typing: saved on the way, not only at a pause
            draft = stored_draft(qtbot, session, key)
            assert draft is not None
            saved = CaptureForm.from_json(draft.text)
            assert saved is not None and len(saved.text) >= 8
            assert text.startswith(saved.text)
    session.lock()
    assert window.lived.capture.dialog is None
    wait_for_worker(qtbot, session)
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: window.lived.capture.dialog is not None, timeout=WAIT_MS)
    again = window.lived.capture.dialog
    assert again is not None
    qtbot.waitUntil(lambda: again.text.toPlainText() == text, timeout=WAIT_MS)
    assert again.child.currentData() == ids["jayden"]
    assert again.draft_state.text().startswith("Unsaved entry restored")


def test_an_entry_left_by_a_crash_reopens_and_can_be_discarded(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    left = CaptureForm(
        occurred_at=datetime(2026, 11, 28, 18, 30).astimezone().isoformat(),
        part_of_day="evening", text="Jayden ate crisps for tea", child_voice="I'm hungry",
        themes=("home_conditions",), source="child",
    )  # fmt: skip
    ids = seed(existing_profile, left)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    qtbot.waitUntil(lambda: window.lived.capture.dialog is not None, timeout=WAIT_MS)
    dialog = window.lived.capture.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.text.toPlainText() == left.text, timeout=WAIT_MS)
    assert dialog.child_voice.text() == "I'm hungry" and dialog.source.currentData() == "child"
    assert dialog.themes.selected() == ("home_conditions",)
    assert dialog.part_of_day.currentData() == "evening"
    assert dialog.child.currentData() == ids["jayden"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.family, timeout=WAIT_MS)
    assert "restored" in window.statusBar().currentMessage()

    dialog.reject()  # closing keeps it
    wait_for_worker(qtbot, session)
    assert stored_draft(qtbot, session, capture_draft_key(ids["carter"])) is not None
    assert "kept as a draft" in window.statusBar().currentMessage()
    dialog = open_capture(qtbot, window)
    qtbot.waitUntil(lambda: dialog.text.toPlainText() == left.text, timeout=WAIT_MS)
    dialog.discard()
    wait_for_worker(qtbot, session)
    assert stored_draft(qtbot, session, capture_draft_key(ids["carter"])) is None
