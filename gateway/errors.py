"""Expected failures of the gateway and the exit codes `fc-gateway` gives them.

The gateway is a separate deployable and may not import `app/` (tests/unit/test_layers.py), so
it keeps its own small hierarchy, with the same exit codes as `app.errors`: 2 for a usage error
or an id that names nothing, 5 for stored data that fails its integrity check, 1 otherwise.
Each carries one clear sentence, printed on one stderr line; never personal data.
"""

from __future__ import annotations


class GatewayError(Exception):
    """Base of expected failures."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(GatewayError):
    """Wrong arguments or values (exit 2)."""

    exit_code = 2


class UnknownRecord(UsageError):
    """An id or reference that names nothing (exit 2)."""


class IntegrityFailure(GatewayError):
    """Stored data that does not open or verify (exit 5)."""

    exit_code = 5
