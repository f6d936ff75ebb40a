"""Targets after grading in the real editor: an overdue review marked in the targets table and in
the family's list, the grade at review recorded on its date (an addendum on the completed
assessment), a review not due yet held back, and at the re-grade the baseline's targets reviewed
with the re-grade's grade offered, never recorded without the button. Also: a completed
assessment takes no item grade, and the family's views typed are saved on leaving."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from assessments import gcp2
from tests.ui.conftest import make_session
from tests.ui.driving import WAIT_MS, unlock, wait_for_worker
from tests.ui.test_assessment_flow import (
    CONFIRMED,
    grade_all_by_keyboard,
    import_sample_pack,
    open_gcp2,
    trained,
)
from tests.ui.test_assessment_items import go_to, items_of
from ui.assessment_editor import AssessmentEditor
from ui.assessment_targets import TargetsBox, TargetsModel
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

SUMMARY = 3


def confirm_every_area(qtbot: QtBot, session: Session, editor: AssessmentEditor) -> None:
    editor.tabs.setCurrentIndex(1)
    for row in editor.area_rows:
        row.grade.setCurrentIndex(row.grade.findData(dict(CONFIRMED)[row.area.id]))
        qtbot.keyClicks(row.rationale, "As discussed with Kerry.")
        row.confirm.click()
    wait_for_worker(qtbot, session)


def add_target(qtbot: QtBot, session: Session, editor: AssessmentEditor, sub_area: str,
               review_by: QDate) -> None:
    summary = editor.summary
    summary.target_sub_area.setCurrentIndex(summary.target_sub_area.findData(sub_area))
    summary.target_review.setDate(review_by)
    summary.add_target_button.click()
    wait_for_worker(qtbot, session)


def progress(box: TargetsBox, row: int) -> str:
    return str(box.model.data(box.model.index(row, TargetsModel.PROGRESS)))


def select(box: TargetsBox, row: int) -> None:
    box.table.setCurrentIndex(box.model.index(row, 0))


def test_targets_are_reviewed_on_their_date_and_at_the_regrade(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences
) -> None:
    trained(access)
    import_sample_pack(access)
    session = make_session(qtbot, access, preferences)
    try:
        session.start()
        unlock(qtbot, session)
        window = session.main_window
        editor = open_gcp2(qtbot, session)
        grade_all_by_keyboard(qtbot, session, editor)
        editor.tabs.setCurrentIndex(0)
        go_to(qtbot, editor, "physical_care.housing")
        editor.items.table.setFocus()
        qtbot.keyClick(editor.items.table, Qt.Key.Key_2)
        wait_for_worker(qtbot, session)
        confirm_every_area(qtbot, session, editor)

        editor.tabs.setCurrentIndex(SUMMARY)
        today = QDate.currentDate()
        add_target(qtbot, session, editor, "physical_care.nutrition", today.addDays(-1))
        add_target(qtbot, session, editor, "safety.in_absence", today.addMonths(3))
        box = editor.targets
        assert [(t.current, t.target) for t in box.model.targets] == [(3, 2), (4, 3)]  # prefilled
        assert progress(box, 0) == "⚠ Review overdue" and progress(box, 1) == "Awaiting review"
        assert not box.overdue.isHidden() and box.overdue.text().endswith("1")
        select(box, 1)
        assert not box.review_button.isEnabled() and "open from" in box.hint.text()

        editor.complete_button.click()
        qtbot.waitUntil(lambda: editor.current.view.is_complete, timeout=WAIT_MS)  # type: ignore[union-attr]
        editor.tabs.setCurrentIndex(0)
        go_to(qtbot, editor, "physical_care.housing")
        editor.items.table.setFocus()
        qtbot.keyClick(editor.items.table, Qt.Key.Key_5)  # completed: item grades are read-only
        wait_for_worker(qtbot, session)
        assert items_of(editor, "physical_care.housing") == {"zephyr.housing.1": 2}

        editor.leave()  # the family's list marks the overdue review
        family = window.family
        qtbot.waitUntil(lambda: family.assessments_model.rowCount() == 1, timeout=WAIT_MS)
        status = family.assessments_model.data(family.assessments_model.index(0, 2))
        assert status == "Complete, ⚠ review overdue"
        family.assessments.table.setCurrentIndex(family.assessments_model.index(0, 0))
        qtbot.keyClick(family.assessments.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
        editor.tabs.setCurrentIndex(SUMMARY)
        box = editor.targets
        select(box, 0)
        assert box.review_button.isEnabled()
        box.review_grade.setCurrentIndex(box.review_grade.findData(2))
        box.review_button.click()
        wait_for_worker(qtbot, session)
        assert editor.current is not None
        baseline = editor.current.view.assessment
        assert [t.review_grade for t in baseline.targets] == [2, None]
        assert baseline.addenda[-1].reason == "Grade at review"
        assert "Grade at review" in editor.addenda.text()
        assert progress(box, 0) == "Target met" and box.overdue.isHidden()

        editor.regrade_button.click()
        qtbot.waitUntil(lambda: editor.current.view.id != baseline.id, timeout=WAIT_MS)  # type: ignore[union-attr]
        reviews = editor.baseline_targets
        assert not reviews.isHidden() and reviews.model.rowCount() == 2
        editor.tabs.setCurrentIndex(0)
        go_to(qtbot, editor, "safety.in_absence")
        qtbot.keyClick(editor.sub_area_list, Qt.Key.Key_3)  # re-graded: 4 then, 3 now
        wait_for_worker(qtbot, session)
        editor.tabs.setCurrentIndex(SUMMARY)
        select(reviews, 1)
        assert reviews.review_button.isEnabled()  # open before its date: this is the re-grade
        assert reviews.review_grade.currentData() == 3  # offered…
        assert "gives In absence of carer a grade of 3" in reviews.hint.text()
        comparison = editor.current.comparison  # type: ignore[union-attr]
        assert comparison is not None and comparison.baseline_targets[1].review_grade is None
        reviews.review_button.click()  # …recorded only now
        wait_for_worker(qtbot, session)
        comparison = editor.current.comparison  # type: ignore[union-attr]
        assert comparison is not None
        assert [t.review_grade for t in comparison.baseline_targets] == [2, 3]
        assert progress(reviews, 1) == "Target met"
        assert editor.current.view.assessment.addenda == ()  # type: ignore[union-attr]
    finally:
        session.shutdown()


def test_views_typed_are_saved_on_leaving_and_a_disagreeing_parent_is_asked_to_comment(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences
) -> None:
    session = make_session(qtbot, trained(access), preferences)
    try:
        session.start()
        unlock(qtbot, session)
        editor = open_gcp2(qtbot, session)
        editor.tabs.setCurrentIndex(2)
        views = editor.family_views
        assert views.disagreement.isHidden()
        editor.parent_agrees.setCurrentIndex(editor.parent_agrees.findData(False))
        assert not views.disagreement.isHidden()
        qtbot.keyClicks(editor.views["parent_comments"], "Kerry says the house is always tidy.")
        assert views.disagreement.isHidden()
        qtbot.keyClicks(editor.views["child_views"], "Mia points at her cot and smiles.")
        editor.leave()  # no "Save views": leaving saves them
        family = session.main_window.family
        qtbot.waitUntil(lambda: family.assessments_model.rowCount() == 1, timeout=WAIT_MS)
        family.gcp2_button.click()  # opens the draft again
        qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
        wait_for_worker(qtbot, session)
        a = editor.current.view.assessment  # type: ignore[union-attr]
        assert (a.parent_agrees, a.parent_comments, a.child_views) == (
            False, "Kerry says the house is always tidy.", "Mia points at her cot and smiles.")
        assert editor.views["child_views"].toPlainText() == "Mia points at her cot and smiles."
        assert len(gcp2.SUB_AREA_IDS) == editor.sub_areas_model.rowCount()
    finally:
        session.shutdown()
