"""Type sizes and paragraph styles of the two reports, and the one way record text enters a
paragraph (escaped, so a "<" typed in evidence is text, not reportlab markup).

The parent report is set large (14 pt body, headings from 18 pt), following clear-print
guidance for readers who may have low vision or find reading hard; the practitioner report is
dense (9.5 pt) because it carries the whole record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from app.reports.fonts import BOLD, REGULAR, register_fonts

INK = colors.black
MUTED = colors.HexColor("#404040")  # dark enough to print clearly on any laser printer
RULE = colors.HexColor("#808080")
SHADE = colors.HexColor("#E6E6E6")  # table header shading, light in colour and in grey


@dataclass(frozen=True)
class ReportStyles:
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle  # bold body
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    body_size: float


def _style(name: str, size: float, *, bold: bool = False, leading: float = 1.3,
           before: float = 0, after: float = 0, colour: colors.Color = INK) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=BOLD if bold else REGULAR, fontSize=size, leading=size * leading,
        spaceBefore=before, spaceAfter=after, textColor=colour,
    )


def _bullet(style: ParagraphStyle) -> ParagraphStyle:
    style.leftIndent = style.fontSize * 1.4
    style.bulletIndent = style.fontSize * 0.3
    return style


@cache
def report_styles(large: bool) -> ReportStyles:
    """`large`: the parent report's sizes; else the practitioner report's."""
    register_fonts()
    if large:
        return ReportStyles(
            title=_style("title", 24, bold=True, leading=1.2, after=6),
            heading=_style("heading", 18, bold=True, leading=1.25, before=14, after=6),
            subheading=_style("subheading", 15, bold=True, before=8, after=3),
            body=_style("body", 14, leading=1.4, after=5),
            label=_style("label", 14, bold=True, leading=1.4),
            bullet=_bullet(_style("bullet", 14, leading=1.4, after=2)),
            cell=_style("cell", 13, leading=1.35),
            cell_head=_style("cell_head", 13, bold=True, leading=1.35),
            small=_style("small", 11, colour=MUTED),
            body_size=14,
        )
    return ReportStyles(
        title=_style("title", 16, bold=True, leading=1.2, after=4),
        heading=_style("heading", 12.5, bold=True, before=10, after=4),
        subheading=_style("subheading", 10.5, bold=True, before=6, after=2),
        body=_style("body", 9.5, after=3),
        label=_style("label", 9.5, bold=True),
        bullet=_bullet(_style("bullet", 9.5, after=1)),
        cell=_style("cell", 8.5, leading=1.25),
        cell_head=_style("cell_head", 8.5, bold=True, leading=1.25),
        small=_style("small", 7.5, colour=MUTED),
        body_size=9.5,
    )


def text(value: str) -> str:
    """Record text as paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


# Fixed English names, not strftime: Qt sets the C library's locale from the system in the
# GUI, and an English report must not get, say, German month names.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date | None) -> str:
    """"1 February 2025": unambiguous on paper (never 01/02/2025)."""
    return "" if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return "" if day is None else f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def date_time(moment: datetime | None) -> str:
    """In the laptop's local time, as the app shows it: "1 Oct 2026 09:30"."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{short_date(local.date())} {local:%H:%M}"
