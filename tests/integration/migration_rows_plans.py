"""Revision 0007's representative rows for `test_migrations.py`: a plan (an action linked to the
saved assessment's targeted item, a share, a review), a threshold decision and an escalation of
two stages, as plain SQL valid at 0007, and the case-file records they must read back as."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from typing import Any

from app.casefile.plans import (
    ESCALATIONS,
    PLANS,
    THRESHOLD_DECISIONS,
    EscalationRecord,
    EscalationStageRecord,
    PlanActionRecord,
    PlanRecord,
    PlanReviewRecord,
    PlanShareRecord,
    RaisedFromRecord,
    TargetedItemRecord,
    ThresholdDecisionRecord,
)

BST = timezone(timedelta(hours=1))
KEY = "0123456789abcdef0123456789abcdef"

PLAN_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('PL-old', 'plan'), ('A-old', 'plan_action'), "
    "('T-old', 'level_decision'), ('E-old', 'escalation')",
    "INSERT INTO plans (id, family_id, child_id, seq, title, made_at, made_by, review_due) "
    "VALUES ('PL-old', 'F-old', 'K-old', 1, 'Fed and safe', '2026-07-21T10:00:00+01:00', "
    "'Priya Shah', '2026-10-21')",
    "INSERT INTO plan_actions (id, plan_id, position, change_for_child, who, does_what, by_when, "
    "measure, assessment_id, sub_area_id, themes, status, status_on) VALUES ('A-old', 'PL-old', "
    "0, 'Eats breakfast', 'Carer', 'Buys cereal', '2026-09-01', 'Nursery sees it 4 of 5 days', "
    "'G-old1', 'physical_care.nutrition', '[\"home_conditions\"]', 'done', '2026-08-30')",
    "INSERT INTO plan_shares (plan_id, position, shared_at, how, shared_by) VALUES "
    "('PL-old', 0, '2026-07-22T09:00:00+01:00', 'Read through; copy left', 'Priya Shah')",
    "INSERT INTO plan_reviews (plan_id, position, held_at, held_by, notes) VALUES "
    "('PL-old', 0, '2026-10-20T15:00:00+01:00', 'Priya Shah', 'Sustained')",
    "INSERT INTO threshold_decisions (id, family_id, child_id, seq, decided_at, decided_by, "
    "level, suggested_level, suggestion, reasoning, threshold_document, assessment_id, "
    "considered_events, considered_prompts) VALUES ('T-old', 'F-old', 'K-old', 1, "
    "'2026-07-21T11:00:00+01:00', 'Priya Shah', 'targeted', 'specialist', 'Suggested 4', "
    f"'Engaging', 'Levels v1', 'G-old1', '[\"visit:V-old\"]', '[\"{KEY}\"]')",
    "INSERT INTO escalations (id, family_id, child_id, seq, about, with_whom, raised_at, "
    "raised_by, raised_from_kind, raised_from_ref, outcome, closed_at) VALUES ('E-old', "
    "'F-old', NULL, 1, 'NFA', 'Family Connect', '2026-07-23T10:00:00+01:00', 'Priya Shah', "
    f"'prompt', '{KEY}', 'Agreed', '2026-07-30T12:00:00+01:00')",
    "INSERT INTO escalation_stages (escalation_id, position, stage, started_at, response_due, "
    "contact, note) VALUES ('E-old', 0, 1, '2026-07-23T10:00:00+01:00', '2026-07-30', "
    "'Duty SW', ''), ('E-old', 1, 2, '2026-07-28T10:00:00+01:00', '2026-08-04', 'Manager', "
    "'no reply')",
]

PLAN_RECORDS = (PlanRecord(
    "PL-old", "K-old", "Fed and safe", datetime(2026, 7, 21, 10, tzinfo=BST), "Priya Shah",
    date(2026, 10, 21),
    (PlanActionRecord("A-old", "Eats breakfast", "Carer", "Buys cereal", date(2026, 9, 1),
                      "Nursery sees it 4 of 5 days",
                      TargetedItemRecord("G-old1", "physical_care.nutrition"),
                      ("home_conditions",), "done", date(2026, 8, 30)),),
    (PlanShareRecord(datetime(2026, 7, 22, 9, tzinfo=BST), "Read through; copy left",
                     "Priya Shah"),),
    (PlanReviewRecord(datetime(2026, 10, 20, 15, tzinfo=BST), "Priya Shah", "Sustained"),),
),)
DECISION_RECORDS = (ThresholdDecisionRecord(
    "T-old", "K-old", datetime(2026, 7, 21, 11, tzinfo=BST), "Priya Shah", "targeted",
    "specialist", "Suggested 4", "Engaging", "Levels v1", "G-old1", ("visit:V-old",), (KEY,)),)
ESCALATION_RECORDS = (EscalationRecord(
    "E-old", None, "NFA", "Family Connect", datetime(2026, 7, 23, 10, tzinfo=BST), "Priya Shah",
    RaisedFromRecord("prompt", KEY),
    (EscalationStageRecord(1, datetime(2026, 7, 23, 10, tzinfo=BST), date(2026, 7, 30),
                           "Duty SW", ""),
     EscalationStageRecord(2, datetime(2026, 7, 28, 10, tzinfo=BST), date(2026, 8, 4),
                           "Manager", "no reply")),
    "Agreed", datetime(2026, 7, 30, 12, tzinfo=BST)),)


def saved_with_plans(previous: Any) -> Any:
    """The previous revision's `SavedAt` plus 0007's rows and what they read back as."""
    family = ESCALATIONS.with_value(THRESHOLD_DECISIONS.with_value(
        PLANS.with_value(previous.family, PLAN_RECORDS), DECISION_RECORDS), ESCALATION_RECORDS)
    return dataclasses.replace(previous, statements=previous.statements + PLAN_ROWS,
                               family=family)
