"""The caseload model and its search filter, without any window: next visit (overdue marked),
open concerns filled by a second pass, search, sorting by value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from app.services.views import CaseloadRow
from ui.caseload_model import FAMILY_ID_ROLE, SORT_ROLE, CaseloadFilter, CaseloadModel
from ui.formatting import local_datetime_text

SOON = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
PASSED = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
ROWS = [
    CaseloadRow("F-1", "Carter", ("Mia", "Jayden"), datetime(2026, 11, 20, 9, 40, tzinfo=UTC), 3,
                SOON),
    CaseloadRow("F-2", "Adeyemi", ("Tobi",), None, 0),
    CaseloadRow("F-3", "Brown", (), datetime(2026, 10, 1, 14, 0, tzinfo=UTC), 12, PASSED),
]
Display = Qt.ItemDataRole.DisplayRole
Accessible = Qt.ItemDataRole.AccessibleTextRole


def filled(qtbot: QtBot) -> tuple[CaseloadModel, CaseloadFilter]:
    model = CaseloadModel()
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return model, proxy


def test_shape_and_headers(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    assert model.rowCount() == 3 and model.columnCount() == 7
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == [
        "Family", "Children", "Next visit", "Last visit", "Open concerns", "Overdue", "Visits"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_rows_come_sorted_by_family_name(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    names = [model.data(model.index(r, CaseloadModel.FAMILY), Display) for r in range(3)]
    assert names == ["Adeyemi", "Brown", "Carter"]


@pytest.mark.parametrize(
    ("family", "column", "expected"),
    [
        ("F-1", CaseloadModel.FAMILY, "Carter"),
        ("F-1", CaseloadModel.CHILDREN, "Mia, Jayden"),
        ("F-1", CaseloadModel.VISITS, "3"),
        ("F-3", CaseloadModel.CHILDREN, ""),
        ("F-2", CaseloadModel.LAST_VISIT, "No visits yet"),
        ("F-3", CaseloadModel.VISITS, "12"),
        ("F-2", CaseloadModel.NEXT_VISIT, "None booked"),
        ("F-1", CaseloadModel.CONCERNS, ""),  # not counted yet
    ],
)
def test_cells(qtbot: QtBot, family: str, column: int, expected: str) -> None:
    model, _ = filled(qtbot)
    row = model.row_of_family(family)
    assert model.data(model.index(row, column), Display) == expected


def test_last_visit_is_shown_in_local_time(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    text = model.data(model.index(model.row_of_family("F-1"), CaseloadModel.LAST_VISIT), Display)
    local = ROWS[0].last_visit_at.astimezone()  # type: ignore[union-attr]
    assert str(local.minute).zfill(2) in str(text) and str(local.year)[2:] in str(text)


def test_roles(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    assert model.data(model.index(1, 1), FAMILY_ID_ROLE) == "F-3"
    assert model.data(model.index(1, CaseloadModel.VISITS), SORT_ROLE) == 12
    assert model.data(model.index(0, CaseloadModel.LAST_VISIT), SORT_ROLE) == 0.0
    assert model.data(QModelIndex(), Display) is None
    assert model.data(model.index(9, 0), FAMILY_ID_ROLE) is None
    assert model.row_of_family("F-2") == 0 and model.row_of_family("nope") == -1


@pytest.mark.parametrize(
    ("search", "families"),
    [
        ("", ["F-2", "F-3", "F-1"]),
        ("mia", ["F-1"]),
        ("JAY carter", ["F-1"]),
        ("o", ["F-2", "F-3"]),
        ("tobi brown", []),
        ("   ", ["F-2", "F-3", "F-1"]),
    ],
)
def test_search_as_you_type(qtbot: QtBot, search: str, families: list[str]) -> None:
    _, proxy = filled(qtbot)
    proxy.set_search(search)
    shown = [proxy.data(proxy.index(r, 0), FAMILY_ID_ROLE) for r in range(proxy.rowCount())]
    assert shown == families


@pytest.mark.parametrize(
    ("column", "order", "families"),
    [
        (CaseloadModel.FAMILY, Qt.SortOrder.AscendingOrder, ["F-2", "F-3", "F-1"]),
        (CaseloadModel.VISITS, Qt.SortOrder.DescendingOrder, ["F-3", "F-1", "F-2"]),
        (CaseloadModel.LAST_VISIT, Qt.SortOrder.DescendingOrder, ["F-1", "F-3", "F-2"]),
    ],
)
def test_sorting_uses_values_not_text(
    qtbot: QtBot, column: int, order: Qt.SortOrder, families: list[str]
) -> None:
    _, proxy = filled(qtbot)
    proxy.sort(column, order)
    shown = [proxy.data(proxy.index(r, 0), FAMILY_ID_ROLE) for r in range(proxy.rowCount())]
    assert shown == families


def test_sorting_keeps_the_selected_family(qtbot: QtBot) -> None:
    model, proxy = filled(qtbot)
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(model.row_of_family("F-1"), 0))
    proxy.sort(CaseloadModel.VISITS, Qt.SortOrder.DescendingOrder)
    assert kept.data(FAMILY_ID_ROLE) == "F-1" and kept.row() == 1


def test_clear_forgets_every_row(qtbot: QtBot) -> None:
    model, proxy = filled(qtbot)
    model.clear()
    assert model.rowCount() == 0 and proxy.rowCount() == 0


def test_next_visit_is_local_time_and_marked_when_overdue(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    soon = model.row_of_family("F-1")
    passed = model.row_of_family("F-3")
    soon_text = model.data(model.index(soon, CaseloadModel.NEXT_VISIT), Display)
    passed_text = model.data(model.index(passed, CaseloadModel.NEXT_VISIT), Display)
    assert soon_text == local_datetime_text(SOON) and not model.is_overdue(soon)
    assert passed_text == f"{local_datetime_text(PASSED)} (overdue)" and model.is_overdue(passed)
    font = model.data(model.index(passed, CaseloadModel.NEXT_VISIT), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(soon, CaseloadModel.NEXT_VISIT), Qt.ItemDataRole.FontRole) is None


def test_concerns_arrive_in_a_second_pass_and_stay_over_a_reload(qtbot: QtBot) -> None:
    model, _ = filled(qtbot)
    row = model.row_of_family("F-3")
    cell = model.index(row, CaseloadModel.CONCERNS)
    assert model.data(cell, Accessible) == "Still being counted"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_concerns({"F-3": 2})
    assert changed.args[0].column() == changed.args[1].column() == CaseloadModel.CONCERNS
    assert model.data(cell, Display) == "2" == model.data(cell, Accessible)
    assert model.data(model.index(model.row_of_family("F-2"), CaseloadModel.CONCERNS),
                      Display) == "0"
    assert model.data(cell, Qt.ItemDataRole.TextAlignmentRole) is not None  # a number: right
    model.set_rows(ROWS)  # reloaded after a save: the last counts show until the next pass
    assert model.concerns_of("F-3") == 2
    model.clear()
    model.set_rows(ROWS)  # after a lock nothing is remembered
    assert model.concerns_of("F-3") is None


@pytest.mark.parametrize(
    ("column", "order", "families"),
    [
        # Soonest first; overdue before coming; nothing booked last.
        (CaseloadModel.NEXT_VISIT, Qt.SortOrder.AscendingOrder, ["F-3", "F-1", "F-2"]),
        (CaseloadModel.CONCERNS, Qt.SortOrder.DescendingOrder, ["F-2", "F-3", "F-1"]),
    ],
)
def test_sorting_the_new_columns(
    qtbot: QtBot, column: int, order: Qt.SortOrder, families: list[str]
) -> None:
    model, proxy = filled(qtbot)
    model.set_concerns({"F-2": 4, "F-3": 1})
    proxy.sort(column, order)
    shown = [proxy.data(proxy.index(r, 0), FAMILY_ID_ROLE) for r in range(proxy.rowCount())]
    assert shown == families


def test_counts_arriving_while_sorted_by_concerns_resort_the_rows(qtbot: QtBot) -> None:
    model, proxy = filled(qtbot)
    proxy.sort(CaseloadModel.CONCERNS, Qt.SortOrder.DescendingOrder)
    model.set_concerns({"F-1": 5})
    assert proxy.data(proxy.index(0, 0), FAMILY_ID_ROLE) == "F-1"
