"""The GCP2 models without a window: sub-area navigation, profile chart data and its text,
targeted items with their review progress, a sub-area's pack items, and a family's list of
assessments. Also the chart paints from its model."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from app.services.views_gcp2 import AssessmentSummary, PackItemText, ProfileComparison
from assessments import gcp2
from assessments.lifecycle import compare
from assessments.record import Assessment, SubAreaGrade, Target
from ui.assessment_items import ITEM_ID_ROLE, ItemsModel
from ui.assessment_models import (
    GRADE_ROLE,
    SUB_AREA_ID_ROLE,
    FamilyAssessmentsModel,
    ProfileChartModel,
    SubAreasModel,
)
from ui.assessment_targets import TargetsModel
from ui.profile_chart import GRADE_COLOURS, ProfileChart

START = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def graded(assessment_id: str, grades: dict[str, int]) -> Assessment:
    subs = {s: SubAreaGrade(g, "seen") for s, g in grades.items()}
    return Assessment(assessment_id, "K1", START, sub_areas=subs)


@pytest.mark.parametrize(
    ("grades", "progress"),
    [
        ({}, "0 of 13 sub-areas graded"),
        ({"physical_care.nutrition": 3}, "1 of 13 sub-areas graded"),
        ({s: 2 for s in gcp2.SUB_AREA_IDS}, "13 of 13 sub-areas graded"),
    ],
)
def test_sub_areas_model_counts_progress(grades: dict[str, int], progress: str) -> None:
    model = SubAreasModel()
    model.set_assessment(graded("A1", grades))
    assert model.rowCount() == 13
    assert model.progress_text() == progress
    assert model.graded == len(grades)


def test_sub_areas_model_rows_are_in_chart_order_with_grades() -> None:
    model = SubAreasModel()
    model.set_assessment(graded("A1", {"safety.in_absence": 4}))
    row = model.row_of("safety.in_absence")
    index = model.index(row)
    assert model.data(index, SUB_AREA_ID_ROLE) == "safety.in_absence"
    assert model.data(index, GRADE_ROLE) == 4
    assert model.data(index) == "✓ B. In absence of carer: 4"
    assert model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole) == (
        "Nutrition, grade not graded"
    )
    model.clear()
    assert model.rowCount() == 0


def test_chart_model_without_a_baseline_lists_grades_now() -> None:
    model = ProfileChartModel()
    model.set_grades({"physical_care.nutrition": 3})
    lines = model.accessible_text().splitlines()
    assert len(lines) == 13 and not model.has_baseline
    assert lines[0] == "Nutrition: grade 3"
    assert lines[-1] == "Acceptance: grade not graded"
    assert model.data(model.index(0, ProfileChartModel.BASELINE)) == ""


@pytest.mark.parametrize(
    ("sub_area", "before", "now", "line"),
    [
        ("physical_care.nutrition", 4, 2, "Nutrition: baseline 4, now 2"),
        ("safety.in_absence", 4, 4, "In absence of carer: baseline 4, now 4"),
        ("emotional_care.carer", 2, None, "Carer: baseline 2, now not graded"),
    ],
)
def test_chart_model_shows_baseline_beside_now(
    sub_area: str, before: int, now: int | None, line: str
) -> None:
    baseline = graded("A1", {sub_area: before})
    regrade = graded("A2", {} if now is None else {sub_area: now})
    comparison = ProfileComparison("A1", "A2", tuple(compare(baseline, regrade)))
    model = ProfileChartModel()
    model.set_grades({sub_area: now}, comparison)
    assert model.has_baseline
    assert line in model.accessible_text().splitlines()
    row = gcp2.SUB_AREA_IDS.index(sub_area)
    assert model.data(model.index(row, ProfileChartModel.BASELINE), GRADE_ROLE) == before
    assert model.data(model.index(row, ProfileChartModel.NOW), GRADE_ROLE) == now


@pytest.mark.parametrize(("review_grade", "today", "shown", "progress"), [
    (None, date(2027, 1, 14), "", "Awaiting review"),
    (None, date(2027, 1, 15), "", "Review due today"),
    (None, date(2027, 1, 16), "", "⚠ Review overdue"),
    (2, date(2027, 1, 16), "2", "Target met"),
    (3, date(2027, 1, 16), "3", "Better, target not met yet"),
    (4, date(2027, 1, 16), "4", "No change"),
    (5, date(2027, 1, 16), "5", "Worse"),
])
def test_targets_model_shows_review_grade_and_progress(
    review_grade: int | None, today: date, shown: str, progress: str
) -> None:
    model = TargetsModel()
    target = Target("physical_care.nutrition", 4, 2, date(2027, 1, 15), review_grade)
    model.set_targets([target], today)
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[:3] == ["Nutrition", "4", "2"] and "2027" in str(cells[3])
    assert cells[4:] == [shown, progress]
    overdue = progress.startswith("⚠")
    assert model.overdue == int(overdue)
    font = model.data(model.index(0, TargetsModel.PROGRESS), Qt.ItemDataRole.FontRole)
    assert (isinstance(font, QFont) and font.bold()) is overdue  # marked without colour


def test_items_model_grades_items_without_a_window() -> None:
    items = (PackItemText("i1", "First item", {1: "well"}), PackItemText("i2", "Second item"))
    model = ItemsModel()
    model.set_items(items, {"i2": 4})
    assert [model.data(model.index(r, ItemsModel.GRADE)) for r in range(2)] == ["–", "4"]
    assert model.data(model.index(0, ItemsModel.ITEM)) == "First item"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.AccessibleTextRole) == (
        "Second item, grade 4")
    model.set_grade(0, 2)
    model.set_grade(1, None)
    assert (model.grade_at(0), model.grade_at(1), model.graded) == (2, None, 1)
    assert model.data(model.index(0, 0), ITEM_ID_ROLE) == "i1"
    model.clear()
    assert model.rowCount() == 0


def test_family_assessments_model_lists_per_child_and_marks_regrades() -> None:
    first = AssessmentSummary("A1", "K1", "complete", START, START, None, 13)
    second = AssessmentSummary("A2", "K1", "draft", START, None, "A1", 1)
    other = AssessmentSummary("A3", "K2", "draft", START, None, None, 0)
    model = FamilyAssessmentsModel()
    model.set_rows({"K1": (first, second), "K2": (other,)}, {"K1": "Mia", "K2": "Jayden"})
    assert model.rowCount() == 3
    assert [model.data(model.index(r, model.STATUS)) for r in range(3)] == [
        "Complete",
        "Draft (re-grade)",
        "Draft",
    ]
    assert model.data(model.index(2, model.CHILD)) == "Jayden"
    assert model.data(model.index(0, model.PROGRESS)) == "13 of 13"
    assert model.of_child("K1") == (first, second)


def test_family_assessments_model_marks_an_overdue_review() -> None:
    late = AssessmentSummary("A1", "K1", "complete", START, START, None, 13, reviews_overdue=1)
    model = FamilyAssessmentsModel()
    model.set_rows({"K1": (late,)}, {"K1": "Mia"})
    assert model.data(model.index(0, model.STATUS)) == "Complete, ⚠ review overdue"


def test_chart_paints_and_describes_itself(qtbot: QtBot) -> None:
    model = ProfileChartModel()
    chart = ProfileChart(model)
    qtbot.addWidget(chart)
    chart.resize(720, 300)
    model.set_grades({s: 1 + n % 5 for n, s in enumerate(gcp2.SUB_AREA_IDS)})
    assert chart.accessibleDescription().startswith("Nutrition: grade 1")
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name().upper() for x in range(0, 720, 3) for y in range(0, 300, 3)
    }
    assert {c.upper() for c in GRADE_COLOURS} <= colours  # every grade's colour is drawn
