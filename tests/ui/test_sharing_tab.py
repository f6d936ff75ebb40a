"""The family's "Information sharing" tab: the decisions model without a window, the disclosure
form's own checks, and the real windows by keyboard — the tab reads nothing until shown, lists
shares through the app and outside it, and "Record a disclosure…" stores one (refused, with
one clear sentence, until consent not sought has its reason)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import NewProfile, create_profile, unlock_profile
from app.services.families import add_child, create_family
from app.services.sharing_views import SharingDecisionView
from app.services.views import ChildView, FamilyDetail, FamilyView
from app.storage.models_sharing import SharingDecision
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock, wait_for_worker
from tests.unit.outcome_helpers import add_front_door_outcome
from ui.disclosure_dialog import DisclosureDialog, NewDisclosure
from ui.session import ProfileAccess
from ui.settings import Preferences
from ui.sharing_models import DECISION_ID_ROLE, SharingDecisionsModel

ALT = Qt.KeyboardModifier.AltModifier
Display = Qt.ItemDataRole.DisplayRole
EARLY = datetime(2026, 10, 1, 9, tzinfo=UTC)


def decision(id_: str, *, channel: str = "phone", child_id: str | None = None,
             consent: str = "not_sought", reason: str = "would put Mia at risk",
             occurred_at: datetime = EARLY, withheld: str = "", advice: str = "",
             recipient: str = "MASH duty desk") -> SharingDecisionView:
    return SharingDecisionView(
        id=id_, family_id="F-1", child_id=child_id, assessment_id=None, occurred_at=occurred_at,
        recorded_at=occurred_at + timedelta(hours=2), recipient=recipient,
        purpose="Safeguarding referral", shared="Home conditions", lawful_basis="public_task",
        special_category_condition="DPA 2018 Sch 1 para 18", consent=consent,
        consent_reason=reason, identities_withheld=withheld, advice_taken=advice,
        channel=channel, practitioner="Priya Example", repeats=None,
        submission_id="sub-1" if channel == "app" else None)


CALL = decision("S-1", child_id="K-1", withheld="the neighbour", advice="Named nurse")
SHARE = decision("S-2", channel="app", consent="given", reason="",
                 occurred_at=EARLY + timedelta(days=3), recipient="Example Council (LA-1)")


def filled() -> SharingDecisionsModel:
    model = SharingDecisionsModel()
    model.set_decisions([CALL, SHARE], {"K-1": "Mia"})
    return model


@pytest.mark.parametrize(("column", "call", "share"), [
    (SharingDecisionsModel.HOW, "Outside the app: phone call",
     "Through HomeVisit (Family Connect sync)"),
    (SharingDecisionsModel.RECIPIENT, "MASH duty desk", "Example Council (LA-1)"),
    (SharingDecisionsModel.ABOUT, "Mia", "The whole family"),
    (SharingDecisionsModel.LAWFUL_BASIS, "Public task", "Public task"),
    (SharingDecisionsModel.CONDITION, "DPA 2018 Sch 1 para 18", "DPA 2018 Sch 1 para 18"),
    (SharingDecisionsModel.CONSENT, "Not sought: would put Mia at risk", "Given"),
    (SharingDecisionsModel.WITHHELD, "the neighbour", "None"),
    (SharingDecisionsModel.ADVICE, "Named nurse", "None recorded"),
    (SharingDecisionsModel.PURPOSE, "Safeguarding referral", "Safeguarding referral"),
])
def test_each_field_of_the_decision_has_its_column(
    qtbot: QtBot, column: int, call: str, share: str
) -> None:
    model = filled()
    texts = {model.data(model.index(r, 0), DECISION_ID_ROLE):
             model.data(model.index(r, column), Display) for r in range(2)}
    assert texts == {"S-1": call, "S-2": share}


def test_latest_first_sortable_by_value_and_recorded_by_whom(qtbot: QtBot) -> None:
    model = filled()
    assert [model.row_at(r).id for r in range(2)] == ["S-2", "S-1"]  # the latest first
    model.sort(SharingDecisionsModel.WHEN, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(2)] == ["S-1", "S-2"]
    model.sort(SharingDecisionsModel.RECIPIENT, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(2)] == ["S-2", "S-1"]  # Example < MASH
    made_by = str(model.data(model.index(model.row_of("S-1"), model.MADE_BY), Display))
    assert made_by.startswith("Priya Example, recorded ")
    assert model.columnCount() == len(model.headers()) == 12
    model.clear()
    assert model.rowCount() == 0


def _detail() -> FamilyDetail:
    return FamilyDetail(FamilyView("F-1", "Carter family", "4 Road"), (),
                        (ChildView("K-1", "F-1", "Mia", date(2024, 5, 1), None),), ())


def _fill(dialog: DisclosureDialog) -> None:
    assert dialog.recipient is not None and dialog.shared is not None
    dialog.recipient.setText("MASH duty desk")
    dialog.shared.setText("Home conditions")
    dialog.purpose.setText("Safeguarding referral")


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.purpose.clear(), "Please fill in: Purpose"),
    (lambda d: d.occurred.setDateTime(QDateTime.currentDateTime().addDays(1)),
     "The time it was shared cannot be in the future."),
    (lambda d: d.consent.setCurrentIndex(d.consent.findData("refused")),
     "Say why consent was refused or not sought (for example, asking would put the child at "
     "risk)."),
    (lambda d: d.lawful_basis.setCurrentIndex(d.lawful_basis.findData("consent"))
     or d.consent.setCurrentIndex(d.consent.findData("refused"))
     or d.reason.setText("mother said no"),
     "Consent can only be the lawful basis when consent was given."),
])
def test_the_form_refuses_with_one_sentence_and_stays_open(
    qtbot: QtBot, change: object, problem: str
) -> None:
    dialog = DisclosureDialog(_detail())
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(dialog)
    change(dialog)  # type: ignore[operator]
    with qtbot.assertNotEmitted(dialog.submitted):
        dialog._try_accept()
    assert dialog.problem.text() == problem and dialog.isVisible()


def test_the_form_waits_for_the_save_and_shows_the_services_refusal(qtbot: QtBot) -> None:
    dialog = DisclosureDialog(_detail())
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(dialog)
    dialog.child.setCurrentIndex(dialog.child.findData("K-1"))
    with qtbot.waitSignal(dialog.submitted) as sent:
        dialog._try_accept()
    new = sent.args[0]
    assert isinstance(new, NewDisclosure) and new.child_id == "K-1"
    assert new.request.channel == "phone" and new.request.recipient == "MASH duty desk"
    assert new.request.occurred_at is not None and new.request.occurred_at.utcoffset() is not None
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()  # saving
    dialog.refused("No child with id 'K-1' in this family.")
    assert dialog.problem.text() == "No child with id 'K-1' in this family."
    assert dialog.ok_button.isEnabled() and dialog.isVisible()
    dialog.saved()
    assert not dialog.isVisible()


@pytest.fixture
def prepared(access: ProfileAccess, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The Carter family with Mia, a GCP2 summary shared through the app (with the front
    door's decision). Returns (family id, Mia's id)."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    new = NewProfile(practitioner_name=practitioner(), gcp2_trained_on=date(2025, 3, 14))
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore,
                        kdf=access.kdf) as profile, profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Carter family", address="4 Road")
        mia = add_child(uow, actor, family.id, name="Mia", date_of_birth=date(2024, 5, 1))
        add_front_door_outcome(uow, actor, family.id, child_id=mia.id)
        uow.commit()
    return family.id, mia.id


def test_shown_on_demand_and_a_disclosure_recorded_by_keyboard(
    qtbot: QtBot, access: ProfileAccess, prepared: tuple[str, str], preferences: Preferences
) -> None:
    family_id, mia = prepared
    session = make_session(qtbot, access, preferences)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    page = window.family
    tab = page.sharing_decisions
    loads: list[object] = []
    tab.loaded.connect(loads.append)
    window.open_family(family_id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert loads == [] and tab.model.rowCount() == 0  # opening the family read nothing here

    # Every letter of "Information sharing" is another control's mnemonic on some tab of the
    # page, so the tab has none: Ctrl+Tab moves through the tabs, as in any tab widget.
    page.tabs.setFocus()
    for _ in range(page.tabs.count()):
        if page.tabs.currentWidget() is tab:
            break
        qtbot.keyClick(page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=WAIT_MS)
    how = tab.model.data(tab.model.index(0, tab.model.HOW), Display)
    assert tab.model.rowCount() == 1 and how == "Through HomeVisit (Family Connect sync)"

    qtbot.keyClick(tab, Qt.Key.Key_U, ALT)  # Record a disclos&ure…
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=WAIT_MS)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    qtbot.keyClicks(QApplication.focusWidget(), "Front door duty social worker")
    qtbot.keyClick(dialog, Qt.Key.Key_H, ALT)  # &How: a meeting
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # What was &shared
    qtbot.keyClicks(QApplication.focusWidget(), "Mia's bruise and what Kerry said")
    qtbot.keyClick(dialog, Qt.Key.Key_B, ALT)  # A&bout: Mia
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)  # &Purpose
    qtbot.keyClicks(QApplication.focusWidget(), "Strategy discussion")
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)  # C&onsent: not sought
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason: refused, the form stays
    assert dialog.isVisible() and dialog.problem.text().startswith("Say why consent was")
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "asking would put Mia at risk")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.dialog is None and len(loads) == 2, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert window.statusBar().currentMessage() == (
        "Disclosure recorded with Front door duty social worker.")
    assert tab.model.rowCount() == 2
    newest = tab.model.row_at(0)  # the latest first
    assert (newest.channel, newest.child_id) == ("meeting", mia)
    assert tab.model.data(tab.model.index(0, tab.model.ABOUT), Display) == "Mia"
    session.shutdown()

    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            stored = [(d.channel, d.child_id, d.consent, d.consent_reason, d.practitioner)
                      for d in uow.session.scalars(select(SharingDecision)
                                                   .where(SharingDecision.channel == "meeting"))]
    assert stored == [("meeting", mia, "not_sought", "asking would put Mia at risk",
                       practitioner())]
