"""Shared set-up for the GCP2 service and case-file tests: a profile with a trained practitioner,
a family with two children, the sample content pack and its test key, and a fully graded draft."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from app.services.assessments import confirm_area, save_sub_area
from app.services.content_packs import import_content_pack, public_key_from_pem
from app.services.families import add_child, create_family
from app.services.practitioners import create_practitioner
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent
from assessments import gcp2

ACTOR = "Priya Shah"
PACKS = Path(__file__).resolve().parents[1] / "data" / "packs"
SAMPLE_PACK = PACKS / "zephyr-sample.pack.json"
MARKER = "ZEPHYR-PACK-TEXT"
BST = timezone(timedelta(hours=1))
STARTED = datetime(2026, 10, 1, 9, 30, tzinfo=BST)


def sample_key() -> Ed25519PublicKey:
    return public_key_from_pem((PACKS / "zephyr-test-signing-key.pub.pem").read_bytes())


def sample_pack_document() -> dict[str, Any]:
    return json.loads(SAMPLE_PACK.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Household:
    family_id: str
    mia: str
    jay: str


def open_profile(path: Path, *, trained_on: date | None = date(2025, 3, 1)) -> Database:
    db = open_database(path, secrets.token_bytes(32))
    with UnitOfWork(db) as uow:
        create_practitioner(uow, name=ACTOR, gcp2_trained_on=trained_on)
        uow.commit()
    return db


def profile(path: Path, **kwargs: Any) -> Iterator[Database]:
    db = open_profile(path, **kwargs)
    yield db
    db.close()


def add_household(db: Database) -> Household:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        mia = add_child(uow, ACTOR, family.id, name="Mia", date_of_birth=date(2025, 2, 1))
        jay = add_child(uow, ACTOR, family.id, name="Jay", date_of_birth=date(2021, 6, 9))
        uow.commit()
    return Household(family.id, mia.id, jay.id)


def import_sample_pack(db: Database) -> None:
    with UnitOfWork(db) as uow:
        import_content_pack(uow, ACTOR, SAMPLE_PACK.read_bytes(), [sample_key()])
        uow.commit()


def grade_everything(db: Database, assessment_id: str, grade: int = 3) -> None:
    """All 13 sub-areas graded with evidence and all 4 areas confirmed inside their range."""
    with UnitOfWork(db) as uow:
        for sub in gcp2.SUB_AREA_IDS:
            save_sub_area(uow, ACTOR, assessment_id, sub, grade=grade,
                          evidence=f"what was seen for {sub}")
        for area in gcp2.AREA_IDS:
            confirm_area(uow, ACTOR, assessment_id, area, grade=grade, rationale="")
        uow.commit()


def audit_text(db: Database) -> str:
    with UnitOfWork(db) as uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.record_kind,
                   AuditEvent.record_id, AuditEvent.detail)
        ).all()
    return "\n".join(" ".join(str(v) for v in row) for row in rows)


def audit_events(db: Database, record_id: str) -> list[tuple[str, dict[str, Any]]]:
    with UnitOfWork(db) as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.record_id == record_id).order_by(AuditEvent.seq)
        ).all()
    return [(action, json.loads(detail)) for action, detail in rows]
