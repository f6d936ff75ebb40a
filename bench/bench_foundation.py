"""Foundation benchmarks: process start, encrypted vs plain store, unlock.

Each figure is a ratio against a floor measured in the same run on the same machine:
- `homevisit --version` and the GUI's first window vs a bare PySide6 QMainWindow process;
- importing 10,000 visits into the encrypted store vs the same ORM workload on plain SQLite
  (the same engine, code and migrations with the key pragma left out);
- unlocking to a caseload of 500 families vs the Argon2id KDF alone (budget: KDF + 150 ms),
  each family with a booked visit (the "Next visit" column) and six other agencies' entries
  carrying themes; the "Open concerns" column's second pass over those entries, which runs on
  the worker after the caseload shows, is timed beside it (budget 500 ms).
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.harness import PY, Figure, process_time

BARE_QT = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setWindowTitle('bare'); w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def start_figures(repeat: int = 7) -> list[Figure]:
    bare = process_time([PY, "-c", BARE_QT], repeat=repeat)
    version = process_time([PY, "-m", "app", "--version"], repeat=repeat)
    figures = [Figure("homevisit --version vs bare PySide6 window", version, bare, 1.0,
                      note="(CLI imports no Qt)")]
    with tempfile.TemporaryDirectory() as empty:
        gui = process_time([PY, "-m", "ui.first_window_probe", empty], repeat=repeat)
    figures.append(Figure("GUI to first window vs bare PySide6 window", gui, bare, 1.5))
    return figures


def _case(families: int, visits_per_family: int):  # -> CaseFile
    from app.casefile.records import (
        CarerRecord,
        CaseFile,
        ChildRecord,
        FamilyRecord,
        VisitRecord,
    )

    start = datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)
    out = []
    for f in range(families):
        visits = tuple(
            VisitRecord(f"V{f}-{v}", start + timedelta(days=v), start + timedelta(days=v, hours=2),
                        "announced" if v % 3 else "unannounced", (f"C{f}", f"K{f}"),
                        "Notes of the visit " * 8)
            for v in range(visits_per_family)
        )
        out.append(FamilyRecord(
            f"F{f}", f"Family {f}", f"{f} Example Road",
            (CarerRecord(f"C{f}", f"Carer {f}", "mother", True),),
            (ChildRecord(f"K{f}", f"Child {f}", date(2023, 5, 1), None),),
            visits,
        ))
    return CaseFile(tuple(out))


@contextmanager
def _plain_sqlite() -> Iterator[None]:
    """The floor: the very same engine and code with no key (SQLCipher keyless = plain SQLite)."""
    from app.storage import database

    original = database._KeyPragma.__init__

    def no_key(self: database._KeyPragma, data_key: bytes) -> None:
        self.statement = "PRAGMA cipher_log_level = NONE"

    database._KeyPragma.__init__ = no_key  # type: ignore[method-assign]
    try:
        yield
    finally:
        database._KeyPragma.__init__ = original  # type: ignore[method-assign]


def _import_once(case, plain: bool) -> float:  # noqa: ANN001
    from app.services.case_files import import_case_file
    from app.services.practitioners import create_practitioner
    from app.services.unit_of_work import UnitOfWork
    from app.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        ctx = _plain_sqlite() if plain else _nullcontext()
        with ctx:
            start = time.perf_counter()
            db = open_database(path, secrets.token_bytes(32))
            with UnitOfWork(db) as uow:
                create_practitioner(uow, name="Bench")
                import_case_file(uow, case, actor="Bench")
                uow.commit()
            db.close()
            elapsed = time.perf_counter() - start
        header = path.read_bytes()[:16]
        assert (header == b"SQLite format 3\x00") == plain, "floor must be plain, store encrypted"
    return elapsed


@contextmanager
def _nullcontext() -> Iterator[None]:
    yield


def store_figures(repeat: int = 7) -> list[Figure]:
    """Plain and encrypted runs alternate, so a busy moment on the machine hits both alike."""
    import statistics

    case = _case(500, 20)  # 10,000 visits
    _import_once(case, True)  # warm-up: imports, page cache
    plain: list[float] = []
    encrypted: list[float] = []
    for _ in range(repeat):
        plain.append(_import_once(case, True))
        encrypted.append(_import_once(case, False))
    return [Figure("import 10,000 visits: encrypted vs plain SQLite",
                   statistics.median(encrypted), statistics.median(plain), 1.3)]


def _with_themes_and_bookings(case):  # noqa: ANN001, ANN202  (CaseFile -> CaseFile)
    """Each family with a visit booked and the review case's six themed agency entries."""
    from app.casefile.lived_experience import CHRONOLOGY, ChronologyRecord
    from app.casefile.planned_visits import PLANNED_VISITS, PlannedVisitRecord
    from app.casefile.records import CaseFile

    history = (("2019-03-14", "Health visiting", ("home_conditions",)),
               ("2021-06-02", "Health visiting", ("home_conditions",)),
               ("2022-09-20", "Police", ("domestic_abuse",)),
               ("2023-07-11", "GP surgery", ("parental_mental_health",)),
               ("2024-02-06", "Health visiting", ("home_conditions",)),
               ("2024-05-15", "School", ("parental_substance_use", "school_attendance")))
    families = []
    for f, family in enumerate(case.families):
        entries = tuple(
            ChronologyRecord(f"H{f}-{n}", datetime.fromisoformat(day).replace(tzinfo=timezone.utc),
                             None, "Event", source, "", "", themes)
            for n, (day, source, themes) in enumerate(history)
        )
        booked = (PlannedVisitRecord(f"N{f}", None, datetime(2027, 1, 5 + f % 20, 10,
                                                             tzinfo=timezone.utc),
                                     "Review", "booked", None, ""),)
        families.append(PLANNED_VISITS.with_value(CHRONOLOGY.with_value(family, entries), booked))
    return CaseFile(tuple(families))


def unlock_figures(repeat: int = 5) -> list[Figure]:
    """Unlock = vault (Argon2id KDF + key store + unwrap) then database open and caseload.

    Both halves are timed within the same unlock, so the KDF floor and the total share the
    machine's load at that moment; the budget is the KDF plus 150 ms.
    """
    import statistics

    from app.profile import NewProfile, create_profile
    from app.services.case_files import import_case_file
    from app.services.families import caseload
    from app.services.open_concerns import open_concerns
    from app.services.unit_of_work import UnitOfWork
    from app.storage.database import open_database
    from app.vault import MemoryKeyStore, unlock_vault

    store = MemoryKeyStore()
    kdfs: list[float] = []
    totals: list[float] = []
    concerns: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "profile"
        with create_profile(data_dir, "bench passphrase", NewProfile("Bench"), keystore=store) as p:
            with p.unit_of_work() as uow:
                import_case_file(uow, _with_themes_and_bookings(_case(500, 20)), actor="Bench")
                uow.commit()
        for _ in range(repeat):
            start = time.perf_counter()
            vault = unlock_vault(data_dir / "vault.json", "bench passphrase", keystore=store)
            unwrapped = time.perf_counter()
            db = open_database(data_dir / "homevisit.db", vault.data_key)
            with UnitOfWork(db) as uow:
                rows = caseload(uow)
            done = time.perf_counter()
            with UnitOfWork(db) as uow:  # the second pass, once the caseload is on screen
                counts = open_concerns(uow)
            counted = time.perf_counter()
            db.close()
            assert len(rows) == 500 and all(r.next_visit_at for r in rows)
            assert len(counts) == 500
            kdfs.append(unwrapped - start)
            totals.append(done - start)
            concerns.append(counted - done)
    kdf, total = statistics.median(kdfs), statistics.median(totals)
    return [Figure("unlock to caseload of 500 families vs KDF", total, kdf, (kdf + 0.150) / kdf,
                   note=f"(KDF {kdf * 1000:.0f} ms + rest {1000 * (total - kdf):.0f} ms; budget +150 ms)"),
            Figure("open concerns of 500 families (second pass)", statistics.median(concerns),
                   0.500, 1.0, note="(on the worker after the caseload shows; 3,000 themed entries)")]


def figures() -> list[Figure]:
    return start_figures() + store_figures() + unlock_figures()
