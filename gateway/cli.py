"""`fc-gateway` (also `python -m gateway`): set up, run and administer a gateway (contract).

    fc-gateway --home DIR init --org ORG [--name NAME] [--max-body-bytes N]
    fc-gateway --home DIR serve --host H --port P [--tls-cert F --tls-key F] [--db URL] [--public-url URL]
                                [--workers N] [--root-path PREFIX]
    fc-gateway --home DIR enrolment-code [--practitioner NAME]     prints one code (24 h, single use)
    fc-gateway --home DIR revoke DEVICE_ID
    fc-gateway --home DIR submissions [--json]                      one JSON object per line
    fc-gateway --home DIR add-staff USER --password-stdin
    fc-gateway --home DIR keys                                      key ids and fingerprints
    fc-gateway --home DIR migrate                                   bring the database schema up to date

$FC_GATEWAY_HOME also sets the home; $FC_GATEWAY_DB (or `--db` on any command) names a
PostgreSQL database instead of `<home>/gateway.db`. Every command that opens the database
(and `serve` in each worker) first brings its schema to this version (gateway/schema.py);
`migrate` does only that and says what it did. Admin commands write the shared database,
which a running gateway reads on every request, so `revoke` and `enrolment-code` act at once.
Exit codes (gateway.errors): 2 usage, 5 integrity, 1 anything else; one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from fcsync.envelope import is_valid_id
from fcsync.keys import fingerprint
from gateway import __version__
from gateway.config import (
    DEFAULT_MAX_BODY_BYTES,
    GatewayHomeExists,
    Organisation,
    ServeOptions,
    default_db_url,
    read_settings,
    resolve_home,
    write_settings,
)
from gateway.errors import GatewayError, UnknownRecord, UsageError
from gateway.keys import create_keys, load_keys
from gateway.schema import BASELINE, upgrade_schema
from gateway.storage import Store, open_engine
from gateway.triage import add_staff, audit, submission_lines

DB_ENV = "FC_GATEWAY_DB"
SERVE_ENV = "FC_GATEWAY_SERVE"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fc-gateway", description="Family Connect gateway (FC-Sync v1 receiver).")
    parser.add_argument("--home", help="gateway home folder (or $FC_GATEWAY_HOME)")
    parser.add_argument("--version", action="version", version=f"fc-gateway {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--db", help=f"database URL (default: SQLite in the home; or ${DB_ENV})")
        return sub

    init = command("init", "create a gateway home: settings, keys, database")
    init.add_argument("--org", required=True, help="organisation code devices address summaries to")
    init.add_argument("--name", help="organisation name shown to staff and devices (default: the code)")
    init.add_argument("--max-body-bytes", type=int, default=DEFAULT_MAX_BODY_BYTES)
    serve = command("serve", "run the gateway")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert")
    serve.add_argument("--tls-key")
    serve.add_argument("--public-url", help="the URL devices use, when a proxy changes scheme, host or path")
    serve.add_argument("--root-path", default="", help="path prefix a reverse proxy strips")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing this port and database (default 1)")
    code = command("enrolment-code", "print a one-time enrolment code")
    code.add_argument("--practitioner", default="", help="who the device is for")
    revoke = command("revoke", "revoke a device at once")
    revoke.add_argument("device_id")
    listing = command("submissions", "list received submissions (no personal data)")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    staff = command("add-staff", "create a front-door staff account for the inbox")
    staff.add_argument("user")
    staff.add_argument("--password-stdin", action="store_true", required=True)
    command("keys", "show the gateway's key ids and fingerprints")
    command("migrate", "bring the database schema to this gateway's version (also done on every start)")
    return parser


def _db_url(args: argparse.Namespace, home: Path) -> str:
    return str(args.db or os.environ.get(DB_ENV) or default_db_url(home))


def _store(args: argparse.Namespace, home: Path) -> Store:
    settings = read_settings(home)
    keys = load_keys(home)
    return Store(open_engine(_db_url(args, home)), keys, settings.organisation.code)


def _init(args: argparse.Namespace, home: Path) -> int:
    if not is_valid_id(args.org):  # usage errors before looking at the disk
        raise UsageError("the organisation code must be 1–128 of A-Z a-z 0-9 . _ ~ : -")
    if (home / "gateway.json").exists():
        raise GatewayHomeExists(f"{home} already holds a gateway")
    if args.max_body_bytes < 64 * 1024:
        raise UsageError("--max-body-bytes must be at least 65536")
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    organisation = Organisation(args.org, args.name or args.org)
    write_settings(home, organisation, args.max_body_bytes)
    keys = create_keys(home)
    open_engine(_db_url(args, home)).dispose()
    print(f"gateway for {organisation.code} created in {home}")
    print(f"sealing key {keys.sealing_key_id}  {fingerprint(keys.sealing_key.public_key())}")
    print(f"receipt key {keys.receipt_key_id}  {fingerprint(keys.receipt_key.public_key())}")
    return 0


def _serve(args: argparse.Namespace, home: Path) -> int:
    import uvicorn  # only `serve` needs the server

    from gateway.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("give both --tls-cert and --tls-key, or neither")
    if args.public_url:
        parts = urlsplit(args.public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            raise UsageError("--public-url must be an http(s) URL without query")
    if not args.tls_cert:
        print("warning: serving plain HTTP; put a TLS-terminating proxy in front", file=sys.stderr)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    options = ServeOptions(home=home, db_url=_db_url(args, home), public_url=args.public_url)
    create_app(options)  # fail here, with one clear line, if the home or database is unusable
    # Worker processes build the app themselves from the environment (uvicorn needs an import string).
    os.environ[SERVE_ENV] = json.dumps({"home": str(home), "db_url": options.db_url, "public_url": args.public_url})
    uvicorn.run(
        "gateway.cli:app_from_environment", factory=True, workers=args.workers,
        host=args.host, port=args.port, ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key,
        root_path=args.root_path, log_level="warning", proxy_headers=True, server_header=False,
        # A stop (systemd, a deploy) gives requests in flight this long, then closes what is
        # left: an idle keep-alive connection must not hold the service up indefinitely.
        timeout_graceful_shutdown=30,
    )
    return 0


def app_from_environment() -> Any:
    """The ASGI app for `serve` (also in each worker process): options from $FC_GATEWAY_SERVE."""
    from gateway.app import create_app

    data = json.loads(os.environ[SERVE_ENV])
    return create_app(ServeOptions(home=Path(data["home"]), db_url=data["db_url"], public_url=data["public_url"]))


def _enrolment_code(args: argparse.Namespace, home: Path) -> int:
    store = _store(args, home)
    code = store.issue_enrolment_code(args.practitioner, datetime.now(UTC))
    audit(store, "admin", "enrolment-code", args.practitioner)
    print(code)
    return 0


def _revoke(args: argparse.Namespace, home: Path) -> int:
    store = _store(args, home)
    if not store.revoke(args.device_id, datetime.now(UTC)):
        raise UnknownRecord(f"no device with id {args.device_id}")
    audit(store, "admin", "revoke", args.device_id)
    print(f"device {args.device_id} revoked")
    return 0


def _submissions(args: argparse.Namespace, home: Path) -> int:
    for line in submission_lines(_store(args, home)):
        if args.json:
            print(json.dumps({k: line[k] for k in ("submission_id", "device_id", "status", "received_at")}))
        else:
            print(f"{line['reference']:<16} {line['received_at']}  {line['status']:<17} "
                  f"{line['device_id']}  {line['submission_id']}")
    return 0


def _add_staff(args: argparse.Namespace, home: Path) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    add_staff(_store(args, home), args.user, password)
    print(f"staff user {args.user} added")
    return 0


def _keys(args: argparse.Namespace, home: Path) -> int:
    keys = load_keys(home)
    print(f"sealing key {keys.sealing_key_id}  {fingerprint(keys.sealing_key.public_key())}")
    print(f"receipt key {keys.receipt_key_id}  {fingerprint(keys.receipt_key.public_key())}")
    return 0


def _migrate(args: argparse.Namespace, home: Path) -> int:
    read_settings(home)  # a usable home first, as for every other command
    engine = open_engine(_db_url(args, home), upgrade=False)
    try:
        change = upgrade_schema(engine)
    finally:
        engine.dispose()
    if change.adopted:
        print(f"adopted a database made before migrations: stamped {BASELINE}, now at {change.after}")
    elif change.before == change.after:
        print(f"database schema already at {change.after}")
    else:
        print(f"database schema upgraded from {change.before or 'empty'} to {change.after}")
    return 0


_COMMANDS = {
    "init": _init, "serve": _serve, "enrolment-code": _enrolment_code, "revoke": _revoke,
    "submissions": _submissions, "add-staff": _add_staff, "keys": _keys, "migrate": _migrate,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        home = resolve_home(args.home)
        return _COMMANDS[args.command](args, home)
    except GatewayError as exc:
        print(f"fc-gateway: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback (it may hold data)
        print(f"fc-gateway: unexpected {type(exc).__name__}; nothing more is shown", file=sys.stderr)
        return 1
