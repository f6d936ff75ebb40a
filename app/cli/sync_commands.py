"""`homevisit enrol`, `share`, `sync` and `outbox`: sharing with Family Connect from the command line.

Contracts (docs/sharing-and-sync.md):
- `enrol URL --code CODE [--ca-file PEM] --passphrase-stdin`: a bad, expired or used code is
  exit 2 with one line; the CA file is copied into the profile (its encrypted database);
- `share ASSESSMENT_ID --lawful-basis B --consent C --reason TEXT --passphrase-stdin`: records the
  decision and queues the sealed summary in one transaction; a draft or unknown id is exit 2;
- `sync --passphrase-stdin`: "send now" — every undelivered row at once, retried within a 60 s
  run (a Retry-After honoured up to that limit); exit 0 when all are delivered, else exit 1 with
  the counts on one line;
- `outbox --passphrase-stdin`: one line per row: submission id, state, attempts, family,
  assessment, when queued, and the receipt reference or the last problem.
Storage, crypto and httpx are imported inside each command, so `homevisit --version` stays light.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.io import read_passphrase
from app.errors import HomeVisitError, UsageError

LAWFUL_BASES = ("public_task", "legal_obligation", "vital_interests", "consent")
CONSENT = ("given", "refused", "not_sought")


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("enrol", help="enrol this device with a Family Connect gateway")
    p.add_argument("url", help="the gateway address your administrator gave (https://...)")
    p.add_argument("--code", required=True, help="the one-time enrolment code")
    p.add_argument("--ca-file", type=Path, help="the CA certificate (PEM) the gateway's TLS uses")
    p.add_argument("--label", default="", help="a name for this laptop the administrator will see")
    add_passphrase(p)
    p.set_defaults(handler=run_enrol)

    p = sub.add_parser("share", help="share a completed assessment with Family Connect")
    p.add_argument("assessment_id")
    p.add_argument("--lawful-basis", required=True, choices=LAWFUL_BASES)
    p.add_argument("--consent", required=True, choices=CONSENT)
    p.add_argument("--reason", required=True, help="why consent was given, refused or not sought")
    p.add_argument("--purpose", help="why it is shared (default: safeguarding referral)")
    p.add_argument("--condition", help="the special category condition (default: DPA 2018 Sch 1 para 18)")
    p.add_argument("--identities-withheld", default="", help="whose identity was withheld, and why")
    p.add_argument("--advice-taken", default="", help="advice sought before sharing, from whom")
    add_passphrase(p)
    p.set_defaults(handler=run_share)

    p = sub.add_parser("sync", help="send every waiting summary now and fetch outcomes")
    add_passphrase(p)
    p.set_defaults(handler=run_sync)

    p = sub.add_parser("outbox", help="list the summaries shared from this device and their state")
    add_passphrase(p)
    p.set_defaults(handler=run_outbox)


def run_enrol(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.services.sharing_enrolment import enrol

    ca_pem = None
    if args.ca_file is not None:
        try:
            ca_pem = Path(args.ca_file).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            raise UsageError(f"cannot read the CA file {args.ca_file}") from None
        if "BEGIN CERTIFICATE" not in ca_pem:
            raise UsageError(f"{args.ca_file} is not a PEM certificate")
    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        view = enrol(profile.db, profile.actor, args.url, args.code, ca_pem=ca_pem, label=args.label)
    print(f"enrolled as {view.device_id} with {view.organisation_name} ({view.organisation})")
    print(f"sealing key fingerprint: {view.sealing_key_fingerprint}")
    print(f"receipt key fingerprint: {view.receipt_key_fingerprint}")
    print("compare both fingerprints with the ones your administrator has")
    return 0


def run_share(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.services.sharing import (
        DEFAULT_CONDITION,
        DEFAULT_PURPOSE,
        DecisionBasis,
        share_assessment,
    )

    basis = DecisionBasis(
        lawful_basis=args.lawful_basis, consent=args.consent, consent_reason=args.reason,
        purpose=args.purpose or DEFAULT_PURPOSE,
        special_category_condition=args.condition or DEFAULT_CONDITION,
        identities_withheld=args.identities_withheld, advice_taken=args.advice_taken,
    )
    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            result = share_assessment(uow, actor, args.assessment_id, basis)
            uow.commit()
    again = " (a second share of this assessment)" if result.repeat else ""
    print(f"queued submission {result.submission_id} (decision {result.decision.id}){again}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.sync.engine import SEND_NOW_LIMIT, SyncEngine

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        report = SyncEngine(profile.db).run(send_now=True, time_limit=SEND_NOW_LIMIT)
    counts = report.counts
    print(f"delivered {report.delivered} now; {counts.delivered} delivered in all; "
          f"{report.outcomes_received} new outcome(s)")
    if counts.undelivered:
        paused = f" ({report.paused})" if report.paused else ""
        raise HomeVisitError(
            f"{counts.undelivered} not delivered: {counts.queued + counts.sending} queued, "
            f"{counts.paused} paused, {counts.needs_action} need action{paused}"
        )
    return 0


def run_outbox(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.services.outbox import outbox_rows

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile, profile.unit_of_work() as uow:
        rows = outbox_rows(uow)
    for row in rows:
        detail = row.receipt_reference if row.state == "delivered" else row.last_error
        print("\t".join((row.submission_id, row.state, str(row.attempts), row.family_id,
                         row.assessment_id, row.queued_at.isoformat(), detail or "")))
    return 0
