"""`homevisit chronology FAMILY_ID --out FILE.csv` and `homevisit search QUERY`.

The chronology CSV is the form multi-agency chronologies are shared in (UTF-8, header
`date,child,event,source,impact,outcome,themes`, date order); it is a plaintext file the person
named, written like every export (see `app.cli.io.write_named_file`) and audited. A search
prints one hit a line: kind, id, family and the highlighted passage; the query itself is never
written to the audit log (it may hold a name), only that a search was made and how many hits.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.io import read_passphrase, write_named_file

if TYPE_CHECKING:
    from app.services.chronology_views import ChronologyRow

# Storage and crypto are imported inside each command, so `homevisit --version` stays instant.

HEADER = ("date", "child", "event", "source", "impact", "outcome", "themes")


def register(sub: Any, add_passphrase: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("chronology", help="export a family's chronology as CSV (plaintext)")
    p.add_argument("family_id")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    add_passphrase(p)
    p.set_defaults(handler=run_chronology)

    p = sub.add_parser("search", help="search every note and entry")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    add_passphrase(p)
    p.set_defaults(handler=run_search)


def chronology_csv(rows: Sequence[ChronologyRow]) -> bytes:
    """The CSV bytes: UTF-8, CRLF rows (RFC 4180), themes joined with ';'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow((r.date.isoformat(), r.child, r.event, r.source, r.impact, r.outcome,
                         ";".join(r.themes)))
    return buffer.getvalue().encode("utf-8")


def run_chronology(args: argparse.Namespace) -> int:
    from app.audit import record_event
    from app.profile import unlock_profile
    from app.services.chronology import family_chronology

    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            rows = family_chronology(uow, args.family_id)
            write_named_file(args.out, chronology_csv(rows))
            record_event(
                uow.session, actor=actor, action="export", record_kind="family",
                record_id=args.family_id, detail={"what": "chronology", "rows": len(rows)},
            )
            uow.commit()
    print(f"wrote {len(rows)} chronology rows to {args.out}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from app.audit import record_event
    from app.errors import UsageError
    from app.profile import unlock_profile
    from app.services.search import search_notes

    if not 1 <= args.limit <= 1000:
        raise UsageError("--limit is a whole number from 1 to 1000")
    passphrase = read_passphrase(args)
    with unlock_profile(args.data_dir, passphrase) as profile:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            hits = search_notes(uow, args.query, limit=args.limit)
            record_event(
                uow.session, actor=actor, action="view", record_kind="search",
                record_id="notes", detail={"hits": len(hits),
                                           "records": [h.record_id for h in hits]},
            )
            uow.commit()
    for hit in hits:
        passage = " ".join(hit.snippet.split())
        print(f"{hit.record_kind}\t{hit.record_id}\t{hit.family_id}\t{passage}")
    return 0
