"""Sharing and sync in the desktop app: the models and status line without a window, the
decision form's rules, and the whole flow against a real gateway — share from the family page,
watch it delivered in the status bar while the GUI thread stays free, lock in the middle of a
sync, see the history with its receipt, and enrol from the Family Connect panel."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.profile import NewProfile, create_profile, unlock_profile
from app.services.sharing_enrolment import enrol
from app.services.sharing_views import (
    OutboxCounts,
    OutboxRowView,
    OutcomeView,
    ShareRecord,
    SharingDecisionView,
)
from fcsync.keys import fingerprint
from tests.sync.bulk import queue_shares
from tests.sync.conftest import Site, running_site, sync_tls  # noqa: F401 - fixtures `site`, `tls`
from tests.sync.profile import fill
from tests.sync.proxy import Fault, always, slow
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock
from tests.ui.test_gui_never_stalls import STALL_LIMIT_MS, Watchdog
from ui.connectivity import describe_sync
from ui.session import ProfileAccess
from ui.settings import Preferences
from ui.share_dialog import SharingDecisionDialog, SharingRequest
from ui.sync_models import OutboxModel, ShareHistoryModel
from ui.sync_worker import SyncStatus

NOW = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


def outbox_row(state: str, **changes: object) -> OutboxRowView:
    values: dict[str, object] = dict(
        submission_id="s1", decision_id="S-1", family_id="F-1", assessment_id="G-1", state=state,
        attempts=2, queued_at=NOW, next_attempt_at=None, last_error="", receipt_reference=None,
        receipt_status=None, delivered_at=None)
    values.update(changes)
    return OutboxRowView(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "line"), [
    (None, "Nothing waiting to send"),
    (SyncStatus(False, OutboxCounts()), "Not enrolled with Family Connect"),
    (SyncStatus(True, OutboxCounts()), "Nothing waiting to send"),
    (SyncStatus(True, OutboxCounts(queued=2, sending=1, delivered=5)),
     "Family Connect: 3 waiting · 5 delivered"),
    (SyncStatus(True, OutboxCounts(queued=2, sending=1, delivered=5), sending_now=True),
     "Family Connect: 2 waiting · 1 sending · 5 delivered"),
    (SyncStatus(True, OutboxCounts(paused=3, needs_action=1), "revoked"),
     "Family Connect: 3 paused · 1 need action"),
])
def test_the_status_line_says_what_waits_sends_arrived_or_needs_action(
    qtbot: QtBot, status: SyncStatus | None, line: str
) -> None:
    assert describe_sync(status) == line


def test_the_outbox_and_history_models_show_receipts_problems_and_outcomes(qtbot: QtBot) -> None:
    model = OutboxModel()
    model.set_rows([outbox_row("delivered", receipt_reference="FC-2026-000007", delivered_at=NOW),
                    outbox_row("needs_action", last_error="The envelope signature does not verify.")])
    detail = model.DETAIL
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.data(model.index(0, detail)).startswith("Receipt FC-2026-000007")
    assert model.data(model.index(1, model.STATE)) == "Needs action"
    assert "signature" in model.data(model.index(1, detail))

    decision = SharingDecisionView(
        "S-1", "F-1", "K-1", "G-1", NOW, NOW, "Example Council (LA-1)", "Safeguarding",
        "GCP2 summary", "public_task", "Sch 1 para 18", "not_sought", "risk to Ada", "", "",
        "app", "Priya", "S-0", "s1")
    outcome = OutcomeView("O-1", "s1", "early_help", NOW, "FC-2026-000007", "FSW to call")
    history = ShareHistoryModel()
    history.set_rows([ShareRecord(decision, outbox_row("delivered", receipt_reference="FC-2026-000007"),
                                  (outcome,))])
    texts = [history.data(history.index(0, c)) for c in range(history.columnCount())]
    assert texts[0].endswith("(shared again)") and texts[1] == "Sent through HomeVisit"
    assert texts[3] == "Public task" and texts[4] == "Not sought: risk to Ada"
    assert texts[5] == "Delivered, receipt FC-2026-000007"
    assert texts[6].startswith("Early help") and texts[6].endswith(": FSW to call")


def test_the_decision_form_refuses_consent_not_sought_without_a_reason(qtbot: QtBot) -> None:
    dialog = SharingDecisionDialog(recipient="Example Council (LA-1)")
    qtbot.addWidget(dialog)
    got: list[SharingRequest] = []
    dialog.submitted.connect(got.append)
    dialog.open()
    dialog.consent.setCurrentIndex(dialog.consent.findData("not_sought"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert got == [] and dialog.isVisible() and "Say why consent" in dialog.problem.text()
    dialog.reason.setText("asking would put Ada at risk")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [request] = got
    assert (request.basis.lawful_basis, request.basis.consent, request.channel) == (
        "public_task", "not_sought", "app")


@pytest.fixture
def shareable_access(access: ProfileAccess, site: Site) -> tuple[ProfileAccess, str, str]:
    """A GCP2-trained practitioner's profile with a completed assessment, enrolled, 150 shares
    already waiting (so there is a real queue to drain while the window is in use)."""
    new = NewProfile(practitioner_name="Priya Shah", organisation="Telford Health Visiting")
    create_profile(access.data_dir, PASSPHRASE, new, keystore=access.keystore, kdf=access.kdf).close()
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            from app.services.practitioners import update_practitioner

            update_practitioner(uow, "Priya Shah", gcp2_trained_on=datetime(2025, 3, 1).date())
            uow.commit()
        made = fill(profile.db, "Priya Shah")
        enrol(profile.db, "Priya Shah", site.proxy.base_url, site.enrolment_code(),
              ca_pem=site.tls.ca_file.read_text())
        queue_shares(profile.db, made.assessment_id, 150)
    return access, made.family_id, made.assessment_id


def test_share_from_the_family_page_and_watch_it_delivered_without_stalling(
    qtbot: QtBot, shareable_access: tuple[ProfileAccess, str, str], preferences: Preferences,
    site: Site, tmp_path: Path,
) -> None:
    access, family_id, assessment_id = shareable_access
    site.proxy.plan = slow(always(Fault.PASS), 0.03)  # a real network's pace: sync takes a while
    session = make_session(qtbot, access, preferences)
    watchdog = Watchdog()
    try:
        session.start()
        unlock(qtbot, session)
        window = session.main_window
        window.open_family(family_id)
        box = window.family.assessments
        qtbot.waitUntil(lambda: box.model.rowCount() == 2, timeout=WAIT_MS)
        row = next(i for i in range(2) if box.model.row_at(i).id == assessment_id)
        box.table.setCurrentIndex(box.model.index(row, 0))
        box.sharing.share_button.click()
        qtbot.waitUntil(lambda: box.sharing.dialog is not None and box.sharing.dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = box.sharing.dialog
        assert dialog is not None and dialog.shared_before.isVisible()  # 150 earlier shares
        dialog.reason.setText("Mum agreed on the visit")
        dialog.consent.setCurrentIndex(dialog.consent.findData("given"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        label = window.sync_state
        # While the queue drains, the GUI thread only relays (never a slice over 50 ms).
        watchdog.start()
        qtbot.waitUntil(lambda: "sending" in label.text() and "delivered" in label.text(),
                        timeout=60_000)
        qtbot.wait(1500)
        watchdog.stop()
        assert watchdog.longest_busy_ms < STALL_LIMIT_MS, watchdog.report()
        # Lock in the middle of the sync: nothing is lost, it carries on after unlocking.
        assert "sending" in label.text()
        session.lock()
        assert label.text() == "Nothing waiting to send"
        site.proxy.plan = always(Fault.PASS)
        unlock(qtbot, session)
        qtbot.waitUntil(lambda: label.text() == "Family Connect: 151 delivered", timeout=90_000)
        assert site.gateway is not None and site.gateway.stored_rows() == 151

        window.open_family(family_id)
        qtbot.waitUntil(lambda: box.model.rowCount() == 2, timeout=WAIT_MS)
        box.table.setCurrentIndex(box.model.index(row, 0))
        box.sharing.history_button.click()
        qtbot.waitUntil(lambda: box.sharing.history is not None
                        and box.sharing.history.model.rowCount() == 151, timeout=WAIT_MS)
        history = box.sharing.history
        assert history is not None
        newest = history.model.row_at(0)
        assert newest.decision.consent == "given" and newest.delivery.state == "delivered"
    finally:
        session.shutdown()


def test_enrolling_from_the_panel_shows_the_fingerprints_to_compare(
    qtbot: QtBot, session: object, site: Site, tmp_path: Path
) -> None:
    from ui.session import Session

    assert isinstance(session, Session)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    assert window.sync_state.text() == "Not enrolled with Family Connect" or qtbot.waitUntil(
        lambda: window.sync_state.text() == "Not enrolled with Family Connect", timeout=WAIT_MS) is None
    window.sync.panel_action.trigger()
    panel = window.sync.panel
    assert panel is not None
    qtbot.waitUntil(lambda: "not enrolled" in panel.enrolment.text(), timeout=WAIT_MS)
    panel.enrol()
    dialog = panel.enrol_dialog
    assert dialog is not None
    dialog.url.setText(site.proxy.base_url)
    dialog.code.setText(site.enrolment_code())
    dialog.ca_file.setText(str(site.tls.ca_file))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert site.gateway is not None
    keys = site.gateway.gateway.keys
    qtbot.waitUntil(lambda: fingerprint(keys.receipt_key.public_key()) in dialog.fingerprints.text(),
                    timeout=30_000)
    assert fingerprint(keys.sealing_key.public_key()) in dialog.fingerprints.text()
    qtbot.waitUntil(lambda: "Enrolled as dev-" in panel.enrolment.text(), timeout=WAIT_MS)
