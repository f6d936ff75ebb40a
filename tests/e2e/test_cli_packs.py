"""`homevisit pack import` and `homevisit pack show` run as real processes with a real key store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Cli, snapshot

PACKS = ROOT / "tests" / "data" / "packs"
PACK = PACKS / "zephyr-sample.pack.json"
PUBLIC = PACKS / "zephyr-test-signing-key.pub.pem"
MARKER = b"ZEPHYR-PACK-TEXT"


def _import(cli: Cli, pack: Path, *keys: Path) -> tuple[int, str, str]:
    trusted = [arg for key in keys for arg in ("--trusted-key", str(key))]
    result = cli.run("pack", "import", str(pack), *trusted, "--passphrase-stdin")
    return result.code, result.out, result.err


def test_import_then_show_names_the_pack_and_counts_never_its_text(cli: Cli) -> None:
    cli.init()
    shell = cli.run("pack", "show", "--passphrase-stdin")
    assert shell.code == 0 and "No content pack is loaded" in shell.out
    code, out, err = _import(cli, PACK, PUBLIC)
    assert (code, err) == (0, "")
    assert out.strip() == "imported content pack zephyr-sample version 1"
    shown = cli.run("pack", "show", "--passphrase-stdin")
    assert shown.code == 0, shown.err
    assert "pack: zephyr-sample" in shown.out and "version: 1" in shown.out
    assert "organisation: Zephyr Demonstration Trust (invented)" in shown.out
    assert "  Physical care: 10" in shown.out and "  Safety: 4" in shown.out
    assert MARKER.decode() not in shown.out
    # Stored only encrypted: no file of the profile holds the text in plaintext.
    assert not any(MARKER in data for data in snapshot(cli.data_dir).values())
    assert MARKER.decode() not in json.dumps(cli.export())


def _unsigned(tmp: Path) -> Path:
    document = json.loads(PACK.read_text(encoding="utf-8"))
    del document["signature"]
    out = tmp / "unsigned.json"
    out.write_text(json.dumps(document), encoding="utf-8")
    return out


def _tampered(tmp: Path) -> Path:
    out = tmp / "tampered.json"
    out.write_bytes(PACK.read_bytes().replace(b"moon-biscuit tin", b"moon-biscuit jar", 1))
    return out


@pytest.mark.parametrize(
    ("label", "reason"),
    [("unsigned", "the pack is unsigned"), ("tampered", "does not match its content")],
)
def test_an_unsigned_or_tampered_pack_is_exit_2_with_one_line(
    cli: Cli, label: str, reason: str
) -> None:
    cli.init()
    before = snapshot(cli.data_dir)
    bad = _unsigned(cli.tmp) if label == "unsigned" else _tampered(cli.tmp)
    code, out, err = _import(cli, bad, PUBLIC)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and reason in err and "Traceback" not in err
    assert snapshot(cli.data_dir) == before


def test_a_pack_needs_a_trusted_key_given_or_configured(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    code, _out, err = _import(cli, PACK)  # no configuration: no key to trust
    assert code == 2 and "--trusted-key" in err and err.count("\n") == 1
    code, _out, err = _import(cli, PACK, PACK)  # a pack is not a key
    assert code == 2 and "not a PEM public key" in err
    # The organisation's configuration names the key: no --trusted-key needed.
    config = tmp_path / "organisation.json"
    config.write_text(json.dumps({
        "format": "homevisit.organisation/1", "version": "2026-11-29.1",
        "organisation": "Zephyr Demonstration Trust",
        "keys": {"content_pack_signing_keys": [PUBLIC.read_text(encoding="ascii")]},
    }), encoding="utf-8")
    configured = Cli(cli.data_dir, cli.home, cli.tmp, {"HOMEVISIT_CONFIG": str(config)})
    code, out, err = _import(configured, PACK)
    assert (code, err) == (0, "")
    assert out.strip() == "imported content pack zephyr-sample version 1"
