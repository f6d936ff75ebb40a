"""Every sentence of the parent report that is ours (not the family's or the practitioner's).

Plain words for parents and carers, many of whom find official letters hard: short sentences,
"you" and "your child", no jargon, no grade codes without words. A test keeps the Flesch
reading ease of this text at 60 or more (`assessments.readability`), so edits cannot drift into
officialese. What each grade means comes from `assessments.scale` (also our own, also tested).
Functions fill in names and dates; they add no words a reader would need to decode.
"""

from __future__ import annotations

TITLE = "Your child's care: what we found"
SUBTITLE = "A report for parents and carers"
TOOL = "Graded Care Profile 2"
TOOL_LABEL = "Name of the check"

CHILD = "Child"
BORN = "Date of birth"
DONE_BY = "Done by"
FINISHED_ON = "Finished on"
NOT_FINISHED = "Not finished yet"
DRAFT_NOTE = "This report is not finished yet. The grades may still change."

HOW_TO_READ_HEADING = "How to read this report"
HOW_TO_READ = (
    "We looked at 13 parts of your child's care, in 4 groups. We did this with you, over a few "
    "visits. Each part has a grade from 1 to 5. Grade 1 is the best. Grade 5 means your child's "
    "needs are not met."
)

GOING_WELL_HEADING = "What is going well"
GOING_WELL_SEEN = "What we saw that is good:"
GOING_WELL_PARTS = "These parts of your child's care are good (grade 1 or 2):"
NONE_AT_ONE_OR_TWO = (
    "No part is at grade 1 or 2 yet. We will talk with you about the good things we saw."
)

CHART_HEADING = "Your child's grades"
CHART_NOTE = (
    "Each bar is one part of care. The number on the bar is the grade. A short bar is good. A "
    "long bar shows where things need to change."
)

AREAS_HEADING = "What we saw, and what it means for your child"
SEEN = "What we saw:"
MEANS = "What this means for your child:"
NOT_GRADED = "We have not given a grade for this part yet."
NOTHING_WRITTEN = "We have not written this down yet."

VIEWS_HEADING = "What you and your child told us"
YOU_TOLD_US = "What you told us:"
CHILD_TOLD_US = "What your child told us:"
YOU_AGREE = "You told us that you agree with the grades."
YOU_DISAGREE = (
    "You told us that you do not agree with some of the grades. We have written this down. "
    "You can say more in the space for your comments."
)

CHANGES_HEADING = "What needs to change, by whom, by when"
CHANGES_INTRO = (
    "These are the parts of care we agreed to work on together. We will look at them again by "
    "the date in the table."
)
NO_CHANGES = "We have not picked any parts of care to work on yet."
WHAT_COLUMN = "What needs to change"
WHO_COLUMN = "Who"
WHEN_COLUMN = "By when"
HOW_COLUMN = "How we will know"
NO_DATE = "Not set yet"

PLAN_HEADING = "Our plan together"
PLAN_INTRO = "This is what we agreed to do. Each step says who will do it and by when."

REVIEW_HEADING = "When we will look again"
REVIEW_NOT_SET = "We will agree a date with you to look at the grades again."

COMMENTS_HEADING = "Your comments"
COMMENTS_INTRO = (
    "You can write here what you think about this report. You can say if you do not agree with "
    "a grade, and why. We will keep what you write with the report."
)
COMMENTS_SO_FAR = "What you have told us so far:"

SIGN_HEADING = "I have seen the grades"
SIGN_TEXT = (
    "I have seen the grades and read this report, or had it read to me. Signing does not mean "
    "that I agree with the grades."
)
SIGN_NAME = "Name"
SIGNED = "Signed"
SIGN_DATE = "Date"

CONTACT_HEADING = "Who to contact"
CONTACT_INTRO = (
    "If you have a question about this report, or you want to talk about it, please get in "
    "touch with:"
)
NO_CONTACT = "Ask the person who gave you this report."


def area_grade(grade: int) -> str:
    return f"Grade {grade} for this group as a whole."


def sub_area_heading(name: str, grade: int | None) -> str:
    return name if grade is None else f"{name}: grade {grade}"


def good_part(name: str, grade: int) -> str:
    return f"{name} (grade {grade})"


def change_what(sub_area: str, now: int, aim: int) -> str:
    return f"{sub_area}: from grade {now} now to grade {aim} or better."


def change_who(practitioner: str) -> str:
    return f"You, with help from {practitioner}." if practitioner else "You, with our help."


def review_by(day: str) -> str:
    return f"We will look at the grades again with you by {day}."


def all_text() -> str:
    """Every fixed sentence above, with sample names and dates: what the readability test
    scores (headings and table labels too, as parents read those first)."""
    fixed = [value for name, value in globals().items()
             if name.isupper() and isinstance(value, str)]
    filled = [area_grade(3), sub_area_heading("Health", 2), good_part("Housing", 1),
              change_what("Nutrition", 3, 2), change_who("Priya Shah"), review_by("1 May 2027")]
    return " ".join(s if s.endswith((".", ":", "?")) else s + "." for s in fixed + filled)
