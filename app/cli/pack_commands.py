"""`homevisit pack import` and `homevisit pack show`: the organisation's GCP2 content pack.

The pack is licensed text: `show` prints who made it, its version and how many items each area
has, never any of its wording. The packs trusted are those signed with a key listed in the
organisation configuration (`keys.content_pack_signing_keys`), or with a key given by
`--trusted-key PUBLIC.pem` (which then replaces the configured ones, for a one-off check).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.io import read_passphrase
from app.errors import UsageError

if TYPE_CHECKING:
    from app.services.views_gcp2 import ContentPackInfo

# Storage and crypto are imported inside each command: see profile_commands.


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    pack = sub.add_parser("pack", help="the organisation's GCP2 content pack (administrators)")
    commands = pack.add_subparsers(dest="pack_command", required=True,
                                   parser_class=type(pack))

    p = commands.add_parser("import", help="import a signed content pack")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--trusted-key", type=Path, action="append", default=[], metavar="PUBLIC.pem",
        help="an Ed25519 pack-signing public key (PEM) to trust instead of the organisation "
             "configuration's; repeatable",
    )
    add_passphrase(p)
    p.set_defaults(handler=run_import)

    p = commands.add_parser("show", help="which content pack is in use (never its text)")
    add_passphrase(p)
    p.set_defaults(handler=run_show)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror}") from None


def run_import(args: argparse.Namespace) -> int:
    from app.config.locate import organisation_config_for
    from app.profile import unlock_profile
    from app.services.content_packs import import_content_pack, public_key_from_pem

    if args.trusted_key:
        keys = [
            public_key_from_pem(_read(path, "the key file"), source=str(path))
            for path in args.trusted_key
        ]
    else:
        config = organisation_config_for(args.data_dir)
        keys = [
            public_key_from_pem(pem, source=f"{config.source}: keys.content_pack_signing_keys")
            for pem in config.content_pack_keys_pem
        ]
    if not keys:
        raise UsageError(
            "no content-pack signing key is configured: list it under "
            "keys.content_pack_signing_keys in the organisation configuration, "
            "or give it with --trusted-key PUBLIC.pem"
        )
    raw = _read(args.file, "the pack file")
    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            info = import_content_pack(uow, actor, raw, keys)
            uow.commit()
    print(f"imported content pack {info.pack_id} version {info.version}")
    return 0


def describe(info: ContentPackInfo) -> list[str]:
    """The lines `pack show` prints: identification and counts only."""
    from assessments import gcp2

    lines = [
        f"pack: {info.pack_id}",
        f"version: {info.version}",
        f"organisation: {info.organisation}",
        f"imported at: {info.imported_at.isoformat()}",
        f"signed by key: {info.key_id}",
        "items per area:",
    ]
    lines.extend(f"  {gcp2.area(area_id).name}: {count}" for area_id, count in info.items_per_area)
    return lines


def run_show(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.services.content_packs import content_pack_info
    from assessments.prompts import NO_PACK_NOTICE

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile, profile.unit_of_work() as uow:
        info = content_pack_info(uow)
    print("\n".join(describe(info)) if info is not None else NO_PACK_NOTICE)
    return 0
