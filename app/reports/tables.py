"""The one table look both reports use: a shaded header row repeated on every page, thin grid
lines, wrapped text in every cell, and rows that may split across pages (long evidence)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Paragraph, Table, TableStyle

from app.reports.styles import RULE, SHADE, ReportStyles, text


def cells(values: Sequence[str], style: ReportStyles, *, head: bool = False) -> list[Paragraph]:
    return [Paragraph(text(v), style.cell_head if head else style.cell) for v in values]


def grid_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               style: ReportStyles) -> Table:
    data = [cells(header, style, head=True), *(cells(r, style) for r in rows)]
    pad = style.body_size * 0.35
    table = Table(data, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.2),
    ]))
    return table


def facts_table(pairs: Sequence[tuple[str, str]], widths: Sequence[float],
                style: ReportStyles) -> Table:
    """Label / value lines (child, date of birth, who did it ...), labels in bold. With four
    widths, two pairs share a line (the practitioner report's dense header)."""
    flat = [Paragraph(text(v), style.cell_head if n % 2 == 0 else style.cell)
            for pair in pairs for n, v in enumerate(pair)]
    flat += [Paragraph("", style.cell)] * (-len(flat) % len(widths))
    data = [flat[i:i + len(widths)] for i in range(0, len(flat), len(widths))]
    pad = style.body_size * 0.2
    table = Table(data, colWidths=list(widths), hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (2, 0), (2, -1), 10),
    ]))
    return table
