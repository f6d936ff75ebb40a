"""`homevisit config check FILE` and `homevisit config show`: the organisation configuration.

`check` validates a file before an administrator deploys it: exit 0 with a short summary, or
exit 2 with one line naming the JSON path of the first problem (the same checks the app runs
when it loads the file). `show` says which file is in force for a profile folder, and
summarises it. Neither needs a passphrase: the file holds no personal data. The configuration
code (JSON Schema, cryptography) is imported inside the handlers so `homevisit --version`
stays instant.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UsageError

if TYPE_CHECKING:
    from app.config.organisation import OrganisationConfig


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    config = sub.add_parser("config", help="the organisation configuration (administrators)")
    commands = config.add_subparsers(dest="config_command", required=True,
                                     parser_class=type(config))
    p = commands.add_parser("check", help="validate an organisation configuration file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_check)
    p = commands.add_parser("show", help="which configuration is in force, and what it sets")
    p.set_defaults(handler=run_show)


def summary(config: OrganisationConfig) -> list[str]:
    """The lines both commands print: counts, names and the gateway; never key material."""
    from assessments.themes import DEFAULT_THEMES

    catalogue, rules = config.themes.catalogue, config.themes.rules
    own = len(catalogue.themes) - len(DEFAULT_THEMES)
    levels = config.levels
    stages = config.escalation_stages
    return [
        f"version: {config.version}",
        f"organisation: {config.organisation or '(not named)'}",
        f"themes: {len(catalogue.themes)} ({own} of the organisation's own); "
        f"recurring-theme rules: {len(rules)} ({', '.join(r.id for r in rules)})",
        "levels of need: " + ", ".join(level.label for level in levels.levels)
        + f"; suggestion table: {len(levels.suggestions)} rows"
        + (f"; threshold document: {levels.threshold_document}" if levels.threshold_document
           else ""),
        f"escalation stages: {len(stages)} ("
        + ", ".join(f"{s.working_days}" for s in stages) + " working days)",
        f"plans: shared within {config.plans.share_within_working_days} working days; "
        f"first review after {config.plans.first_review_after_months} months",
        f"recovery key: {'yes' if config.recovery_public_key_pem else 'no'}; "
        f"content pack signing keys: {len(config.content_pack_keys_pem)}; "
        f"gateway: {config.gateway_url or 'not set'}",
    ]


def run_check(args: argparse.Namespace) -> int:
    from app.config.organisation import FORMAT, parse_organisation_config

    path: Path = args.file
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    config = parse_organisation_config(raw, source=str(path))
    print(f"valid: {path} ({FORMAT})")
    for line in summary(config):
        print(line)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.config.locate import config_file, load_config_file
    from app.config.organisation import DEFAULTS

    path = config_file(args.data_dir)
    config = DEFAULTS if path is None else load_config_file(path)
    print(f"in force: {path if path is not None else 'the built-in defaults (no file deployed)'}")
    for line in summary(config):
        print(line)
    return 0
