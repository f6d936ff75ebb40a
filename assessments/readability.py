"""A small Flesch reading-ease measure for the plain-language text we write for parents.

Why our own: the parent-facing wording must stay easy to read as people edit it, and a test is
the only guard that lasts; a dependency for one formula is not worth it. The syllable count is a
heuristic (vowel groups, a silent final "e", "-ed"/"-es" endings) that is right for the ordinary
words such text uses; it is not a general linguistic tool.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def count_syllables(word: str) -> int:
    w = word.lower().split("'")[0]  # "child's" is "child" for counting
    if not w:
        return 0
    groups = len(_VOWEL_GROUP.findall(w))
    if len(w) > 2 and w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1  # silent final e: "make", "home"
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "td" and groups > 1:
        groups -= 1  # "jumped", "looked"; but "wanted", "needed" keep the syllable
    elif (
        w.endswith("es")
        and len(w) > 3
        and groups > 1
        and not w.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces"))
    ):
        groups -= 1  # "makes", "times"; but "boxes", "places" keep it
    return max(1, groups)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    # A final fragment without a full stop still counts as a sentence.
    pieces = [p for p in _SENTENCE_END.split(text) if words(p)]
    return max(1, len(pieces))


def flesch_reading_ease(text: str) -> float:
    """206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words).

    About 60-70 is plain English; higher is easier. Empty text raises ValueError: there is
    nothing to score, and a silent 0 or 100 would hide the mistake.
    """
    found = words(text)
    if not found:
        raise ValueError("no words to score")
    syllables = sum(count_syllables(w) for w in found)
    return (
        206.835
        - 1.015 * (len(found) / sentence_count(text))
        - 84.6 * (syllables / len(found))
    )
