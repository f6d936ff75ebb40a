"""Small command-line I/O pieces: reading a passphrase, writing an explicitly named file."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
import tempfile
from pathlib import Path

from app.errors import UsageError

MIN_PASSPHRASE_LENGTH = 8


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ") -> str:
    """One line from stdin with --passphrase-stdin; an interactive prompt on a terminal."""
    if getattr(args, "passphrase_stdin", False):
        return read_stdin_line("passphrase")
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError("give the passphrase with --passphrase-stdin")


def read_stdin_line(what: str) -> str:
    line = sys.stdin.readline() if sys.stdin is not None else ""
    value = line[:-1] if line.endswith("\n") else line
    value = value[:-1] if value.endswith("\r") else value
    if not value:
        raise UsageError(f"no {what} on standard input")
    return value


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UsageError(
            f"the new passphrase is too short: use at least {MIN_PASSPHRASE_LENGTH} characters"
        )


def write_named_file(path: Path, data: bytes) -> None:
    """Write a file the person named, atomically: temp file beside it (0600), fsync, replace.

    These are the only plaintext files the product writes, and only because someone asked.
    """
    target = path.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"the folder {folder} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=".homevisit-", dir=folder)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
