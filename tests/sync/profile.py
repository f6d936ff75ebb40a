"""A practitioner's profile ready to share: a family with carers and a child, a completed GCP2
graded with the sample content pack's items, lived experience tagged with a cumulative harm
factor, and distinctive strings in every place that must never leave the laptop."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from app.services.assessments import (
    complete_assessment,
    confirm_area,
    save_sub_area,
    set_targets,
    start_assessment,
    update_views,
)
from app.services.content_packs import import_content_pack
from app.services.families import add_carer, add_child, create_family
from app.services.lived_experience import record_entry
from app.services.practitioners import create_practitioner
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from assessments import gcp2
from assessments.record import Target
from tests.unit.gcp2_helpers import SAMPLE_PACK, sample_key

ACTOR = "Priya Shah"
BST = timezone(timedelta(hours=1))
# Strings that must never appear in anything shared.
PRACTITIONER_ONLY = "PRACTITIONER-ONLY-XYZZY my private worry"
EVIDENCE = "EVIDENCE-QUUX seen on the kitchen table"
PACK_MARKER = "ZEPHYR-PACK-TEXT"
PACK_ITEM = "zephyr.nutrition.2"
# Strings that must appear.
STRENGTHS = "Loving bedtime routine STRENGTH-MARK"
CHILD_VOICE = "I like the park with Nana CHILD-VOICE-MARK"


@dataclass(frozen=True)
class Shareable:
    db: Database
    family_id: str
    child_id: str
    assessment_id: str
    draft_id: str


def build_profile(path: Path) -> Shareable:
    db = open_database(path, secrets.token_bytes(32))
    with UnitOfWork(db) as uow:
        create_practitioner(uow, name=ACTOR, organisation="Telford Health Visiting",
                            gcp2_trained_on=date(2025, 3, 1))
        uow.commit()
    return fill(db)


def fill(db: Database, actor: str = ACTOR) -> Shareable:
    """The family, child, lived experience and assessments, in a profile whose practitioner is
    GCP2-trained."""
    with UnitOfWork(db) as uow:
        import_content_pack(uow, actor, SAMPLE_PACK.read_bytes(), [sample_key()])
        family = create_family(uow, actor, name="Okafor", address="14 Mill Lane, Telford")
        add_carer(uow, actor, family.id, name="Ife Okafor", relationship="mother",
                  parental_responsibility=True)
        child = add_child(uow, actor, family.id, name="Ada Okafor", date_of_birth=date(2023, 5, 1),
                          nhs_number="9434765919")
        record_entry(uow, actor, child.id, occurred_at=datetime(2026, 10, 2, 7, 30, tzinfo=BST),
                     part_of_day="early_morning", text="No breakfast", child_voice="hungry",
                     impact="tired at nursery", source="observed", themes=["domestic_abuse"])
        started = start_assessment(uow, actor, child.id, started_at=datetime(2026, 10, 1, 9, tzinfo=BST))
        draft = start_assessment(uow, actor, child.id, started_at=datetime(2026, 11, 1, 9, tzinfo=BST))
        uow.commit()
    with UnitOfWork(db) as uow:
        for sub in gcp2.SUB_AREA_IDS:
            items = {PACK_ITEM: 3} if sub == "physical_care.nutrition" else None
            save_sub_area(uow, actor, started.id, sub, grade=3, evidence=EVIDENCE, items=items)
        for area in gcp2.AREA_IDS:
            confirm_area(uow, actor, started.id, area, grade=3, rationale="")
        update_views(uow, actor, started.id, strengths=STRENGTHS, child_views=CHILD_VOICE,
                     practitioner_only=PRACTITIONER_ONLY, parent_agrees=False,
                     parent_comments="Mum thinks nutrition is better than graded")
        set_targets(uow, actor, started.id, [Target("physical_care.nutrition", 3, 2, date(2027, 1, 15))])
        complete_assessment(uow, actor, started.id, at=datetime(2026, 10, 20, 16, tzinfo=BST))
        uow.commit()
    return Shareable(db, family.id, child.id, started.id, draft.id)
