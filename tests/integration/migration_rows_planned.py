"""Revision 0005's representative rows for `test_migrations.py`: planned visits (one held by the
saved visit, one still booked for a child, one cancelled with its reason) and a visit corrected
after it was saved (`amended_at`), as plain SQL valid at 0005, and the case-file records they
must read back as."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import Any

from app.casefile.planned_visits import PLANNED_VISITS, PlannedVisitRecord

BST = timezone(timedelta(hours=1))

PLANNED_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('N-held', 'planned_visit'), "
    "('N-booked', 'planned_visit'), ('N-off', 'planned_visit')",
    "INSERT INTO planned_visits (id, family_id, child_id, visit_id, seq, planned_for, "
    "planned_utc, purpose, status, cancel_reason) VALUES "
    "('N-held', 'F-old', NULL, 'V-old', 1, '2026-07-01T10:00:00+01:00', "
    "'2026-07-01T09:00:00.000000+00:00', 'Review', 'held', ''), "
    "('N-booked', 'F-old', 'K-old', NULL, 2, '2027-01-12T09:30:00+00:00', "
    "'2027-01-12T09:30:00.000000+00:00', 'GCP2 continued', 'booked', ''), "
    "('N-off', 'F-old', NULL, NULL, 3, '2026-08-01T14:00:00+01:00', "
    "'2026-08-01T13:00:00.000000+00:00', '', 'cancelled', 'No access')",
    "UPDATE visits SET amended_at = '2026-07-03T11:00:00+01:00' WHERE id = 'V-old'",
]

PLANNED_RECORDS = (
    PlannedVisitRecord("N-held", None, datetime(2026, 7, 1, 10, tzinfo=BST), "Review", "held",
                       "V-old", ""),
    PlannedVisitRecord("N-booked", "K-old", datetime(2027, 1, 12, 9, 30, tzinfo=timezone.utc),
                       "GCP2 continued", "booked", None, ""),
    PlannedVisitRecord("N-off", None, datetime(2026, 8, 1, 14, tzinfo=BST), "", "cancelled",
                       None, "No access"),
)


def saved_with_planned_visits(previous: Any) -> Any:
    """The previous revision's `SavedAt` plus 0005's rows and what they read back as."""
    family = PLANNED_VISITS.with_value(previous.family, PLANNED_RECORDS)
    return dataclasses.replace(previous, statements=previous.statements + PLANNED_ROWS,
                               family=family)
