"""Passphrase changes, recovery, encrypted backups and `verify` through the real command."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import PASSPHRASE, Cli, case_file, write_json

NEW = "a different long passphrase"


def _with_data(cli: Cli, *init_args: str) -> None:
    cli.init(*init_args)
    result = cli.run("import", str(write_json(cli.tmp / "c.json", case_file(families=2))), "--passphrase-stdin")
    assert result.code == 0, result.err


def test_change_passphrase_rewraps_without_rewriting_the_database(cli: Cli) -> None:
    _with_data(cli)
    db_before = (cli.data_dir / "homevisit.db").read_bytes()
    result = cli.run("change-passphrase", "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{NEW}\n")
    assert result.code == 0, result.err
    assert (cli.data_dir / "homevisit.db").read_bytes() == db_before
    assert cli.run("verify", "--passphrase-stdin").code == 3
    assert cli.run("verify", "--passphrase-stdin", stdin=NEW + "\n").code == 0


def test_change_passphrase_with_wrong_old_one_is_exit_3(cli: Cli) -> None:
    cli.init()
    vault = (cli.data_dir / "vault.json").read_bytes()
    result = cli.run("change-passphrase", "--passphrase-stdin", stdin=f"wrong one!\n{NEW}\n")
    assert result.code == 3
    assert (cli.data_dir / "vault.json").read_bytes() == vault


def test_recovery_key_restores_access_after_a_forgotten_passphrase(cli: Cli, tmp_path: Path) -> None:
    from app.vault import generate_recovery_keypair

    private_pem, public_pem = generate_recovery_keypair()
    (tmp_path / "org-recovery.pub.pem").write_bytes(public_pem)
    (tmp_path / "org-recovery.key.pem").write_bytes(private_pem)
    _with_data(cli, "--recovery-key", str(tmp_path / "org-recovery.pub.pem"))
    before = cli.export()
    result = cli.run("recover", "--recovery-key", str(tmp_path / "org-recovery.key.pem"),
                     "--passphrase-stdin", stdin=NEW + "\n")
    assert result.code == 0, result.err
    assert cli.run("verify", "--passphrase-stdin", stdin=NEW + "\n").code == 0
    cli_new = Cli(cli.data_dir, cli.home, cli.tmp, {})
    out = cli.tmp / "after.json"
    assert cli_new.run("export", "--out", str(out), "--passphrase-stdin", stdin=NEW + "\n").code == 0
    after = __import__("json").loads(out.read_text())
    assert after["families"] == before["families"]


def test_backup_restores_elsewhere_with_the_passphrase(cli: Cli, tmp_path: Path) -> None:
    _with_data(cli)
    backup = tmp_path / "profile.hvbackup"
    result = cli.run("backup", "--out", str(backup), "--passphrase-stdin")
    assert result.code == 0, result.err
    assert b"Quokka" not in backup.read_bytes()
    elsewhere = Cli(tmp_path / "elsewhere", cli.home, cli.tmp, {})
    assert elsewhere.run("restore", str(backup), "--passphrase-stdin", stdin="wrong passphrase\n").code == 3
    assert not (tmp_path / "elsewhere" / "vault.json").exists()
    result = elsewhere.run("restore", str(backup), "--passphrase-stdin")
    assert result.code == 0, result.err
    assert elsewhere.run("verify", "--passphrase-stdin").code == 0
    assert elsewhere.export()["families"] == cli.export()["families"]


def test_damaged_backup_is_refused(cli: Cli, tmp_path: Path) -> None:
    _with_data(cli)
    backup = tmp_path / "b.hvbackup"
    cli.run("backup", "--out", str(backup), "--passphrase-stdin")
    data = bytearray(backup.read_bytes())
    data[-100] ^= 0xFF
    backup.write_bytes(bytes(data))
    result = Cli(tmp_path / "r", cli.home, cli.tmp, {}).run("restore", str(backup), "--passphrase-stdin")
    assert result.code == 2
    assert "damaged" in result.err


def test_verify_finds_flipped_bytes_inside_the_database(cli: Cli) -> None:
    _with_data(cli)
    assert cli.run("verify", "--passphrase-stdin").code == 0
    db = cli.data_dir / "homevisit.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    result = cli.run("verify", "--passphrase-stdin")
    assert result.code == 5, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_no_non_empty_wal_after_any_command(cli: Cli) -> None:
    _with_data(cli)
    for command in (["verify"], ["export", "--out", str(cli.tmp / "e.json")]):
        assert cli.run(*command, "--passphrase-stdin").code == 0
        wal = cli.data_dir / "homevisit.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0
