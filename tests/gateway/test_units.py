"""Unit tests of the gateway's pure parts: content flags, the decision target, staff sign-in
tokens and the at-rest cipher."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from gateway.errors import IntegrityFailure, UsageError
from gateway.keys import AtRestCipher
from gateway.limits import RateLimiter
from gateway.staff import (
    csrf_ok,
    csrf_token,
    hash_password,
    new_session_cookie,
    read_session_cookie,
    verify_password_or_dummy,
)
from gateway.summary import content_issues, narrative_lines, read_summary
from gateway.triage import decision_due
from tests.gateway.device import fhir_summary

SECRET = b"k" * 32


def _without(summary: dict[str, Any], kind: str) -> dict[str, Any]:
    entries = [e for e in summary["entry"] if e["resource"]["resourceType"] != kind]
    return {**summary, "entry": entries}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s, []),
        (lambda s: {**s, "type": "collection"}, ["not-a-fhir-document"]),
        (lambda s: {**s, "identifier": {"value": "other"}}, ["identifier-differs-from-submission-id"]),
        (lambda s: _without(s, "Patient"), ["no-child"]),
        (lambda s: _without(s, "Composition"), ["composition-not-first"]),
        (lambda s: _without(s, "QuestionnaireResponse"), ["no-assessment"]),
        (lambda s: {"entry": "nonsense"},
         ["not-a-fhir-document", "identifier-differs-from-submission-id", "composition-not-first",
          "no-child", "no-practitioner", "no-assessment"]),
    ],
)
def test_content_issues(change: Any, expected: list[str]) -> None:
    assert content_issues(change(fhir_summary("S-1")), "S-1") == expected


def test_read_summary_pulls_out_what_triage_needs() -> None:
    view = read_summary(fhir_summary("S-1", child="Ada Example", grade=4))
    assert (view.child_name, view.child_birth_date, view.practitioner) == ("Ada Example", "2023-05-01", "Pat Visitor")
    assert [(g.area, g.grade) for g in view.grades] == [("Physical care", "4"), ("Safety", "2")]
    assert view.harm_factors == ("Missed health appointments", "Home conditions poor")
    assert view.lawful_basis == "Children Act 1989 s17"


def test_read_summary_of_junk_says_not_stated() -> None:
    view = read_summary({"entry": [{"resource": {"resourceType": "Patient", "name": 5}}, 7]})
    assert view.child_name == "not stated" and view.grades == () and view.plan == ()


def test_narrative_keeps_words_and_drops_markup() -> None:
    assert narrative_lines('<div><p>One <b>two</b></p><img src=x onerror="x()"><li>Three</li></div>') == (
        "One two", "Three")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-11-23T10:00:00+00:00", "2026-11-24T10:00:00+00:00"),  # Monday → Tuesday, same time
        ("2026-11-27T16:30:00+00:00", "2026-11-30T16:30:00+00:00"),  # Friday → Monday
        ("2026-11-28T09:00:00+00:00", "2026-12-01T00:00:00+00:00"),  # Saturday → all of Monday
        ("2026-06-05T16:00:00+00:00", "2026-06-08T16:00:00+00:00"),  # Friday in BST → Monday
    ],
)
def test_decision_is_due_one_working_day_after_receipt(received: str, due: str) -> None:
    assert decision_due(datetime.fromisoformat(received)) == datetime.fromisoformat(due)


def test_session_cookie_round_trip_tamper_and_expiry() -> None:
    cookie = new_session_cookie(SECRET, "amira", now=1000)
    session = read_session_cookie(SECRET, cookie, now=1001)
    assert session is not None and session.username == "amira"
    payload, mac = cookie.split(".")
    assert read_session_cookie(SECRET, payload + "." + mac[:-1] + ("A" if mac[-1] != "A" else "B"), now=1001) is None
    assert read_session_cookie(b"x" * 32, cookie, now=1001) is None
    assert read_session_cookie(SECRET, cookie, now=1000 + 8 * 3600) is None


def test_csrf_token_is_bound_to_its_session() -> None:
    token = csrf_token(SECRET, "session-a")
    assert csrf_ok(SECRET, "session-a", token)
    assert not csrf_ok(SECRET, "session-b", token)
    assert not csrf_ok(SECRET, "session-a", None)


def test_passwords() -> None:
    stored = hash_password("twelve chars ok")
    assert verify_password_or_dummy("twelve chars ok", stored)
    assert not verify_password_or_dummy("twelve chars ok", None)
    with pytest.raises(UsageError):
        hash_password("short")


def test_at_rest_cipher_opens_only_in_its_own_row() -> None:
    cipher = AtRestCipher(b"\x01" * 32)
    sealed = cipher.seal(b"Ada Example", "row-1")
    assert b"Ada" not in sealed
    assert cipher.open(sealed, "row-1") == b"Ada Example"
    with pytest.raises(IntegrityFailure):
        cipher.open(sealed, "row-2")
    with pytest.raises(IntegrityFailure):
        AtRestCipher(b"\x02" * 32).open(sealed, "row-1")


def test_rate_limiter_refuses_past_capacity_with_a_wait() -> None:
    limiter = RateLimiter(3)
    assert [limiter.retry_after("dev") for _ in range(3)] == [0, 0, 0]
    assert limiter.retry_after("dev") >= 1
    assert limiter.retry_after("other") == 0


def test_timestamps_are_aware() -> None:
    assert decision_due(datetime(2026, 11, 23, 10, tzinfo=UTC)).tzinfo is not None
