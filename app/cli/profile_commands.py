"""Profile commands: init, verify, change-passphrase, recover, backup, restore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.io import check_new_passphrase, read_passphrase, read_stdin_line, write_named_file
from app.errors import DatabaseDamaged, IntegrityFailure, NoProfile, UsageError
from app.paths import ProfilePaths

# The storage, vault and crypto modules are imported inside each command, not here: the parser
# is built for every invocation, and `homevisit --version` or `--help` must stay instant.


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("init", help="create a new encrypted profile")
    p.add_argument("--practitioner", required=True, help="the practitioner's full name")
    p.add_argument("--organisation")
    p.add_argument("--role")
    p.add_argument("--agency")
    p.add_argument("--gcp2-trained-on", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument(
        "--recovery-key", type=Path, metavar="PUBLIC.pem",
        help="organisation recovery public key (X25519, PEM) to wrap the data key to",
    )
    p.add_argument(
        "--passphrase-only", action="store_true",
        help="organisation policy for machines with no OS key store: the passphrase alone "
        "protects the data (weaker; see the admin guide)",
    )
    add_passphrase(p)
    p.set_defaults(handler=run_init)

    p = sub.add_parser("verify", help="check encryption, database integrity and the audit chain")
    add_passphrase(p)
    p.set_defaults(handler=run_verify)

    p = sub.add_parser(
        "change-passphrase",
        help="rewrap the data key with a new passphrase (stdin: old line, then new line)",
    )
    add_passphrase(p)
    p.set_defaults(handler=run_change_passphrase)

    p = sub.add_parser(
        "recover", help="restore access with the organisation recovery private key "
        "(stdin: the new passphrase)",
    )
    p.add_argument("--recovery-key", type=Path, required=True, metavar="PRIVATE.pem")
    add_passphrase(p)
    p.set_defaults(handler=run_recover)

    p = sub.add_parser("backup", help="write an encrypted backup, restorable with the passphrase")
    p.add_argument("--out", type=Path, required=True)
    add_passphrase(p)
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help="restore an encrypted backup into an empty data folder")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-only", action="store_true")
    add_passphrase(p)
    p.set_defaults(handler=run_restore)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _read_file(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read the {what} {path}: {error.strerror}") from None


def run_init(args: argparse.Namespace) -> int:
    from app.profile import NewProfile, create_profile

    passphrase = read_passphrase(args)
    check_new_passphrase(passphrase)
    if not args.practitioner.strip():
        raise UsageError("--practitioner needs a name")
    recovery = _read_file(args.recovery_key, "recovery key") if args.recovery_key else None
    new = NewProfile(
        practitioner_name=args.practitioner.strip(),
        organisation=args.organisation,
        role=args.role,
        agency=args.agency,
        gcp2_trained_on=args.gcp2_trained_on,
        passphrase_only=args.passphrase_only,
        recovery_public_key_pem=recovery,
    )
    if args.passphrase_only:
        print(
            "homevisit: warning: passphrase-only profile: anyone with this laptop's disk and the "
            "passphrase can read it; use only where the organisation's policy allows",
            file=sys.stderr,
        )
    create_profile(args.data_dir, passphrase, new).close()
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from app.audit import verify_audit_chain
    from app.profile import unlock_profile

    passphrase = read_passphrase(args)
    try:
        profile = unlock_profile(args.data_dir, passphrase)
    except DatabaseDamaged as error:
        raise IntegrityFailure(error.message) from None
    with profile:
        problems = profile.db.integrity_problems()
        if problems:
            raise IntegrityFailure(f"database integrity check failed: {problems[0]}")
        with profile.unit_of_work() as uow:
            chain = verify_audit_chain(uow.session)
        if chain:
            raise IntegrityFailure(f"audit chain broken: {chain[0]}")
    print("ok: encryption, database integrity and audit chain verified")
    return 0


def run_change_passphrase(args: argparse.Namespace) -> int:
    from app.profile import keystore_for
    from app.vault import change_passphrase

    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_stdin_line("new passphrase") if args.passphrase_stdin else read_passphrase(
        args, prompt="New passphrase: "
    )
    check_new_passphrase(new)
    paths = ProfilePaths(args.data_dir)
    if not paths.exists():
        raise NoProfile(f"no profile in {args.data_dir}; run 'homevisit init' first")
    change_passphrase(paths.vault, old, new, keystore=keystore_for(paths, None))
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from app.profile import keystore_for
    from app.vault import recover_vault

    private_pem = _read_file(args.recovery_key, "recovery key")
    new = read_passphrase(args, prompt="New passphrase: ")
    check_new_passphrase(new)
    paths = ProfilePaths(args.data_dir)
    if not paths.exists():
        raise NoProfile(f"no profile in {args.data_dir}; nothing to recover")
    info_store = keystore_for(paths, None)
    recover_vault(paths.vault, private_pem, new, keystore=info_store)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from app.backup import write_backup
    from app.profile import unlock_profile

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        data = write_backup(profile, passphrase)
    write_named_file(args.out, data)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from app.backup import read_backup, restore_backup

    passphrase = read_passphrase(args)
    backup = read_backup(_read_file(args.file, "backup"))
    restore_backup(backup, args.data_dir, passphrase, passphrase_only=args.passphrase_only).close()
    return 0
