"""The document fingerprint: which version of an assessment record a printed report shows.

Defined as the SHA-256 of the RFC 8785 canonical JSON of the assessment's case-file form
(`app.casefile.assessments.write_assessment`, docs/case-file.md). So it is stable (the same
record always gives the same value, whatever order things were typed in), changes with any
change to the record (an addendum, a grade, a view), and anyone holding an export of the case
file can recompute it to match a paper copy to the record without the app.
"""

from __future__ import annotations

import hashlib

import rfc8785

from app.casefile.assessments import write_assessment
from assessments.record import Assessment


def record_fingerprint(record: Assessment) -> str:
    """64 hex digits: the full fingerprint (printed in full in the practitioner report)."""
    return hashlib.sha256(rfc8785.dumps(write_assessment(record))).hexdigest()


def short_fingerprint(fingerprint: str) -> str:
    """The first 64 bits in four groups, as printed on every page: easy to read aloud and
    compare by eye, and far beyond chance collisions between one child's record versions."""
    head = fingerprint[:16]
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))
