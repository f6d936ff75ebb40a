"""The public GCP2 definition, the scale, our own prompts and the readability measure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessments import gcp2, prompts, scale
from assessments.readability import count_syllables, flesch_reading_ease, sentence_count

ROOT = Path(__file__).resolve().parents[2]

DEFINITION = [
    # (sub-area id, area id, area name, sub-area name) in profile-chart order
    ("physical_care.nutrition", "physical_care", "Physical care", "Nutrition"),
    ("physical_care.housing", "physical_care", "Physical care", "Housing"),
    ("physical_care.clothing", "physical_care", "Physical care", "Clothing"),
    ("physical_care.hygiene", "physical_care", "Physical care", "Hygiene"),
    ("physical_care.health", "physical_care", "Physical care", "Health"),
    ("safety.in_presence", "safety", "Safety", "In presence of carer"),
    ("safety.in_absence", "safety", "Safety", "In absence of carer"),
    ("emotional_care.carer", "emotional_care", "Emotional care", "Carer"),
    ("emotional_care.mutual_engagement", "emotional_care", "Emotional care", "Mutual engagement"),
    ("developmental_care.stimulation", "developmental_care", "Developmental care", "Stimulation"),
    ("developmental_care.approval", "developmental_care", "Developmental care", "Approval"),
    ("developmental_care.disapproval", "developmental_care", "Developmental care", "Disapproval"),
    ("developmental_care.acceptance", "developmental_care", "Developmental care", "Acceptance"),
]


def test_thirteen_sub_areas_in_chart_order() -> None:
    assert gcp2.SUB_AREA_IDS == tuple(row[0] for row in DEFINITION)
    assert len(gcp2.SUB_AREAS) == 13


def test_four_areas_in_order_with_letters() -> None:
    assert [(a.letter, a.id, a.name) for a in gcp2.AREAS] == [
        ("A", "physical_care", "Physical care"),
        ("B", "safety", "Safety"),
        ("C", "emotional_care", "Emotional care"),
        ("D", "developmental_care", "Developmental care"),
    ]
    assert [len(a.sub_areas) for a in gcp2.AREAS] == [5, 2, 2, 4]


@pytest.mark.parametrize(("sub_id", "area_id", "area_name", "name"), DEFINITION)
def test_each_sub_area(sub_id: str, area_id: str, area_name: str, name: str) -> None:
    sub = gcp2.sub_area(sub_id)
    assert (sub.area_id, sub.name) == (area_id, name)
    assert gcp2.area_of(sub_id).name == area_name
    assert sub_id in gcp2.area(area_id).sub_area_ids
    assert gcp2.is_sub_area(sub_id) and not gcp2.is_area(sub_id)


@pytest.mark.parametrize("bad", ["nutrition", "physical_care.Nutrition", "safety", "", None, 3])
def test_unknown_sub_area_ids(bad: object) -> None:
    assert not gcp2.is_sub_area(bad)


def test_lookup_of_unknown_id_names_it() -> None:
    with pytest.raises(KeyError, match="physical_care.sleep"):
        gcp2.sub_area("physical_care.sleep")
    with pytest.raises(KeyError, match="love"):
        gcp2.area("love")


SCALE = [
    (1, "All the child's needs met", "Child first"),
    (2, "Essential needs fully met", "Child first most of the time"),
    (3, "Some essential needs unmet", "Child and carer at par"),
    (4, "Most essential needs unmet", "Child second"),
    (5, "Essential needs entirely unmet / hostile", "Child not considered"),
]


@pytest.mark.parametrize(("grade", "needs", "commitment"), SCALE)
def test_public_scale(grade: int, needs: str, commitment: str) -> None:
    m = scale.meaning(grade)
    assert (m.grade, m.needs, m.commitment_to_care) == (grade, needs, commitment)


@pytest.mark.parametrize(("value", "ok"), [
    (1, True), (5, True), (0, False), (6, False), (-1, False), (3.0, False), ("3", False),
    (True, False), (None, False),
])
def test_is_grade(value: object, ok: bool) -> None:
    assert scale.is_grade(value) is ok


def test_meaning_refuses_a_non_grade() -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        scale.meaning(6)


@pytest.mark.parametrize(("grade", "than", "better"), [(1, 2, True), (2, 1, False), (3, 3, False)])
def test_lower_is_better(grade: int, than: int, better: bool) -> None:
    assert scale.is_better(grade, than) is better


@pytest.mark.parametrize("grade", scale.GRADES)
def test_parent_meaning_is_plain_english(grade: int) -> None:
    text = scale.meaning(grade).for_parents
    assert flesch_reading_ease(text) >= 60
    assert "carer" not in text.lower()  # spoken to the parent: "you", not "the carer"


def test_parent_meanings_are_distinct() -> None:
    assert len({m.for_parents for m in scale.SCALE}) == 5


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("table", 2), ("make", 1), ("home", 1), ("jumped", 1), ("wanted", 2),
    ("needed", 2), ("makes", 1), ("boxes", 2), ("places", 2), ("child's", 1), ("every", 3),
    ("family", 3), ("the", 1), ("free", 1),
])
def test_syllable_counts(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(("text", "sentences"), [
    ("One. Two! Three?", 3), ("No full stop at the end", 1), ("Wait... what?", 2), ("", 1),
])
def test_sentence_counts(text: str, sentences: int) -> None:
    assert sentence_count(text) == sentences


def test_flesch_reference_value() -> None:
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    assert flesch_reading_ease("The cat sat on the mat.") == pytest.approx(116.145)


@pytest.mark.parametrize("hard", [
    "The multidimensional operationalisation of developmental vulnerability necessitates "
    "comprehensive interdisciplinary consideration.",
    "Intergenerational transmission of unresolved attachment representations substantially "
    "compromises caregiving sensitivity and responsiveness.",
])
def test_dense_professional_prose_scores_low(hard: str) -> None:
    assert flesch_reading_ease(hard) < 30


def test_empty_text_cannot_be_scored() -> None:
    with pytest.raises(ValueError):
        flesch_reading_ease("  ... ")


def test_prompts_follow_the_definition() -> None:
    assert tuple(prompts.EVIDENCE_PROMPTS) == gcp2.SUB_AREA_IDS


@pytest.mark.parametrize("sub_id", gcp2.SUB_AREA_IDS)
def test_prompts_per_sub_area_are_short_and_plain(sub_id: str) -> None:
    own = prompts.EVIDENCE_PROMPTS[sub_id]
    assert 2 <= len(own) <= 4
    shown = prompts.evidence_prompts(sub_id)
    assert shown[: len(prompts.COMMON_PROMPTS)] == prompts.COMMON_PROMPTS
    for prompt in own:
        assert len(prompt) <= 100
        assert prompt.endswith(("?", "."))
        assert flesch_reading_ease(prompt) >= 60, prompt


def test_prompts_are_unique_and_never_state_a_grade() -> None:
    everything = [p for ps in prompts.EVIDENCE_PROMPTS.values() for p in ps]
    assert len(everything) == len(set(everything))
    for prompt in everything:
        assert not re.search(r"\bgrade\b|\b[1-5]\b", prompt, re.IGNORECASE), prompt


def test_no_pack_notice_is_plain() -> None:
    assert flesch_reading_ease(prompts.NO_PACK_NOTICE) >= 60


def test_docs_show_the_definition_and_scale_as_coded() -> None:
    """docs/gcp2.md is what administrators read; it must not drift from the code."""
    doc = (ROOT / "docs" / "gcp2.md").read_text("utf-8")
    for sub_id, _area_id, _area_name, name in DEFINITION:
        assert f"`{sub_id}` | {name} |" in doc
    for m in scale.SCALE:
        assert f"| {m.grade} | {m.needs} | {m.commitment_to_care} | {m.for_parents} |" in doc
