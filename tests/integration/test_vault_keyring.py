"""The vault against the REAL OS key store: gnome-keyring's Secret Service over D-Bus.

Run inside `dbus-run-session` with gnome-keyring unlocked (the test command does this). These
tests fail — they do not skip — when keyring quietly picked some other backend, because a
fallback is exactly what the product must never do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.errors import CannotUnlock, NoKeyStore, WrongPassphrase
from app.vault import (
    KdfParams,
    OsKeyStore,
    change_passphrase,
    create_vault,
    generate_recovery_keypair,
    read_vault_info,
    recover_vault,
    unlock_vault,
)

pytestmark = pytest.mark.keyring

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def created_ids() -> Iterator[list[str]]:
    """Profile ids whose device secrets the test made; removed from the real keyring after."""
    ids: list[str] = []
    yield ids
    for profile_id in ids:
        try:
            keyring.delete_password("HomeVisit", profile_id)
        except keyring.errors.PasswordDeleteError:
            pass


def test_backend_is_the_real_secret_service() -> None:
    backend = OsKeyStore().backend()
    assert type(backend).__module__ == "keyring.backends.SecretService", type(backend)
    OsKeyStore().check_available()


def test_create_unlock_change_with_default_kdf(tmp_path: Path, created_ids: list[str]) -> None:
    path = tmp_path / "vault.json"
    store = OsKeyStore()
    created = create_vault(path, PASSPHRASE, keystore=store)  # default Argon2id cost
    created_ids.append(created.profile_id)
    assert read_vault_info(path).kdf == KdfParams.default()
    stored = keyring.get_password("HomeVisit", created.profile_id)
    assert stored is not None and stored.encode() not in path.read_bytes()
    assert unlock_vault(path, PASSPHRASE, keystore=OsKeyStore()).data_key == created.data_key
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        unlock_vault(path, "not the passphrase", keystore=store)
    assert path.read_bytes() == before
    change_passphrase(path, PASSPHRASE, "the next passphrase", keystore=store,
                      kdf=KdfParams.for_tests())
    assert unlock_vault(path, "the next passphrase", keystore=store).data_key == created.data_key


def test_lost_device_secret_then_recovery_into_the_real_key_store(
    tmp_path: Path, created_ids: list[str]
) -> None:
    private_pem, public_pem = generate_recovery_keypair()
    path = tmp_path / "vault.json"
    store = OsKeyStore()
    created = create_vault(path, PASSPHRASE, keystore=store, kdf=KdfParams.for_tests(),
                           recovery_public_key=public_pem)
    created_ids.append(created.profile_id)
    keyring.delete_password("HomeVisit", created.profile_id)  # as on a new laptop
    with pytest.raises(CannotUnlock, match="recovery key"):
        unlock_vault(path, PASSPHRASE, keystore=store)
    recovered = recover_vault(path, private_pem, "a new passphrase", keystore=store)
    assert recovered.data_key == created.data_key
    assert keyring.get_password("HomeVisit", created.profile_id) is not None
    assert unlock_vault(path, "a new passphrase", keystore=store).data_key == created.data_key


def test_fail_backend_object_is_no_key_store(tmp_path: Path) -> None:
    store = OsKeyStore(keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyStore):
        create_vault(tmp_path / "vault.json", PASSPHRASE, keystore=store,
                     kdf=KdfParams.for_tests())
    assert not (tmp_path / "vault.json").exists()


def test_python_keyring_backend_env_is_honoured_and_gives_no_key_store(
    tmp_path: Path, created_ids: list[str]
) -> None:
    path = tmp_path / "vault.json"
    created = create_vault(path, PASSPHRASE, keystore=OsKeyStore(), kdf=KdfParams.for_tests())
    created_ids.append(created.profile_id)
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from app.errors import NoKeyStore
        from app.vault import KdfParams, OsKeyStore, create_vault, unlock_vault
        for attempt in (
            lambda: unlock_vault(Path({str(path)!r}), {PASSPHRASE!r}, keystore=OsKeyStore()),
            lambda: create_vault(Path({str(tmp_path / "new.json")!r}), "pw",
                                 keystore=OsKeyStore(), kdf=KdfParams.for_tests()),
        ):
            try:
                attempt()
            except NoKeyStore as error:
                print("NoKeyStore:", error.message)
            else:
                sys.exit("no error")
        """
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("NoKeyStore: no usable OS key store") for line in lines)
    assert not (tmp_path / "new.json").exists()
    # and the real key store still holds the secret: nothing was deleted by the failed run
    assert keyring.get_password("HomeVisit", created.profile_id) is not None
