"""The `homevisit` command's contract: init, unlock failures, exit codes, no plaintext on disk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.e2e.conftest import PASSPHRASE, ROOT, Cli, case_file, snapshot, write_json

MARKER = "Zanzibarquokka"


def test_version_prints_and_loads_no_qt_nor_storage() -> None:
    """`--version` (and building the parser for any command) must stay instant."""
    script = (
        "import sys\n"
        "from app.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    code = e.code\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy', 'alembic', 'cryptography'})\n"
        "print('LOADED', heavy, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.startswith("homevisit 0.1.0")
    assert done.stdout.strip().endswith("LOADED [] 0"), done.stdout


def test_no_personal_text_anywhere_on_disk_after_init_and_import(cli: Cli) -> None:
    cli.init()
    source = write_json(cli.tmp / "case.json", case_file(families=3, marker=MARKER))
    result = cli.run("import", str(source), "--passphrase-stdin")
    assert result.code == 0, result.err
    source.unlink()  # the administrator's own input file is theirs; everything else is ours
    needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), MARKER.encode("utf-16-be"),
               b"Priya Shah", "Priya Shah".encode("utf-16-le")]
    scanned = 0
    for folder in (cli.data_dir, cli.tmp, cli.home):
        for path in folder.rglob("*"):
            if path.is_file():
                scanned += 1
                data = path.read_bytes()
                for needle in needles:
                    assert needle not in data, f"{needle!r} found in {path}"
                assert not data.startswith(b"SQLite format 3"), f"{path} is a plain SQLite file"
    assert scanned >= 2  # at least the vault and the database were looked at
    assert not (cli.data_dir / "homevisit.db-wal").exists() or (
        cli.data_dir / "homevisit.db-wal").stat().st_size == 0


def test_wrong_passphrase_is_exit_3_and_changes_nothing(cli: Cli) -> None:
    cli.init()
    before = snapshot(cli.data_dir)
    for command in (["verify"], ["export", "--out", str(cli.tmp / "x.json")], ["backup", "--out", str(cli.tmp / "b")]):
        result = cli.run(*command, "--passphrase-stdin", stdin="not the passphrase\n")
        assert result.code == 3, (command, result.err)
        assert "passphrase" in result.err.lower()
        assert len(result.err.strip().splitlines()) == 1
        assert snapshot(cli.data_dir) == before
    assert not (cli.tmp / "x.json").exists()


def test_second_init_refuses_and_changes_nothing(cli: Cli) -> None:
    cli.init()
    before = snapshot(cli.data_dir)
    result = cli.run("init", "--passphrase-stdin", "--practitioner", "Someone Else")
    assert result.code == 1
    assert "already exists" in result.err
    assert snapshot(cli.data_dir) == before


@pytest.mark.parametrize(
    ("args", "stdin", "code", "words"),
    [
        (["verify", "--passphrase-stdin"], PASSPHRASE + "\n", 1, "no profile"),
        (["export", "--out", "x.json", "--passphrase-stdin"], PASSPHRASE + "\n", 1, "no profile"),
        (["frobnicate"], None, 2, "invalid choice"),
        (["init", "--passphrase-stdin"], PASSPHRASE + "\n", 2, "--practitioner"),
        (["init", "--passphrase-stdin", "--practitioner", "P"], "short\n", 2, "too short"),
        (["init", "--passphrase-stdin", "--practitioner", "P"], "", 2, "no passphrase"),
        (["import", "missing.json", "--passphrase-stdin"], PASSPHRASE + "\n", 2, "cannot read"),
    ],
)
def test_failures_give_one_line_and_the_contract_code(
    cli: Cli, args: list[str], stdin: str | None, code: int, words: str
) -> None:
    result = cli.run(*args, stdin=stdin)
    assert result.code == code, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert words in lines[0]
    assert "Traceback" not in result.err


def test_no_key_store_is_exit_4_and_writes_nothing(cli: Cli) -> None:
    cli.extra_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = cli.run("init", "--passphrase-stdin", "--practitioner", "Priya Shah")
    assert result.code == 4, result.err
    assert "key store" in result.err
    assert not cli.data_dir.exists() or not any(cli.data_dir.iterdir())


def test_passphrase_only_policy_works_without_a_key_store(cli: Cli) -> None:
    cli.extra_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = cli.run("init", "--passphrase-stdin", "--practitioner", "Priya Shah",
                     "--passphrase-only")
    assert result.code == 0, result.err
    assert "warning" in result.err and "passphrase-only" in result.err
    assert cli.run("verify", "--passphrase-stdin").code == 0


def test_profile_made_with_key_store_refuses_when_key_store_missing(cli: Cli) -> None:
    cli.init()
    cli.extra_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = cli.run("verify", "--passphrase-stdin")
    assert result.code == 4, result.err
    assert len(result.err.strip().splitlines()) == 1


def test_homevisit_data_dir_environment_variable(cli: Cli, tmp_path) -> None:
    target = tmp_path / "from-env"
    env = cli.env() | {"HOMEVISIT_DATA_DIR": str(target)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "init", "--passphrase-stdin", "--practitioner", "P Shah"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, cwd=cli.tmp,
    )
    assert done.returncode == 0, done.stderr
    assert (target / "vault.json").exists() and (target / "homevisit.db").exists()
