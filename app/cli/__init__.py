"""The `homevisit` command (a **contract** in ARCHITECTURE.md): parsing, dispatch, exit codes.

Every expected failure is an `app.errors.HomeVisitError` and becomes exactly one line on stderr
and its exit code; anything unexpected is exit 1 with one generic line (the exception text may
hold personal data, so it is not printed). Nothing here imports Qt: `gui` imports `ui` lazily.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.errors import HomeVisitError, UsageError
from app.paths import default_data_dir

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit 2, as the contract requires."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see 'homevisit --help')")


def _add_passphrase(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase as one line from standard input",
    )


def build_parser() -> argparse.ArgumentParser:
    from app.cli import (
        case_commands,
        chronology_commands,
        config_commands,
        pack_commands,
        profile_commands,
        report_commands,
        sync_commands,
    )

    parser = _Parser(
        prog="homevisit",
        description="HomeVisit: encrypted home-visiting records. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"homevisit {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="profile folder (default: $HOMEVISIT_DATA_DIR or the platform's user data folder)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("gui", help="start the desktop app (the default)").set_defaults(
        handler=_run_gui
    )
    profile_commands.register(sub, _add_passphrase)
    case_commands.register(sub, _add_passphrase)
    pack_commands.register(sub, _add_passphrase)
    chronology_commands.register(sub, _add_passphrase)
    report_commands.register(sub, _add_passphrase)
    sync_commands.register(sub, _add_passphrase)
    config_commands.register(sub, _add_passphrase)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from ui.application import run_gui  # Qt is loaded only for the GUI

    return run_gui(args.data_dir)


def _quiet_libraries() -> None:
    # Library log records (Alembic, keyring, httpx) must never reach stderr from the CLI:
    # the contract is one clear line per failure, and records could name files or hosts.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.lastResort = None


def _no_core_dumps() -> None:
    # A core dump would write the data key and decrypted records to disk in plaintext.
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # not POSIX, or not permitted: the OS default stands


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_libraries()
    _no_core_dumps()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.data_dir is None:
            args.data_dir = default_data_dir()
        handler: Handler = getattr(args, "handler", _run_gui)
        return handler(args)
    except HomeVisitError as error:
        print(f"homevisit: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("homevisit: interrupted; nothing was committed after the last saved step", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the contract forbids tracebacks on stderr
        print(
            f"homevisit: unexpected internal error ({type(error).__name__}); "
            "please report it with the time it happened",
            file=sys.stderr,
        )
        return 1
