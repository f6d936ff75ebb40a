"""The exceptions `assessments/` raises.

This package cannot import `app.errors` (the layer arrows point the other way), so it has its own
small family; `app/` maps them to its exit codes (a refused pack or a broken lifecycle rule is the
person's input, exit 2). Each carries one clear sentence in `reason`.
"""

from __future__ import annotations


class AssessmentsError(Exception):
    """Base of the failures a person can cause through `assessments/`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ContentPackError(AssessmentsError):
    """A content pack was refused: unsigned, wrongly signed, tampered or malformed."""


class LifecycleError(AssessmentsError):
    """An assessment change that the lifecycle forbids (editing a completed record, a bad link)."""
