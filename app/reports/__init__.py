"""GCP2 reports as PDF (reportlab), made in memory from frozen report data. No Qt, no database.

- `render_parent_report(ParentReport)`: the family's report, plain language, large type; its
  data object cannot carry practitioner-only notes, content-pack text or another child's data.
- `render_practitioner_report(PractitionerReport)`: everything, with baseline against re-grade,
  lived experience, chronology extract and an audit footer.
- `record_fingerprint(Assessment)`: the record version printed on every page.

Both return `RenderedReport(pdf: bytes, pages: int)`. Gathering the data (and auditing every
print, save and export) is `app/services/reports.py`'s job; showing and printing is `ui/`'s.
"""

from app.reports.data import (
    OFFICIAL_SENSITIVE,
    ChartRow,
    ChronologyLine,
    Contact,
    LivedExperienceLine,
    PageMarking,
    ParentArea,
    ParentReport,
    ParentSubArea,
    PlanAction,
    PractitionerReport,
)
from app.reports.fingerprint import record_fingerprint, short_fingerprint
from app.reports.page import RenderedReport, page_label
from app.reports.parent import render_parent_report
from app.reports.practitioner import audit_line, render_practitioner_report

__all__ = [
    "OFFICIAL_SENSITIVE",
    "ChartRow",
    "ChronologyLine",
    "Contact",
    "LivedExperienceLine",
    "PageMarking",
    "ParentArea",
    "ParentReport",
    "ParentSubArea",
    "PlanAction",
    "PractitionerReport",
    "RenderedReport",
    "audit_line",
    "page_label",
    "record_fingerprint",
    "render_parent_report",
    "render_practitioner_report",
    "short_fingerprint",
]
