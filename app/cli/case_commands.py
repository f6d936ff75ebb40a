"""`homevisit import` and `homevisit export`: the case file in and out of a profile."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.cli.io import read_passphrase, write_named_file
from app.errors import UsageError

# Heavy modules (storage, crypto, parser) are imported inside each command: see profile_commands.


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("import", help="import a homevisit.case/1 file (all or nothing)")
    p.add_argument("file", type=Path)
    add_passphrase(p)
    p.set_defaults(handler=run_import)

    p = sub.add_parser("export", help="export the profile as a plaintext homevisit.case/1 file")
    p.add_argument("--out", type=Path, required=True)
    add_passphrase(p)
    p.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    from app.casefile.validate import parse_case_file
    from app.config.locate import organisation_config_for
    from app.profile import unlock_profile
    from app.services.case_files import import_case_file

    passphrase = read_passphrase(args)
    try:
        raw = Path(args.file).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from None
    # Validate before unlocking: a bad file is refused without touching the profile at all.
    # The organisation's own themes are valid in entries, as they are when recorded in the app.
    themes = organisation_config_for(args.data_dir).themes.catalogue
    case = parse_case_file(raw, themes=themes)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            summary = import_case_file(uow, case, actor=actor)
            uow.commit()
    print(f"imported {summary}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from app.casefile.serialise import case_file_to_json, dump_case_file
    from app.profile import unlock_profile
    from app.services.case_files import export_case_file

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            case = export_case_file(uow, actor=actor, app_version=__version__)
            uow.commit()  # the export itself is audited
    exported = {
        "at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "by": actor,
        "app_version": __version__,
    }
    write_named_file(args.out, dump_case_file(case_file_to_json(case, exported=exported)))
    return 0
