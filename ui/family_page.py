"""The family tab: carers, children, professionals involved (lead marked), and visits, newest first,
with the children's GCP2 assessments (`ui.family_assessments`) beside them; a second tab holds
the chronology and timeline (`ui.chronology_page`), and the recurring-theme prompts show above
both tabs while any is raised.

Adding a carer, child or professional goes through its dialog and the DB worker; the page
reloads when a `Changes` names this family. What a prompt's buttons do is `prompt_actions`
(`ui.prompt_actions`), whose entries the plans and escalation screens replace.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.views import FamilyDetail, VisitView
from ui import operations
from ui.background import Background, describe_failure
from ui.changes import Changes, family_changed
from ui.chronology_page import ChronologyTab
from ui.family_assessments import FamilyAssessments
from ui.family_models import (
    CarersModel,
    ChildrenModel,
    ProfessionalsModel,
    VisitsModel,
)
from ui.formatting import local_datetime_text
from ui.planned_visit_bar import NextVisitBar
from ui.plans_tab import PlansTab
from ui.prompt_actions import PromptActions
from ui.record_dialogs import (
    CarerDialog,
    ChildDialog,
    NewCarer,
    NewChild,
    NewProfessional,
    ProfessionalDialog,
)
from ui.sharing_tab import SharingTab
from ui.widgets import RecordTable


class FamilyPage(QWidget):
    back = Signal()
    new_visit = Signal(object)  # FamilyDetail
    open_visit = Signal(object, object)  # FamilyDetail, VisitView
    loaded = Signal(object)  # FamilyDetail
    gcp2_requested = Signal(object, str, object)  # FamilyDetail, child id, re-graded id or None
    open_assessment = Signal(object, str)  # FamilyDetail, assessment id
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.detail: FamilyDetail | None = None
        self.dialog: QWidget | None = None
        self.carers_model = CarersModel(self)
        self.children_model = ChildrenModel(self)
        self.professionals_model = ProfessionalsModel(self)
        self.visits_model = VisitsModel(self)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setProperty("record_text", True)
        self.address = QLabel()
        self.address.setProperty("record_text", True)
        self.address.setWordWrap(True)
        back = QPushButton(self.tr("← &Caseload"))
        back.setAccessibleName(self.tr("Back to the caseload"))
        back.setToolTip(self.tr("Back to the caseload (Alt+Left)"))
        back.clicked.connect(self.back)
        self.new_visit_button = QPushButton(self.tr("New &visit…"))
        self.new_visit_button.clicked.connect(self._new_visit)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title, 1)
        header.addWidget(self.new_visit_button)

        self.carers_table = self._table(self.carers_model, self.tr("Carers"))
        self.children_table = self._table(self.children_model, self.tr("Children"))
        self.professionals_table = self._table(
            self.professionals_model, self.tr("Professionals involved")
        )
        self.visits_table = self._table(self.visits_model, self.tr("Visits, newest first"))
        self.assessments = FamilyAssessments(background, self.children_table)
        self.assessments.gcp2_requested.connect(self.gcp2_requested)
        self.assessments.open_assessment.connect(self.open_assessment)
        self.assessments.message.connect(self.message)
        # By the names the window and its tests use.
        self.assessments_model = self.assessments.model
        self.gcp2_button = self.assessments.gcp2_button
        for table in (self.carers_table, self.children_table, self.professionals_table):
            table.share_width()
        self.visits_table.entered.connect(self._open_visit_at)
        self.visits_table.doubleClicked.connect(self._open_visit_at)
        grid = QGridLayout()
        boxes = (  # title, table, button, slot; row, column, rows spanned
            (self.tr("Carers"), self.carers_table, self.tr("Add &carer…"), self.add_carer, 0, 0, 1),
            (self.tr("Children"), self.children_table, self.tr("Add c&hild…"), self.add_child,
             1, 0, 1),
            (self.tr("Professionals involved"), self.professionals_table,
             self.tr("Add &professional…"), self.add_professional, 2, 0, 1),
            (self.tr("Visits"), self.visits_table, self.tr("&Open visit"),
             self._open_current_visit, 0, 1, 3),
        )
        for title, table, button, slot, row, column, rows in boxes:
            grid.addWidget(self._group(title, table, button, slot), row, column, rows, 1)
        grid.addWidget(self.assessments, 3, 0)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        overview = QScrollArea()  # scrolls rather than push the window past a laptop screen
        inner = QWidget()
        inner.setLayout(grid)
        overview.setWidget(inner)
        overview.setWidgetResizable(True)
        overview.setFrameShape(QScrollArea.Shape.NoFrame)
        self.chronology = ChronologyTab(background)
        self.chronology.message.connect(self.message)
        self.chronology.open_visit.connect(self._open_visit_by_id)
        self.prompts = self.chronology.banner
        self.prompt_actions = PromptActions(self)  # action -> handler; see ui.prompt_actions
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Family an&d visits"))
        self.tabs.addTab(self.chronology, self.tr("Chro&nology and timeline"))
        self.plans = PlansTab(background)  # ui.plans_tab: reads only while shown
        self.plans.message.connect(self.message)
        self.plans.threshold_requested.connect(self.prompt_actions.plans.threshold_decision_now)
        self.tabs.addTab(self.plans, self.tr("P&lans and escalation"))
        self.sharing_decisions = SharingTab(background)  # loads only while shown
        self.sharing_decisions.message.connect(self.message)
        self.tabs.addTab(self.sharing_decisions, self.tr("Information sharing"))  # Ctrl+Tab
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.address)
        layout.addWidget(self.prompts)
        layout.addWidget(self.tabs, 1)
        self.next_visit = NextVisitBar.on_family_page(self, background)  # ui.planned_visit_bar

    def _table(self, model: Any, accessible: str) -> RecordTable:
        table = RecordTable(accessible)
        table.setModel(model)
        return table

    def _group(self, title: str, table: QTableView, action: str, slot: Any) -> QGroupBox:
        box = QGroupBox(title)
        button = QPushButton(action)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return box

    @property
    def family_id(self) -> str | None:
        return self.detail.id if self.detail is not None else None

    def load(self, family_id: str) -> None:
        self._background.run(
            operations.open_family(family_id),
            success=self.show_detail,
            failure=lambda error: self.message.emit(describe_failure(error)),
        )

    def on_changes(self, changes: Changes) -> None:
        if self.detail is not None and changes.touches_family(self.detail.id):
            self.load(self.detail.id)

    def show_detail(self, detail: FamilyDetail) -> None:
        if not self._background.unlocked:
            return
        self.detail = detail
        self.title.setText(detail.name)
        self.address.setText(detail.address)
        self.carers_model.set_rows(detail.carers)
        self.children_model.set_rows(detail.children)
        self.professionals_model.set_rows(detail.professionals)
        names = {c.id: c.name for c in detail.carers} | {c.id: c.name for c in detail.children}
        self.visits_model.set_people(names)
        self.visits_model.set_rows(detail.visits)
        self.visits_table.fit_columns(self._visit_column_samples())
        self.assessments.load(detail)
        self.chronology.load(detail)
        self.sharing_decisions.load(detail)
        self.plans.load(detail)
        self.loaded.emit(detail)

    def _visit_column_samples(self) -> list[str]:
        """Sample texts per column: a date as the locale writes it, the longest type name."""
        sample = local_datetime_text(datetime(2026, 12, 28, 23, 59, tzinfo=UTC))

        def model_text(text: str) -> str:  # the visits model's own words, as it shows them
            return QCoreApplication.translate("FamilyModels", text)

        kinds = (model_text("Announced"), model_text("Unannounced"))
        late = model_text("%1 (late entry)").replace("%1", sample)
        return [sample, max(kinds, key=len), "Kerry Carter, Mia Carter", late]

    def clear(self) -> None:
        """Forget the family (on lock)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.detail = None
        self.title.clear()
        self.address.clear()
        self.carers_model.clear()
        self.children_model.clear()
        self.professionals_model.clear()
        self.visits_model.clear()
        self.assessments.clear()
        self.chronology.clear()
        self.sharing_decisions.clear()
        self.plans.clear()
        self.next_visit.clear()

    # -- adding records ----------------------------------------------------------------

    def _open_dialog(self, dialog: Any, run: Any) -> None:
        if self.detail is None:
            return
        family_id = self.detail.id
        self.dialog = dialog
        dialog.submitted.connect(lambda values: run(family_id, values))
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    def _dialog_finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back

    def _change(self, job: Any, family_id: str, done: str) -> None:
        self._background.run(
            job,
            success=lambda _view: self.message.emit(done),
            failure=lambda error: self.message.emit(describe_failure(error)),
            changes=family_changed(family_id),
        )

    def add_carer(self) -> None:
        def run(family_id: str, new: NewCarer) -> None:
            self._change(
                operations.add_carer(
                    family_id,
                    name=new.name,
                    relationship=new.relationship,
                    parental_responsibility=new.parental_responsibility,
                ),
                family_id,
                self.tr("Carer added."),
            )

        self._open_dialog(CarerDialog(self), run)

    def add_child(self) -> None:
        def run(family_id: str, new: NewChild) -> None:
            self._change(
                operations.add_child(
                    family_id,
                    name=new.name,
                    date_of_birth=new.date_of_birth,
                    nhs_number=new.nhs_number,
                ),
                family_id,
                self.tr("Child added."),
            )

        self._open_dialog(ChildDialog(self), run)

    def add_professional(self) -> None:
        def run(family_id: str, new: NewProfessional) -> None:
            self._change(
                operations.add_professional(
                    family_id,
                    name=new.name,
                    agency=new.agency,
                    role=new.role,
                    contact=new.contact,
                    lead=new.lead,
                ),
                family_id,
                self.tr("Professional added."),
            )

        self._open_dialog(ProfessionalDialog(self), run)

    # -- visits ------------------------------------------------------------------------

    def _new_visit(self) -> None:
        if self.detail is not None:
            self.new_visit.emit(self.detail)

    def _open_visit_at(self, index: QModelIndex) -> None:
        if self.detail is not None and index.isValid():
            visit: VisitView = self.visits_model.row_at(index.row())
            self.open_visit.emit(self.detail, visit)

    def _open_current_visit(self) -> None:
        self._open_visit_at(self.visits_table.currentIndex())

    def _open_visit_by_id(self, visit_id: str) -> None:
        visits = self.detail.visits if self.detail is not None else ()
        for visit in (v for v in visits if v.id == visit_id):
            self.open_visit.emit(self.detail, visit)

    # -- the chronology and its prompts -------------------------------------------------------

    def show_record(self, record_id: str) -> None:
        """Show a record's row in the chronology tab (a search result)."""
        self.tabs.setCurrentWidget(self.chronology)
        self.chronology.show_record(record_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)
