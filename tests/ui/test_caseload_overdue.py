"""The caseload's "Overdue" column, mostly without a window: blank (and said to be counting)
until the third pass arrives, then a count per family in bold with what is late in words,
sortable by the count, kept when the concerns arrive, forgotten on lock; and once through the
real page and database, filled after the rows and the open concerns."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.profile import NewProfile, create_profile
from app.services.families import create_family
from app.services.plans import add_action, create_plan
from app.services.plans_overdue_counts import OverdueCount
from app.services.views import CaseloadRow
from tests.ui.conftest import make_session
from tests.ui.driving import PASSPHRASE, WAIT_MS, practitioner, unlock
from ui.caseload_model import FAMILY_ID_ROLE, CaseloadFilter, CaseloadModel, overdue_summary
from ui.session import ProfileAccess
from ui.settings import Preferences

ROWS = [
    CaseloadRow("F-1", "Carter", ("Mia",), datetime(2026, 11, 20, 9, 40, tzinfo=UTC), 3),
    CaseloadRow("F-2", "Adeyemi", ("Tobi",), None, 0),
    CaseloadRow("F-3", "Brown", (), datetime(2026, 10, 1, 14, 0, tzinfo=UTC), 12),
]
COUNTS = {
    "F-1": OverdueCount(plan_actions=2, plan_reviews=1),
    "F-3": OverdueCount(escalation_stages=1),
}
Display = Qt.ItemDataRole.DisplayRole
Accessible = Qt.ItemDataRole.AccessibleTextRole
ToolTip = Qt.ItemDataRole.ToolTipRole
Font = Qt.ItemDataRole.FontRole


def model_with_rows() -> tuple[CaseloadModel, CaseloadFilter]:
    model = CaseloadModel()
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return model, proxy


def cell(model: CaseloadModel, family: str, role: Qt.ItemDataRole) -> object:
    return model.data(model.index(model.row_of_family(family), CaseloadModel.OVERDUE), role)


@pytest.mark.parametrize(("count", "words"), [
    (OverdueCount(), "Nothing overdue on plans or escalations"),
    (OverdueCount(plan_actions=2, plan_reviews=1), "Overdue: plan actions: 2; plan reviews: 1"),
    (OverdueCount(plan_sharing=1), "Overdue: plans not yet shared with the family: 1"),
    (OverdueCount(1, 0, 0, 3), "Overdue: plan actions: 1; escalation responses: 3"),
])
def test_summary_names_each_kind_that_is_late(count: OverdueCount, words: str) -> None:
    assert overdue_summary(count) == words


def test_blank_and_said_to_be_counting_until_the_counts_arrive(qtbot: QtBot) -> None:
    model, _ = model_with_rows()
    assert cell(model, "F-1", Display) == ""
    assert cell(model, "F-1", Accessible) == "Still being counted"
    assert cell(model, "F-1", ToolTip) is None and cell(model, "F-1", Font) is None


@pytest.mark.parametrize(("family", "shown", "words", "bold"), [
    ("F-1", "3", "Overdue: plan actions: 2; plan reviews: 1", True),
    ("F-3", "1", "Overdue: escalation responses: 1", True),
    ("F-2", "0", "Nothing overdue on plans or escalations", False),
])
def test_counts_show_as_text_in_bold_with_words_for_tooltip_and_screen_reader(
    qtbot: QtBot, family: str, shown: str, words: str, bold: bool
) -> None:
    model, _ = model_with_rows()
    model.data(model.index(0, 0), Display)  # a row already shown keeps its other texts
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_overdue(COUNTS)
    first, last = changed.args[:2]  # (top left, bottom right, roles)
    assert (first.column(), last.column()) == (CaseloadModel.OVERDUE, CaseloadModel.OVERDUE)
    assert cell(model, family, Display) == shown
    assert cell(model, family, ToolTip) == words
    assert cell(model, family, Accessible) == words
    font = cell(model, family, Font)
    assert (font is not None and font.bold()) == bold  # type: ignore[attr-defined]
    assert model.is_late_on_plans(model.row_of_family(family)) == bold


@pytest.mark.parametrize(("order", "families"), [
    (Qt.SortOrder.DescendingOrder, ["F-1", "F-3", "F-2"]),
    (Qt.SortOrder.AscendingOrder, ["F-2", "F-3", "F-1"]),
])
def test_sorting_by_overdue_uses_the_count(
    qtbot: QtBot, order: Qt.SortOrder, families: list[str]
) -> None:
    model, proxy = model_with_rows()
    proxy.sort(CaseloadModel.OVERDUE, order)
    model.set_overdue(COUNTS)  # arriving while sorted by the column re-sorts
    shown = [proxy.data(proxy.index(r, 0), FAMILY_ID_ROLE) for r in range(proxy.rowCount())]
    assert shown == families


def test_concerns_and_overdue_fill_their_own_columns_in_either_order(qtbot: QtBot) -> None:
    model, _ = model_with_rows()
    for r in range(3):  # every row's texts made before the counts come
        model.data(model.index(r, CaseloadModel.FAMILY), Display)
    model.set_overdue(COUNTS)
    model.set_concerns({"F-1": 4})
    row = model.row_of_family("F-1")
    texts = [model.data(model.index(row, c), Display) for c in range(model.columnCount())]
    assert texts[CaseloadModel.CONCERNS] == "4" and texts[CaseloadModel.OVERDUE] == "3"
    assert texts[CaseloadModel.FAMILY] == "Carter" and texts[CaseloadModel.VISITS] == "3"


def test_reloaded_rows_keep_the_counts_and_lock_forgets_them(qtbot: QtBot) -> None:
    model, _ = model_with_rows()
    model.set_overdue(COUNTS)
    model.set_rows(ROWS)  # a reload after a save: the column is not blanked meanwhile
    assert cell(model, "F-1", Display) == "3"
    model.clear()
    model.set_rows(ROWS)
    assert cell(model, "F-1", Display) == "" and model.overdue_of("F-1") is None


def test_the_caseload_page_fills_the_column_after_the_rows(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real page and database: rows first, then the concerns, then the overdue
    count of a plan action a month late (and a plan never shared with the family)."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    actor = practitioner()
    with create_profile(access.data_dir, PASSPHRASE, NewProfile(practitioner_name=actor),
                        keystore=access.keystore, kdf=access.kdf) as profile, \
            profile.unit_of_work() as uow:
        family = create_family(uow, actor, name="Carter family", address="4 Road")
        create_family(uow, actor, name="Adeyemi family", address="9 Street")
        made = datetime.now(UTC) - timedelta(days=60)
        plan = create_plan(uow, actor, family.id, title="Mia safe", made_at=made)
        add_action(uow, actor, plan.id, change_for_child="Mia sleeps in her own cot",
                   who="Kerry", does_what="Sets up the cot", measure="Seen at the next visit",
                   by_when=date.today() - timedelta(days=30))
        uow.commit()
    session = make_session(qtbot, access, preferences)
    page = session.main_window.caseload
    order: list[str] = []
    page.loaded.connect(lambda: order.append("caseload"))
    page.concerns_counted.connect(lambda: order.append("concerns"))
    page.overdue_counted.connect(lambda: order.append("overdue"))
    session.start()
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: order == ["caseload", "concerns", "overdue"], timeout=WAIT_MS)
    model = page.model
    carter = model.row_of_family(family.id)
    assert model.data(model.index(carter, CaseloadModel.OVERDUE), Display) == "2"
    assert model.data(model.index(carter, CaseloadModel.OVERDUE), ToolTip) == (
        "Overdue: plan actions: 1; plans not yet shared with the family: 1")
    other = 1 - carter
    assert model.data(model.index(other, CaseloadModel.OVERDUE), Display) == "0"
