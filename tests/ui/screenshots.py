"""Render each main screen to PNG files, for looking at layout at 1366×768 and at 200 %.

Run by test_screenshots.py in a child process (the scale factor must be set before Qt starts):
    QT_SCALE_FACTOR=2 python -m tests.ui.screenshots OUT_DIR SUFFIX
Invented people and places only (scenario 2's family). Writes nothing but the PNGs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.profile import NewProfile, create_profile  # noqa: E402
from app.services import (  # noqa: E402
    chronology,
    escalations,
    families,
    lived_experience,
    plans,
    professionals,
    sharing,
    visits,
)
from app.services.unit_of_work import UnitOfWork  # noqa: E402
from app.vault import KdfParams  # noqa: E402
from ui.session import ProfileAccess, Session  # noqa: E402
from ui.settings import Preferences  # noqa: E402

PASSPHRASE = "correct horse battery staple"
WIDTH, HEIGHT = 1366, 768
ACTOR = "Priya Example"


def wait_until(app: QApplication, ready: Callable[[], bool], seconds: float = 15) -> None:
    end = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get ready")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def seed(data_dir: Path) -> None:
    new = NewProfile(practitioner_name=ACTOR, role="Health visitor", passphrase_only=True)
    local = datetime.now().astimezone()
    with create_profile(data_dir, PASSPHRASE, new, kdf=KdfParams.for_tests()) as profile:
        with profile.unit_of_work() as uow:
            carter = families.create_family(
                uow, ACTOR, name="Carter", address="Flat 2, 14 Example Street, Telford TF1 1AA"
            )
            kerry = families.add_carer(
                uow,
                ACTOR,
                carter.id,
                name="Kerry Carter",
                relationship="mother",
                parental_responsibility=True,
            )
            dean = families.add_carer(
                uow,
                ACTOR,
                carter.id,
                name="Dean Morris",
                relationship="mother's partner",
                parental_responsibility=False,
            )
            mia = families.add_child(
                uow,
                ACTOR,
                carter.id,
                name="Mia Carter",
                date_of_birth=date.today() - timedelta(days=12),
            )
            jayden = families.add_child(
                uow,
                ACTOR,
                carter.id,
                name="Jayden Carter",
                date_of_birth=date(2023, 5, 2),
                nhs_number="943 476 5919",
            )
            professionals.add_professional(
                uow,
                ACTOR,
                carter.id,
                name="Dr A. Shah",
                agency="Wellington Road Surgery",
                role="GP",
                contact="01952 000000",
                lead=False,
            )
            professionals.add_professional(
                uow,
                ACTOR,
                carter.id,
                name="Priya Example",
                agency="Health visiting",
                role="Health visitor",
                contact="07700 900000",
                lead=True,
            )
            for days, kind, note, late in (
                (40, "announced", "Antenatal contact. Kerry well, Dean present.", False),
                (12, "announced", "New birth visit. Mia feeding well; weight gain good.", True),
                (3, "unannounced", "Kerry tired; Dean out. Jayden quiet.", False),
            ):
                occurred = (local - timedelta(days=days)).replace(hour=9, minute=40)
                recorded = occurred + (timedelta(days=1) if late else timedelta(hours=3))
                visits.record_visit(
                    uow,
                    ACTOR,
                    carter.id,
                    occurred_at=occurred,
                    kind=kind,
                    present=[kerry.id, mia.id] if days < 20 else [kerry.id, dean.id],
                    notes=note,
                    recorded_at=recorded,
                )
            seed_chronology(uow, carter.id, jayden.id, local)
            seed_plans(uow, carter.id, jayden.id, local)
            surnames = (
                "Adeyemi",
                "Brown",
                "Davies",
                "Evans",
                "Fletcher",
                "Gill",
                "Hughes",
                "Iqbal",
                "Jones",
                "Khan",
                "Lewis",
                "Morgan",
                "Nowak",
                "O'Brien",
                "Patel",
                "Quinn",
                "Roberts",
                "Singh",
                "Taylor",
                "Usman",
                "Vaughan",
                "Williams",
            )
            for number, surname in enumerate(surnames):
                family = families.create_family(uow, ACTOR, name=surname, address="Telford")
                families.add_child(
                    uow,
                    ACTOR,
                    family.id,
                    name=f"Child {surname}",
                    date_of_birth=date(2024, 1, 1) + timedelta(days=20 * number),
                )
            uow.commit()


def seed_chronology(uow: UnitOfWork, family_id: str, child_id: str, local: datetime) -> None:
    """Years of other agencies' records and two day-in-the-life entries: the timeline's lanes
    and the recurring-theme prompts (SCENARIOS.md 2 and 7)."""
    for day, agency, event, themes in (
        ("2022-03-14", "Health visiting", "Home cluttered, no safe sleep space", ["home_conditions"]),
        ("2023-06-02", "Health visiting", "Cold house, dog mess on the floor", ["home_conditions"]),
        ("2024-09-20", "West Mercia Police", "Domestic incident; Jayden present", ["domestic_abuse"]),
        ("2025-07-11", "GP surgery", "Kerry's low mood; medication started",
         ["parental_mental_health"]),
        ("2026-02-06", "Health visiting", "Home conditions poor again", ["home_conditions"]),
    ):  # fmt: skip
        chronology.add_agency_entry(
            uow, ACTOR, family_id, occurred_at=datetime.fromisoformat(day).astimezone(),
            event=event, source=agency, themes=themes,
        )  # fmt: skip
    for days, text, words, themes in (
        (20, "Jayden hid behind the sofa when Dean came in.", "Dean shouts",
         ["domestic_abuse", "parental_substance_use"]),
        (3, "Jayden asleep on the sofa at 11 am; no breakfast yet.", "",
         ["home_conditions"]),
    ):  # fmt: skip
        lived_experience.record_entry(
            uow, ACTOR, child_id, occurred_at=local - timedelta(days=days),
            part_of_day="morning", text=text, source="observed", child_voice=words,
            themes=themes,
        )  # fmt: skip


def seed_plans(uow: UnitOfWork, family_id: str, child_id: str, local: datetime) -> None:
    """A shared plan with an overdue action, an escalation and a phone call to the front door:
    the plans tab's overdue marks and the information-sharing tab (SCENARIOS.md 7)."""
    made = local - timedelta(days=40)
    plan = plans.create_plan(uow, ACTOR, family_id, child_id=child_id, made_at=made,
                             title="Jayden is up, fed and at nursery by 9 each morning")
    for change, who, does, days, measure in (
        ("Jayden has breakfast before nursery", "Kerry", "sets an alarm for 7:30", -10,
         "nursery records breakfast eaten on 4 of 5 days"),
        ("Jayden sleeps in his own bed", "Dean", "moves the bed into Jayden's room", 20,
         "seen at the next home visit"),
    ):  # fmt: skip
        plans.add_action(uow, ACTOR, plan.id, change_for_child=change, who=who, does_what=does,
                         by_when=(local + timedelta(days=days)).date(), measure=measure,
                         themes=["home_conditions"])  # fmt: skip
    plans.share_plan(uow, ACTOR, plan.id, how="Read through with Kerry; copy left at home",
                     shared_at=made + timedelta(days=2))
    escalations.raise_escalation(uow, ACTOR, family_id, child_id=child_id,
                                 about="Front door: no further action despite a third report",
                                 with_whom="Family Connect team manager",
                                 raised_at=local - timedelta(days=12))  # fmt: skip
    sharing.record_disclosure(
        uow, ACTOR, family_id,
        sharing.DecisionBasis(lawful_basis="public_task", consent="not_sought",
                              consent_reason="Telling Kerry first could put Jayden at risk"),
        recipient="Family Connect front door", shared="Domestic incident and home conditions",
        channel="phone", occurred_at=local - timedelta(days=13), child_id=child_id,
    )  # fmt: skip


def grab(widget: QWidget, out: Path, name: str, suffix: str) -> None:
    widget.grab().save(str(out / f"{name}{suffix}.png"))


def main(out: Path, suffix: str) -> int:
    app = QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="homevisit-screens-"))
    prefs = Preferences(QSettings(str(work / "p.ini"), QSettings.Format.IniFormat))

    fresh = Session(ProfileAccess(work / "new"), prefs)
    fresh.start()
    first_run = fresh.first_run_window
    assert first_run is not None
    first_run.name.setText("Priya Example")
    first_run.role.setText("Health visitor")
    first_run.gcp2_trained.setChecked(True)
    first_run.gcp2_date.setDate(QDate(2025, 3, 14))
    first_run.passphrase.setText(PASSPHRASE)
    first_run.confirmation.setText(PASSPHRASE)
    first_run.adjustSize()
    wait_until(app, first_run.isVisible)
    grab(first_run, out, "1-first-run", suffix)
    fresh.shutdown()

    seed(work / "profile")
    session = Session(ProfileAccess(work / "profile"), prefs)
    session.start()
    locked = session.unlock_window
    locked.resize(520, 300)
    locked.passphrase.setText("not my passphrase")
    locked.submit()
    wait_until(app, lambda: locked.throttle.failures == 1)
    grab(locked, out, "2-unlock-wrong-passphrase", suffix)

    window = session.main_window
    window.resize(WIDTH, HEIGHT)
    locked.passphrase.setText(PASSPHRASE)
    locked.submit()
    wait_until(app, lambda: window.caseload.model.rowCount() == 23)
    grab(window, out, "3-caseload", suffix)

    carter = window.caseload.model.row_at(window.caseload.model.row_of_family_named("Carter"))
    window.open_family(carter.family_id)
    wait_until(
        app,
        lambda: (
            window.family.visits_model.rowCount() == 3
            and window.stack.currentWidget() is window.family
        ),
    )
    grab(window, out, "4-family", suffix)

    family = window.family
    family.tabs.setCurrentWidget(family.chronology)
    wait_until(app, lambda: family.chronology.model.rowCount() > 0 and family.prompts.isVisible())
    grab(window, out, "7-chronology", suffix)
    family.tabs.setCurrentWidget(family.plans)
    wait_until(app, lambda: family.plans.plans_model.rowCount() == 1)
    wait_until(app, lambda: session.background.pending == 0)
    grab(window, out, "10-plans", suffix)
    family.tabs.setCurrentWidget(family.sharing_decisions)
    wait_until(app, lambda: family.sharing_decisions.model.rowCount() == 1)
    grab(window, out, "11-information-sharing", suffix)
    family.tabs.setCurrentWidget(family.chronology)
    window.lived.quick_capture()
    wait_until(app, lambda: window.lived.capture.dialog is not None)
    capture = window.lived.capture.dialog
    assert capture is not None
    capture.child.setCurrentIndex(1)  # Jayden
    capture.text.setPlainText("Jayden was still in pyjamas at eleven; the curtains were closed.")
    capture.child_voice.setText("Mummy's sleeping")
    capture.themes.set_selected(["home_conditions"])
    wait_until(app, lambda: session.background.pending == 0)
    grab(capture, out, "8-quick-capture", suffix)
    capture.discard()
    family.tabs.setCurrentIndex(0)

    window.family.new_visit_button.click()
    wait_until(app, lambda: window.stack.currentWidget() is window.visit)
    window.visit.notes.setPlainText(
        'Kerry says Dean "gets angry when he\'s had a drink". Jayden hid behind the sofa when '
        "Dean came in.\n\nMia feeding well, 8 feeds a day."
    )
    window.visit.occurred.setDateTime(window.visit.occurred.dateTime().addDays(-1))
    wait_until(app, lambda: session.background.pending == 0)
    grab(window, out, "5-visit-editor", suffix)

    window.family.add_child()
    dialog = window.family.dialog
    assert dialog is not None
    wait_until(app, dialog.isVisible)
    grab(dialog, out, "6-add-child-dialog", suffix)
    dialog.close()

    window.lived.search_notes("sofa")
    wait_until(app, lambda: window.lived.search.model.rowCount() == 2)
    grab(window, out, "9-search", suffix)
    session.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""))
