"""Searching every note: the results model and its highlighting without a window, then the
search page through the real window by keyboard (Ctrl+Shift+N, and Ctrl+F pressed again in the
caseload's search box), opening a result at its row in the family's chronology."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.profile import unlock_profile
from app.services import chronology, families, lived_experience, visits
from app.services.search import SearchHit
from tests.ui.driving import PASSPHRASE, WAIT_MS, unlock, wait_for_worker
from ui.lived_operations import FoundNote
from ui.search_model import (
    FAMILY_ID_ROLE,
    HTML_ROLE,
    RECORD_ID_ROLE,
    SearchResultsModel,
    html_snippet,
    plain_snippet,
)
from ui.session import ProfileAccess, Session

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("snippet", "html", "plain"),
    [
        ("hid behind the [[sofa]] when", "hid behind the <b>sofa</b> when",
         "hid behind the sofa when"),
        ("…[[Dean]] <b>shouts</b> & [[swears]]…", "…<b>Dean</b> &lt;b&gt;shouts&lt;/b&gt; &amp; "
         "<b>swears</b>…", "…Dean <b>shouts</b> & swears…"),
        ("line one\n\tline [[two]]", "line one line <b>two</b>", "line one line two"),
        ("no match marks", "no match marks", "no match marks"),
    ],
)  # fmt: skip
def test_highlighting_never_takes_note_text_for_markup(snippet: str, html: str, plain: str) -> None:
    assert html_snippet(snippet) == html
    assert plain_snippet(snippet) == plain


def test_results_model(qtbot: QtBot) -> None:
    model = SearchResultsModel()
    model.set_results([
        FoundNote(SearchHit("lived_experience", "L-1", "F-1", "the [[sofa]]", -2.0), "Carter"),
        FoundNote(SearchHit("visit", "V-1", "F-2", "[[sofa]] bed", -1.0), "Jones"),
    ])  # fmt: skip
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Family", "Record", "Where the words are found"]  # fmt: skip
    assert [model.data(model.index(0, c)) for c in range(3)] == [
        "Carter", "Day in the life", "the sofa"]  # fmt: skip
    assert model.data(model.index(1, 1)) == "Home visit"
    assert model.data(model.index(1, 2), HTML_ROLE) == "<b>sofa</b> bed"
    assert model.data(model.index(1, 0), HTML_ROLE) is None
    assert model.data(model.index(1, 0), FAMILY_ID_ROLE) == "F-2"
    assert model.data(model.index(0, 2), RECORD_ID_ROLE) == "L-1"
    model.clear()
    assert model.rowCount() == 0


def seed(access: ProfileAccess) -> dict[str, str]:
    actor = "Priya Example"
    now = datetime.now().astimezone()
    with unlock_profile(access.data_dir, PASSPHRASE, keystore=access.keystore) as profile:
        with profile.unit_of_work() as uow:
            carter = families.create_family(uow, actor, name="Carter", address="Telford")
            jayden = families.add_child(uow, actor, carter.id, name="Jayden",
                                        date_of_birth=date(2023, 5, 2))  # fmt: skip
            jones = families.create_family(uow, actor, name="Jones", address="Telford")
            visit = visits.record_visit(
                uow, actor, jones.id, occurred_at=now - timedelta(days=3), kind="announced",
                present=[], notes="Kitchen cluttered; the sofa is used as a bed.",
            )  # fmt: skip
            entry = lived_experience.record_entry(
                uow, actor, jayden.id, occurred_at=now - timedelta(days=1), part_of_day="evening",
                text="Jayden hid behind the sofa when Dean came in.", source="observed",
                child_voice="Dean shouts", themes=["domestic_abuse"],
            )  # fmt: skip
            agency = chronology.add_agency_entry(
                uow, actor, carter.id, occurred_at=now - timedelta(days=40),
                event="Domestic incident reported by a neighbour", source="West Mercia Police",
            )  # fmt: skip
            uow.commit()
    return {"carter": carter.id, "jones": jones.id, "visit": visit.id, "entry": entry.id,
            "agency": agency.record_id}  # fmt: skip


def test_search_by_keyboard_and_open_a_result(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    ids = seed(existing_profile)
    session.start()
    unlock(qtbot, session)
    window = session.main_window
    search = window.lived.search
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    assert window.stack.currentWidget() is search
    assert QApplication.focusWidget() is search.query
    assert search.query.accessibleName() and search.table.accessibleName()

    qtbot.keyClicks(search.query, "sofa")
    qtbot.waitUntil(lambda: search.model.rowCount() == 2, timeout=WAIT_MS)
    found = {search.model.found_at(n).hit.record_id for n in range(2)}
    assert found == {ids["visit"], ids["entry"]}
    assert search.status.text() == "2 record(s) found, best match first."

    qtbot.keyClicks(search.query, " Dean")  # every word must be there
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=WAIT_MS)
    assert search.model.data(search.model.index(0, 0)) == "Carter"
    search.query.setText("zebra")
    qtbot.waitUntil(lambda: search.status.text().startswith("Nothing found"), timeout=WAIT_MS)
    assert search.model.rowCount() == 0

    qtbot.keyClick(search.query, Qt.Key.Key_Escape)  # back to where it was opened
    assert window.stack.currentWidget() is window.caseload

    # Ctrl+F goes to the caseload's own search; pressed again there, it searches every note.
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.caseload.search
    qtbot.keyClicks(window.caseload.search, "neighbour")
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_F, CTRL)
    assert window.stack.currentWidget() is search and search.query.text() == "neighbour"
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.keyClick(search.query, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is search.table
    qtbot.keyClick(search.table, Qt.Key.Key_Return)
    family = window.family
    qtbot.waitUntil(lambda: window.stack.currentWidget() is family, timeout=WAIT_MS)
    wait_for_worker(qtbot, session)
    assert family.family_id == ids["carter"] and family.tabs.currentWidget() is family.chronology
    # The chronology loads a moment after the page is shown (after its first paint).
    qtbot.waitUntil(lambda: family.chronology.table.currentIndex().isValid(), timeout=WAIT_MS)
    index = family.chronology.table.currentIndex()
    assert index.isValid() and index.data(RECORD_ID_ROLE) == ids["agency"]


def test_an_answer_to_an_older_search_is_dropped(
    qtbot: QtBot, session: Session, existing_profile: ProfileAccess
) -> None:
    seed(existing_profile)
    session.start()
    unlock(qtbot, session)
    search = session.main_window.lived.search
    search.query.setText("sofa")
    search.search_now()
    search.query.setText("zebra")
    search.search_now()  # queued behind the first: its answer must win
    wait_for_worker(qtbot, session)
    assert search.model.rowCount() == 0 and search.status.text().startswith("Nothing found")
    search.query.setText("sofa")
    search.search_now()
    session.lock()  # the answer arrives after the lock: never shown
    wait_for_worker(qtbot, session)
    assert search.model.rowCount() == 0 and search.query.text() == ""
