"""The translation catalogue: `resources/translations/homevisit.ts` lists every string the app
shows (as `pyside6-lupdate` finds them now), and a catalogue compiled from it with
`pyside6-lrelease` is loaded for the system language and reaches the windows — the real path a
Welsh or Polish translation would take, checked with a pseudo-translation of the whole file."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.views import CarerView, ChildView, FamilyDetail, FamilyView
from tests.ui.test_pseudo_translation import MARK, untranslated
from ui.application import TRANSLATIONS, install_translations
from ui.background import Background
from ui.caseload_model import CaseloadModel
from ui.caseload_page import CaseloadPage
from ui.planned_visit_bar import NextVisitBar
from ui.planned_visit_dialog import BookVisitDialog, CancelVisitDialog
from ui.unlock import UnlockWindow

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = TRANSLATIONS / "homevisit.ts"
TOOLS = Path(sys.executable).parent
REFRESH = "scripts/refresh-translations"
ENGLISH = TRANSLATIONS / "homevisit_en.ts"


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message in a .ts file."""
    found: set[tuple[str, str]] = set()
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own files)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add((name, message.findtext("source") or ""))
    return found


def test_the_catalogue_lists_every_string_the_app_shows(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", *sources, "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    missing = sorted(messages(fresh) - messages(CATALOGUE))
    stale = sorted(messages(CATALOGUE) - messages(fresh))
    assert (missing, stale) == ([], []), f"refresh the catalogue: {REFRESH}"


def test_names_from_the_core_are_in_the_catalogue() -> None:
    """The core (no Qt) names outbox states, channels and front-door decisions; the UI marks
    each for the catalogue in `ui.sync_models` and translates it where it shows it."""
    from app.services.sharing_chronology import DECISION_NAMES
    from app.services.sharing_views import CHANNEL_NAMES, STATE_NAMES
    from ui.sync_models import CONSENT_NAMES, CORE_NAMES, LAWFUL_BASIS_NAMES

    shown = {*STATE_NAMES.values(), *CHANNEL_NAMES.values(), *DECISION_NAMES.values()}
    assert shown - set(CORE_NAMES) == set(), "mark the new names in ui.sync_models.CORE_NAMES"
    marked = {*CORE_NAMES, *LAWFUL_BASIS_NAMES.values(), *CONSENT_NAMES.values()}
    in_catalogue = {text for context, text in messages(CATALOGUE) if context == "SyncModels"}
    assert marked - in_catalogue == set(), f"refresh the catalogue: {REFRESH}"


def pseudo_catalogue(folder: Path, language: str) -> Path:
    """homevisit.ts with every message 'translated' to a bracketed copy, compiled to .qm."""
    tree = ET.parse(CATALOGUE)  # noqa: S314 (the repository's own catalogue)
    root = tree.getroot()
    root.set("language", language)
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        pseudo = f"{MARK}{source} ·····~]"
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform") or []:
                translation.remove(form)
            for _ in range(2):  # German: one and other
                ET.SubElement(translation, "numerusform").text = pseudo
        else:
            translation.text = pseudo
    ts = folder / f"homevisit_{language}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / f"homevisit_{language}.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, timeout=120)
    return qm


@pytest.fixture
def german(qtbot: QtBot, tmp_path: Path) -> Iterator[None]:
    pseudo_catalogue(tmp_path, "de")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translations(app, QLocale("de_DE"), tmp_path)
    assert installed, "the compiled catalogue was not loaded for the system language"
    yield
    for translator in installed:
        app.removeTranslator(translator)


def plural_messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) of every plural message in a .ts file, with its forms."""
    found: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own files)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                found[(name, message.findtext("source") or "")] = forms
    return found


def test_english_plurals_are_all_written_out() -> None:
    """Every count the app shows ("%n minute(s)") has its English singular and plural."""
    english = plural_messages(ENGLISH)
    assert set(english) == set(plural_messages(CATALOGUE)), f"refresh: {REFRESH}"
    unwritten = {key: forms for key, forms in english.items()
                 if len(forms) != 2 or not all(forms) or any("(s)" in f for f in forms)}
    assert unwritten == {}, f"refresh: {REFRESH}"


def test_english_loads_only_its_plurals(qtbot: QtBot, tmp_path: Path) -> None:
    pseudo_catalogue(tmp_path, "de")
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ENGLISH), "-qm",
                    str(tmp_path / "homevisit_en.qm")], check=True, capture_output=True,
                   timeout=120)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translations(app, QLocale("en_GB"), tmp_path)
    ours = [t for t in installed if "homevisit" in t.filePath()]
    try:
        assert [Path(t.filePath()).name for t in ours] == ["homevisit_en.qm"]
        minutes = [QCoreApplication.translate("MainWindow", "%n minute(s)", "", n)
                   for n in (1, 5)]
        assert minutes == ["1 minute", "5 minutes"]
        # Everything else stays the source text (no German pseudo-translation leaks in).
        assert QCoreApplication.translate("MainWindow", "&Family") == "&Family"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_a_compiled_catalogue_reaches_the_windows(qtbot: QtBot, german: None) -> None:
    assert QCoreApplication.translate("CaseloadModel", "Open concerns").startswith(MARK)
    detail = FamilyDetail(FamilyView("F-1", "Carter", "Flat 2"),
                          (CarerView("C-1", "F-1", "Kerry", "mother", True),),
                          (ChildView("K-1", "F-1", "Mia", date(2026, 11, 17), None),), ())
    background = Background()
    try:
        caseload = CaseloadPage(background)
        bar = NextVisitBar(background)
        bar.show_detail(detail)
        # Qt's own buttons come from Qt's own German catalogue, loaded beside ours.
        qt_words = {QCoreApplication.translate("QPlatformTheme", w) for w in ("OK", "Cancel")}
        assert "Abbrechen" in qt_words
        for window in (UnlockWindow(), caseload, bar, BookVisitDialog(detail),
                       CancelVisitDialog()):
            qtbot.addWidget(window)
            ours = [f for f in untranslated(window) if f.split(": ", 1)[1].strip("'") not in qt_words]
            assert ours == [], type(window).__name__
        header = caseload.model.headerData(CaseloadModel.CONCERNS, Qt.Orientation.Horizontal)
        assert str(header).startswith(MARK)
    finally:
        background.shutdown()
