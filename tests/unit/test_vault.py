"""The data key's life through the public vault API: create, unlock, change, recover.

Unit level: MemoryKeyStore and cheap Argon2id parameters; the real Secret Service is in
tests/integration/test_vault_keyring.py.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from app.errors import CannotUnlock, NoKeyStore, ProfileExists, UsageError, WrongPassphrase
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


class UntouchableKeyStore:
    """Fails the test if anything asks it for a secret (passphrase-only must never)."""

    def check_available(self) -> None:
        raise AssertionError("key store touched")

    def get_secret(self, profile_id: str) -> bytes | None:
        raise AssertionError("key store touched")

    def set_secret(self, profile_id: str, secret: bytes) -> None:
        raise AssertionError("key store touched")

    def delete_secret(self, profile_id: str) -> None:
        raise AssertionError("key store touched")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.json"


@pytest.fixture
def store() -> MemoryKeyStore:
    return MemoryKeyStore()


def _files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_create_then_unlock_gives_back_the_same_random_data_key(
    vault_path: Path, store: MemoryKeyStore
) -> None:
    created = create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    other = create_vault(vault_path.parent / "other.json", PASSPHRASE, keystore=store, kdf=CHEAP)
    unlocked = unlock_vault(vault_path, PASSPHRASE, keystore=store)
    assert unlocked.data_key == created.data_key
    assert len(created.data_key) == 32
    assert created.data_key != other.data_key  # random per vault, not derived
    assert unlocked.profile_id == created.profile_id != other.profile_id
    assert set(store.secrets) == {created.profile_id, other.profile_id}
    assert unlocked.info == read_vault_info(vault_path)


def test_vault_file_holds_no_key_passphrase_or_device_secret(
    vault_path: Path, store: MemoryKeyStore
) -> None:
    created = create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    text = vault_path.read_bytes()
    secret = store.secrets[created.profile_id]
    for needle in (created.data_key, secret, PASSPHRASE.encode()):
        assert needle not in text
        assert needle.hex().encode() not in text
        assert __import__("base64").b64encode(needle) not in text


def test_data_key_is_kept_out_of_repr(vault_path: Path, store: MemoryKeyStore) -> None:
    created = create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    assert created.data_key.hex() not in repr(created)
    assert repr(created.data_key) not in repr(created)


@pytest.mark.parametrize(
    "attempt",
    ["", "Correct horse battery staple", PASSPHRASE + " ", PASSPHRASE[:-1], "something else"],
)
def test_wrong_passphrase_is_refused_and_changes_nothing(
    vault_path: Path, store: MemoryKeyStore, attempt: str
) -> None:
    create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    before, stat, listing = vault_path.read_bytes(), vault_path.stat(), _files(vault_path.parent)
    secrets_before = dict(store.secrets)
    with pytest.raises(WrongPassphrase) as caught:
        unlock_vault(vault_path, attempt, keystore=store)
    assert caught.value.message == "the passphrase is not correct"
    assert caught.value.exit_code == 3
    assert vault_path.read_bytes() == before
    assert vault_path.stat().st_mtime_ns == stat.st_mtime_ns
    assert _files(vault_path.parent) == listing
    assert store.secrets == secrets_before


def test_passphrase_typed_in_decomposed_unicode_still_unlocks(
    vault_path: Path, store: MemoryKeyStore
) -> None:
    composed = "café crème brûlée"
    created = create_vault(vault_path, composed, keystore=store, kdf=CHEAP)
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert unlock_vault(vault_path, decomposed, keystore=store).data_key == created.data_key


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        ("other machine: empty key store", "holds no device secret"),
        ("key store holds a different secret", "does not belong to this vault"),
    ],
)
def test_missing_or_foreign_device_secret_points_to_recovery(
    vault_path: Path, store: MemoryKeyStore, situation: str, expected: str
) -> None:
    created = create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    elsewhere = MemoryKeyStore()
    if situation.startswith("key store holds"):
        elsewhere.secrets[created.profile_id] = bytes(32)
    before = vault_path.read_bytes()
    with pytest.raises(CannotUnlock) as caught:
        unlock_vault(vault_path, PASSPHRASE, keystore=elsewhere)
    assert type(caught.value) is CannotUnlock  # not mistaken for a wrong passphrase
    assert expected in caught.value.message
    assert "recovery key" in caught.value.message
    assert vault_path.read_bytes() == before


@pytest.mark.parametrize("keystore", [None, MemoryKeyStore(available=False)])
def test_no_key_store_is_a_clear_error_never_a_fallback(
    vault_path: Path, keystore: MemoryKeyStore | None
) -> None:
    with pytest.raises(NoKeyStore) as caught:
        create_vault(vault_path, PASSPHRASE, keystore=keystore, kdf=CHEAP)
    assert caught.value.exit_code == 4
    assert "passphrase-only" in caught.value.message
    assert not vault_path.exists()
    assert _files(vault_path.parent) == []


def test_unlock_without_key_store_is_no_key_store(vault_path: Path, store: MemoryKeyStore) -> None:
    create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    for missing in (None, MemoryKeyStore(available=False)):
        with pytest.raises(NoKeyStore):
            unlock_vault(vault_path, PASSPHRASE, keystore=missing)


def test_passphrase_only_never_touches_the_key_store(vault_path: Path) -> None:
    created = create_vault(
        vault_path, PASSPHRASE, keystore=UntouchableKeyStore(), passphrase_only=True, kdf=CHEAP
    )
    assert read_vault_info(vault_path).passphrase_only is True
    assert json.loads(vault_path.read_text())["device_secret_check"] is None
    for store in (None, UntouchableKeyStore()):
        assert unlock_vault(vault_path, PASSPHRASE, keystore=store).data_key == created.data_key
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_path, "not it", keystore=None)
    change_passphrase(vault_path, PASSPHRASE, "next one", keystore=UntouchableKeyStore())
    assert unlock_vault(vault_path, "next one", keystore=None).data_key == created.data_key


def test_create_refuses_an_existing_vault_and_an_empty_passphrase(
    vault_path: Path, store: MemoryKeyStore
) -> None:
    create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    before = vault_path.read_bytes()
    with pytest.raises(ProfileExists):
        create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    assert vault_path.read_bytes() == before
    with pytest.raises(UsageError):
        create_vault(vault_path.parent / "v2.json", "", keystore=store, kdf=CHEAP)
    assert len(store.secrets) == 1


def test_create_with_a_given_data_key_wraps_that_key(vault_path: Path) -> None:
    key = bytes(range(32))
    created = create_vault(vault_path, PASSPHRASE, keystore=None, passphrase_only=True,
                           kdf=CHEAP, data_key=key)
    assert created.data_key == key
    assert unlock_vault(vault_path, PASSPHRASE, keystore=None).data_key == key
    with pytest.raises(ValueError):
        create_vault(vault_path.parent / "short.json", PASSPHRASE, keystore=None,
                     passphrase_only=True, kdf=CHEAP, data_key=b"short")


def test_failed_write_on_create_removes_the_new_device_secret(
    vault_path: Path, store: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_file, "write_atomically", disk_full)
    with pytest.raises(OSError):
        create_vault(vault_path, PASSPHRASE, keystore=store, kdf=CHEAP)
    assert store.secrets == {}
    assert not vault_path.exists()


def test_a_wrap_copied_from_another_profile_does_not_open(tmp_path: Path) -> None:
    # Same passphrase, passphrase-only: only the AAD (profile id) tells the wraps apart.
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    create_vault(a, PASSPHRASE, keystore=None, passphrase_only=True, kdf=CHEAP)
    create_vault(b, PASSPHRASE, keystore=None, passphrase_only=True, kdf=CHEAP)
    doc_a, doc_b = json.loads(a.read_text()), json.loads(b.read_text())
    doc_b["passphrase_wrap"] = doc_a["passphrase_wrap"]
    doc_b["checksum"] = vault_file.checksum_of(doc_b)
    b.write_text(json.dumps(doc_b))
    with pytest.raises(WrongPassphrase):
        unlock_vault(b, PASSPHRASE, keystore=None)
