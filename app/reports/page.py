"""The page template both reports share, and turning a story of flowables into PDF bytes.

Every page carries, at top and bottom, the OFFICIAL-SENSITIVE marking (the government marking
for personal safeguarding information, placed top and bottom as the scheme asks), the child's
name and date of birth, "Page x of y", and the record fingerprint, so a page that comes loose
from a printed report can still be matched to its child and its record version. The
practitioner report adds an audit line (who generated it, when, from which record).

The PDF is built in memory (`io.BytesIO`): nothing is written to disk here, ever. Page totals
need the whole document first, so pages are kept until the end and marked then (reportlab's
usual "page x of y" pattern).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from app.reports.data import OFFICIAL_SENSITIVE, PageMarking
from app.reports.fingerprint import short_fingerprint
from app.reports.fonts import BOLD, REGULAR, register_fonts
from app.reports.styles import MUTED, RULE, long_date

PAGE_WIDTH, PAGE_HEIGHT = A4
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 27 * mm
BOTTOM_MARGIN = 27 * mm
FRAME_PADDING = 6  # reportlab's default frame padding, inside the margins
CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN - 2 * FRAME_PADDING  # what a flowable may fill


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    pages: int


def page_label(page: int, total: int) -> str:
    return f"Page {page} of {total}"


def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """`text` at the largest size up to `size` (at least 6 pt) that fits `width`, cut short
    with "…" if even that is too wide: long names shrink, never overlap the date of birth."""
    needed = stringWidth(text, font, size)
    if needed <= width:
        return text, size
    smaller = max(6.0, size * width / needed)
    if stringWidth(text, font, smaller) <= width:
        return text, smaller
    while text and stringWidth(text + "…", font, smaller) > width:
        text = text[:-1]
    return text.rstrip() + "…", smaller


def _draw_marks(canv: Canvas, marking: PageMarking, page: int, total: int, large: bool) -> None:
    size = 11.0 if large else 9.0
    left, right = SIDE_MARGIN + FRAME_PADDING, PAGE_WIDTH - SIDE_MARGIN - FRAME_PADDING
    canv.saveState()
    canv.setFillColor(MUTED)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    # Top: marking, then name (left) and date of birth (right), then a rule.
    canv.setFont(BOLD, size)
    canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 11 * mm, OFFICIAL_SENSITIVE)
    born = f"Date of birth {long_date(marking.date_of_birth)}"
    canv.setFont(REGULAR, size)
    canv.drawRightString(right, PAGE_HEIGHT - 18 * mm, born)
    room = CONTENT_WIDTH - stringWidth(born, REGULAR, size) - 6 * mm
    name, name_size = _fit(marking.child_name, BOLD, size, room)
    canv.setFont(BOLD, name_size)
    canv.drawString(left, PAGE_HEIGHT - 18 * mm, name)
    canv.line(left, PAGE_HEIGHT - 21 * mm, right, PAGE_HEIGHT - 21 * mm)
    # Bottom: a rule, fingerprint (left) and page (right), the audit line, the marking.
    canv.line(left, 22 * mm, right, 22 * mm)
    canv.setFont(REGULAR, size)
    canv.drawString(left, 17 * mm, f"Record fingerprint {short_fingerprint(marking.fingerprint)}")
    canv.setFont(BOLD, size)
    canv.drawRightString(right, 17 * mm, page_label(page, total))
    if marking.audit_line:
        line, line_size = _fit(marking.audit_line, REGULAR, size - 1.5, CONTENT_WIDTH)
        canv.setFont(REGULAR, line_size)
        canv.drawString(left, 12.5 * mm, line)
    canv.setFont(BOLD, size)
    canv.drawCentredString(PAGE_WIDTH / 2, 7 * mm, OFFICIAL_SENSITIVE)
    canv.restoreState()


def _marked_canvas(marking: PageMarking, large: bool, counted: list[int]) -> type[Canvas]:
    class MarkedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._kept)
            for state in self._kept:
                self.__dict__.update(state)
                _draw_marks(self, marking, self._pageNumber, total, large)
                Canvas.showPage(self)
            counted.append(total)
            Canvas.save(self)

    return MarkedCanvas


def build_pdf(story: Sequence[Flowable], marking: PageMarking, *, title: str,
              large: bool) -> RenderedReport:
    """The story laid out on A4 with the page template; `title` goes into the PDF's
    properties and must not name the child (file browsers show it)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=SIDE_MARGIN, rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=title, author="HomeVisit",
        creator="HomeVisit", subject=OFFICIAL_SENSITIVE,
    )
    counted: list[int] = []
    doc.build(list(story), canvasmaker=_marked_canvas(marking, large, counted))
    return RenderedReport(buffer.getvalue(), counted[-1])
