"""English plural forms for the catalogue `homevisit_en.ts` (`scripts/refresh-translations`).

Interface strings with a count are written once, in the source language, as "%n minute(s)";
Qt shows "1 minute" and "5 minutes" only through a catalogue for English. Ours follow one
rule, which this fills in for every plural message still unfinished: the singular drops "(s)",
the plural keeps the "s". A message the rule does not fit can be finished by hand in the file;
it is then left alone.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def forms(source: str) -> tuple[str, str]:
    """(one, other) for an English source text such as "%n record(s) found"."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill(ts: Path) -> int:
    """Fill the unfinished plural messages of `ts` in place; returns how many were filled."""
    tree = ET.parse(ts)  # noqa: S314 (the repository's own catalogue)
    root = tree.getroot()
    root.set("language", "en")
    filled = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        if translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for text in forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type")
        filled += 1
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {fill(Path(name))} plural message(s) filled")
