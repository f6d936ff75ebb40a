"""Expected failures and the exit codes the `homevisit` command contract gives them.

Every error a person can cause (bad input, wrong passphrase, no key store) is one of these,
carrying one clear sentence; the CLI prints it on one stderr line and exits with `exit_code`.
Anything else is a bug and exits 1 with a generic line (never a traceback on stderr).
"""

from __future__ import annotations


class HomeVisitError(Exception):
    """Base of expected failures. `exit_code` follows ARCHITECTURE.md's CLI contract."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(HomeVisitError):
    """Wrong arguments, an invalid input file, or an id that names nothing (exit 2)."""

    exit_code = 2


class InvalidInput(UsageError):
    """Input that fails validation; `path` is the JSON path of the first problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnknownRecord(UsageError):
    """An id that names no record in the profile (exit 2)."""


class CannotUnlock(HomeVisitError):
    """Wrong passphrase or a vault that cannot be opened with what was given (exit 3)."""

    exit_code = 3


class WrongPassphrase(CannotUnlock):
    """The passphrase does not unwrap the data key."""


class NoKeyStore(HomeVisitError):
    """No usable OS key store, and the profile is not under the passphrase-only policy (exit 4)."""

    exit_code = 4


class IntegrityFailure(HomeVisitError):
    """`verify` found corruption or a broken audit chain (exit 5)."""

    exit_code = 5


class ProfileExists(HomeVisitError):
    """`init` where a profile already exists (exit 1)."""


class NoProfile(HomeVisitError):
    """A command that needs a profile where there is none (exit 1)."""


class DatabaseDamaged(HomeVisitError):
    """The key is right (the vault opened) but the database cannot be read: damage, not a
    wrong passphrase. `verify` reports it as an integrity failure (exit 5)."""
