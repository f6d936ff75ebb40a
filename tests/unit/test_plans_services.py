"""Plan services against an encrypted profile: making a plan, SMART actions linked to targeted
items and themes, the refusal to mark a plan shared while an action is flagged, reviews, and
audit events that name fields, never the text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import UnknownRecord, UsageError
from app.services.plans import (
    add_action,
    create_plan,
    get_plan,
    plans_of_family,
    record_review,
    set_action_status,
    share_plan,
    update_action,
    update_plan,
)
from app.services.plans_views import TargetedItem
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.gcp2_helpers import audit_events, audit_text
from tests.unit.plans_helpers import (  # noqa: F401 (fixtures)
    ACTOR,
    GMT,
    NUTRITION,
    SMART,
    Household,
    add_household,
    completed_gcp2,
    deploy_config,
    open_profile,
    plans_db,
    plans_home,
)

MADE = datetime(2026, 11, 20, 10, tzinfo=GMT)


def _plan(db: Database, home: Household, **kwargs: object) -> str:
    with UnitOfWork(db) as uow:
        plan = create_plan(uow, ACTOR, home.family_id, title="Jay well fed and safe",
                           child_id=home.jay, made_at=MADE, **kwargs)  # type: ignore[arg-type]
        uow.commit()
    return plan.id


def test_a_plan_gets_its_first_review_from_the_configured_timescale(
    db: Database, home: Household
) -> None:
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        plan = get_plan(uow, plan_id)
    assert plan.id.startswith("PL-") and plan.child_id == home.jay
    assert plan.review_due == date(2027, 2, 20)  # 3 months by default
    assert plan.made_by == ACTOR and plan.actions == () and not plan.shareable


def test_smart_actions_are_listed_in_order_with_their_links(db: Database, home: Household) -> None:
    assessment = completed_gcp2(db, home.jay)
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        add_action(uow, ACTOR, plan_id, **SMART, themes=["home_conditions"],
                   targeted_item=TargetedItem(assessment, NUTRITION))
        plan = add_action(uow, ACTOR, plan_id, **{**SMART, "who": "Priya (health visitor)"})
        uow.commit()
    first, second = plan.actions
    assert [a.number for a in plan.actions] == [1, 2] and first.id.startswith("A-")
    assert first.targeted_item == TargetedItem(assessment, NUTRITION)
    assert first.themes == ("home_conditions",) and second.targeted_item is None
    assert plan.shareable and plan.flagged == ()


@pytest.mark.parametrize(("item", "error"), [
    (lambda a: TargetedItem(a, "physical_care.housing"), UsageError),   # not a target of it
    (lambda a: TargetedItem("G-nowhere", "physical_care.nutrition"), UnknownRecord),
])
def test_a_targeted_item_must_be_one_of_the_assessments_targets(
    db: Database, home: Household, item: object, error: type[Exception]
) -> None:
    assessment = completed_gcp2(db, home.jay)
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow, pytest.raises(error):
        add_action(uow, ACTOR, plan_id, **SMART, targeted_item=item(assessment))  # type: ignore[operator]


def test_another_childs_targets_cannot_be_linked(db: Database, home: Household) -> None:
    assessment = completed_gcp2(db, home.mia)
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="another child"):
        add_action(uow, ACTOR, plan_id, **SMART, targeted_item=TargetedItem(assessment, NUTRITION))


def test_a_flagged_action_blocks_sharing_until_it_is_put_right(db: Database, home: Household) -> None:
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        add_action(uow, ACTOR, plan_id, **SMART)
        plan = add_action(uow, ACTOR, plan_id, **{**SMART, "who": "everyone", "by_when": None})
        uow.commit()
    assert [a.number for a in plan.flagged] == [2]
    assert [p.field for p in plan.flagged[0].problems] == ["who", "by_when"]
    with UnitOfWork(db) as uow:
        with pytest.raises(UsageError, match="1 action.*action 2: Name one person"):
            share_plan(uow, ACTOR, plan_id, how="Copy left with Kerry")
        action_id = plan.actions[1].id
        update_action(uow, ACTOR, action_id, who="Dean (partner)", by_when=date(2027, 1, 8))
        shared = share_plan(uow, ACTOR, plan_id, how="Read through with Kerry; copy left",
                            shared_at=datetime(2026, 11, 24, 11, tzinfo=GMT))
        uow.commit()
    assert shared.last_shared is not None
    assert (shared.last_shared.how, shared.last_shared.shared_by) == (
        "Read through with Kerry; copy left", ACTOR)
    assert [e[0] for e in audit_events(db, plan_id)] == ["create", "share"]
    assert audit_events(db, action_id)[-1] == ("update", {"fields": ["by_when", "who"]})


def test_a_plan_without_actions_cannot_be_shared(db: Database, home: Household) -> None:
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="no actions"):
        share_plan(uow, ACTOR, plan_id, how="Copy left")


def test_reviews_and_statuses(db: Database, home: Household) -> None:
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        action = add_action(uow, ACTOR, plan_id, **SMART).actions[0]
        set_action_status(uow, ACTOR, action.id, "done", on=date(2027, 1, 10))
        plan = record_review(uow, ACTOR, plan_id, notes="Breakfast every day; sustained",
                             next_review_due=date(2027, 5, 20),
                             held_at=datetime(2027, 2, 18, 14, tzinfo=GMT))
        uow.commit()
    assert plan.actions[0].status == "done" and plan.actions[0].status_on == date(2027, 1, 10)
    assert plan.review_due == date(2027, 5, 20)
    assert [(r.notes, r.held_by) for r in plan.reviews] == [("Breakfast every day; sustained", ACTOR)]
    with UnitOfWork(db) as uow:
        reopened = set_action_status(uow, ACTOR, action.id, "open")
        with pytest.raises(UsageError):
            set_action_status(uow, ACTOR, action.id, "finished")
    assert reopened.actions[0].status_on is None


@pytest.mark.parametrize(("changes", "error"), [
    ({"colour": "red"}, UsageError),
    ({"by_when": "tomorrow"}, UsageError),
    ({"themes": ["toxic_trio"]}, UsageError),
])
def test_bad_action_changes_are_refused(
    db: Database, home: Household, changes: dict[str, object], error: type[Exception]
) -> None:
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        action = add_action(uow, ACTOR, plan_id, **SMART).actions[0]
        with pytest.raises(error):
            update_action(uow, ACTOR, action.id, **changes)


def test_plans_of_a_family_and_unknown_ids(db: Database, home: Household) -> None:
    first = _plan(db, home)
    with UnitOfWork(db) as uow:
        family_plan = create_plan(uow, ACTOR, home.family_id, title="Home safe for both children",
                                  made_at=MADE, review_due=date(2027, 1, 30))
        update_plan(uow, ACTOR, first, title="Jay fed, safe and at nursery")
        uow.commit()
    with UnitOfWork(db) as uow:
        plans = plans_of_family(uow, home.family_id)
        with pytest.raises(UnknownRecord):
            get_plan(uow, "PL-nowhere")
        with pytest.raises(UnknownRecord):
            create_plan(uow, ACTOR, "F-nowhere", title="x")
        with pytest.raises(UnknownRecord):
            create_plan(uow, ACTOR, home.family_id, title="x", child_id="K-nowhere")
        with pytest.raises(UsageError):
            create_plan(uow, ACTOR, home.family_id, title="  ")
    assert [(p.id, p.title, p.child_id) for p in plans] == [
        (first, "Jay fed, safe and at nursery", home.jay),
        (family_plan.id, "Home safe for both children", None)]


def test_organisation_themes_are_accepted_and_text_stays_out_of_the_audit_log(
    db: Database, home: Household
) -> None:
    deploy_config(db)
    plan_id = _plan(db, home)
    with UnitOfWork(db) as uow:
        add_action(uow, ACTOR, plan_id, **SMART, themes=["housing_insecurity"])
        share_plan(uow, ACTOR, plan_id, how="Quokka-copy left with Kerry")
        uow.commit()
    text = audit_text(db)
    assert "Quokka" not in text and "breakfast" not in text and "Jay well fed" not in text
    assert "housing_insecurity" in text
