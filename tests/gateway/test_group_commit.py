"""SQLite group commit (gateway/group_commit.py): writes queued while a commit is under way share
the next transaction, yet each caller sees exactly what its own transaction would have given."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from gateway.group_commit import CommitGroup
from gateway.hotpath import RawConnection
from gateway.keys import create_keys
from gateway.storage import RequestToken, Store, open_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_engine(f"sqlite:///{tmp_path / 'gateway.db'}")
    yield engine
    engine.dispose()


def _spend(jti: str) -> Callable[[RawConnection], str]:
    def work(connection: RawConnection) -> str:
        connection.run_sql("INSERT INTO used_request_tokens (device_id, jti, expires_at) "
                           f"VALUES ('dev-1', '{jti}', '2030-01-01 00:00:00.000000')")
        return jti
    return work


def _kept(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT jti FROM used_request_tokens ORDER BY jti"))]


def _run_while_a_leader_is_writing(group: CommitGroup, queued: list[Callable[[RawConnection], object]]) -> list[object]:
    """Hold a first writer inside its transaction until every piece of `queued` waits behind it,
    then let go: the queued work is written as one group. Returns each caller's result or error."""
    inside, release = threading.Event(), threading.Event()

    def first(connection: RawConnection) -> str:
        inside.set()
        release.wait(10)
        return _spend("first")(connection)

    def call(work: Callable[[RawConnection], object]) -> object:
        try:
            return group.run(work)
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            return exc

    with ThreadPoolExecutor(len(queued) + 1) as pool:
        leader = pool.submit(call, first)
        assert inside.wait(10)
        futures = [pool.submit(call, work) for work in queued]
        deadline = time.monotonic() + 10
        while len(group._queue) < len(queued) and time.monotonic() < deadline:
            time.sleep(0.005)
        release.set()
        assert leader.result() == "first"
        return [future.result() for future in futures]


def test_work_queued_behind_a_commit_shares_the_next_one(engine: Engine) -> None:
    group = CommitGroup(engine)
    results = _run_while_a_leader_is_writing(group, [_spend(f"t{n}") for n in range(5)])
    assert sorted(results) == [f"t{n}" for n in range(5)]  # type: ignore[type-var]
    assert (group.groups, group.writes) == (2, 6)  # the first alone, then five in one transaction
    assert _kept(engine) == ["first", *[f"t{n}" for n in range(5)]]


def test_work_that_fails_is_rolled_back_alone(engine: Engine) -> None:
    def spend_then_fail(connection: RawConnection) -> str:
        _spend("doomed")(connection)
        raise ValueError("refused after writing")

    group = CommitGroup(engine)
    results = _run_while_a_leader_is_writing(group, [_spend("before"), spend_then_fail, _spend("first"), _spend("after")])
    assert results[0] == "before" and results[3] == "after"
    assert isinstance(results[1], ValueError)
    assert isinstance(results[2], IntegrityError)  # a duplicate key fails its own work only
    assert _kept(engine) == ["after", "before", "first"]


def test_a_failed_commit_fails_every_caller_in_the_group_and_keeps_nothing(engine: Engine) -> None:
    def orphan_outcome(connection: RawConnection) -> str:
        # A foreign key checked only at COMMIT: the whole group's COMMIT fails.
        connection.run_sql("PRAGMA defer_foreign_keys = ON")
        connection.run_sql("INSERT INTO outcomes (outcome_id, submission_pk, device_id, decision, decided_by, "
                           "decided_at, token_sealed) VALUES ('o1', 999, 'dev-1', 'nfa', 'sam', "
                           "'2026-11-29 00:00:00.000000', x'00')")
        return "written"

    group = CommitGroup(engine)
    results = _run_while_a_leader_is_writing(group, [_spend("a"), orphan_outcome, _spend("b")])
    assert all(isinstance(result, IntegrityError) for result in results), results
    assert len({id(result) for result in results}) == 3  # each caller raises its own copy
    assert _kept(engine) == ["first"]
    assert (group.groups, group.writes) == (1, 1)
    assert group.run(_spend("later")) == "later"  # the next group starts clean


def test_many_threads_spending_one_request_token_succeed_exactly_once(tmp_path: Path, engine: Engine) -> None:
    """The replay check under the group commit: 64 threads, one token id, one success."""
    store = Store(engine, create_keys(tmp_path / "home"), "LA-1")
    now = datetime.now(UTC)
    token = RequestToken("dev-1", "same-jti", now + timedelta(minutes=2))
    with ThreadPoolExecutor(16) as pool:
        spent = list(pool.map(lambda _: store.consume_token(token, now), range(64)))
    assert spent.count(True) == 1
    others = [RequestToken("dev-1", f"jti-{n}", now + timedelta(minutes=2)) for n in range(64)]
    with ThreadPoolExecutor(16) as pool:
        assert all(pool.map(lambda t: store.consume_token(t, now), others))
    assert len(_kept(engine)) == 65
