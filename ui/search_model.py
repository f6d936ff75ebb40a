"""Search results as a Qt table (family, kind of record, matching passage), and the delegate
that draws the passage with the matched words in bold.

Filled with `ui.lived_operations.FoundNote`s, best match first. The service marks matches with
`[[`…`]]`; the model shows the passage without the marks (also to screen readers) and hands the
delegate an HTML version with every other character escaped, so note text can never be taken
for markup. Tested without a window.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.services.search import HIGHLIGHT_END, HIGHLIGHT_START
from ui.lived_operations import FoundNote
from ui.lived_wording import kind_name, tr

Index = QModelIndex | QPersistentModelIndex
FAMILY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
_DISPLAY = Qt.ItemDataRole.DisplayRole


def plain_snippet(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


def html_snippet(snippet: str) -> str:
    """The passage as HTML: matched words in <b>, everything else escaped."""
    parts: list[str] = []
    rest = " ".join(snippet.split())
    while HIGHLIGHT_START in rest:
        before, _, after = rest.partition(HIGHLIGHT_START)
        match, _, rest = after.partition(HIGHLIGHT_END)
        parts.append(html.escape(before))
        parts.append(f"<b>{html.escape(match)}</b>")
    parts.append(html.escape(rest))
    return "".join(parts)


class SearchResultsModel(QAbstractTableModel):
    FAMILY, KIND, PASSAGE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._found: list[FoundNote] = []

    def set_results(self, found: Sequence[FoundNote]) -> None:
        self.beginResetModel()
        self._found = list(found)
        self.endResetModel()

    def clear(self) -> None:
        self.set_results([])

    def found_at(self, row: int) -> FoundNote:
        return self._found[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._found)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            names = [tr("Family"), tr("Record"), tr("Where the words are found")]
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._found):
            return None
        found = self._found[index.row()]
        column = index.column()
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.FAMILY:
                return found.family_name
            if column == self.KIND:
                return kind_name(found.hit.record_kind)
            return plain_snippet(found.hit.snippet)
        if role == HTML_ROLE and column == self.PASSAGE:
            return html_snippet(found.hit.snippet)
        if role == FAMILY_ID_ROLE:
            return found.hit.family_id
        if role == RECORD_ID_ROLE:
            return found.hit.record_id
        return None


class SnippetDelegate(QStyledItemDelegate):
    """Draws a cell's HTML_ROLE text (bold matches) in the palette's colours."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text, option.text = option.text, ""  # background, focus and selection from the style
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(str(markup))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        rect = option.rect
        top = max(0.0, (rect.height() - document.size().height()) / 2)  # centred like the rest
        painter.translate(rect.left(), rect.top() + top)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
        option.text = text
