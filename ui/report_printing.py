"""Printing a report PDF that is held in memory: each page rendered by QtPdf and painted onto
the QPrinter. No file is involved at any point (the bytes go QByteArray -> QBuffer -> QtPdf).

QtPdf renders pages as images, so a printed page would carry no text; under each page image we
also paint the page's text, line by line where QtPdf found it, then cover it with white and
the image. Paper shows only the image; a PDF the print system makes (a "print to PDF" printer,
or Qt's own PDF output in the tests) stays searchable and readable by screen readers.

Runs on the database worker (a QThread): Qt allows painting on a QPrinter outside the GUI
thread, and rendering takes about 50 ms a page at 300 dpi, too long for the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.errors import HomeVisitError

PRINT_DPI = 300  # sharp 8-pt text on paper, about 35 MB of pixels a page while it prints


class PrintFailed(HomeVisitError):
    """The printer could not be started or the report could not be read back."""


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes (the buffer must outlive the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed("the report could not be prepared for printing")
    return document, buffer


def _pages(printer: QPrinter, count: int) -> range:
    first, last = printer.fromPage(), printer.toPage()  # 1-based; 0 means every page
    if first <= 0 or last <= 0:
        return range(count)
    return range(max(first, 1) - 1, min(last, count))


def _text_layer(painter: QPainter, document: QPdfDocument, page: int, target: QRectF,
                scale: float) -> None:
    text = document.getAllText(page).text()
    start = 0
    font = QFont("Sans Serif")
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)  # "fi", not a ligature glyph
    for line in text.split("\r\n"):
        if line.strip():
            box = document.getSelectionAtIndex(page, start, len(line)).boundingRectangle()
            if box.width() > 0 and box.height() > 0:
                font.setPixelSize(max(1, round(box.height() * scale * 0.8)))
                metrics = QFontMetricsF(font)
                painter.save()
                painter.setFont(font)
                painter.translate(QPointF(target.left() + box.left() * scale,
                                          target.top() + box.bottom() * scale))
                advance = metrics.horizontalAdvance(line)
                if advance > 0:
                    painter.scale(box.width() * scale / advance, 1.0)
                painter.drawText(QPointF(0, -metrics.descent()), line)
                painter.restore()
        start += len(line) + 2


def print_pdf(pdf: bytes, printer: QPrinter, *, dpi: int = PRINT_DPI) -> int:
    """Print every page (or the range chosen in the print dialog); returns pages printed."""
    document, buffer = open_pdf(pdf)
    printer.setFullPage(True)  # the report has its own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be started; check it is connected and try again")
    printed = 0
    try:
        paper = QRectF(painter.viewport())
        for page in _pages(printer, document.pageCount()):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            target.moveCenter(paper.center())
            painter.setPen(QColor("#ffffff"))
            _text_layer(painter, document, page, target, scale)
            painter.fillRect(target, Qt.GlobalColor.white)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            painter.drawImage(target, document.render(page, pixels))
            printed += 1
    finally:
        painter.end()
        document.close()
        buffer.close()
    return printed
