"""The family view's table models, without any window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.views import CarerView, ChildView, ProfessionalView, VisitView
from ui.family_models import (
    RECORD_ID_ROLE,
    CarersModel,
    ChildrenModel,
    ProfessionalsModel,
    VisitsModel,
)

Display = Qt.ItemDataRole.DisplayRole
BST = timezone(timedelta(hours=1))
CARERS = (
    CarerView("K-1", "F-1", "Kerry", "mother", True),
    CarerView("K-2", "F-1", "Dean", "mother's partner", False),
)
CHILDREN = (ChildView("C-1", "F-1", "Mia", date(2026, 11, 17), "943 476 5919"),)
PROFESSIONALS = (
    ProfessionalView("P-1", "F-1", "Dr Shah", "GP practice", "GP", "01952 000000", False),
    ProfessionalView("P-2", "F-1", "Sam Lee", "Children's services", "Social worker", "", True),
)


def visit(visit_id: str, occurred: datetime, recorded: datetime, notes: str = "") -> VisitView:
    return VisitView(visit_id, "F-1", occurred, recorded, "announced", ("K-1", "C-1"), notes)


@pytest.mark.parametrize(
    ("model", "rows", "cells"),
    [
        (CarersModel, CARERS, [["Kerry", "mother", "Yes"], ["Dean", "mother's partner", "No"]]),
        (ChildrenModel, CHILDREN, [["Mia", None, "943 476 5919"]]),
        (
            ProfessionalsModel,
            PROFESSIONALS,
            [
                ["Dr Shah", "GP practice", "GP", "01952 000000", ""],
                ["Sam Lee", "Children's services", "Social worker", "", "Lead"],
            ],
        ),
    ],
)
def test_cells_and_ids(qtbot: QtBot, model: type, rows: tuple, cells: list) -> None:
    table = model()
    table.set_rows(rows)
    assert table.rowCount() == len(rows) and table.columnCount() == len(cells[0])
    for r, expected_row in enumerate(cells):
        for c, expected in enumerate(expected_row):
            if expected is not None:
                assert table.data(table.index(r, c), Display) == expected
        assert table.data(table.index(r, 0), RECORD_ID_ROLE) == rows[r].id
    table.clear()
    assert table.rowCount() == 0


def test_lead_practitioner_is_bold_as_well_as_named(qtbot: QtBot) -> None:
    table = ProfessionalsModel()
    table.set_rows(PROFESSIONALS)
    assert table.data(table.index(0, 0), Qt.ItemDataRole.FontRole) is None
    assert table.data(table.index(1, 0), Qt.ItemDataRole.FontRole).bold()


def test_headers_are_named(qtbot: QtBot) -> None:
    table = VisitsModel()
    names = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert names == ["Visit", "Type", "Present", "Entered", "Notes"]


def test_visit_timeline_shows_names_late_entries_and_first_line(qtbot: QtBot) -> None:
    on_time = visit(
        "V-2",
        datetime(2026, 11, 20, 9, 40, tzinfo=BST),
        datetime(2026, 11, 20, 12, 0, tzinfo=BST),
        "Kerry well.\nMia feeding well.",
    )
    late = visit(
        "V-1", datetime(2026, 11, 10, 16, 0, tzinfo=BST), datetime(2026, 11, 11, 8, 30, tzinfo=BST)
    )
    table = VisitsModel()
    table.set_people({c.id: c.name for c in CARERS} | {c.id: c.name for c in CHILDREN})
    table.set_rows([on_time, late])  # newest first, as the service gives them
    assert table.data(table.index(0, VisitsModel.PRESENT), Display) == "Kerry, Mia"
    assert table.data(table.index(0, VisitsModel.NOTES), Display) == "Kerry well."
    assert table.data(table.index(0, VisitsModel.KIND), Display) == "Announced"
    assert "late entry" not in str(table.data(table.index(0, VisitsModel.ENTERED), Display))
    assert "late entry" in str(table.data(table.index(1, VisitsModel.ENTERED), Display))
    tooltip = table.data(table.index(0, VisitsModel.NOTES), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Kerry well.\nMia feeding well."
    assert [table.row_at(r).id for r in range(2)] == ["V-2", "V-1"]
