"""Qt models of a GCP2 assessment: the 13 sub-areas with their grades (the editor's navigation),
the profile chart's grades (baseline and now), and a family's assessments (with overdue target
reviews marked). Targeted items are `ui.assessment_targets`', pack items `ui.assessment_items`'.

Filled with the services' frozen views; `clear()` forgets everything (on lock). Every text a
model shows comes through `QCoreApplication.translate`, and sub-area names come from
`assessments.gcp2`. Tested without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from app.services.views_gcp2 import AssessmentSummary, ProfileComparison
from assessments import gcp2
from assessments.record import Assessment
from ui.formatting import local_datetime_text
from ui.rows_model import Index, RowsModel

SUB_AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GRADE_ROLE = Qt.ItemDataRole.UserRole + 2


def tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentModels", text)


def name_of(sub_area_id: str) -> str:
    return QCoreApplication.translate("Gcp2", gcp2.sub_area(sub_area_id).name)


def area_name(area_id: str) -> str:
    return QCoreApplication.translate("Gcp2", gcp2.area(area_id).name)


def grade_text(grade: int | None) -> str:
    return tr("not graded") if grade is None else str(grade)


class SubAreasModel(QAbstractListModel):
    """The 13 sub-areas in chart order, each with its grade: the editor's navigation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grades: dict[str, int | None] = {}

    def set_assessment(self, assessment: Assessment | None) -> None:
        self.beginResetModel()
        self._grades = (
            {}
            if assessment is None
            else {s: assessment.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}
        )
        self.endResetModel()

    def clear(self) -> None:
        self.set_assessment(None)

    @property
    def graded(self) -> int:
        return sum(1 for g in self._grades.values() if g is not None)

    def progress_text(self) -> str:
        return (
            tr("%1 of %2 sub-areas graded")
            .replace("%1", str(self.graded))
            .replace("%2", str(len(gcp2.SUB_AREA_IDS)))
        )

    def sub_area_at(self, row: int) -> str:
        return gcp2.SUB_AREA_IDS[row]

    def row_of(self, sub_area_id: str) -> int:
        return gcp2.SUB_AREA_IDS.index(sub_area_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self._grades else len(gcp2.SUB_AREA_IDS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and section == 0:
            return tr("Sub-areas")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        sub_id = gcp2.SUB_AREA_IDS[index.row()]
        grade = self._grades.get(sub_id)
        letter = gcp2.area_of(sub_id).letter
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if grade is not None else "·"
            return f"{mark} {letter}. {name_of(sub_id)}: {grade_text(grade)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                tr("%1, grade %2").replace("%1", name_of(sub_id)).replace("%2", grade_text(grade))
            )
        if role == SUB_AREA_ID_ROLE:
            return sub_id
        if role == GRADE_ROLE:
            return grade
        return None


@dataclass(frozen=True)
class ChartBar:
    sub_area: str
    area: str
    baseline: int | None
    now: int | None


class ProfileChartModel(RowsModel[ChartBar]):
    """The profile chart's data: one row per sub-area (chart order), columns area, sub-area,
    baseline grade (only for a re-grade) and grade now. Also the chart's text alternative."""

    AREA, SUB_AREA, BASELINE, NOW = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.has_baseline = False

    def set_grades(
        self, now: Mapping[str, int | None], comparison: ProfileComparison | None = None
    ) -> None:
        baseline = {c.sub_area: c.baseline for c in comparison.changes} if comparison else {}
        self.beginResetModel()
        self.has_baseline = comparison is not None
        self._rows = [
            ChartBar(s.id, s.area_id, baseline.get(s.id), now.get(s.id)) for s in gcp2.SUB_AREAS
        ]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self.has_baseline = [], False
        self.endResetModel()

    @property
    def bars(self) -> tuple[ChartBar, ...]:
        return tuple(self._rows)

    def headers(self) -> list[str]:
        return [tr("Area"), tr("Sub-area"), tr("Baseline"), tr("Now")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        bar = self._rows[index.row()]
        if role == GRADE_ROLE:
            return (bar.baseline, bar.now)[index.column() == self.NOW]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return [
            area_name(bar.area),
            name_of(bar.sub_area),
            grade_text(bar.baseline) if self.has_baseline else "",
            grade_text(bar.now),
        ][index.column()]

    def accessible_text(self) -> str:
        """The chart as text, one sub-area per line, for screen readers and the tests."""
        lines = []
        for bar in self._rows:
            if self.has_baseline:
                line = tr("%1: baseline %2, now %3").replace("%2", grade_text(bar.baseline))
                line = line.replace("%3", grade_text(bar.now))
            else:
                line = tr("%1: grade %2").replace("%2", grade_text(bar.now))
            lines.append(line.replace("%1", name_of(bar.sub_area)))
        return "\n".join(lines)


class FamilyAssessmentsModel(RowsModel[AssessmentSummary]):
    """A family's GCP2 assessments, per child, earliest first: child, started, status (with
    re-grades and overdue target reviews marked), progress."""

    CHILD, STARTED, STATUS, PROGRESS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}

    def set_rows(
        self, by_child: Mapping[str, Sequence[AssessmentSummary]], names: Mapping[str, str]
    ) -> None:
        self.beginResetModel()
        self._names = dict(names)
        self._rows = [s for child in names for s in by_child.get(child, ())]
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows({}, {})

    def row_at(self, row: int) -> AssessmentSummary:
        return self._rows[row]

    def of_child(self, child_id: str) -> tuple[AssessmentSummary, ...]:
        return tuple(s for s in self._rows if s.child_id == child_id)

    def headers(self) -> list[str]:
        return [tr("Child"), tr("Started"), tr("Status"), tr("Graded")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        s = self._rows[index.row()]
        status = tr("Complete") if s.status == "complete" else tr("Draft")
        if s.previous is not None:
            status = tr("%1 (re-grade)").replace("%1", status)
        if s.reviews_overdue:
            status = tr("%1, ⚠ review overdue").replace("%1", status)
        progress = tr("%1 of 13").replace("%1", str(s.graded_sub_areas))
        return [
            self._names.get(s.child_id, ""),
            local_datetime_text(s.started_at),
            status,
            progress,
        ][index.column()]
