"""The pack's items in the real editor: each item of a sub-area graded by keyboard (1-5 and on to
the next, Delete clears), stored with the sub-area; the pack's descriptors on screen; the pack's
suggestion shown only where the pack has a rule and never applied; and the data-collection
shell's notice without a pack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from assessments import gcp2
from tests.ui.conftest import make_session
from tests.ui.driving import unlock, wait_for_worker
from tests.ui.test_assessment_flow import import_sample_pack, open_gcp2, trained
from tests.ui.test_pseudo_translation import MARK, PseudoTranslator, untranslated
from tests.unit.gcp2_helpers import MARKER
from ui.assessment_editor import AssessmentEditor
from ui.session import ProfileAccess, Session
from ui.settings import Preferences

KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4, 5: Qt.Key.Key_5}


@pytest.fixture
def with_pack(access: ProfileAccess) -> ProfileAccess:
    trained(access)
    import_sample_pack(access)
    return access


def go_to(qtbot: QtBot, editor: AssessmentEditor, sub_area_id: str) -> None:
    """To `sub_area_id` by keyboard: Home, then down the sub-area list."""
    editor.sub_area_list.setFocus()
    qtbot.keyClick(editor.sub_area_list, Qt.Key.Key_Home)
    for _ in gcp2.SUB_AREA_IDS:
        if editor.sub_area == sub_area_id:
            return
        qtbot.keyClick(editor.sub_area_list, Qt.Key.Key_Down)
    raise AssertionError(f"{sub_area_id} not reached")


def items_of(editor: AssessmentEditor, sub_area_id: str) -> dict[str, int]:
    assert editor.current is not None
    entry = editor.current.view.assessment.sub_areas.get(sub_area_id)
    return {} if entry is None else dict(entry.items)


def started(qtbot: QtBot, access: ProfileAccess, preferences: Preferences) -> Session:
    session = make_session(qtbot, access, preferences)
    session.start()
    unlock(qtbot, session)
    return session


def test_items_are_graded_by_keyboard_and_the_pack_only_suggests(
    qtbot: QtBot, with_pack: ProfileAccess, preferences: Preferences
) -> None:
    session = started(qtbot, with_pack, preferences)
    try:
        editor = open_gcp2(qtbot, session)
        assert editor.no_pack.isHidden()
        go_to(qtbot, editor, "physical_care.housing")
        items = editor.items
        assert not items.isHidden() and items.model.rowCount() == 2
        assert "0 of 2 graded" in items.heading.text()
        # The licensed item text and its descriptors are shown for the selected item.
        assert MARKER in items.descriptors.text() and "Grade 5:" in items.descriptors.text()
        assert items.suggestion.isHidden()

        items.table.setFocus()
        qtbot.keyClick(items.table, Qt.Key.Key_2)  # item 1, then on to item 2
        qtbot.keyClick(items.table, Qt.Key.Key_4)
        wait_for_worker(qtbot, session)
        housing = "physical_care.housing"
        assert items_of(editor, housing) == {"zephyr.housing.1": 2, "zephyr.housing.2": 4}
        assert "2 of 2 graded" in items.heading.text()
        assert editor.current is not None
        assert editor.current.view.assessment.sub_area_grade(housing) is None  # not applied
        assert not any(button.isChecked() for button in editor.grade_buttons)
        # Physical care's rule is "max": the worst item grade, offered and labelled as such.
        assert not items.suggestion.isHidden()
        assert "suggests grade 4 for Housing" in items.suggestion.text()

        qtbot.keyClick(items.table, Qt.Key.Key_Delete)  # clears the selected (second) item
        wait_for_worker(qtbot, session)
        assert items_of(editor, housing) == {"zephyr.housing.1": 2}
        assert items.suggestion.isHidden()  # not every item graded: no suggestion
        qtbot.keyClick(items.table, Qt.Key.Key_3)
        wait_for_worker(qtbot, session)
        assert "suggests grade 3" in items.suggestion.text()

        # The practitioner grades the sub-area (here not as suggested); items stay as graded.
        qtbot.keyClick(editor.sub_area_list, Qt.Key.Key_4)
        wait_for_worker(qtbot, session)
        assert editor.current.view.assessment.sub_area_grade(housing) == 4
        assert items_of(editor, housing) == {"zephyr.housing.1": 2, "zephyr.housing.2": 3}
        assert editor.sub_area == "physical_care.clothing"  # moved on
        assert items.model.rowCount() == 2 and items_of(editor, "physical_care.clothing") == {}
    finally:
        session.shutdown()


def test_sub_area_descriptors_show_and_no_rule_means_no_suggestion(
    qtbot: QtBot, with_pack: ProfileAccess, preferences: Preferences
) -> None:
    session = started(qtbot, with_pack, preferences)
    try:
        editor = open_gcp2(qtbot, session)
        go_to(qtbot, editor, "safety.in_presence")
        assert editor.grades.descriptor.isHidden()  # not graded yet: no descriptor chosen
        assert MARKER in editor.grade_buttons[2].toolTip()  # the pack describes each grade
        editor.grade_buttons[2].click()
        wait_for_worker(qtbot, session)
        assert not editor.grades.descriptor.isHidden()
        assert "sub-area descriptor 3 (In presence" in editor.grades.descriptor.text()

        go_to(qtbot, editor, "developmental_care.approval")  # the pack's rule here is "none"
        editor.items.table.setFocus()
        for grade in (1, 2):
            qtbot.keyClick(editor.items.table, KEYS[grade])
        wait_for_worker(qtbot, session)
        assert items_of(editor, "developmental_care.approval") == {
            "zephyr.approval.1": 1, "zephyr.approval.2": 2}
        assert editor.items.suggestion.isHidden()
    finally:
        session.shutdown()


def test_without_a_pack_the_editor_says_it_is_a_data_collection_shell(
    qtbot: QtBot, access: ProfileAccess, preferences: Preferences
) -> None:
    session = started(qtbot, trained(access), preferences)
    try:
        editor = open_gcp2(qtbot, session)
        assert not editor.no_pack.isHidden()
        assert "No content pack is loaded" in editor.no_pack.text()
        for sub_area in ("physical_care.nutrition", "physical_care.housing"):
            go_to(qtbot, editor, sub_area)
            assert editor.items.isHidden() and editor.grades.descriptor.isHidden()
        wait_for_worker(qtbot, session)
    finally:
        session.shutdown()


@pytest.fixture
def pseudo_locale(qtbot: QtBot) -> Iterator[None]:
    translator = PseudoTranslator()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def test_every_word_of_the_editor_with_a_pack_and_targets_is_translatable(
    qtbot: QtBot, pseudo_locale: None, with_pack: ProfileAccess, preferences: Preferences
) -> None:
    session = started(qtbot, with_pack, preferences)
    try:
        editor = open_gcp2(qtbot, session)
        go_to(qtbot, editor, "physical_care.housing")
        editor.items.table.setFocus()
        qtbot.keyClick(editor.items.table, Qt.Key.Key_2)
        qtbot.keyClick(editor.items.table, Qt.Key.Key_3)
        editor.grades.grade(3)
        wait_for_worker(qtbot, session)
        editor.summary.target_sub_area.setCurrentIndex(1)  # housing: from its grade 3
        editor.summary.add_target_button.click()
        wait_for_worker(qtbot, session)
        assert editor.targets_model.rowCount() == 1
        assert not editor.items.suggestion.isHidden()
        assert untranslated(editor) == []
        assert MARK in editor.items.heading.text() and MARK in editor.items.suggestion.text()
    finally:
        session.shutdown()
