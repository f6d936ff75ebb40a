"""The vault file on disk: damage is told apart from a wrong passphrase; writes are atomic."""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import CannotUnlock, NoProfile, WrongPassphrase
from app.vault import (
    KdfParams,
    MemoryKeyStore,
    change_passphrase,
    create_vault,
    read_vault_info,
    unlock_vault,
    vault_file,
)

PASSPHRASE = "correct horse battery staple"
CHEAP = KdfParams.for_tests()


@pytest.fixture
def store() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def vault_path(tmp_path: Path, store: MemoryKeyStore) -> Path:
    path = tmp_path / "vault.json"
    create_vault(path, PASSPHRASE, keystore=store, kdf=CHEAP)
    return path


def _edit(change: Callable[[dict[str, Any]], None], *, reseal: bool = True) -> Callable[[bytes], bytes]:
    """A damage that edits the JSON; `reseal` recomputes the checksum (a careful forger)."""

    def damage(data: bytes) -> bytes:
        doc = json.loads(data)
        change(doc)
        if reseal:
            doc["checksum"] = vault_file.checksum_of(doc)
        return json.dumps(doc).encode()

    return damage


def _flip_ciphertext_char(doc: dict[str, Any]) -> None:
    text = doc["passphrase_wrap"]["ciphertext"]
    doc["passphrase_wrap"]["ciphertext"] = ("B" if text[0] == "A" else "A") + text[1:]


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "empty file": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "not JSON": lambda data: b"\x00\x01 binary rubbish",
    "not UTF-8": lambda data: b"\xff\xfe" + data,
    "a JSON list": lambda data: b"[1, 2, 3]",
    "another format": _edit(lambda d: d.update(format="keepass")),
    "version missing": _edit(lambda d: d.pop("version")),
    "version as text": _edit(lambda d: d.update(version="1")),
    "checksum missing": _edit(lambda d: d.pop("checksum"), reseal=False),
    "one ciphertext byte flipped": _edit(_flip_ciphertext_char, reseal=False),
    "nonce missing": _edit(lambda d: d["passphrase_wrap"].pop("nonce")),
    "nonce too short": _edit(lambda d: d["passphrase_wrap"].update(nonce="AAAA")),
    "salt not base64": _edit(lambda d: d["passphrase_wrap"]["kdf"].update(salt="!!notb64!!")),
    "absurd memory cost": _edit(
        lambda d: d["passphrase_wrap"]["kdf"].update(memory_kib=2**40)
    ),
    "zero iterations": _edit(lambda d: d["passphrase_wrap"]["kdf"].update(iterations=0)),
    "unknown cipher": _edit(lambda d: d["passphrase_wrap"].update(cipher="aes-128-cbc")),
    "flag flipped to passphrase-only": _edit(lambda d: d.update(passphrase_only=True)),
    "flag as a string": _edit(lambda d: d.update(passphrase_only="false")),
    "device check removed": _edit(lambda d: d.update(device_secret_check=None)),
    "profile id not a uuid": _edit(lambda d: d.update(profile_id="Jane Smith")),
    "created_at not a date": _edit(lambda d: d.update(created_at="yesterday")),
}


@pytest.mark.parametrize("damage", list(DAMAGES), ids=list(DAMAGES))
def test_damaged_vault_is_cannot_unlock_not_wrong_passphrase(
    vault_path: Path, store: MemoryKeyStore, damage: str
) -> None:
    vault_path.write_bytes(DAMAGES[damage](vault_path.read_bytes()))
    damaged = vault_path.read_bytes()
    with pytest.raises(CannotUnlock) as caught:
        unlock_vault(vault_path, PASSPHRASE, keystore=store)
    assert type(caught.value) is CannotUnlock
    assert "damaged" in caught.value.message
    assert vault_path.read_bytes() == damaged
    with pytest.raises(CannotUnlock):
        read_vault_info(vault_path)


def test_newer_version_names_the_version(vault_path: Path, store: MemoryKeyStore) -> None:
    vault_path.write_bytes(_edit(lambda d: d.update(version=2))(vault_path.read_bytes()))
    with pytest.raises(CannotUnlock) as caught:
        unlock_vault(vault_path, PASSPHRASE, keystore=store)
    assert "unknown format version 2" in caught.value.message


def test_forged_profile_id_does_not_unlock(vault_path: Path, store: MemoryKeyStore) -> None:
    # A resealed checksum passes the damage check, but the AAD binds the real profile id.
    created_id = read_vault_info(vault_path).profile_id
    forged = str(uuid.uuid4())
    store.secrets[forged] = store.secrets[created_id]
    vault_path.write_bytes(_edit(lambda d: d.update(profile_id=forged))(vault_path.read_bytes()))
    with pytest.raises(CannotUnlock):
        unlock_vault(vault_path, PASSPHRASE, keystore=store)


def test_oversized_file_is_refused_without_parsing(vault_path: Path, store: MemoryKeyStore) -> None:
    vault_path.write_bytes(b" " * (vault_file.MAX_VAULT_BYTES + 1))
    with pytest.raises(CannotUnlock):
        unlock_vault(vault_path, PASSPHRASE, keystore=store)


def test_read_vault_info_needs_no_secret(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    created = create_vault(path, PASSPHRASE, keystore=None, passphrase_only=True, kdf=CHEAP)
    info = read_vault_info(path)
    assert info.version == 1
    assert info.profile_id == created.profile_id
    assert str(uuid.UUID(info.profile_id)) == info.profile_id
    assert info.passphrase_only is True
    assert info.has_recovery is False
    assert info.kdf == CHEAP
    assert info.created_at.utcoffset() is not None
    with pytest.raises(AttributeError):
        info.passphrase_only = False  # type: ignore[misc]


def test_missing_vault_is_no_profile(tmp_path: Path) -> None:
    with pytest.raises(NoProfile) as caught:
        read_vault_info(tmp_path / "vault.json")
    assert caught.value.message == f"no profile in {tmp_path}; run 'homevisit init' first"
    with pytest.raises(NoProfile):
        unlock_vault(tmp_path / "vault.json", PASSPHRASE, keystore=MemoryKeyStore())


def test_vault_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        create_vault(tmp_path / "vault.json", PASSPHRASE, keystore=None, passphrase_only=True,
                     kdf=CHEAP)
        change_passphrase(tmp_path / "vault.json", PASSPHRASE, "next", keystore=None)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "vault.json").stat().st_mode) == 0o600


def test_atomic_write_fsyncs_file_then_directory_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        synced.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "vault.json"
    target.write_bytes(b"old")
    vault_file.write_atomically(target, b"new contents")
    assert synced == ["file", "replace", "dir"]
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["vault.json"]


def test_interrupted_write_keeps_the_old_vault_and_no_temp_file(
    vault_path: Path, store: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()

    def power_cut(src: Any, dst: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        change_passphrase(vault_path, PASSPHRASE, "next", keystore=store)
    monkeypatch.undo()
    assert vault_path.read_bytes() == before
    assert [p.name for p in vault_path.parent.iterdir()] == ["vault.json"]
    unlock_vault(vault_path, PASSPHRASE, keystore=store)


def test_wrong_passphrase_is_still_wrong_after_a_good_file_is_rewritten(
    vault_path: Path, store: MemoryKeyStore
) -> None:
    # Pretty-printing differently must not look like damage: the checksum is over content.
    doc = json.loads(vault_path.read_bytes())
    vault_path.write_text(json.dumps(doc, indent=None))
    unlock_vault(vault_path, PASSPHRASE, keystore=store)
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_path, "nope", keystore=store)
