""""Disagree and escalate…" on the family chronology: when the selected row is a decision the
Family Connect front door sent back (a triage outcome), the practitioner who disagrees with it
raises an escalation straight from it.

The escalation form is the one a recurring-theme prompt opens (`ui.escalation_dialog`),
prefilled from the outcome: what the front door decided, its reference and note, which child,
and with whom (the organisation the summary went to). It is saved as raised from that outcome
(`RaisedFrom("outcome", id)`), so the record shows which decision was disputed; the service
refuses an outcome that does not answer a share of this family.

Attaches to a `ChronologyTab` from outside (the tab only places the button): it follows the
table's current row, offers the button and a context-menu action only for an outcome row, and
closes its form when the tab forgets the family (on lock). The GUI thread never touches the
database: the save is a job on the DB worker whose typed changes reload the family, so the new
escalation appears on the chronology and the caseload's overdue count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QPushButton, QWidget

from app.services import escalations
from app.services.chronology_views import ChronologyRow
from app.services.plans_views import EscalationView, RaisedFrom
from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue, default_catalogue
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.escalation_dialog import EscalationDialog
from ui.formatting import date_text
from ui.lived_wording import tr  # bare tr(): lupdate files these under the empty context
from ui.operations import Job, changing
from ui.plan_operations import NewEscalation

if TYPE_CHECKING:
    from ui.chronology_page import ChronologyTab

FRONT_DOOR_OUTCOME = "front_door_outcome"  # its chronology row kind (sharing_chronology)


def is_front_door_outcome(row: ChronologyRow | None) -> bool:
    return row is not None and row.kind == FRONT_DOOR_OUTCOME


def outcome_summary(row: ChronologyRow) -> str:
    """What the escalation is about, to start from: the decision, its date and its note."""
    text = tr("%1, on %2.").replace("%1", row.event).replace("%2", date_text(row.date))
    if row.outcome:
        text += " " + tr("Their note: %1").replace("%1", row.outcome)
    return text + "\n" + tr("I disagree because: ")


class OutcomeEscalationDialog(EscalationDialog):
    """The escalation form, prefilled from a front-door outcome."""

    def __init__(self, detail: FamilyDetail, outcome: ChronologyRow, catalogue: ThemeCatalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, None, catalogue, parent)
        self.setWindowTitle(tr("Disagree with the front door's decision and escalate"))
        self.outcome_id = outcome.record_id
        self.about.setPlainText(outcome_summary(outcome))
        self.about.moveCursor(QTextCursor.MoveOperation.End)  # ready for the reasons
        self.with_whom.setText(outcome.source)  # the organisation whose front door decided
        found = self.child.findData(outcome.child_id) if outcome.child_id is not None else -1
        if found >= 0:
            self.child.setCurrentIndex(found)
        self.about.setFocus()


def raise_from_outcome(family_id: str, outcome_id: str, new: NewEscalation) -> Job[EscalationView]:
    return changing(lambda uow, actor: escalations.raise_escalation(
        uow, actor, family_id, about=new.about, with_whom=new.with_whom, child_id=new.child_id,
        raised_from=RaisedFrom("outcome", outcome_id), contact=new.contact))


class OutcomeEscalation(QObject):
    """The chronology tab's "Disagree and escalate…" button and context-menu action."""

    def __init__(self, tab: ChronologyTab, background: Background) -> None:
        super().__init__(tab)
        self._tab = tab
        self._background = background
        self.dialog: OutcomeEscalationDialog | None = None
        self.button = QPushButton(tr("Di&sagree and escalate…"))
        self.button.setToolTip(tr("Raise an escalation about the selected front-door decision"))
        self.button.clicked.connect(self.escalate)
        self.action = QAction(tr("Disagree and escalate…"), tab.table)
        self.action.triggered.connect(self.escalate)
        tab.table.addAction(self.action)
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tab.table.selectionModel().currentChanged.connect(self._follow)
        tab.model.modelReset.connect(self._reloaded)
        self._reloaded()

    def selected_outcome(self) -> ChronologyRow | None:
        index = self._tab.table.currentIndex()
        if not index.isValid():
            return None
        row = self._tab.model.row_at(self._tab.filter.mapToSource(index).row())
        return row if is_front_door_outcome(row) else None

    def _follow(self, _current: QModelIndex | None = None, _previous: QModelIndex | None = None
                ) -> None:
        """Offered only while an outcome row is current."""
        chosen = self.selected_outcome() is not None
        self.button.setEnabled(chosen)
        self.action.setEnabled(chosen)
        self.action.setVisible(chosen)

    def _reloaded(self) -> None:
        """New rows: the button is there while the family has any outcome (once per load, not
        on every move through thousands of rows)."""
        has_outcomes = any(is_front_door_outcome(r) for r in self._tab.model.rows)
        if not has_outcomes or self.button.parentWidget() is not None:
            self.button.setVisible(has_outcomes)  # never shown as a window of its own
        self._follow()
        if self._tab.detail is None and self.dialog is not None:
            self.dialog.close()  # locked: the form quoting the family's record goes too

    def escalate(self) -> None:
        outcome = self.selected_outcome()
        detail = self._tab.detail
        if outcome is None or detail is None or self.dialog is not None:
            return
        shown = self._tab.chronology
        catalogue = shown.catalogue if shown is not None else default_catalogue()
        dialog = OutcomeEscalationDialog(detail, outcome, catalogue, self._tab)
        self.dialog = dialog
        family_id, outcome_id = detail.id, outcome.record_id
        dialog.submitted.connect(lambda new: self._save(family_id, outcome_id, new))
        dialog.finished.connect(self._finished)
        dialog.open()

    def _finished(self) -> None:
        self.dialog = None
        self._tab.window().activateWindow()  # not every platform hands activation back
        self._tab.table.setFocus()

    def _save(self, family_id: str, outcome_id: str, new: NewEscalation) -> None:
        self._background.run(
            raise_from_outcome(family_id, outcome_id, new),
            success=lambda view: self._tab.message.emit(
                tr("Escalation raised with %1; response due %2.")
                .replace("%1", view.with_whom)
                .replace("%2", date_text(view.current.response_due))
            ),
            failure=lambda error: self._tab.message.emit(describe_failure(error)),
            changes=family_changed(family_id, caseload=True),
        )
