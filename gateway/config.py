"""Where a gateway lives and how it is told to run: the home folder, its settings file, and the
options `serve` passes to the web application.

The home folder holds everything a gateway instance needs: `gateway.json` (organisation code and
name, body limit), `keys/` (sealing, receipt, at-rest and session keys, each 0600) and, unless a
database URL is given, `gateway.db` (SQLite). Several instances behind a load balancer share one
PostgreSQL database and copies of the same `keys/`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fcsync.envelope import is_valid_id
from gateway.errors import GatewayError, UsageError

HOME_ENV = "FC_GATEWAY_HOME"
SETTINGS_FILE = "gateway.json"
DB_FILE = "gateway.db"
FORMAT = "fc-gateway/1"
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024


class NoGatewayHome(GatewayError):
    """A command that needs an initialised gateway home where there is none (exit 1)."""


class GatewayHomeExists(GatewayError):
    """`init` on a home that already holds a gateway (exit 1)."""


@dataclass(frozen=True)
class Organisation:
    """The council the gateway receives for: `code` is the `recipient` in envelopes."""

    code: str
    name: str


@dataclass(frozen=True)
class GatewaySettings:
    """The contents of `gateway.json`."""

    organisation: Organisation
    max_body_bytes: int
    created_at: str


@dataclass(frozen=True)
class ServeOptions:
    """How one running instance behaves. Limits are per instance (not shared between instances)."""

    home: Path
    db_url: str
    public_url: str | None = None
    max_in_flight: int = 256  # concurrent protocol requests before answering 503
    # Threads for database calls (db_calls.py); SQLite writes may use up to max(16, this).
    worker_threads: int = int(os.environ.get("FC_GATEWAY_WORKER_THREADS", "4"))
    device_rate_per_minute: int = 1200  # per device, token bucket of the same capacity
    enrolments_per_minute: int = 30  # per client address
    retry_after_seconds: int = 5


def resolve_home(explicit: str | None) -> Path:
    """`--home`, else $FC_GATEWAY_HOME, else a usage error (a server has no sensible default)."""
    chosen = explicit or os.environ.get(HOME_ENV)
    if not chosen:
        raise UsageError(f"name the gateway home with --home DIR or {HOME_ENV}")
    return Path(chosen).expanduser().resolve()


def default_db_url(home: Path) -> str:
    return f"sqlite:///{home / DB_FILE}"


def write_settings(home: Path, organisation: Organisation, max_body_bytes: int) -> GatewaySettings:
    if not is_valid_id(organisation.code):
        raise UsageError("the organisation code must be 1–128 of A-Z a-z 0-9 . _ ~ : -")
    if not organisation.name.strip():
        raise UsageError("the organisation name must not be empty")
    settings = GatewaySettings(organisation, max_body_bytes, datetime.now(UTC).isoformat())
    data = {
        "format": FORMAT,
        "organisation": organisation.code,
        "organisation_name": organisation.name,
        "max_body_bytes": max_body_bytes,
        "created_at": settings.created_at,
    }
    path = home / SETTINGS_FILE
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, path)
    return settings


def read_settings(home: Path) -> GatewaySettings:
    path = home / SETTINGS_FILE
    if not path.is_file():
        raise NoGatewayHome(f"no gateway in {home}; run `fc-gateway --home {home} init --org CODE` first")
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("unknown format")
        organisation = Organisation(str(data["organisation"]), str(data["organisation_name"]))
        max_body = int(data["max_body_bytes"])
        created = str(data["created_at"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GatewayError(f"{path} is not a readable gateway settings file") from exc
    return GatewaySettings(organisation, max_body, created)
