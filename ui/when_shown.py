"""Reading a tab's records only while it is in sight.

Opening a family must stay quick, so a tab the practitioner has not opened reads nothing: asked
to read, it does so at once if shown, otherwise the next time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReadWhenShown(QObject):
    """Runs `read` when asked, or, for a hidden widget, the next time it is shown."""

    def __init__(self, widget: QWidget, read: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._read = read
        self.pending = False  # asked for while hidden
        widget.installEventFilter(self)

    def request(self) -> None:
        self.pending = True
        if self._widget.isVisible():
            self._run()

    def cancel(self) -> None:
        self.pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.pending:
            self._run()
        return False

    def _run(self) -> None:
        self.pending = False
        self._read()
