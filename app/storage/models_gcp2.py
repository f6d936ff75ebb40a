"""The tables of Graded Care Profile 2 assessments and of the imported content pack. Schema only.

Rules the schema enforces whatever SQL is run:
- an assessment is a registered record (kind `assessment`, see `models.RecordId`);
- its child is a child *of the assessment's family* (composite key (child_id, family_id));
- `previous` names an assessment *of the same child* (composite key (previous_id, child_id)),
  so a re-grade can never link across children; "started earlier, no loops" is checked by
  `assessments.lifecycle.previous_problems` in the services;
- every grade is NULL or a whole number 1-5, ids of sub-areas and areas are GCP2's own.

`content_packs` keeps each imported pack exactly as its signed bytes, inside this encrypted
database only: the licensed text never leaves it (no export, no audit detail). Every read
re-verifies the bytes (see `app/services/content_packs.py`).

Changing anything here needs an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import (
    ID_LENGTH,
    Base,
    OffsetDateTime,
    _record_kind,
    _registered_as,
    _registered_id,
)
from assessments import gcp2


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


_GRADE = "BETWEEN 1 AND 5"


class Gcp2Assessment(Base):
    """One child's GCP2, draft or complete. Completed rows change only by gaining addenda."""

    __tablename__ = "assessments"
    __table_args__ = (
        *_registered_as("assessment"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        ForeignKeyConstraint(["previous_id", "child_id"], ["assessments.id", "assessments.child_id"]),
        UniqueConstraint("id", "child_id"),  # target of the same-child `previous` key
        CheckConstraint("tool = 'gcp2'", name="tool"),
        CheckConstraint("status IN ('draft', 'complete')", name="status"),
        CheckConstraint(
            "(status = 'complete') = (completed_at IS NOT NULL)", name="completed_when_complete"
        ),
        CheckConstraint("previous_id IS NULL OR previous_id <> id", name="not_own_previous"),
        Index(None, "family_id", "seq"),
        Index(None, "child_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("assessment")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    tool: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(OffsetDateTime())
    previous_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    strengths: Mapped[str] = mapped_column(Text)
    carer_views: Mapped[str] = mapped_column(Text)
    child_views: Mapped[str] = mapped_column(Text)
    parent_agrees: Mapped[bool | None] = mapped_column(
        Boolean(create_constraint=True, name="parent_agrees")
    )
    parent_comments: Mapped[str] = mapped_column(Text)
    practitioner_only: Mapped[str] = mapped_column(Text)
    # Which pack (if any) was on screen while grading; not in the case file (pack-specific).
    pack_id: Mapped[str | None] = mapped_column(String(64))
    pack_version: Mapped[int | None] = mapped_column(Integer)


class Gcp2SubAreaGrade(Base):
    __tablename__ = "assessment_sub_areas"
    __table_args__ = (
        CheckConstraint(_one_of("sub_area_id", gcp2.SUB_AREA_IDS), name="sub_area_id"),
        CheckConstraint(f"grade IS NULL OR grade {_GRADE}", name="grade"),
    )

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    sub_area_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    grade: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    items: Mapped[dict[str, Any]] = mapped_column(JSON)  # pack item id -> grade, in entry order


class Gcp2AreaGrade(Base):
    """An area grade the practitioner confirmed (never a computed one), with the reasoning."""

    __tablename__ = "assessment_areas"
    __table_args__ = (
        CheckConstraint(_one_of("area_id", gcp2.AREA_IDS), name="area_id"),
        CheckConstraint(f"grade {_GRADE}", name="grade"),
    )

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    area_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    grade: Mapped[int] = mapped_column(Integer)
    rationale: Mapped[str] = mapped_column(Text)


class Gcp2Target(Base):
    """A targeted item: the sub-area's current grade, the grade aimed for, by when."""

    __tablename__ = "assessment_targets"
    __table_args__ = (
        CheckConstraint(_one_of("sub_area_id", gcp2.SUB_AREA_IDS), name="sub_area_id"),
        CheckConstraint(f"current_grade {_GRADE}", name="current_grade"),
        CheckConstraint(f"target_grade {_GRADE}", name="target_grade"),
        CheckConstraint(f"review_grade IS NULL OR review_grade {_GRADE}", name="review_grade"),
    )

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    sub_area_id: Mapped[str] = mapped_column(String(64))
    current_grade: Mapped[int] = mapped_column(Integer)
    target_grade: Mapped[int] = mapped_column(Integer)
    review_by: Mapped[date] = mapped_column(Date)
    review_grade: Mapped[int | None] = mapped_column(Integer)


class Gcp2Addendum(Base):
    """A change to a completed assessment: appended, never edited, shown with the record."""

    __tablename__ = "assessment_addenda"

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(OffsetDateTime())
    author: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class StoredContentPack(Base):
    """An imported GCP2 content pack: licensed text, kept as the signed bytes that were checked.

    The newest row (highest seq) is the pack in use. `signing_key` is the raw Ed25519 public
    key that verified it at import, so the bytes can be re-verified on every read even before
    the organisation's key configuration exists on the device.
    """

    __tablename__ = "content_packs"
    __table_args__ = (
        UniqueConstraint("pack_id", "version"),
        CheckConstraint("version >= 1", name="version"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    pack_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    organisation: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    key_id: Mapped[str] = mapped_column(String(16))
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)
    digest: Mapped[str] = mapped_column(String(64))
    signed_pack: Mapped[bytes] = mapped_column(LargeBinary)
