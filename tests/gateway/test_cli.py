"""The `fc-gateway` admin command (contract) and what `init` leaves on disk: key files 0600,
summaries encrypted at rest."""

from __future__ import annotations

import io
import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from gateway.cli import main
from gateway.config import DB_FILE, default_db_url
from gateway.keys import KEYS_DIR, load_keys
from gateway.staff import verify_password
from gateway.storage import Store, open_engine
from gateway.triage import staff_password_hash
from tests.gateway.conftest import ROOT_DIR, TLS, RunningGateway
from tests.gateway.device import SimulatedDevice


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def test_init_writes_keys_only_the_owner_can_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "gw"
    assert run(home, "init", "--org", "LA-1") == 0
    out = capsys.readouterr().out
    assert "sealing key" in out and "receipt key" in out
    files = sorted((home / KEYS_DIR).iterdir())
    assert [f.name for f in files] == ["at-rest.key", "receipt.pem", "sealing.pem", "session.key"]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert (home / DB_FILE).is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["init", "--org", "LA-1"], 1, "already holds a gateway"),
        (["init", "--org", "bad org!"], 2, "organisation code"),
        (["revoke", "dev-nobody"], 2, "no device with id dev-nobody"),
        (["frobnicate"], 2, "invalid choice"),
        (["serve", "--tls-cert", "x.pem"], 2, "both --tls-cert and --tls-key"),
    ],
)
def test_errors_are_one_line_with_the_contract_exit_code(
    gateway_home: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    capsys.readouterr()
    assert run(gateway_home, *args) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_command_without_a_home_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("FC_GATEWAY_HOME", raising=False)
    assert main(["submissions", "--json"]) == 2
    assert "FC_GATEWAY_HOME" in capsys.readouterr().err


def test_uninitialised_home_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path / "empty", "enrolment-code") == 1
    assert "init" in capsys.readouterr().err


def test_key_file_readable_by_others_is_refused(gateway_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chmod(gateway_home / KEYS_DIR / "at-rest.key", 0o644)
    assert run(gateway_home, "enrolment-code") == 1
    assert "chmod 600" in capsys.readouterr().err


def test_submissions_json_lists_what_was_received_without_personal_data(
    running: RunningGateway, device: SimulatedDevice, capsys: pytest.CaptureFixture[str]
) -> None:
    sealed = [device.seal() for _ in range(2)]
    for item in sealed:
        assert device.submit(item.envelope, item.submission_id).status_code == 201
    capsys.readouterr()
    assert running.cli("submissions", "--json") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["submission_id"] for line in lines] == [s.submission_id for s in sealed]
    assert all(set(line) == {"submission_id", "device_id", "status", "received_at"} for line in lines)
    assert all(line["device_id"] == device.device_id and line["status"] == "accepted" for line in lines)
    assert all(line["received_at"].endswith("Z") for line in lines)


def test_summaries_are_encrypted_at_rest(running: RunningGateway, device: SimulatedDevice) -> None:
    sealed = device.seal()  # the summary names the child "Ada Example"
    assert device.submit(sealed.envelope, sealed.submission_id).status_code == 201
    running.gateway.store.engine.dispose()
    with sqlite3.connect(running.home / DB_FILE) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in running.home.iterdir() if p.name.startswith(DB_FILE))
    assert b"Example" not in raw and b"Ada" not in raw
    assert sealed.inner_jws.encode()[:60] not in raw  # not even the signed (base64) summary
    assert sealed.submission_id.encode() in raw  # the ids are plain: the check would see them


def test_python_dash_m_gateway_and_the_home_variable(gateway_home: Path) -> None:
    env = dict(os.environ, FC_GATEWAY_HOME=str(gateway_home), PYTHONPATH=str(ROOT_DIR))
    done = subprocess.run([sys.executable, "-m", "gateway", "enrolment-code", "--practitioner", "Sam"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip()) == 14 and done.stderr == ""


def test_add_staff_reads_the_password_from_stdin(gateway_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert run(gateway_home, "add-staff", "amira", "--password-stdin") == 0
    store = Store(open_engine(default_db_url(gateway_home)), load_keys(gateway_home), "LA-E08000025")
    stored = staff_password_hash(store, "amira")
    assert stored is not None and stored.startswith("scrypt$")
    assert verify_password("a long enough password", stored)
    assert not verify_password("a long enough passwore", stored)


def test_serve_runs_the_gateway_over_tls(gateway_home: Path, tls: TLS) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT_DIR))
    server = subprocess.Popen(
        [sys.executable, "-m", "gateway", "--home", str(gateway_home), "serve", "--host", "127.0.0.1",
         "--port", str(port), "--tls-cert", str(tls.cert_file), "--tls-key", str(tls.key_file)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(verify=tls.client_context(), timeout=10) as client:
            for _ in range(200):
                try:
                    health = client.get(f"https://127.0.0.1:{port}/v1/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.05)
            assert health.json() == {"status": "ok"}
            config = client.get(f"https://127.0.0.1:{port}/.well-known/fc-sync-configuration").json()
            assert config["organisation"] == "LA-E08000025"
            assert "server" not in health.headers  # no software banner
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err
