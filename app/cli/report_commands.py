"""`homevisit report ASSESSMENT_ID --kind parent|practitioner --out FILE.pdf --passphrase-stdin`.

Writes the GCP2 report as a PDF to the file the person named (plaintext, like every export:
`app.cli.io.write_named_file`, atomic, 0600) and audits it as an export of the assessment with
the kind, the record fingerprint and where it went. An unknown assessment id is exit 2 and
writes nothing. The PDF is rendered in memory; no other file is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.io import read_passphrase, write_named_file

# reportlab, storage and crypto are imported inside the command, so `homevisit --version`
# stays instant.

KINDS = ("parent", "practitioner")


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("report", help="write a GCP2 report as PDF (plaintext, audited)")
    p.add_argument("assessment_id")
    p.add_argument("--kind", choices=KINDS, required=True,
                   help="parent: plain language for the family; practitioner: everything")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_passphrase(p)
    p.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from app.profile import unlock_profile
    from app.services.reports import export_report

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            report = export_report(uow, actor, args.assessment_id, args.kind, args.out,
                                   write=write_named_file)
            uow.commit()
    print(f"wrote the {report.kind} report of assessment {report.assessment_id} "
          f"({report.pages} pages, record fingerprint {report.short_fingerprint}) to {args.out}")
    return 0
