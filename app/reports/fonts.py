"""The typeface the reports are set in, registered with reportlab once per process.

Why a TrueType font rather than reportlab's built-in Helvetica: the built-in fonts only cover
Western European letters, and children's and carers' names come from every language spoken in
the area. DejaVu Sans covers Latin, Greek, Cyrillic and more; where the system has none (a
machine without it installed), reportlab's own Bitstream Vera (its ancestor, Latin only) keeps
the reports working. Both are embedded as subsets, so a PDF looks the same on every printer.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "HomeVisitSans"
BOLD = "HomeVisitSans-Bold"
ITALIC = "HomeVisitSans-Italic"
BOLD_ITALIC = "HomeVisitSans-BoldItalic"

_DEJAVU_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path("C:/Windows/Fonts"),
)
_DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DejaVuSans-BoldOblique.ttf")
_VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
_lock = threading.Lock()


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def font_files() -> FontFiles:
    """DejaVu Sans where the system has all four faces, else reportlab's bundled Vera."""
    for folder in _DEJAVU_FOLDERS:
        paths = [folder / name for name in _DEJAVU]
        if all(p.is_file() for p in paths):
            return FontFiles(*paths)
    bundled = Path(reportlab.__file__).parent / "fonts"
    return FontFiles(*(bundled / name for name in _VERA))


def register_fonts() -> None:
    """Register the four faces as one family (so <b> and <i> work in paragraphs). Idempotent
    and thread-safe: reports are built on the GUI's database worker and in the CLI alike."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        files = font_files()
        for name, path in ((REGULAR, files.regular), (BOLD, files.bold),
                           (ITALIC, files.italic), (BOLD_ITALIC, files.bold_italic)):
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
