"""The family page's chronology tab: every significant event in date order, filtered by child,
theme and source, with the timeline picture (themes as lanes) above the table; adding another
agency's record by hand; and the recurring-theme prompt banner the family page shows above
its tabs, whose dismissals this tab saves.

Everything is loaded in one job on the DB worker whenever the family is (re)loaded; the
filters work on the loaded rows. Selecting a row marks its event on the timeline and moving
through the timeline selects the row, so the table is the picture's accessible equivalent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.views import FamilyDetail
from assessments.themes import default_catalogue
from ui import lived_operations
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.chronology_dialogs import AgencyEntryDialog
from ui.chronology_model import EVENT_ID_ROLE, ChronologyFilter, ChronologyModel
from ui.formatting import date_text
from ui.lived_operations import FamilyChronology, NewAgencyEntry
from ui.lived_wording import theme_name, tr
from ui.outcome_escalation import OutcomeEscalation
from ui.prompt_banner import PromptBanner
from ui.timeline_view import TimelineView
from ui.widgets import RecordTable, named_combo

LOAD_DELAY_MS = 250


def _choose(combo: QComboBox, data: object) -> None:
    found = combo.findData(data)
    combo.setCurrentIndex(max(found, 0))


class ChronologyTab(QWidget):
    loaded = Signal(object)  # FamilyChronology
    open_visit = Signal(str)  # visit id
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.detail: FamilyDetail | None = None
        self.chronology: FamilyChronology | None = None
        # Opening a family first lays out and paints its page; building the chronology and
        # its prompts is Python work on the worker that would compete with that paint for the
        # GIL, so it starts a moment later (the prompts still show within a fraction of a second).
        self._load_timer = QTimer(self, singleShot=True, interval=LOAD_DELAY_MS)
        self._load_timer.timeout.connect(self._load_now)
        self.dialog: AgencyEntryDialog | None = None
        self._pending_record: str | None = None  # to select once loaded (from a search)
        self.banner = PromptBanner()
        self.banner.dismissal_requested.connect(self._dismiss)
        self.banner.cited_activated.connect(self.show_event)
        self.model = ChronologyModel(self)
        self.filter = ChronologyFilter(self)
        self.filter.setSourceModel(self.model)
        self.child_filter = named_combo(tr("Show the records of"))
        self.theme_filter = named_combo(tr("Theme"))
        self.source_filter = named_combo(tr("Source"))
        self.child_filter.currentIndexChanged.connect(
            lambda: self._filter(self.filter.set_child, self.child_filter)
        )
        self.theme_filter.currentIndexChanged.connect(
            lambda: self._filter(self.filter.set_theme, self.theme_filter)
        )
        self.source_filter.currentIndexChanged.connect(
            lambda: self._filter(self.filter.set_source, self.source_filter)
        )
        self.table = RecordTable(tr("Chronology, oldest first"))
        self.table.setModel(self.filter)
        self.table.entered.connect(self._activate)
        self.table.doubleClicked.connect(self._activate)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.timeline = TimelineView()
        self.timeline.current_changed.connect(self._select_row_of)
        self.timeline.activated.connect(self._focus_row_of)
        self.add_button = QPushButton(tr("Add another &agency's record…"))
        self.add_button.clicked.connect(self.add_agency_entry)
        self.count = QLabel()
        self.count.setAccessibleName(tr("Rows shown"))
        filters = QHBoxLayout()
        for text, combo in (
            (tr("Sho&w:"), self.child_filter),
            (tr("T&heme:"), self.theme_filter),
            (tr("So&urce:"), self.source_filter),
        ):
            # As wide as the row allows, never wider than the window: names can be long.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        self.outcome_escalation = OutcomeEscalation(self, background)  # on outcome rows
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.outcome_escalation.button)
        bottom.addWidget(self.add_button)
        self._size_columns()
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._fill_filters()

    # -- loading ---------------------------------------------------------------------------

    def load(self, detail: FamilyDetail) -> None:
        self.detail = detail
        self._load_timer.start()

    def _load_now(self) -> None:
        if self.detail is None:
            return
        self._background.run(
            lived_operations.load_chronology(self.detail.id),
            success=self._show,
            failure=lambda error: self.message.emit(describe_failure(error)),
        )

    def _show(self, chronology: FamilyChronology) -> None:
        if not self._background.unlocked or self.detail is None:
            return
        if chronology.family_id != self.detail.id:
            return  # another family was opened meanwhile
        self.chronology = chronology
        self.banner.set_prompts(chronology.prompts, chronology.catalogue)
        current = self.table.currentIndex()
        kept = str(current.data(EVENT_ID_ROLE)) if current.isValid() else None
        self.model.set_chronology(chronology.rows, chronology.catalogue)
        self._fill_filters()
        self._refresh()
        self.table.scrollToBottom()  # the latest events first in sight
        pending, self._pending_record = self._pending_record, None
        row = self.model.row_of_record(pending) if pending is not None else -1
        if row >= 0:
            self.show_event(self.model.row_at(row).event_id)
        elif kept is not None:
            self._select_row_of(kept)  # the row that was selected before the reload
        self.loaded.emit(chronology)

    def _fill_filters(self) -> None:
        """Refill the filter lists, keeping what was chosen where it still exists."""
        catalogue = self.chronology.catalogue if self.chronology else default_catalogue()
        chosen = [c.currentData() for c in (self.child_filter, self.theme_filter)]
        source = self.source_filter.currentData()
        for combo in (self.child_filter, self.theme_filter, self.source_filter):
            combo.blockSignals(True)
            combo.clear()
        self.child_filter.addItem(tr("Every child and the whole family"), None)
        for child in self.detail.children if self.detail else ():
            self.child_filter.addItem(
                tr("%1 (and the whole family)").replace("%1", child.name), child.id
            )
        self.theme_filter.addItem(tr("Every theme"), None)
        for theme_id in catalogue.ids():
            self.theme_filter.addItem(theme_name(catalogue, theme_id), theme_id)
        self.source_filter.addItem(tr("Every source"), None)
        for text in self.model.sources():
            self.source_filter.addItem(text, text)
        _choose(self.child_filter, chosen[0])
        _choose(self.theme_filter, chosen[1])
        _choose(self.source_filter, source)
        for combo in (self.child_filter, self.theme_filter, self.source_filter):
            combo.blockSignals(False)
        self.filter.set_all(
            self.child_filter.currentData(),
            self.theme_filter.currentData(),
            self.source_filter.currentData(),
        )

    def clear(self) -> None:
        """Forget the family (on lock)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self._load_timer.stop()
        self.detail = self.chronology = None
        self._pending_record = None
        self.model.clear()
        self.banner.clear()
        self.timeline.clear()
        self._fill_filters()
        self.count.clear()

    # -- filtering and moving between table and timeline --------------------------------------

    def _filter(self, apply: Callable[[Any], None], combo: QComboBox) -> None:
        apply(combo.currentData())
        self._refresh()

    def _refresh(self) -> None:
        catalogue = self.model.catalogue
        self.timeline.set_rows(self.filter.visible_rows(), catalogue)
        self._fit_timeline()
        self.count.setText(
            tr("%1 of %2 events shown")
            .replace("%1", str(self.filter.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def _size_columns(self) -> None:
        """Widths from the font, not from measuring every row; the event takes what is left."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        em = self.fontMetrics().horizontalAdvance("M")
        widths = {
            ChronologyModel.CHILD: 9,
            ChronologyModel.SOURCE: 11,
            ChronologyModel.IMPACT: 13,
            ChronologyModel.OUTCOME: 11,
            ChronologyModel.THEMES: 13,
        }
        for column, ems in widths.items():
            header.resizeSection(column, ems * em)
        widest_date = self.fontMetrics().horizontalAdvance(date_text(date(2026, 12, 28)))
        header.resizeSection(ChronologyModel.DATE, widest_date + 2 * em)
        header.setSectionResizeMode(ChronologyModel.EVENT, QHeaderView.ResizeMode.Stretch)

    def _fit_timeline(self) -> None:
        """The picture as tall as its lanes need, up to half the tab; the table has the rest."""
        total = sum(self.splitter.sizes())
        wanted = self.timeline.sizeHint().height()
        if total > 0:
            top = min(wanted, total // 2)
            self.splitter.setSizes([top, total - top])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_timeline()

    def _row_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.timeline.select_event(str(indexes[0].data(EVENT_ID_ROLE)))

    def _proxy_index_of(self, event_id: str) -> QModelIndex:
        row = self.model.row_of(event_id)
        if row < 0:
            return QModelIndex()
        return self.filter.mapFromSource(self.model.index(row, 0))

    def _select_row_of(self, event_id: str) -> None:
        index = self._proxy_index_of(event_id)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _focus_row_of(self, event_id: str) -> None:
        self._select_row_of(event_id)
        self.table.setFocus()

    def show_event(self, event_id: str) -> None:
        """Show one row (a prompt's cited record): every filter off, the row selected."""
        for combo in (self.child_filter, self.theme_filter, self.source_filter):
            combo.setCurrentIndex(0)
        self._focus_row_of(event_id)

    def show_record(self, record_id: str) -> None:
        """Select the row of a record (a search result): now if it is shown, and again after
        the reload that opening its family brings."""
        self._pending_record = record_id
        row = self.model.row_of_record(record_id)
        if row >= 0:
            self.show_event(self.model.row_at(row).event_id)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(self.filter.mapToSource(index).row())
        if row.kind == "visit":
            self.open_visit.emit(row.record_id)

    # -- changes -------------------------------------------------------------------------------

    def add_agency_entry(self) -> None:
        if self.detail is None or self.dialog is not None:
            return
        family_id = self.detail.id
        catalogue = self.chronology.catalogue if self.chronology else default_catalogue()
        self.dialog = AgencyEntryDialog(self.detail, catalogue, self)
        self.dialog.submitted.connect(lambda entry: self._add(family_id, entry))
        self.dialog.finished.connect(self._dialog_finished)
        self.dialog.open()

    def _dialog_finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back
        self.add_button.setFocus()

    def _add(self, family_id: str, entry: NewAgencyEntry) -> None:
        self._background.run(
            lived_operations.add_agency_entry(family_id, entry),
            success=lambda _row: self.message.emit(tr("Other agency's record added.")),
            failure=lambda error: self.message.emit(describe_failure(error)),
            changes=family_changed(family_id, caseload=False),
        )

    def _dismiss(self, key: str, reason: str) -> None:
        if self.detail is None:
            return
        family_id = self.detail.id
        self._background.run(
            lived_operations.dismiss_prompt(family_id, key, reason),
            success=lambda _none: self.message.emit(tr("Prompt dismissed; your reason is kept.")),
            failure=lambda error: self.message.emit(describe_failure(error)),
            changes=family_changed(family_id, caseload=False),
        )
