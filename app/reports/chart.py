"""The GCP2 profile chart as a reportlab flowable: one horizontal bar per sub-area, grouped by
area, the bar's length and number giving the grade (1 best, 5 worst).

Made to survive a black-and-white printer: a grade is told by three things at once, none of
them colour alone: the number printed on the bar, the bar's length, and a fill whose lightness
falls steadily from grade 1 to grade 5 (a single-hue yellow-to-brown ramp, readable with any
colour vision and as five distinct greys). On a re-grade the earlier grade ("before") is a
hatched bar above the solid "now" bar, so the two differ by pattern, not by colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.reports.data import ChartRow
from app.reports.fonts import BOLD, ITALIC, REGULAR
from assessments import gcp2

# Grade 1 to 5: ColorBrewer YlOrBr. Grey levels ~98%, 86%, 67%, 48%, 30%: each step visible.
GRADE_FILLS = ("#FFFFD4", "#FED98E", "#FE9929", "#D95F0E", "#993404")
WHITE_NUMBER_GRADES = (5,)  # the darkest fill takes a white number; the rest black
_GRID = colors.HexColor("#9A9A9A")


def grey_level(hex_colour: str) -> float:
    """Lightness a greyscale printer gives a colour (ITU-R BT.601 luma, 0 black to 1 white)."""
    c = colors.HexColor(hex_colour)
    return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue


class ProfileChart(Flowable):
    """`rows` in chart order; `compare` draws each row's `baseline` above its grade."""

    def __init__(self, rows: Sequence[ChartRow], *, large: bool, compare: bool = False,
                 before_label: str = "Before", now_label: str = "Now") -> None:
        super().__init__()
        self.rows = tuple(rows)
        self.large = large
        self.compare = compare
        self.before_label = before_label
        self.now_label = now_label
        self.font_size = 12.0 if large else 8.5
        self.bar = 15.0 if large else 9.5
        self.row_height = (2 * self.bar + 6) if compare else self.bar + (8 if large else 5)
        self.area_height = self.font_size * 1.8
        self.axis_height = self.font_size * 1.8
        self.legend_height = self.font_size * (4.2 if compare else 2.6)

    def _areas(self) -> list[tuple[gcp2.Area, list[ChartRow]]]:
        return [(a, [r for r in self.rows if r.area_id == a.id]) for a in gcp2.AREAS
                if any(r.area_id == a.id for r in self.rows)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        groups = self._areas()
        self.height = (self.axis_height + self.legend_height
                       + sum(self.area_height + len(rows) * self.row_height for _, rows in groups))
        return self.width, self.height

    # -- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        size = self.font_size
        names = [stringWidth(r.name, REGULAR, size) + size for r in self.rows]
        areas = [stringWidth(f"{a.letter} {a.name}", BOLD, size) for a, _ in self._areas()]
        left = max(names + areas, default=0) + size * 0.6  # labels never run into the bars
        unit = (self.width - left - size) / 5  # one grade's length
        top = self.height - self.axis_height
        body_bottom = self.legend_height
        canv.saveState()
        # Grade lines and their numbers along the top.
        canv.setStrokeColor(_GRID)
        canv.setLineWidth(0.4)
        canv.setDash(1, 2)
        canv.setFont(BOLD, size)
        canv.setFillColor(colors.black)
        for grade in range(1, 6):
            x = left + grade * unit
            canv.line(x, body_bottom, x, top)
            canv.drawCentredString(x - unit / 2, top + size * 0.5, str(grade))
        canv.setDash()
        canv.line(left, body_bottom, left, top)
        y = top
        for area, rows in self._areas():
            y -= self.area_height
            canv.setFont(BOLD, size)
            canv.setFillColor(colors.black)
            canv.drawString(0, y + size * 0.5, f"{area.letter} {area.name}")
            for row in rows:
                y -= self.row_height
                self._row(row, y, left, unit)
        self._legend(left)
        canv.restoreState()

    def _row(self, row: ChartRow, y: float, left: float, unit: float) -> None:
        canv, size = self.canv, self.font_size
        canv.setFont(REGULAR, size)
        canv.setFillColor(colors.black)
        canv.drawString(size, y + self.row_height / 2 - size * 0.35, row.name)
        if self.compare:
            self._bar(row.baseline, left, y + self.bar + 4, unit, hatched=True)
            self._bar(row.grade, left, y + 2, unit, hatched=False)
        else:
            self._bar(row.grade, left, y + (self.row_height - self.bar) / 2, unit, hatched=False)

    def _bar(self, grade: int | None, left: float, y: float, unit: float, *, hatched: bool) -> None:
        canv, size = self.canv, self.font_size
        if grade is None:
            canv.setFont(ITALIC, size * 0.9)
            canv.setFillColor(colors.black)
            canv.drawString(left + 4, y + self.bar / 2 - size * 0.3, "not graded")
            return
        length = grade * unit
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.7)
        canv.setFillColor(colors.HexColor(GRADE_FILLS[grade - 1]))
        canv.rect(left, y, length, self.bar, stroke=1, fill=1)
        if hatched:
            self._hatch(left, y, length, self.bar)
        number = str(grade)
        number_size = min(size, self.bar * 0.9)
        canv.setFont(BOLD, number_size)
        x = left + length - number_size * 0.4
        if hatched:  # a white patch so the hatching never runs through the number
            w = stringWidth(number, BOLD, number_size) + 4
            canv.setFillColor(colors.white)
            canv.rect(x - w + 2, y + 1.5, w, self.bar - 3, stroke=0, fill=1)
        white = grade in WHITE_NUMBER_GRADES and not hatched
        canv.setFillColor(colors.white if white else colors.black)
        canv.drawRightString(x, y + (self.bar - number_size * 0.7) / 2, number)

    def _hatch(self, x: float, y: float, width: float, height: float) -> None:
        canv = self.canv
        canv.saveState()
        path = canv.beginPath()
        path.rect(x, y, width, height)
        canv.clipPath(path, stroke=0, fill=0)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.6)
        step = 3.5
        offset = -height
        while offset < width:
            canv.line(x + offset, y, x + offset + height, y + height)
            offset += step
        canv.restoreState()

    def _legend(self, left: float) -> None:
        canv, size = self.canv, self.font_size
        box = size * 1.2
        y = self.legend_height - size * 2.0
        x = 0.0
        canv.setFont(REGULAR, size)
        for grade in range(1, 6):
            canv.setStrokeColor(colors.black)
            canv.setFillColor(colors.HexColor(GRADE_FILLS[grade - 1]))
            canv.rect(x, y, box * 1.6, box, stroke=1, fill=1)
            canv.setFillColor(colors.white if grade in WHITE_NUMBER_GRADES else colors.black)
            canv.setFont(BOLD, size)
            canv.drawCentredString(x + box * 0.8, y + box * 0.25, str(grade))
            words = {1: "best", 5: "worst"}.get(grade, "")
            canv.setFillColor(colors.black)
            canv.setFont(REGULAR, size)
            canv.drawString(x + box * 1.6 + 3, y + box * 0.25, words)
            x += box * 1.6 + 6 + stringWidth(words, REGULAR, size) + size
        if self.compare:
            y -= box + size * 0.8
            canv.setFillColor(colors.HexColor(GRADE_FILLS[2]))
            canv.rect(0, y, box * 2, box, stroke=1, fill=1)
            self._hatch(0, y, box * 2, box)
            canv.setFillColor(colors.black)
            canv.drawString(box * 2 + 4, y + box * 0.25, self.before_label)
            x = box * 2 + 4 + stringWidth(self.before_label, REGULAR, size) + size * 2
            canv.setFillColor(colors.HexColor(GRADE_FILLS[2]))
            canv.rect(x, y, box * 2, box, stroke=1, fill=1)
            canv.setFillColor(colors.black)
            canv.drawString(x + box * 2 + 4, y + box * 0.25, self.now_label)
