"""The family page's Graded Care Profile 2 box: each child's assessments, loaded on the DB
worker when the family is shown; opening one, or "GCP2…" for the selected child (their draft,
else a new one, a re-grade of the latest completed one when there is one); the parent and
practitioner report buttons for the chosen assessment (`ui.report_actions`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QTableView, QVBoxLayout

from app.services.views import FamilyDetail
from ui import assessment_operations
from ui.assessment_models import FamilyAssessmentsModel
from ui.background import Background, describe_failure
from ui.report_actions import ReportActions
from ui.share_actions import ShareActions
from ui.widgets import RecordTable


class FamilyAssessments(QGroupBox):
    gcp2_requested = Signal(object, str, object)  # FamilyDetail, child id, re-graded id or None
    open_assessment = Signal(object, str)  # FamilyDetail, assessment id
    message = Signal(str)

    def __init__(self, background: Background, children_table: QTableView) -> None:
        super().__init__()
        self.setTitle(self.tr("Graded Care Profile 2"))
        self._background = background
        self._children_table = children_table  # the family page's: its selection says whose
        self.detail: FamilyDetail | None = None
        self.model = FamilyAssessmentsModel(self)
        self.table = RecordTable(self.tr("GCP2 assessments per child"))
        self.table.setModel(self.model)
        self.table.share_width()
        self.table.entered.connect(self._open_at)
        self.table.doubleClicked.connect(self._open_at)
        self.gcp2_button = QPushButton(self.tr("&GCP2…"))
        self.gcp2_button.setToolTip(
            self.tr(
                "Open the selected child's draft GCP2, or start one (a re-grade if done before)"
            )
        )
        self.gcp2_button.clicked.connect(self.gcp2_for_current_child)
        open_button = QPushButton(self.tr("Open a&ssessment"))
        open_button.clicked.connect(self._open_current)
        self.reports = ReportActions(background, self.selected_assessment_id, self)
        self.reports.message.connect(self.message)
        self.sharing = ShareActions(background, self.selected_assessment_id, self)
        self.sharing.message.connect(self.message)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.gcp2_button)
        row.addWidget(open_button)
        row.addWidget(self.reports.parent_button)
        row.addWidget(self.reports.practitioner_button)
        row.addWidget(self.sharing.share_button)
        row.addWidget(self.sharing.history_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def load(self, detail: FamilyDetail) -> None:
        self.detail = detail
        names = {c.id: c.name for c in detail.children}

        def show(by_child: dict[str, Any]) -> None:
            if self.detail is not None and self.detail.id == detail.id:
                self.model.set_rows(by_child, names)

        self._background.run(
            assessment_operations.assessments_of_children(list(names)),
            success=show,
            failure=lambda error: self.message.emit(describe_failure(error)),
        )

    def clear(self) -> None:
        self.reports.close_preview()
        self.detail = None
        self.model.clear()

    def gcp2_for_current_child(self) -> None:
        """The selected child's draft GCP2 if there is one, else a new one: a re-grade of the
        latest completed assessment when there is one."""
        row = self._children_table.currentIndex().row()
        if self.detail is None or not 0 <= row < len(self.detail.children):
            if self.detail is not None and len(self.detail.children) == 1:
                row = 0
            else:
                self.message.emit(self.tr("Select a child first."))
                return
        child_id = self.detail.children[row].id
        mine = self.model.of_child(child_id)
        drafts = [s for s in mine if s.status == "draft"]
        if drafts:
            self.open_assessment.emit(self.detail, drafts[-1].id)
            return
        done = [s for s in mine if s.status == "complete"]
        self.gcp2_requested.emit(self.detail, child_id, done[-1].id if done else None)

    def _open_at(self, index: QModelIndex) -> None:
        if self.detail is not None and index.isValid():
            self.open_assessment.emit(self.detail, self.model.row_at(index.row()).id)

    def _open_current(self) -> None:
        self._open_at(self.table.currentIndex())

    def selected_assessment_id(self) -> str | None:
        """The assessment chosen in the table (or the only one), for the report buttons."""
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.row_at(index.row()).id
        return self.model.row_at(0).id if self.model.rowCount() == 1 else None
