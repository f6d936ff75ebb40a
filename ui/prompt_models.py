"""List models of the recurring-theme prompts and of the chronology rows a prompt cites.

Filled with the service's frozen `PromptView`s; the texts come from `ui.lived_wording`. Tested
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.chronology_views import ChronologyRow, PromptView
from assessments.themes import ThemeCatalogue, default_catalogue
from ui.lived_wording import cited_line, prompt_summary, tr

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a prompt's key; a cited row's event id
_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
)


class PromptsModel(QAbstractListModel):
    """The prompts raised for a family, in the rules' order, one line each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prompts: list[PromptView] = []
        self._texts: list[str] = []

    def set_prompts(self, prompts: Sequence[PromptView], catalogue: ThemeCatalogue) -> None:
        self.beginResetModel()
        self._prompts = list(prompts)
        self._texts = [prompt_summary(p, catalogue) for p in self._prompts]
        self.endResetModel()

    def clear(self) -> None:
        self.set_prompts([], default_catalogue())

    def prompt_at(self, row: int) -> PromptView:
        return self._prompts[row]

    def row_of(self, key: str) -> int:
        return next((n for n, p in enumerate(self._prompts) if p.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._prompts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1  # callable without an index, like a table's

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr("Recurring-theme prompts")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._prompts):
            return None
        if role in _TEXT_ROLES:
            return self._texts[index.row()]
        if role == KEY_ROLE:
            return self._prompts[index.row()].key
        return None


class CitedModel(QAbstractListModel):
    """The chronology rows one prompt cites, in date order: the evidence behind it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ChronologyRow] = []
        self._texts: list[str] = []

    def set_prompt(self, prompt: PromptView | None, catalogue: ThemeCatalogue) -> None:
        self.beginResetModel()
        self._rows = list(prompt.cited) if prompt is not None else []
        self._texts = [cited_line(row, catalogue) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> ChronologyRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr("Records behind the prompt")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in _TEXT_ROLES:
            return self._texts[index.row()]
        if role == KEY_ROLE:
            return self._rows[index.row()].event_id
        return None
