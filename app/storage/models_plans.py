"""The tables of plans shared with families, threshold decisions and escalations. Schema only.

Rules the schema enforces whatever SQL is run:
- plans, plan actions, threshold decisions and escalations are registered records (kinds
  `plan`, `plan_action`, `level_decision`, `escalation`);
- a plan's, decision's or escalation's child is a child *of its family* (composite keys);
- an action is linked to a GCP2 targeted item by both the assessment and the sub-area, or by
  neither; its status is one of `assessments.plans.ActionStatus`;
- a plan's shares and reviews, and an escalation's stages, are kept in the order they happened
  (`position`), each share saying how it was shared;
- a threshold decision always has its reasoning; an escalation is closed exactly when it has an
  outcome, and is raised from a prompt, a front-door outcome or a plan action, or from nothing.

Level ids, stage numbers and theme ids are checked against the organisation configuration by
the services (configuration is not schema). Timestamps of what happened keep their offset
(`OffsetDateTime`); what is due is a calendar date. Changing anything here needs an Alembic
revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import (
    ID_LENGTH,
    Base,
    OffsetDateTime,
    _record_kind,
    _registered_as,
    _registered_id,
    one_of,
)
from assessments.plans import ActionStatus

ACTION_STATUSES = tuple(s.value for s in ActionStatus)
RAISED_FROM = ("prompt", "outcome", "plan_action")
REFERENCE_LENGTH = 128


def _not_blank(column: str) -> str:
    return f"length(trim({column})) > 0"


class Plan(Base):
    """A plan for one child (or the whole family when `child_id` is None)."""

    __tablename__ = "plans"
    __table_args__ = (
        *_registered_as("plan"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        CheckConstraint(_not_blank("title"), name="title_given"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("plan")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    made_by: Mapped[str] = mapped_column(Text)
    review_due: Mapped[date | None] = mapped_column(Date)


class PlanAction(Base):
    """One SMART action: what will change for the child, who does what, by when, how we know."""

    __tablename__ = "plan_actions"
    __table_args__ = (
        *_registered_as("plan_action"),
        CheckConstraint(one_of("status", ACTION_STATUSES), name="status"),
        CheckConstraint("(assessment_id IS NULL) = (sub_area_id IS NULL)", name="target_whole"),
        CheckConstraint("position >= 0", name="position"),
        Index(None, "plan_id", "position", unique=True),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("plan_action")
    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    change_for_child: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(Text)
    does_what: Mapped[str] = mapped_column(Text)
    by_when: Mapped[date | None] = mapped_column(Date)
    measure: Mapped[str] = mapped_column(Text)
    assessment_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id"))
    sub_area_id: Mapped[str | None] = mapped_column(String(64))
    themes: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    status_on: Mapped[date | None] = mapped_column(Date)


class PlanShare(Base):
    """One time the plan was shared with the family, and how (copy left, read through ...)."""

    __tablename__ = "plan_shares"
    __table_args__ = (CheckConstraint(_not_blank("how"), name="how_given"),)

    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("plans.id"),
                                         primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    shared_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    how: Mapped[str] = mapped_column(Text)
    shared_by: Mapped[str] = mapped_column(Text)


class PlanReview(Base):
    """One review of the plan: was the change sufficient and sustained?"""

    __tablename__ = "plan_reviews"

    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("plans.id"),
                                         primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    held_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    held_by: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)


class ThresholdDecision(Base):
    """The level of need a practitioner chose for a child, beside what the tool suggested."""

    __tablename__ = "threshold_decisions"
    __table_args__ = (
        *_registered_as("level_decision"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        CheckConstraint(_not_blank("reasoning"), name="reasoning_given"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("level_decision")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    decided_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    decided_by: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(64))
    suggested_level: Mapped[str | None] = mapped_column(String(64))
    suggestion: Mapped[str] = mapped_column(Text)  # the explanation as shown
    reasoning: Mapped[str] = mapped_column(Text)
    threshold_document: Mapped[str] = mapped_column(Text)
    assessment_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id"))
    considered_events: Mapped[list[str]] = mapped_column(JSON)  # chronology event ids in view
    considered_prompts: Mapped[list[str]] = mapped_column(JSON)  # prompt keys in view


class Escalation(Base):
    """One professional disagreement taken through the escalation stages."""

    __tablename__ = "escalations"
    __table_args__ = (
        *_registered_as("escalation"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        CheckConstraint(_not_blank("about"), name="about_given"),
        CheckConstraint(_not_blank("with_whom"), name="with_whom_given"),
        CheckConstraint(
            f"raised_from_kind IS NULL OR {one_of('raised_from_kind', RAISED_FROM)}",
            name="raised_from_kind",
        ),
        CheckConstraint("(raised_from_kind IS NULL) = (raised_from_ref IS NULL)",
                        name="raised_from_whole"),
        CheckConstraint(f"(closed_at IS NULL) = NOT ({_not_blank('outcome')})",
                        name="closed_with_outcome"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("escalation")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    about: Mapped[str] = mapped_column(Text)
    with_whom: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    raised_by: Mapped[str] = mapped_column(Text)
    raised_from_kind: Mapped[str | None] = mapped_column(String(16))
    # A prompt key, a front-door outcome id (FC-Sync ids run to 128) or a plan action id.
    raised_from_ref: Mapped[str | None] = mapped_column(String(REFERENCE_LENGTH))
    outcome: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(OffsetDateTime())


class EscalationStageRow(Base):
    """The stage an escalation reached, when, who it went to, and when a response is due."""

    __tablename__ = "escalation_stages"
    __table_args__ = (CheckConstraint("stage >= 1", name="stage"),)

    escalation_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("escalations.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    stage: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    response_due: Mapped[date] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
