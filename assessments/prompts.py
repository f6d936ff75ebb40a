"""Our own plain-English evidence prompts for each GCP2 sub-area, shown beside the evidence field.

Written for this product, not taken or adapted from NSPCC material: they ask what the
practitioner saw and heard and what it is like for the child, and never say what any grade
means (that is the licensed descriptor text a content pack brings). Keep them short, practical
and neutral; tests check that every sub-area has prompts and that they read easily.
"""

from __future__ import annotations

# Shown wherever grading happens without an imported pack, so no one mistakes the shell for
# the full tool.
NO_PACK_NOTICE = (
    "No content pack is loaded. You can record grades and evidence, "
    "but the item list and grade descriptions are not shown."
)

# Asked for every sub-area, before its own prompts: the child's experience comes first.
COMMON_PROMPTS: tuple[str, ...] = (
    "What did you see and hear on this visit?",
    "What is this like for the child, day to day?",
)

EVIDENCE_PROMPTS: dict[str, tuple[str, ...]] = {
    "physical_care.nutrition": (
        "What has the child eaten and drunk today, and who made it?",
        "Is there food in the home that suits the child's age?",
        "Are meals at set times, and does the child get enough?",
    ),
    "physical_care.housing": (
        "Is the home warm, dry and safe to move around?",
        "Where does the child sleep, and is the bed clean?",
        "Are there risks in reach, such as loose wires, pills or sharp things?",
    ),
    "physical_care.clothing": (
        "Does the child have clean clothes that fit?",
        "Are the clothes right for the weather today?",
        "Are nappies or pants changed often enough?",
    ),
    "physical_care.hygiene": (
        "Is the child clean, with clean hair, skin and teeth?",
        "Is there soap, a towel and hot water in the home?",
        "Are sore skin, rashes or head lice dealt with?",
    ),
    "physical_care.health": (
        "Is the child up to date with checks and jabs?",
        "When the child was ill or hurt, what did the carer do, and how fast?",
        "Are medicines given as the doctor said and kept out of reach?",
    ),
    "safety.in_presence": (
        "When the carer is in the room, do they watch what the child is doing?",
        "Does the carer spot danger and step in, such as near stairs, roads or water?",
        "How safe is the child online or with screens, for their age?",
    ),
    "safety.in_absence": (
        "Who looks after the child when the carer is out, and how well do they know them?",
        "Is the child ever left alone? For how long, and at what age?",
        "Does the carer know where an older child is and who they are with?",
    ),
    "emotional_care.carer": (
        "How does the carer speak about the child?",
        "Does the carer notice when the child is upset, and comfort them?",
        "Is the carer's own stress or low mood getting in the way of care?",
    ),
    "emotional_care.mutual_engagement": (
        "Do the carer and child enjoy time together? What did you see?",
        "Does the child go to the carer for comfort?",
        "Do they talk, play or laugh together?",
    ),
    "developmental_care.stimulation": (
        "What does the child play with, and does anyone play with them?",
        "Are there books, songs or talk at home?",
        "Does the child get to school or nursery on time, and is homework helped with?",
    ),
    "developmental_care.approval": (
        "How does the carer praise the child? Give an example you saw or heard.",
        "Does the carer notice and share in what the child does well?",
    ),
    "developmental_care.disapproval": (
        "What does the carer do when the child does something wrong?",
        "Are rules clear, fair and right for the child's age?",
        "Is there shouting, smacking or threats? What does the child do then?",
    ),
    "developmental_care.acceptance": (
        "Is the child treated the same as other children in the home?",
        "Does the carer accept the child for who they are, with any extra needs they have?",
    ),
}

def evidence_prompts(sub_area_id: str) -> tuple[str, ...]:
    """The common prompts followed by this sub-area's own."""
    return COMMON_PROMPTS + EVIDENCE_PROMPTS[sub_area_id]
