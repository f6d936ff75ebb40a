"""Report benchmark against its budget (floor = the budget, target ratio 1.0):
- the parent report PDF for a full GCP2 with a plan: all 13 sub-areas graded with evidence of
  a realistic length (~60 words), 4 areas confirmed (one with a rationale), strengths and
  views, 4 targeted items, and a plan of 6 SMART actions: median <= 300 ms.

Measured at the service (`app.services.reports.render_report`): reading the record, child,
contacts and plan from the encrypted store, then laying out and writing the PDF in memory,
which is what the preview waits for. The plan comes through the plan extension point
(`add_plan_action_source`), the way the plans feature supplies it. Fonts are registered once
per process, in the warm-up run.
"""

from __future__ import annotations

import secrets
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.harness import Figure, median_time

ACTOR = "Bench Practitioner"
_EVIDENCE = (
    "Seen on three visits, one of them unannounced, with Kerry and her partner at home. "
    "The kitchen had food for the day and Mia had breakfast before nursery on two of the "
    "three mornings. Kerry talked about what a normal day looks like and what gets in the way "
    "when money runs short at the end of the month; she asked for help with the food bank."
)


def figures() -> list[Figure]:
    from app.reports import PlanAction
    from app.services import assessments, reports
    from app.services.families import add_child, create_family
    from app.services.practitioners import create_practitioner
    from app.services.professionals import add_professional
    from app.services.unit_of_work import UnitOfWork
    from app.storage.database import open_database
    from assessments import gcp2
    from assessments.record import Target

    plan = tuple(
        PlanAction(f"Step {n}: breakfast before nursery on school days", "Kerry, with Dana",
                   date(2027, 1, 10 + n), "Nursery sees Mia fed on 4 of 5 days")
        for n in range(6)
    )
    reports.add_plan_action_source(lambda uow, record: plan)
    started = datetime(2026, 10, 1, 9, 30, tzinfo=timezone.utc)
    grades = (2, 3, 1, 4, 3, 4, 5, 2, 3, 2, 1, 3, 2)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db", secrets.token_bytes(32))
        try:
            with UnitOfWork(db) as uow:
                create_practitioner(uow, name=ACTOR, organisation="Telford Health Visiting",
                                    role="Health visitor", gcp2_trained_on=date(2025, 3, 1))
                family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
                child = add_child(uow, ACTOR, family.id, name="Mia Okafor",
                                  date_of_birth=date(2025, 2, 1))
                add_professional(uow, ACTOR, family.id, name="Dana Lee", agency="Council",
                                 role="Family support worker", contact="01952 000 000",
                                 lead=True)
                a = assessments.start_assessment(uow, ACTOR, child.id, started_at=started)
                for sub, grade in zip(gcp2.SUB_AREA_IDS, grades, strict=True):
                    assessments.save_sub_area(uow, ACTOR, a.id, sub, grade=grade,
                                              evidence=_EVIDENCE)
                for area in gcp2.AREAS:
                    subs = [g for s, g in zip(gcp2.SUB_AREA_IDS, grades, strict=True)
                            if s in area.sub_area_ids]
                    assessments.confirm_area(uow, ACTOR, a.id, area.id, grade=max(subs),
                                             rationale="Worst sub-area grade stands.")
                assessments.update_views(uow, ACTOR, a.id, strengths=_EVIDENCE,
                                         carer_views=_EVIDENCE, child_views="Mia smiled.",
                                         parent_agrees=True, practitioner_only=_EVIDENCE)
                assessments.set_targets(uow, ACTOR, a.id, [
                    Target(sub, grade, grade - 1, date(2027, 1, 15) + timedelta(days=n))
                    for n, (sub, grade) in enumerate(zip(gcp2.SUB_AREA_IDS, grades,
                                                         strict=True)) if grade >= 4
                ])
                assessments.complete_assessment(uow, ACTOR, a.id,
                                                at=started + timedelta(days=20))
                uow.commit()
            with UnitOfWork(db) as uow:
                assert reports.parent_report_data(uow, a.id).plan == plan
                made = reports.render_report(uow, a.id, "parent", actor=ACTOR)
                measured = median_time(
                    lambda: reports.render_report(uow, a.id, "parent", actor=ACTOR), repeat=9)
        finally:
            db.close()
    return [Figure("parent report PDF, full GCP2 with plan, vs 300 ms", measured, 0.300, 1.0,
                   note=f"({made.pages} pages, {len(made.pdf) // 1024} KiB; store + reportlab)")]
