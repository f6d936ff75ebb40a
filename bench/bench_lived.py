"""Lived-experience benchmarks against their budgets (floor = the budget, target ratio 1.0):
- full-text search (FTS5 in the encrypted store, bm25 ranking, highlighted snippet, 50 hits)
  over 100,000 visit notes: median <= 50 ms;
- the merged chronology of one family with 5,000 events (visits, lived-experience entries,
  agency entries), built by the service: median <= 200 ms.

Rows are written with plain executemany (the triggers index every note as the app would), so
the set-up stays well under a minute on two cores.
"""

from __future__ import annotations

import random
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.harness import Figure, median_time

NOTES = 100_000
EVENTS = 5_000
_START = datetime(2021, 1, 4, 9, 30, tzinfo=timezone.utc)
# A vocabulary with a long tail, like case notes: a few words everywhere, most rare.
_COMMON = ("mother", "child", "home", "said", "visit", "room", "baby", "school", "seen", "today")
_WORDS = tuple(f"w{n:04d}" for n in range(5_000))


def _note(rng: random.Random) -> str:
    words = [rng.choice(_COMMON) if rng.random() < 0.4 else rng.choice(_WORDS) for _ in range(40)]
    if rng.random() < 0.01:
        words[rng.randrange(40)] = "angry"
    return " ".join(words)


@contextmanager
def _database() -> Iterator[Any]:
    from app.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db", secrets.token_bytes(32))
        try:
            yield db
        finally:
            db.close()


def _family(conn: Any, family_id: str, child_id: str, seq: int) -> None:
    conn.exec_driver_sql(
        "INSERT INTO record_ids (id, kind) VALUES (?, 'family'), (?, 'child')", (family_id, child_id)
    )
    conn.exec_driver_sql("INSERT INTO families (id, seq, name, address) VALUES (?, ?, 'F', 'A')",
                         (family_id, seq))
    conn.exec_driver_sql(
        "INSERT INTO children (id, family_id, seq, name, date_of_birth) "
        "VALUES (?, ?, ?, 'Child', '2020-01-01')", (child_id, family_id, seq)
    )


def _visits(conn: Any, family_id: str, count: int, rng: random.Random, first: int = 0) -> None:
    ids = [f"V-{first + n}" for n in range(count)]
    conn.exec_driver_sql("INSERT INTO record_ids (id, kind) VALUES (?, 'visit')",
                         [(i,) for i in ids])
    rows = []
    for n, visit_id in enumerate(ids):
        at = _START + timedelta(hours=7 * (first + n))
        rows.append((visit_id, family_id, first + n + 1, at.isoformat(), at.isoformat(),
                     at.isoformat(timespec="microseconds"), _note(rng)))
    conn.exec_driver_sql(
        "INSERT INTO visits (id, family_id, seq, occurred_at, recorded_at, occurred_utc, kind, "
        "notes) VALUES (?, ?, ?, ?, ?, ?, 'announced', ?)", rows
    )


def search_figure() -> Figure:
    from app.services.search import search_notes
    from app.services.unit_of_work import UnitOfWork

    rng = random.Random(5)
    with _database() as db:
        with db.engine.begin() as conn:
            _family(conn, "F-1", "K-1", 1)
            _visits(conn, "F-1", NOTES, rng)
        with UnitOfWork(db) as uow:
            assert len(search_notes(uow, "angry mother")) == 50
            measured = median_time(lambda: search_notes(uow, "angry mother"), repeat=11)
    return Figure(f"search over {NOTES:,} notes vs 50 ms budget", measured, 0.050, 1.0,
                  note="(FTS5, bm25, snippet, 50 hits)")


def chronology_figure() -> list[Figure]:
    from app.services.chronology import family_chronology
    from app.services.unit_of_work import UnitOfWork

    rng = random.Random(7)
    third = EVENTS // 3
    with _database() as db:
        with db.engine.begin() as conn:
            _family(conn, "F-1", "K-1", 1)
            _visits(conn, "F-1", EVENTS - 2 * third, rng)
            conn.exec_driver_sql(
                "INSERT INTO record_ids (id, kind) VALUES (?, 'lived_experience')",
                [(f"L-{n}",) for n in range(third)],
            )
            conn.exec_driver_sql(
                "INSERT INTO lived_experience (id, family_id, child_id, seq, occurred_at, "
                "recorded_at, part_of_day, text, child_voice, impact, source, themes) VALUES "
                "(?, 'F-1', 'K-1', ?, ?, ?, 'morning', ?, 'words', 'impact', 'observed', "
                "'[\"home_conditions\"]')",
                [(f"L-{n}", n + 1, (_START + timedelta(hours=5 * n)).isoformat(),
                  (_START + timedelta(hours=5 * n + 1)).isoformat(), _note(rng))
                 for n in range(third)],
            )
            conn.exec_driver_sql(
                "INSERT INTO record_ids (id, kind) VALUES (?, 'chronology_entry')",
                [(f"H-{n}",) for n in range(third)],
            )
            conn.exec_driver_sql(
                "INSERT INTO chronology_entries (id, family_id, child_id, seq, occurred_at, "
                "event, source, impact, outcome, themes) VALUES (?, 'F-1', NULL, ?, ?, ?, "
                "'Police', 'impact', 'outcome', '[\"domestic_abuse\"]')",
                [(f"H-{n}", n + 1, (_START + timedelta(hours=11 * n)).isoformat(), _note(rng))
                 for n in range(third)],
            )
        with UnitOfWork(db) as uow:
            assert len(family_chronology(uow, "F-1")) == EVENTS
            measured = median_time(lambda: family_chronology(uow, "F-1"), repeat=7)
            rendered = _rendered(list(family_chronology(uow, "F-1")))
    return [
        Figure(f"chronology of {EVENTS:,} events vs 200 ms budget", measured, 0.200, 1.0,
               note="(service-level build)"),
        Figure(f"chronology of {EVENTS:,} events on screen vs 200 ms budget",
               measured + rendered, 0.200, 1.0,
               note="(build + table model + timeline lanes + one paint of both, offscreen)"),
    ]


def _rendered(rows: list[Any]) -> float:
    """GUI time to show rows already built: the table's model, the timeline's lanes, and one
    full paint of both (`grab`), as the chronology tab does when it is shown."""
    from PySide6.QtWidgets import QApplication, QSplitter, QTableView

    from assessments.themes import default_catalogue
    from ui.chronology_model import ChronologyModel
    from ui.timeline_view import TimelineView

    app = QApplication.instance() or QApplication([])
    catalogue = default_catalogue()
    splitter = QSplitter()
    model = ChronologyModel(splitter)
    table = QTableView(splitter)
    table.setModel(model)
    timeline = TimelineView(splitter)
    splitter.resize(1366, 700)

    def show() -> None:
        model.set_chronology(rows, catalogue)
        timeline.set_rows(rows, catalogue)
        splitter.grab()
        app.processEvents()

    show()
    assert model.rowCount() == len(rows)
    return median_time(show, repeat=5)


def figures() -> list[Figure]:
    return [search_figure(), *chronology_figure()]
