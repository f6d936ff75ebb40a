"""Where the app finds the organisation configuration, and the configuration in force.

The first of these that exists is used:
1. the file named by the environment variable `HOMEVISIT_CONFIG` (set but missing: an error,
   since someone meant a file to be used);
2. the system-wide file an administrator deploys, `organisation.json` in the platform's site
   configuration folder (`/etc/xdg/HomeVisit/` on Linux, `C:\\ProgramData\\HomeVisit\\` on
   Windows, `/Library/Application Support/HomeVisit/` on macOS);
3. `organisation.json` in the profile's data folder (single-user machines, testing).
None: the built-in defaults. The system file comes before the data folder so that a file in a
practitioner's own folder cannot override what the administrator deployed.

A deployed file that fails its checks is an error (`OrganisationConfigError`, exit 2), never a
silent fall-back to defaults: a safeguarding rule must not change without anyone choosing it.
Loaded files are cached by path, size and modification time, so each lookup costs a few
`stat` calls and a redeployed file is picked up without a restart.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from app.config.organisation import DEFAULTS, OrganisationConfig, parse_organisation_config
from app.errors import InvalidInput, UsageError

ENV_VAR = "HOMEVISIT_CONFIG"
FILE_NAME = "organisation.json"

__all__ = [
    "ENV_VAR",
    "FILE_NAME",
    "OrganisationConfigError",
    "config_file",
    "load_config_file",
    "organisation_config",
    "organisation_config_for",
    "system_config_dir",
]


class OrganisationConfigError(UsageError):
    """The deployed configuration file cannot be used (exit 2); names the file and the path."""


def system_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.site_config_dir("HomeVisit", appauthor=False))


def config_file(data_dir: Path | None) -> Path | None:
    """The configuration file in force for a profile in `data_dir` (None: defaults)."""
    named = os.environ.get(ENV_VAR)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise OrganisationConfigError(
                f"{ENV_VAR} names {path}, which is not a file; deploy it or unset {ENV_VAR}")
        return path
    candidates = [system_config_dir() / FILE_NAME]
    if data_dir is not None:
        candidates.append(data_dir / FILE_NAME)
    return next((p for p in candidates if p.is_file()), None)


_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int], OrganisationConfig]] = {}


def load_config_file(path: Path) -> OrganisationConfig:
    """The checked configuration in `path`, from the cache while the file is unchanged."""
    try:
        status = path.stat()
        stamp = (status.st_size, status.st_mtime_ns)
        with _lock:
            cached = _cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        raw = path.read_bytes()
    except OSError as error:
        raise OrganisationConfigError(
            f"cannot read the organisation configuration {path}: {error.strerror}") from None
    try:
        config = parse_organisation_config(raw, source=str(path))
    except InvalidInput as problem:
        raise OrganisationConfigError(
            f"the organisation configuration {path} is not valid: {problem.message} "
            "(check it with 'homevisit config check')") from None
    with _lock:
        _cache[path] = (stamp, config)
    return config


def organisation_config_for(data_dir: Path | None) -> OrganisationConfig:
    """The configuration in force for the profile in `data_dir`: a file, or the defaults."""
    path = config_file(data_dir)
    return DEFAULTS if path is None else load_config_file(path)


def organisation_config(uow: object) -> OrganisationConfig:
    """The configuration in force for the profile a unit of work is open on.

    The profile's folder is where its database file is, read from the session's engine URL,
    so services need no extra argument (and tests with a database in a temporary folder get
    the defaults unless they deploy a file there)."""
    session = getattr(uow, "session", None)
    bind = session.get_bind() if session is not None else None
    database = getattr(getattr(bind, "url", None), "database", None)
    data_dir = Path(database).parent if isinstance(database, str) and database else None
    return organisation_config_for(data_dir)
