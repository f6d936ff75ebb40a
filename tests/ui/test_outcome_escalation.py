""""Disagree and escalate…" from a front-door outcome on the family chronology, through the real
windows by keyboard: offered only on an outcome row, the escalation form prefilled from the
decision, saved as raised from that outcome, and shown on the chronology; the form goes when
the laptop locks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.profile import NewProfile, create_profile, unlock_profile
from app.services.chronology import add_agency_entry
from app.services.families import add_child, create_family
from app.storage.models_plans import Escalation
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock, wait_for_worker
from tests.unit.outcome_helpers import SHARED_AT, add_front_door_outcome
from ui.chronology_page import ChronologyTab
from ui.outcome_escalation import OutcomeEscalationDialog
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

ALT = Qt.KeyboardModifier.AltModifier
REASON = "Mia's bruising was not explained and Kerry's partner has moved back in."


@pytest.fixture
def prepared(access: ProfileAccess, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The Carter family with Mia, another agency's record, and a shared summary the front
    door decided needs no further action. Returns (family id, Mia's id)."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    new = NewProfile(practitioner_name=practitioner(), gcp2_trained_on=date(2025, 3, 14))
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore,
                        kdf=access.kdf) as profile, profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Carter family", address="4 Road")
        mia = add_child(uow, actor, family.id, name="Mia", date_of_birth=date(2024, 5, 1))
        add_agency_entry(uow, actor, family.id, source="School nurse", event="Bruise seen",
                         occurred_at=SHARED_AT.replace(day=1))
        add_front_door_outcome(uow, actor, family.id, child_id=mia.id,
                               note="Threshold not met")
        uow.commit()
    return family.id, mia.id


def _select_kind(qtbot: QtBot, tab: ChronologyTab, kind: str) -> None:
    """Move through the table with the arrow keys until the row of `kind` is current."""
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(tab.filter.rowCount()):
        index = tab.table.currentIndex()
        if index.isValid() and tab.model.row_at(tab.filter.mapToSource(index).row()).kind == kind:
            return
        qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    raise AssertionError(f"no {kind} row")


def _open_chronology(qtbot: QtBot, session: Session, family_id: str) -> ChronologyTab:
    window = session.main_window
    page = window.family
    window.open_family(family_id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT_MS)
    qtbot.keyClick(page, Qt.Key.Key_N, ALT)  # Chro&nology and timeline
    tab = page.chronology
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 3, timeout=WAIT_MS)
    return tab


def test_escalate_from_the_front_doors_decision_by_keyboard(
    qtbot: QtBot, access: ProfileAccess, prepared: tuple[str, str], preferences: Preferences
) -> None:
    family_id, mia = prepared
    session = make_session(qtbot, access, preferences)
    session.start()
    unlock(qtbot, session)
    tab = _open_chronology(qtbot, session, family_id)
    hook = tab.outcome_escalation
    assert hook.button.isVisible()  # the family has a front-door decision

    _select_kind(qtbot, tab, "chronology_entry")
    assert not hook.button.isEnabled() and not hook.action.isVisible()
    hook.escalate()  # nothing to escalate from: no form
    assert hook.dialog is None

    _select_kind(qtbot, tab, "front_door_outcome")
    assert hook.button.isEnabled() and hook.action.isVisible()
    qtbot.keyClick(tab, Qt.Key.Key_S, ALT)  # Di&sagree and escalate…
    qtbot.waitUntil(lambda: hook.dialog is not None, timeout=WAIT_MS)
    dialog = hook.dialog
    assert isinstance(dialog, OutcomeEscalationDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    about = dialog.about.toPlainText()
    assert "Front door decision: No further action (FC-2026-000042)" in about
    assert "Threshold not met" in about
    assert dialog.with_whom.text() == "Example Council (LA-1)"
    assert dialog.child.currentData() == mia
    assert QApplication.focusWidget() is dialog.about  # ready for the reasons
    qtbot.keyClicks(dialog.about, REASON)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hook.dialog is None, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert session.main_window.statusBar().currentMessage().startswith(
        "Escalation raised with Example Council (LA-1); response due ")
    qtbot.waitUntil(lambda: "escalation" in {r.kind for r in tab.model.rows}, timeout=WAIT_MS)
    session.shutdown()

    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            raised = [(e.raised_from_kind, e.raised_from_ref, e.child_id, e.with_whom,
                       e.about.endswith(REASON))
                      for e in uow.session.scalars(select(Escalation))]
    assert raised == [("outcome", "O-1", mia, "Example Council (LA-1)", True)]


def test_the_form_closes_when_the_laptop_locks(
    qtbot: QtBot, access: ProfileAccess, prepared: tuple[str, str], preferences: Preferences
) -> None:
    family_id, _mia = prepared
    session = make_session(qtbot, access, preferences)
    session.start()
    unlock(qtbot, session)
    tab = _open_chronology(qtbot, session, family_id)
    _select_kind(qtbot, tab, "front_door_outcome")
    tab.outcome_escalation.button.click()
    qtbot.waitUntil(lambda: tab.outcome_escalation.dialog is not None, timeout=WAIT_MS)
    dialog = tab.outcome_escalation.dialog
    assert dialog is not None
    session.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert tab.outcome_escalation.dialog is None
    assert tab.outcome_escalation.button.isHidden()  # no family, no outcome to escalate from
