"""Changing the passphrase and recovering with the organisation key keep the same data key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import CannotUnlock, NoKeyStore, UsageError, WrongPassphrase
from app.vault import (
    KdfParams,
    MemoryKeyStore,
    change_passphrase,
    create_vault,
    generate_recovery_keypair,
    read_vault_info,
    recover_vault,
    unlock_vault,
    vault_file,
)

OLD = "correct horse battery staple"
NEW = "a different long passphrase"
CHEAP = KdfParams.for_tests()


@pytest.fixture(scope="module")
def org_keys() -> tuple[bytes, bytes]:
    return generate_recovery_keypair()


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.json"


def test_recovery_keypair_is_x25519_pem(org_keys: tuple[bytes, bytes]) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import x25519

    private_pem, public_pem = org_keys
    assert private_pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert public_pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    private = serialization.load_pem_private_key(private_pem, password=None)
    assert isinstance(private, x25519.X25519PrivateKey)
    assert private.public_key().public_bytes_raw() == serialization.load_pem_public_key(
        public_pem
    ).public_bytes_raw()  # type: ignore[union-attr]


def test_change_passphrase_keeps_the_data_key_and_retires_the_old_passphrase(
    vault_path: Path, org_keys: tuple[bytes, bytes]
) -> None:
    store = MemoryKeyStore()
    created = create_vault(vault_path, OLD, keystore=store, kdf=CHEAP,
                           recovery_public_key=org_keys[1])
    before = json.loads(vault_path.read_text())
    secret_before = dict(store.secrets)
    change_passphrase(vault_path, OLD, NEW, keystore=store)
    after = json.loads(vault_path.read_text())
    assert unlock_vault(vault_path, NEW, keystore=store).data_key == created.data_key
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_path, OLD, keystore=store)
    old_wrap, new_wrap = before["passphrase_wrap"], after["passphrase_wrap"]
    assert new_wrap["nonce"] != old_wrap["nonce"]
    assert new_wrap["kdf"]["salt"] != old_wrap["kdf"]["salt"]
    assert new_wrap["kdf"]["memory_kib"] == CHEAP.memory_kib  # cost kept when not given
    assert store.secrets == secret_before  # device secret unchanged
    for unchanged in ("profile_id", "created_at", "recovery_wrap", "device_secret_check"):
        assert after[unchanged] == before[unchanged]


def test_change_passphrase_can_raise_the_kdf_cost(vault_path: Path) -> None:
    create_vault(vault_path, OLD, keystore=None, passphrase_only=True, kdf=CHEAP)
    stronger = KdfParams(memory_kib=256, iterations=2, lanes=2)
    change_passphrase(vault_path, OLD, NEW, keystore=None, kdf=stronger)
    assert read_vault_info(vault_path).kdf == stronger


@pytest.mark.parametrize(("old", "new", "error"), [
    ("not the passphrase", NEW, WrongPassphrase),
    (OLD, "", UsageError),
])
def test_failed_change_passphrase_writes_nothing(
    vault_path: Path, old: str, new: str, error: type[Exception]
) -> None:
    store = MemoryKeyStore()
    create_vault(vault_path, OLD, keystore=store, kdf=CHEAP)
    before = vault_path.read_bytes()
    with pytest.raises(error):
        change_passphrase(vault_path, old, new, keystore=store)
    assert vault_path.read_bytes() == before


def test_recovery_brings_access_back_on_another_machine(
    vault_path: Path, org_keys: tuple[bytes, bytes]
) -> None:
    private_pem, public_pem = org_keys
    laptop = MemoryKeyStore()
    created = create_vault(vault_path, OLD, keystore=laptop, kdf=CHEAP,
                           recovery_public_key=public_pem)
    replacement = MemoryKeyStore()
    with pytest.raises(CannotUnlock):  # the old device secret is not on this machine
        unlock_vault(vault_path, OLD, keystore=replacement)
    recovered = recover_vault(vault_path, private_pem, NEW, keystore=replacement)
    assert recovered.data_key == created.data_key
    assert recovered.profile_id == created.profile_id
    assert recovered.info.has_recovery is True
    new_secret = replacement.secrets[created.profile_id]
    assert new_secret != laptop.secrets[created.profile_id]  # a NEW device secret
    assert unlock_vault(vault_path, NEW, keystore=replacement).data_key == created.data_key
    with pytest.raises(CannotUnlock):  # the old laptop's secret no longer matches
        unlock_vault(vault_path, OLD, keystore=laptop)
    # the recovery wrap was kept: a second recovery works too
    again = recover_vault(vault_path, private_pem, OLD, keystore=MemoryKeyStore())
    assert again.data_key == created.data_key


def test_recovery_of_a_passphrase_only_profile_leaves_the_key_store_alone(
    vault_path: Path, org_keys: tuple[bytes, bytes]
) -> None:
    created = create_vault(vault_path, OLD, keystore=None, passphrase_only=True, kdf=CHEAP,
                           recovery_public_key=org_keys[1])
    store = MemoryKeyStore(available=False)  # would raise NoKeyStore if asked
    recovered = recover_vault(vault_path, org_keys[0], NEW, keystore=store)
    assert recovered.data_key == created.data_key
    assert read_vault_info(vault_path).passphrase_only is True
    assert unlock_vault(vault_path, NEW, keystore=None).data_key == created.data_key


def _other_private_key() -> bytes:
    return generate_recovery_keypair()[0]


@pytest.mark.parametrize(("with_recovery", "key", "error", "words"), [
    (True, "other", CannotUnlock, "not the one"),
    (False, "org", CannotUnlock, "without an organisation recovery key"),
    (True, "public", UsageError, "X25519 private key"),
    (True, "garbage", UsageError, "X25519 private key"),
])
def test_recovery_refusals_change_nothing(
    vault_path: Path, org_keys: tuple[bytes, bytes], with_recovery: bool, key: str,
    error: type[Exception], words: str,
) -> None:
    store = MemoryKeyStore()
    create_vault(vault_path, OLD, keystore=store, kdf=CHEAP,
                 recovery_public_key=org_keys[1] if with_recovery else None)
    pem = {"other": _other_private_key(), "org": org_keys[0], "public": org_keys[1],
           "garbage": b"-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"}[key]
    before, secrets_before = vault_path.read_bytes(), dict(store.secrets)
    with pytest.raises(error) as caught:
        recover_vault(vault_path, pem, NEW, keystore=store)
    assert words in str(caught.value)
    assert vault_path.read_bytes() == before
    assert store.secrets == secrets_before


def test_recovery_without_a_key_store_is_no_key_store(
    vault_path: Path, org_keys: tuple[bytes, bytes]
) -> None:
    create_vault(vault_path, OLD, keystore=MemoryKeyStore(), kdf=CHEAP,
                 recovery_public_key=org_keys[1])
    before = vault_path.read_bytes()
    with pytest.raises(NoKeyStore):
        recover_vault(vault_path, org_keys[0], NEW, keystore=MemoryKeyStore(available=False))
    assert vault_path.read_bytes() == before


def test_failed_write_during_recovery_puts_the_old_device_secret_back(
    vault_path: Path, org_keys: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemoryKeyStore()
    created = create_vault(vault_path, OLD, keystore=store, kdf=CHEAP,
                           recovery_public_key=org_keys[1])
    old_secret = store.secrets[created.profile_id]

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_file, "write_atomically", disk_full)
    with pytest.raises(OSError):
        recover_vault(vault_path, org_keys[0], NEW, keystore=store)
    monkeypatch.undo()
    assert store.secrets[created.profile_id] == old_secret
    assert unlock_vault(vault_path, OLD, keystore=store).data_key == created.data_key


def test_invalid_recovery_public_key_refuses_before_anything_is_written(vault_path: Path) -> None:
    store = MemoryKeyStore()
    with pytest.raises(UsageError):
        create_vault(vault_path, OLD, keystore=store, kdf=CHEAP,
                     recovery_public_key=b"not a pem")
    assert not vault_path.exists()
    assert store.secrets == {}
