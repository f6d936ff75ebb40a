"""The organisation configuration: the shipped example, the defaults, every refusal naming the
JSON path of the first problem, where the file is found, and the organisation's themes and rules
reaching the services that use them."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from jsonschema import Draft202012Validator

from app.config import (
    DEFAULTS,
    OrganisationConfigError,
    config_file,
    organisation_config,
    organisation_config_for,
    parse_organisation_config,
)
from app.config import locate as locate_module
from app.config.schema_check import schema
from app.errors import InvalidInput, UsageError
from app.services.chronology import add_agency_entry, recurring_prompts
from app.services.lived_experience import record_entry
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from assessments.recurring_theme_rules import default_rules
from assessments.working_days import england_and_wales
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "config" / "organisation.example.json"
UTC = timezone.utc


def pem(key: x25519.X25519PrivateKey | ed25519.Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


RECOVERY = pem(x25519.X25519PrivateKey.generate())
SIGNING = pem(ed25519.Ed25519PrivateKey.generate())


def minimal(**extra: Any) -> dict[str, Any]:
    return {"format": "homevisit.organisation/1", "version": "2026-11-29.1",
            "organisation": "Telford HV", **extra}


def raw(document: Any) -> bytes:
    return json.dumps(document).encode("utf-8")


@pytest.fixture(autouse=True)
def _no_deployed_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    monkeypatch.setattr(locate_module, "system_config_dir", lambda: tmp_path / "system")


def test_the_shipped_example_is_valid_and_sets_everything() -> None:
    config = parse_organisation_config(EXAMPLE.read_bytes(), source=str(EXAMPLE))
    assert config.source == str(EXAMPLE) and config.version == "example-2026-11-29.1"
    assert "housing_insecurity" in config.themes.catalogue
    assert [r.id for r in config.themes.rules][-1] == "housing_repeats"
    assert len(config.levels.suggestions) == 5 and len(config.escalation_stages) == 4
    assert config.recovery_public_key_pem is not None and len(config.content_pack_keys_pem) == 1
    assert config.gateway_url == "https://fc-gateway.example.org"


def test_the_schema_is_valid_and_agrees_with_the_example() -> None:
    Draft202012Validator.check_schema(schema())
    assert list(Draft202012Validator(schema()).iter_errors(json.loads(EXAMPLE.read_text()))) == []


def test_a_minimal_file_keeps_every_default() -> None:
    config = parse_organisation_config(raw(minimal()))
    assert config.themes == DEFAULTS.themes and config.levels == DEFAULTS.levels
    assert config.escalation_stages == DEFAULTS.escalation_stages
    assert config.plans == DEFAULTS.plans and config.gateway_url is None
    assert config.themes.rules == default_rules()


def test_keys_extra_holidays_and_gateway_are_read() -> None:
    config = parse_organisation_config(raw(minimal(
        keys={"recovery_public_key": RECOVERY, "content_pack_signing_keys": [SIGNING, SIGNING]},
        working_days={"extra_bank_holidays": [{"date": "2027-06-04", "title": "Proclaimed"}]},
        gateway={"url": "http://localhost:8443/fc"})))
    assert config.recovery_public_key_pem == RECOVERY.encode()
    assert len(config.content_pack_keys_pem) == 2 and config.gateway_url.endswith("/fc")  # type: ignore[union-attr]
    assert config.calendar.is_bank_holiday(date(2027, 6, 4))
    assert not england_and_wales().is_bank_holiday(date(2027, 6, 4))


Mutation = Callable[[dict[str, Any]], None]


def setting(key: str, value: Any) -> Mutation:
    return lambda doc: doc.__setitem__(key, copy.deepcopy(value))


INVALID: list[tuple[str, Mutation, str, str]] = [
    ("wrong format", setting("format", "homevisit.case/1"), "$.format", "homevisit.organisation/1"),
    ("no version", lambda d: d.pop("version"), "$.version", "is required"),
    ("blank organisation", setting("organisation", "   "), "$.organisation", "must not be blank"),
    ("unknown top-level key", setting("colour", "blue"), "$.colour", "is not a known setting"),
    ("theme id form", setting("themes", [{"id": "Housing", "name": "Housing"}]),
     "$.themes[0].id", "lower-case letter"),
    ("theme redefines a default", setting("themes", [{"id": "domestic_abuse", "name": "DA"}]),
     "$.themes[0].id", "already used by a default theme"),
    ("theme name clash", setting("themes", [{"id": "da2", "name": "domestic abuse"}]),
     "$.themes[0].name", "already used"),
    ("rule names an unknown theme", setting("rules", [{"id": "theme_frequency",
                                                       "themes": ["weather"]}]),
     "$.rules[0].themes[0]", "not a theme in the catalogue"),
    ("rule of the wrong kind", setting("rules", [{"id": "theme_frequency",
                                                  "kind": "cumulative_harm_factors"}]),
     "$.rules[0].kind", "default rule"),
    ("new rule without a kind", setting("rules", [{"id": "mine", "min_events": 2}]),
     "$.rules[0].kind", "is required"),
    ("rule count too small", setting("rules", [{"id": "theme_frequency", "min_events": 1}]),
     "$.rules[0].min_events", "from 2 to 50"),
    ("duplicate level id", setting("levels", {"levels": [{"id": "a1", "name": "A"},
                                                         {"id": "a1", "name": "B"}]}),
     "$.levels.levels[1].id", "already used"),
    ("one level", setting("levels", {"levels": [{"id": "a1", "name": "A"}]}),
     "$.levels.levels", "from 2 to 10"),
    ("row names no level", setting("levels", {"suggestions": [{"level": "nowhere",
                                                               "area_grade_at_least": 4}]}),
     "$.levels.suggestions[0].level", "one of the levels"),
    ("row without a condition", setting("levels", {"suggestions": [{"level": "targeted"}]}),
     "$.levels.suggestions[0]", "at least one condition"),
    ("areas without a grade", setting("levels", {"suggestions": [
        {"level": "targeted", "areas": 2, "harm_factors_at_least": 1}]}),
     "$.levels.suggestions[0].areas", "only together with area_grade_at_least"),
    ("grade out of range", setting("levels", {"suggestions": [
        {"level": "targeted", "area_grade_at_least": 6}]}),
     "$.levels.suggestions[0].area_grade_at_least", "from 1 to 5"),
    ("no stages", setting("escalation", {"stages": []}), "$.escalation.stages", "from 1 to 8"),
    ("stage too long", setting("escalation", {"stages": [{"name": "A", "working_days": 61}]}),
     "$.escalation.stages[0].working_days", "from 1 to 60"),
    ("stage as text", setting("escalation", {"stages": [{"name": "A", "working_days": "5"}]}),
     "$.escalation.stages[0].working_days", "whole number"),
    ("holiday not a date", setting("working_days", {"extra_bank_holidays": [
        {"date": "2027-02-30", "title": "x"}]}),
     "$.working_days.extra_bank_holidays[0].date", "real calendar date"),
    ("holiday outside the table", setting("working_days", {"extra_bank_holidays": [
        {"date": "2031-05-05", "title": "x"}]}),
     "$.working_days.extra_bank_holidays[0].date", "2015 to 2030"),
    ("holiday at a weekend", setting("working_days", {"extra_bank_holidays": [
        {"date": "2027-06-05", "title": "x"}]}),
     "$.working_days.extra_bank_holidays[0].date", "weekend"),
    ("signing key as recovery key", setting("keys", {"recovery_public_key": SIGNING}),
     "$.keys.recovery_public_key", "X25519"),
    ("recovery key as signing key", setting("keys", {"content_pack_signing_keys": [SIGNING,
                                                                                   RECOVERY]}),
     "$.keys.content_pack_signing_keys[1]", "Ed25519"),
    ("not a PEM", setting("keys", {"recovery_public_key": "ssh-ed25519 AAAA"}),
     "$.keys.recovery_public_key", "PEM form"),
    ("damaged PEM", setting("keys", {"recovery_public_key":
                                     "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"}),
     "$.keys.recovery_public_key", "not a readable public key"),
    ("plain http gateway", setting("gateway", {"url": "http://fc.example.org"}), "$.gateway.url",
     "https://"),
    ("gateway without url", setting("gateway", {}), "$.gateway.url", "is required"),
    ("first problem in file order", lambda d: d.update(
        levels={"levels": [{"id": "a1", "name": "A"}]}, escalation={"stages": []}),
     "$.levels.levels", "from 2 to 10"),
]


@pytest.mark.parametrize(("label", "mutate", "path", "words"), INVALID,
                         ids=[case[0] for case in INVALID])
def test_every_refusal_names_the_json_path(label: str, mutate: Mutation, path: str,
                                           words: str) -> None:
    document = minimal()
    mutate(document)
    with pytest.raises(InvalidInput) as caught:
        parse_organisation_config(raw(document))
    assert caught.value.path == path, caught.value.message
    assert words in caught.value.problem
    assert isinstance(caught.value, UsageError) and caught.value.exit_code == 2


@pytest.mark.parametrize(("text", "path", "words"), [
    (b"", "$", "not valid JSON"),
    (b"[]", "$", "must be an object"),
    (b'{"format": "homevisit.organisation/1", "format": "x"}', "$.format", "appears twice"),
    (b'{"levels": {"levels": [], "levels": []}}', "$.levels.levels", "appears twice"),
    (b"\xff\xfe{}", "$", "not UTF-8"),
    (b'{"format": "homevisit.organisation/1", "version": "1"', "$", "not valid JSON"),
])
def test_files_that_are_not_json_objects(text: bytes, path: str, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_organisation_config(text)
    assert (caught.value.path, words in caught.value.problem) == (path, True)


def _write(path: Path, document: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw(document))
    return path


def test_without_a_file_the_defaults_are_in_force(tmp_path: Path) -> None:
    assert config_file(tmp_path) is None
    assert organisation_config_for(tmp_path) is DEFAULTS


def test_the_system_file_wins_over_the_data_folder_and_the_variable_over_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _write(tmp_path / "organisation.json", minimal(version="data-dir"))
    assert organisation_config_for(tmp_path).version == "data-dir"
    system = _write(tmp_path / "system" / "organisation.json", minimal(version="system"))
    assert config_file(tmp_path) == system
    assert organisation_config_for(tmp_path).version == "system"
    named = _write(tmp_path / "elsewhere.json", minimal(version="named"))
    monkeypatch.setenv("HOMEVISIT_CONFIG", str(named))
    assert organisation_config_for(tmp_path).version == "named"
    monkeypatch.setenv("HOMEVISIT_CONFIG", str(tmp_path / "missing.json"))
    with pytest.raises(OrganisationConfigError, match="HOMEVISIT_CONFIG"):
        organisation_config_for(tmp_path)
    assert data.exists()


def test_a_redeployed_file_is_picked_up_and_a_broken_one_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "organisation.json", minimal(version="one"))
    assert organisation_config_for(tmp_path).version == "one"
    _write(path, minimal(version="two, longer"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert organisation_config_for(tmp_path).version == "two, longer"
    _write(path, minimal(levels={"levels": []}))
    with pytest.raises(OrganisationConfigError) as caught:
        organisation_config_for(tmp_path)
    assert "$.levels.levels" in caught.value.message and str(path) in caught.value.message
    assert caught.value.exit_code == 2


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from open_db(tmp_path)


@pytest.fixture
def home(db: Database) -> Household:
    return make_household(db)


def _entries(db: Database, home: Household, theme: str) -> None:
    with UnitOfWork(db) as uow:
        for day, source in [("2026-01-10", "Police"), ("2026-02-10", "School"),
                            ("2026-03-10", "GP")]:
            add_agency_entry(uow, ACTOR, home.family_id, source=source, event="seen",
                             occurred_at=datetime.fromisoformat(day).replace(tzinfo=UTC),
                             themes=[theme])
        uow.commit()


def test_organisation_themes_reach_the_services_through_the_profile_folder(
    db: Database, home: Household
) -> None:
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="housing_insecurity"):
        record_entry(uow, ACTOR, home.child_id, occurred_at=datetime(2026, 3, 1, tzinfo=UTC),
                     part_of_day="morning", text="Moved again", source="carer",
                     themes=["housing_insecurity"])
    _write(db.path.parent / "organisation.json", minimal(
        themes=[{"id": "housing_insecurity", "name": "Housing insecurity"}]))
    with UnitOfWork(db) as uow:
        assert organisation_config(uow).version == "2026-11-29.1"
        entry = record_entry(uow, ACTOR, home.child_id,
                             occurred_at=datetime(2026, 3, 1, tzinfo=UTC), part_of_day="morning",
                             text="Moved again", source="carer", themes=["housing_insecurity"])
    assert entry.themes == ("housing_insecurity",)


def test_organisation_rules_drive_the_recurring_prompts(db: Database, home: Household) -> None:
    _entries(db, home, "home_conditions")
    with UnitOfWork(db) as uow:
        before = [p.rule_id for p in recurring_prompts(uow, home.family_id)]
    _write(db.path.parent / "organisation.json", minimal(rules=[
        {"id": "same_theme_multiple_sources", "enabled": False},
        {"id": "theme_frequency", "min_events": 4}]))
    with UnitOfWork(db) as uow:
        after = [p.rule_id for p in recurring_prompts(uow, home.family_id)]
        # An explicit rule list still wins over the configuration.
        explicit = [p.rule_id for p in recurring_prompts(uow, home.family_id,
                                                         rules=default_rules())]
    assert before == ["same_theme_multiple_sources", "theme_frequency", "long_running_theme"]
    assert after == ["long_running_theme"]
    assert explicit == before
