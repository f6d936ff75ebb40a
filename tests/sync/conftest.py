"""Sync test set-up: a real gateway (uvicorn over loopback TLS, trustme certificates) behind the
fault-injecting proxy, and a practitioner's profile enrolled with it through the proxy.

The gateway is told the proxy's URL as its public URL, so request tokens made for the proxy's
address verify at the gateway, as they would behind a council's reverse proxy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trustme

from app.services.sharing_enrolment import enrol
from gateway.config import ServeOptions, default_db_url
from tests.gateway.conftest import TLS, RunningGateway, init_home, start_gateway
from tests.sync.profile import ACTOR, Shareable, build_profile
from tests.sync.proxy import FaultProxy


@pytest.fixture(scope="session", name="tls")
def sync_tls(tmp_path_factory: pytest.TempPathFactory) -> TLS:
    folder = tmp_path_factory.mktemp("sync-tls")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file, ca_file = folder / "cert.pem", folder / "key.pem", folder / "ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    return TLS(ca, cert_file, key_file, ca_file)


@dataclass
class Site:
    """A gateway home, the gateway serving it now (restartable) and the proxy in front."""

    home: Path
    tls: TLS
    proxy: FaultProxy
    options: ServeOptions
    gateway: RunningGateway | None = None
    _stop: Callable[[], None] | None = None
    restarts: int = 0
    stop_seconds: list[float] = field(default_factory=list)

    def start(self) -> RunningGateway:
        running, stop = start_gateway(self.options, self.tls)
        self.gateway, self._stop = running, stop
        self.proxy.upstream = running.base_url
        return running

    def stop(self) -> None:
        if self._stop is not None:
            began = time.monotonic()
            self._stop()
            self._stop = None
            self.stop_seconds.append(time.monotonic() - began)

    def restart(self) -> RunningGateway:
        self.stop()
        self.restarts += 1
        return self.start()

    def enrolment_code(self) -> str:
        assert self.gateway is not None
        return self.gateway.gateway.store.issue_enrolment_code("Priya Shah", datetime.now(UTC))


@pytest.fixture(name="site")
def running_site(tmp_path: Path, tls: TLS) -> Iterator[Site]:
    home = init_home(tmp_path / "gw")
    proxy = FaultProxy(str(tls.cert_file), str(tls.key_file), tls.client_context())
    options = ServeOptions(home=home, db_url=default_db_url(home), public_url=proxy.base_url.rstrip("/"),
                           device_rate_per_minute=100_000)
    running = Site(home, tls, proxy, options)
    running.start()
    yield running
    proxy.close()  # first: its keep-alive connections would hold up the gateway's shutdown
    running.stop()


@pytest.fixture
def shareable(tmp_path: Path) -> Iterator[Shareable]:
    profile = build_profile(tmp_path / "homevisit.db")
    yield profile
    profile.db.close()


@pytest.fixture
def enrolled(site: Site, shareable: Shareable) -> Shareable:
    enrol(shareable.db, ACTOR, site.proxy.base_url, site.enrolment_code(),
          ca_pem=site.tls.ca_file.read_text(), label="test laptop")
    return shareable
