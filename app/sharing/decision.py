"""The values an information-sharing decision takes (DfE advice, 2024), in one pure place.

The storage CHECKs, the case-file reader, the services and the share dialog all use these.
"""

from __future__ import annotations

import re

LAWFUL_BASES = ("public_task", "legal_obligation", "vital_interests", "consent")
CONSENT = ("given", "refused", "not_sought")
CHANNELS = ("app", "phone", "meeting", "email", "letter", "other")
# FC-Sync identifiers (docs/protocol/fc-sync-v1.md §1): what a submission id may be.
_WIRE_ID = re.compile(r"[A-Za-z0-9._~:-]{1,128}")


def is_wire_id(value: object) -> bool:
    return isinstance(value, str) and _WIRE_ID.fullmatch(value) is not None
