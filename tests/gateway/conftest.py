"""Gateway test set-up: a gateway home made by the real CLI, loopback TLS certificates from
trustme, and a real uvicorn server on 127.0.0.1 (a free port) in a background thread."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import trustme
import uvicorn
from sqlalchemy import func, select

from fcsync.enrolment import build_enrolment_request, parse_enrolment_response
from gateway.app import create_app
from gateway.cli import main as gateway_cli
from gateway.config import ServeOptions, default_db_url
from gateway.models import Submission
from gateway.protocol import Gateway
from tests.gateway.device import SimulatedDevice
from tests.gateway.postgres import PostgresServer, postgres_bin, postgres_server

ORG = "LA-E08000025"
ROOT_DIR = Path(__file__).resolve().parents[2]


@dataclass
class TLS:
    ca: trustme.CA
    cert_file: Path
    key_file: Path
    ca_file: Path

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLS:
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file, ca_file = folder / "cert.pem", folder / "key.pem", folder / "ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    return TLS(ca, cert_file, key_file, ca_file)


def init_home(home: Path, org: str = ORG, *extra: str) -> Path:
    assert gateway_cli(["--home", str(home), "init", "--org", org, "--name", "Example Council", *extra]) == 0
    return home


@pytest.fixture
def gateway_home(tmp_path: Path) -> Path:
    return init_home(tmp_path / "gw")


@dataclass
class RunningGateway:
    base_url: str
    home: Path
    options: ServeOptions
    gateway: Gateway
    tls: TLS

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(verify=self.tls.client_context(), timeout=60, **kwargs)  # type: ignore[arg-type]

    def cli(self, *args: str) -> int:
        return gateway_cli(["--home", str(self.home), *args, "--db", self.options.db_url])

    def enrolment_code(self, capsys: pytest.CaptureFixture[str]) -> str:
        capsys.readouterr()
        assert self.cli("enrolment-code", "--practitioner", "Pat Visitor") == 0
        return capsys.readouterr().out.strip()

    def new_device(self, client: httpx.Client) -> SimulatedDevice:
        return self.new_device_at(client, self.base_url)

    def new_device_at(self, client: httpx.Client, public_base: str) -> SimulatedDevice:
        """Enrol a device that believes the gateway lives at `public_base` (as behind a proxy)."""
        code = self.gateway.store.issue_enrolment_code("Pat Visitor", datetime.now(UTC))
        device = SimulatedDevice(self.base_url, client)
        url = public_base + "v1/enrolments"
        response = client.post(self.base_url + "v1/enrolments",
                               content=build_enrolment_request(device.key, code=code, url=url, label="test"))
        assert response.status_code == 201, response.text
        device.enrolment = parse_enrolment_response(response.content)
        return device

    def stored_rows(self) -> int:
        with self.gateway.store.read() as session:
            return int(session.scalar(select(func.count()).select_from(Submission)) or 0)


def start_gateway(options: ServeOptions, tls: TLS) -> tuple[RunningGateway, Callable[[], None]]:
    """A real uvicorn server over TLS on a free loopback port, in a thread; returns a stopper."""
    app = create_app(options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, ssl_certfile=str(tls.cert_file), ssl_keyfile=str(tls.key_file),
                            log_level="warning", lifespan="on", limit_concurrency=None,
                            timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the gateway did not start")
        time.sleep(0.02)
    running = RunningGateway(f"https://127.0.0.1:{port}/", options.home, options, app.state.gateway, tls)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()

    return running, stop


@pytest.fixture
def serve(tls: TLS) -> Iterator[Callable[..., RunningGateway]]:
    """Start gateways (options may be overridden); all are stopped after the test."""
    stoppers: list[Callable[[], None]] = []

    def _serve(home: Path, **overrides: object) -> RunningGateway:
        options = replace(ServeOptions(home=home, db_url=default_db_url(home)), **overrides)  # type: ignore[arg-type]
        running, stop = start_gateway(options, tls)
        stoppers.append(stop)
        return running

    yield _serve
    for stop in stoppers:
        stop()


@pytest.fixture
def running(serve: Callable[..., RunningGateway], gateway_home: Path) -> RunningGateway:
    return serve(gateway_home)


@pytest.fixture
def client(running: RunningGateway) -> Iterator[httpx.Client]:
    with running.client() as http:
        yield http


@pytest.fixture
def device(running: RunningGateway, client: httpx.Client) -> SimulatedDevice:
    return running.new_device(client)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One throw-away PostgreSQL server for the session (tests/gateway/postgres.py)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed")
    with postgres_server(bin_dir) as server:
        yield server


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    """A new, empty database on that server."""
    return postgres.create_database()
