"""OsKeyStore over keyring backends: every way of having no usable store is NoKeyStore."""

from __future__ import annotations

import base64

import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from app.errors import CannotUnlock, NoKeyStore
from app.vault import MemoryKeyStore, OsKeyStore

PROFILE = "7d1f3b0e-0000-4000-8000-000000000001"


class DictBackend(keyring.backend.KeyringBackend):
    """A keyring backend in a dict, standing in for Secret Service in unit tests."""

    # keyring registers every KeyringBackend subclass it can see; a positive priority would make
    # this fake "viable" and turn the real default into a chainer for the rest of the test run.
    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.stored:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.stored[(service, username)]


class LockedBackend(DictBackend):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")


class BrokenBackend(DictBackend):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("D-Bus said no")


class ForgetfulBackend(DictBackend):
    def set_password(self, service: str, username: str, password: str) -> None:
        pass


def test_secret_round_trips_under_service_and_profile_id() -> None:
    backend = DictBackend()
    store = OsKeyStore(backend)
    store.check_available()
    secret = bytes(range(32))
    assert store.get_secret(PROFILE) is None
    store.set_secret(PROFILE, secret)
    assert store.get_secret(PROFILE) == secret
    assert list(backend.stored) == [("HomeVisit", PROFILE)]
    assert backend.stored[("HomeVisit", PROFILE)] == base64.b64encode(secret).decode()
    store.delete_secret(PROFILE)
    store.delete_secret(PROFILE)  # deleting what is not there is fine
    assert store.get_secret(PROFILE) is None


@pytest.mark.parametrize("backend", [
    keyring.backends.fail.Keyring(),
    keyring.backends.null.Keyring(),
    BrokenBackend(),
    ForgetfulBackend(),
], ids=["fail", "null", "set raises", "forgets"])
def test_unusable_backends_are_no_key_store(backend: keyring.backend.KeyringBackend) -> None:
    store = OsKeyStore(backend)
    with pytest.raises(NoKeyStore) as caught:
        store.set_secret(PROFILE, bytes(32))
    assert caught.value.exit_code == 4
    assert "OS key store" in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()])
def test_fail_and_null_backends_fail_the_availability_check(
    backend: keyring.backend.KeyringBackend,
) -> None:
    with pytest.raises(NoKeyStore, match="passphrase-only profile"):
        OsKeyStore(backend).check_available()


def test_locked_key_store_says_so() -> None:
    with pytest.raises(NoKeyStore, match="locked"):
        OsKeyStore(LockedBackend()).get_secret(PROFILE)
    with pytest.raises(NoKeyStore, match="locked"):
        OsKeyStore(LockedBackend()).check_available()


def test_chainer_with_nothing_to_chain_is_no_key_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [])
    chainer = keyring.backends.chainer.ChainerBackend()
    assert chainer.backends == []
    with pytest.raises(NoKeyStore):
        OsKeyStore(chainer).check_available()


def test_default_backend_comes_from_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = DictBackend()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    assert OsKeyStore().backend() is backend
    monkeypatch.setattr(keyring, "get_keyring", lambda: keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyStore):
        OsKeyStore().check_available()


@pytest.mark.parametrize("stored", ["not base64!", base64.b64encode(b"short").decode()])
def test_damaged_stored_secret_is_cannot_unlock(stored: str) -> None:
    backend = DictBackend()
    backend.stored[("HomeVisit", PROFILE)] = stored
    with pytest.raises(CannotUnlock, match="damaged"):
        OsKeyStore(backend).get_secret(PROFILE)


def test_memory_key_store_can_play_a_machine_without_one() -> None:
    store = MemoryKeyStore(available=False)
    for call in (store.check_available, lambda: store.get_secret(PROFILE),
                 lambda: store.set_secret(PROFILE, bytes(32)), lambda: store.delete_secret(PROFILE)):
        with pytest.raises(NoKeyStore):
            call()
