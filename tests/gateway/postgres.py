"""A throw-away PostgreSQL server for tests: Debian's binaries, a temp data folder, a unix socket.

PostgreSQL refuses to run as root, so under root the server runs as `nobody` (the data folder is
handed to that user); otherwise as the current user. Nothing listens on TCP.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg


def postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self) -> str:
        name = "gw_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=str(self.socket_dir), port=self.port, user=self.user,
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def postgres_server(bin_dir: Path) -> Iterator[PostgresServer]:
    root = Path(tempfile.mkdtemp(prefix="fc-gw-pg-"))
    os.chmod(root, 0o755)  # noqa: S103 - the server user must reach its folders, clients the socket
    data, sockets, log = root / "data", root / "run", root / "server.log"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "nobody", "--"]
        for path in (root, sockets):
            shutil.chown(path, "nobody")
    port = 54320 + (os.getpid() % 500)
    run = lambda *argv: subprocess.run([*as_user, *argv], check=True, capture_output=True, cwd=root)  # noqa: E731
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "fc", "--auth=trust", "-E", "UTF8", "--no-sync")
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off -c max_connections=200"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    try:
        yield PostgresServer(sockets, port, "fc")
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)
