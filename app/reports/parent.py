"""The parent report: what the family reads and signs, in plain words and large type.

Strengths come before problems: what is going well first, then the grades as a chart, then
each area (what was seen, what it means for the child), the family's views, what needs to
change (by whom, by when), the plan's own page when there is a plan, the next review, and a
last page that stands alone: who to contact, the parent's comments and the "I have seen the
grades" signature. Built only from `ParentReport` (see `data.py` for why that keeps
practitioner-only notes and licensed pack text out). Our wording is `wording.py`.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports import wording as w
from app.reports.chart import ProfileChart
from app.reports.data import ChartRow, Contact, ParentArea, ParentReport, PlanAction
from app.reports.page import CONTENT_WIDTH, RenderedReport, build_pdf
from app.reports.styles import RULE, ReportStyles, long_date, report_styles, text
from app.reports.tables import facts_table, grid_table
from assessments.scale import meaning

PDF_TITLE = "GCP2 report for parents and carers"


def _p(markup: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup, style)


def _said(label: str, words: str, s: ReportStyles, *, indent: bool = False) -> list[Flowable]:
    label_style, body_style = (_indented(s.label), _indented(s.body)) if indent else (s.label,
                                                                                       s.body)
    return [_p(text(label), label_style), _p(text(words) or text(w.NOTHING_WRITTEN), body_style)]


_INDENTED: dict[str, ParagraphStyle] = {}


def _indented(style: ParagraphStyle) -> ParagraphStyle:
    """The style set in by 8 mm: a sub-area's block under its area."""
    if style.name not in _INDENTED:
        _INDENTED[style.name] = ParagraphStyle(f"{style.name}-indented", parent=style,
                                               leftIndent=8 * mm)
    return _INDENTED[style.name]


def _facts(report: ParentReport, s: ReportStyles) -> list[Flowable]:
    finished = long_date(report.finished_on) if report.finished_on else w.NOT_FINISHED
    pairs = [(w.CHILD, report.marking.child_name),
             (w.BORN, long_date(report.marking.date_of_birth)),
             (w.TOOL_LABEL, w.TOOL), (w.DONE_BY, report.assessed_by), (w.FINISHED_ON, finished)]
    out: list[Flowable] = [facts_table(pairs, (55 * mm, CONTENT_WIDTH - 55 * mm), s)]
    if report.finished_on is None:
        out += [Spacer(1, 6), _p(f"<b>{text(w.DRAFT_NOTE)}</b>", s.body)]
    return out


def _going_well(report: ParentReport, s: ReportStyles) -> list[Flowable]:
    out: list[Flowable] = [_p(text(w.GOING_WELL_HEADING), s.heading)]
    if report.strengths.strip():
        out += _said(w.GOING_WELL_SEEN, report.strengths, s)
    good = [w.good_part(sub.name, sub.grade) for area in report.areas for sub in area.sub_areas
            if sub.grade is not None and sub.grade <= 2]
    if good:
        out.append(_p(text(w.GOING_WELL_PARTS), s.label))
        out += [Paragraph(text(part), s.bullet, bulletText="•") for part in good]
    else:
        out.append(_p(text(w.NONE_AT_ONE_OR_TWO), s.body))
    return out


def chart_rows(areas: tuple[ParentArea, ...]) -> list[ChartRow]:
    return [ChartRow(a.area_id, sub.name, sub.grade) for a in areas for sub in a.sub_areas]


def _chart(report: ParentReport, s: ReportStyles) -> list[Flowable]:
    return [KeepTogether([
        _p(text(w.CHART_HEADING), s.heading), _p(text(w.CHART_NOTE), s.body), Spacer(1, 4),
        ProfileChart(chart_rows(report.areas), large=True),
    ])]


def _area(area: ParentArea, s: ReportStyles) -> list[Flowable]:
    head: list[Flowable] = [_p(text(f"{area.letter} {area.name}"), s.subheading)]
    if area.grade is not None:
        head += [_p(text(w.area_grade(area.grade)), s.body),
                 *_said(w.MEANS, meaning(area.grade).for_parents, s)]
    blocks: list[Flowable] = []
    for n, sub in enumerate(area.sub_areas):
        block: list[Flowable] = [
            _p(f"<b>{text(w.sub_area_heading(sub.name, sub.grade))}</b>", _indented(s.body))]
        block += _said(w.SEEN, sub.seen, s, indent=True)
        block += ([_p(text(w.NOT_GRADED), _indented(s.body))] if sub.grade is None
                  else _said(w.MEANS, meaning(sub.grade).for_parents, s, indent=True))
        # The area's heading stays with its first sub-area; a block longer than a page
        # (long evidence) simply flows on.
        blocks.append(KeepTogether([*head, *block] if n == 0 else [Spacer(1, 6), *block]))
    return blocks


def _actions(actions: tuple[PlanAction, ...], s: ReportStyles, *, measure: bool) -> Flowable:
    when = [long_date(a.by_when) if a.by_when else w.NO_DATE for a in actions]
    if measure:
        widths = [x * CONTENT_WIDTH for x in (0.36, 0.2, 0.18, 0.26)]
        return grid_table((w.WHAT_COLUMN, w.WHO_COLUMN, w.WHEN_COLUMN, w.HOW_COLUMN),
                          [(a.what, a.who, d, a.measure) for a, d in zip(actions, when, strict=True)],
                          widths, s)
    widths = [x * CONTENT_WIDTH for x in (0.5, 0.28, 0.22)]
    return grid_table((w.WHAT_COLUMN, w.WHO_COLUMN, w.WHEN_COLUMN),
                      [(a.what, a.who, d) for a, d in zip(actions, when, strict=True)], widths, s)


def _views(report: ParentReport, s: ReportStyles) -> list[Flowable]:
    out: list[Flowable] = []
    if report.carer_views.strip():
        out += _said(w.YOU_TOLD_US, report.carer_views, s)
    if report.child_views.strip():
        out += _said(w.CHILD_TOLD_US, report.child_views, s)
    if report.parent_agrees is not None:
        out.append(_p(text(w.YOU_AGREE if report.parent_agrees else w.YOU_DISAGREE), s.body))
    return [_p(text(w.VIEWS_HEADING), s.heading), *out] if out else []


def _contact(c: Contact, s: ReportStyles) -> Flowable:
    lines = [f"<b>{text(c.name)}</b>"] + [text(v) for v in (c.role, c.organisation,
                                                              c.how_to_reach) if v.strip()]
    return _p("<br/>".join(lines), s.body)


def _sign_lines(s: ReportStyles) -> Table:
    rows = [[_p(text(label), s.label), ""] for label in (w.SIGN_NAME, w.SIGNED, w.SIGN_DATE)]
    table = Table(rows, colWidths=(30 * mm, CONTENT_WIDTH - 30 * mm), rowHeights=12 * mm,
                  hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.8, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def _writing_space(lines: int) -> Table:
    table = Table([[""] for _ in range(lines)], colWidths=[CONTENT_WIDTH], rowHeights=10 * mm)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]))
    return table


def parent_story(report: ParentReport) -> list[Flowable]:
    s = report_styles(large=True)
    story: list[Flowable] = [_p(text(w.TITLE), s.title), _p(text(w.SUBTITLE), s.body),
                             Spacer(1, 6), *_facts(report, s),
                             _p(text(w.HOW_TO_READ_HEADING), s.heading),
                             _p(text(w.HOW_TO_READ), s.body)]
    story += _going_well(report, s)
    story += _chart(report, s)
    story += [CondPageBreak(60 * mm), _p(text(w.AREAS_HEADING), s.heading)]
    for area in report.areas:
        story += _area(area, s)
    story += _views(report, s)
    changes: list[Flowable] = [_p(text(w.CHANGES_HEADING), s.heading)]
    if report.changes:
        changes += [_p(text(w.CHANGES_INTRO), s.body), _actions(report.changes, s, measure=False)]
    else:
        changes.append(_p(text(w.NO_CHANGES), s.body))
    story += [CondPageBreak(50 * mm), *changes]
    if report.plan:  # the family's SMART plan, when there is one: its own page
        story += [PageBreak(), _p(text(w.PLAN_HEADING), s.heading), _p(text(w.PLAN_INTRO), s.body),
                  _actions(report.plan, s, measure=True)]
    review = (w.review_by(long_date(report.next_review)) if report.next_review
              else w.REVIEW_NOT_SET)
    story += [KeepTogether([_p(text(w.REVIEW_HEADING), s.heading), _p(text(review), s.body)])]
    # The last page stands alone, so it can be signed and kept with the record; who to
    # contact heads it, so the family keeps that too.
    story += [PageBreak(), _p(text(w.CONTACT_HEADING), s.heading),
              _p(text(w.CONTACT_INTRO), s.body)]
    story += ([_contact(c, s) for c in report.contacts] if report.contacts
              else [_p(text(w.NO_CONTACT), s.body)])
    story += [_p(text(w.COMMENTS_HEADING), s.heading), _p(text(w.COMMENTS_INTRO), s.body)]
    if report.parent_comments.strip():
        story += _said(w.COMMENTS_SO_FAR, report.parent_comments, s)
    story += [_writing_space(5), KeepTogether([
        _p(text(w.SIGN_HEADING), s.heading), _p(text(w.SIGN_TEXT), s.body), _sign_lines(s)])]
    return story


def render_parent_report(report: ParentReport) -> RenderedReport:
    return build_pdf(parent_story(report), report.marking, title=PDF_TITLE, large=True)
