"""The visit editor's pieces: draft keys, late entries, the form kept over a lock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import UnknownRecord
from app.services.views import CarerView, ChildView, FamilyDetail, FamilyView, VisitView
from tests.ui.driving import WAIT_MS
from ui.background import Background, describe_failure
from ui.changes import Changes, family_changed
from ui.formatting import local_datetime_text
from ui.visit_editor import DraftPlace, VisitEditor, VisitForm, place_of_draft_key

NOW = datetime.now().astimezone().replace(microsecond=0)
DETAIL = FamilyDetail(
    FamilyView("F-1", "Carter", "Flat 2"),
    (CarerView("K-1", "F-1", "Kerry", "mother", True),),
    (ChildView("C-1", "F-1", "Mia", date(2026, 11, 17), None),),
    (
        VisitView(
            "V-1",
            "F-1",
            NOW - timedelta(days=3),
            NOW - timedelta(days=2),
            "announced",
            ("K-1",),
            "Seen at home.",
        ),
    ),
)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        (VisitForm("F-1", None, "announced", (), NOW), "new-visit:F-1:notes"),
        (VisitForm("F-1", "V-9", "announced", (), NOW), "visit:F-1:V-9:notes"),
    ],
)
def test_draft_keys_round_trip(form: VisitForm, key: str) -> None:
    assert form.draft_key == key
    assert place_of_draft_key(key) == DraftPlace(form.family_id, form.visit_id)


@pytest.mark.parametrize(
    "key", ["", "visit:V-1:notes", "new-visit::notes", "gcp2:C-1:evidence", "new-visit:F-1:plan"]
)
def test_other_keys_name_no_visit(key: str) -> None:
    assert place_of_draft_key(key) is None


@pytest.fixture
def editor(qtbot: QtBot) -> VisitEditor:
    background = Background()
    made = VisitEditor(background)
    qtbot.addWidget(made)
    yield made
    background.shutdown()


def test_new_visit_marks_late_entry_when_dated_before_today(
    qtbot: QtBot, editor: VisitEditor
) -> None:
    editor.start_new(DETAIL)
    editor.show()
    assert not editor.late_entry.isVisible()
    editor.occurred.setDateTime(editor.occurred.dateTime().addDays(-1))
    assert editor.late_entry.isVisible()
    form = editor.current_form()
    assert form is not None and form.occurred_at.date() == (NOW - timedelta(days=1)).date()


def test_a_saved_visit_can_be_corrected_but_not_moved_past_its_time_of_entry(
    qtbot: QtBot, editor: VisitEditor
) -> None:
    visit = DETAIL.visits[0]
    editor.start_existing(DETAIL, visit)
    editor.show()
    assert editor.notes.toPlainText() == "Seen at home."
    assert editor.present["K-1"].isChecked() and not editor.present["C-1"].isChecked()
    assert all(w.isEnabled() for w in (editor.occurred, editor.present_box, editor.unannounced))
    assert editor.late_entry.isVisible()  # recorded the day after the visit
    assert not editor.amended.isVisible()  # never corrected
    form = editor.current_form()
    assert form is not None and form.occurred_at == visit.occurred_at  # untouched: kept exactly
    # Corrected to the day it was entered: no longer a late entry.
    editor.occurred.setDateTime(editor.occurred.dateTime().addDays(1))
    assert not editor.late_entry.isVisible()
    # Never later than the time of entry, which stays as it was.
    editor.occurred.setDateTime(editor.occurred.dateTime().addDays(5))
    assert editor.occurred.dateTime().toSecsSinceEpoch() <= int(visit.recorded_at.timestamp())
    editor.unannounced.setChecked(True)
    editor.present["C-1"].setChecked(True)
    form = editor.current_form()
    assert form is not None
    assert (form.visit_id, form.kind, form.present) == ("V-1", "unannounced", ("K-1", "C-1"))
    assert form.draft_key == "visit:F-1:V-1:notes"


def test_a_corrected_visit_shows_when_it_was_corrected(qtbot: QtBot, editor: VisitEditor) -> None:
    corrected = replace(DETAIL.visits[0], amended_at=NOW - timedelta(hours=1))
    editor.start_existing(replace(DETAIL, visits=(corrected,)), corrected)
    editor.show()
    assert editor.amended.isVisible()
    assert local_datetime_text(corrected.amended_at) in editor.amended.text()
    assert editor.entered.text() == local_datetime_text(corrected.recorded_at)


def test_form_keeps_ids_and_times_but_clear_forgets_everything(
    qtbot: QtBot, editor: VisitEditor
) -> None:
    editor.start_new(DETAIL)
    editor.unannounced.setChecked(True)
    editor.present["C-1"].setChecked(True)
    editor.notes.setPlainText("Mia feeding well.")
    form = editor.current_form()
    assert form is not None
    assert (form.kind, form.present, form.visit_id) == ("unannounced", ("C-1",), None)
    editor.clear()
    assert editor.notes.toPlainText() == "" and editor.present == {}
    assert editor.current_form() is None and editor.title.text() == ""


def test_escape_leaves_for_the_family(qtbot: QtBot, editor: VisitEditor) -> None:
    editor.start_new(DETAIL)
    editor.show()
    with qtbot.waitSignal(editor.closed, timeout=WAIT_MS) as left:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert left.args == ["F-1"]


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (UnknownRecord("no family with id 'F-9'"), "No family with id 'F-9'."),
        (UnknownRecord("Done already."), "Done already."),
    ],
)
def test_failures_are_shown_as_sentences(error: Exception, shown: str) -> None:
    assert describe_failure(error) == shown


def test_changes_combine_and_name_families() -> None:
    combined = family_changed("F-1") | Changes(visits=frozenset({"V-1"}))
    assert combined.touches_family("F-1") and not combined.touches_family("F-2")
    assert combined.caseload and combined.visits == frozenset({"V-1"})
    assert Changes().empty and not combined.empty
    assert not combined.touches_family(None)


def test_an_untouched_list_of_people_keeps_the_records_order(
    qtbot: QtBot, editor: VisitEditor
) -> None:
    """Saved child first, carer second; the form lists carers first. Nothing ticked or
    unticked must not look like a correction of who was present."""
    visit = replace(DETAIL.visits[0], present=("C-1", "K-1"))
    editor.start_existing(replace(DETAIL, visits=(visit,)), visit)
    form = editor.current_form()
    assert form is not None and form.present == ("C-1", "K-1")
    editor.present["K-1"].setChecked(False)
    editor.present["K-1"].setChecked(True)
    form = editor.current_form()
    assert form is not None and form.present == ("C-1", "K-1")
