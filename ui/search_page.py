"""The search page: every note and entry, searched as you type (on the DB worker, through the
encrypted full-text index), results best first with the matched words in bold.

Keyboard: the box has focus on arrival; Down or Enter moves to the results; Enter on a result
opens its family at that record in the chronology; Esc goes back. A search is queued a moment
after the last keystroke, and an answer that arrives after a newer search was queued is
dropped, so the list always matches the box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import lived_operations
from ui.background import Background, describe_failure
from ui.lived_operations import FoundNote
from ui.lived_wording import tr
from ui.search_model import SearchResultsModel, SnippetDelegate
from ui.widgets import RecordTable

TYPING_PAUSE_MS = 250
SHORTCUT = "Ctrl+Shift+N"


class SearchBox(QLineEdit):
    """Down moves to the results (as in a browser's address bar)."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    open_record = Signal(str, str, str)  # family id, record kind, record id
    back = Signal()
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._asked = 0  # number of the newest search queued
        self._answered = 0  # number of the search the list shows
        self._go_to_results = False  # Enter was pressed before the answer came
        self.model = SearchResultsModel(self)
        title = QLabel(tr("Search every note and entry"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.query = SearchBox()
        self.query.setAccessibleName(tr("Search notes and entries"))
        self.query.setPlaceholderText(
            tr("Words from visit notes, day-in-the-life entries or other agencies' records")
        )
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._typed)
        self.query.returnPressed.connect(self._to_results)
        self.query.down.connect(self._to_results)
        label = QLabel(tr("&Search for:"))
        label.setBuddy(self.query)
        self.status = QLabel()
        self.status.setAccessibleName(tr("Search status"))
        self.table = RecordTable(tr("Search results"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(SearchResultsModel.PASSAGE, SnippetDelegate(self))
        self.table.entered.connect(self._open_at)
        self.table.doubleClicked.connect(self._open_at)
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.horizontalHeader().resizeSection(SearchResultsModel.FAMILY, 14 * em)
        self.table.horizontalHeader().resizeSection(SearchResultsModel.KIND, 10 * em)
        back = QPushButton(tr("← &Back"))
        back.setAccessibleName(tr("Back"))
        back.setToolTip(tr("Back to where you were (Esc)"))
        back.clicked.connect(self.back)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(title, 1)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.query, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def start(self, text: str = "") -> None:
        """Arrive on the page: the box focused, with `text` (if given) searched at once."""
        if text:
            self.query.setText(text)
            self.search_now()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def clear(self) -> None:
        """Forget the query and results (on lock)."""
        self._timer.stop()
        self._asked += 1  # any answer still on its way is dropped
        self._answered, self._go_to_results = self._asked, False
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self.model.clear()
        self.status.clear()

    def _typed(self) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        self._asked += 1
        number, text = self._asked, self.query.text()
        if not text.strip():
            self._answered = number
            self.model.clear()
            self.status.clear()
            return
        self.status.setText(tr("Searching…"))
        self._background.run(
            lived_operations.search_notes(text),
            success=lambda found: self._show(number, found),
            failure=lambda error: self._failed(number, error),
        )

    def _show(self, number: int, found: tuple[FoundNote, ...]) -> None:
        if number != self._asked or not self._background.unlocked:
            return  # a newer search is on its way, or the app locked meanwhile
        self._answered = number
        self.model.set_results(found)
        if found:
            self.status.setText(
                QCoreApplication.translate(
                    "LivedWording", "%n record(s) found, best match first.", None, len(found)
                )
            )
        else:
            self.status.setText(tr("Nothing found. Try fewer or shorter words."))
        if self._go_to_results:
            self._go_to_results = False
            self._to_results()

    def _failed(self, number: int, error: Exception) -> None:
        if number == self._asked:
            self._answered, self._go_to_results = number, False
            self.status.setText(describe_failure(error))

    def _to_results(self) -> None:
        if self._timer.isActive():
            self.search_now()
        if self._answered != self._asked:
            self._go_to_results = True  # moved there when the answer arrives
            return
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _open_at(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.found_at(index.row()).hit
            self.open_record.emit(hit.family_id, hit.record_kind, hit.record_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)
