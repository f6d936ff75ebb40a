"""Where the device secret lives: the OS key store (Secret Service, Keychain, Credential Locker).

Owns the `KeyStore` protocol, `OsKeyStore` (through `keyring`, which honours
`PYTHON_KEYRING_BACKEND` by itself) and `MemoryKeyStore` for tests. One random 32-byte device
secret per profile, stored under service "HomeVisit" and the profile's random id — no personal
data. Any way of not having a usable key store becomes `NoKeyStore`: never a silent fallback to
a file or to nothing.
"""

from __future__ import annotations

import base64
import binascii
from typing import Protocol

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors

from app.errors import CannotUnlock, NoKeyStore

SERVICE = "HomeVisit"
DEVICE_SECRET_BYTES = 32

NO_KEY_STORE = (
    "no usable OS key store (Secret Service); start a desktop session or use a "
    "passphrase-only profile"
)


class KeyStore(Protocol):
    """A per-user secret store keyed by profile id."""

    def check_available(self) -> None:
        """Raise `NoKeyStore` unless secrets can be stored and read back."""

    def get_secret(self, profile_id: str) -> bytes | None:
        """The stored secret, or None when this store has none for the profile."""

    def set_secret(self, profile_id: str, secret: bytes) -> None:
        """Store (or replace) the secret."""

    def delete_secret(self, profile_id: str) -> None:
        """Remove the secret; no error when there is none."""


def _encode(secret: bytes) -> str:
    return base64.b64encode(secret).decode("ascii")


def _decode(text: str) -> bytes:
    try:
        secret = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        secret = b""
    if len(secret) != DEVICE_SECRET_BYTES:
        raise CannotUnlock(
            "the device secret in the OS key store is damaged; use the organisation recovery "
            "key or restore a backup"
        )
    return secret


def _store_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean 'the key store is not usable', not 'HomeVisit has a bug'."""
    errors: list[type[BaseException]] = [keyring.errors.KeyringError, OSError]
    try:  # the Secret Service backend's own layer, when installed
        from secretstorage.exceptions import SecretStorageException

        errors.append(SecretStorageException)
    except ImportError:
        pass
    return tuple(errors)


def _unusable(backend: keyring.backend.KeyringBackend) -> bool:
    # fail.Keyring raises on every call; null.Keyring silently forgets (a device secret stored
    # there would be lost, locking the practitioner out); an empty chainer is the same as fail.
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        return True
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        return not backend.backends
    return False


class OsKeyStore:
    """The user's OS key store through `keyring`.

    `backend` is for tests that want a particular backend without touching keyring's global
    choice; by default keyring picks one (and honours `PYTHON_KEYRING_BACKEND`).
    """

    def __init__(
        self, backend: keyring.backend.KeyringBackend | None = None, *, service: str = SERVICE
    ) -> None:
        self._backend = backend
        self.service = service

    def backend(self) -> keyring.backend.KeyringBackend:
        """The keyring backend in use; `NoKeyStore` when it cannot hold secrets."""
        try:
            chosen = self._backend if self._backend is not None else keyring.get_keyring()
        except (keyring.errors.KeyringError, ImportError, AttributeError, ValueError):
            # a PYTHON_KEYRING_BACKEND naming nothing loadable ends up here
            raise NoKeyStore(NO_KEY_STORE) from None
        if _unusable(chosen):
            raise NoKeyStore(NO_KEY_STORE)
        return chosen

    def check_available(self) -> None:
        backend = self.backend()
        try:
            # A read proves the store answers (and is unlocked) without leaving anything behind.
            backend.get_password(self.service, "homevisit-availability-check")
        except keyring.errors.KeyringLocked:
            raise NoKeyStore(
                "the OS key store is locked; unlock your desktop keyring and try again"
            ) from None
        except _store_errors():
            raise NoKeyStore(NO_KEY_STORE) from None

    def get_secret(self, profile_id: str) -> bytes | None:
        backend = self.backend()
        try:
            text = backend.get_password(self.service, profile_id)
        except keyring.errors.KeyringLocked:
            raise NoKeyStore(
                "the OS key store is locked; unlock your desktop keyring and try again"
            ) from None
        except _store_errors():
            raise NoKeyStore(NO_KEY_STORE) from None
        return None if text is None else _decode(text)

    def set_secret(self, profile_id: str, secret: bytes) -> None:
        backend = self.backend()
        try:
            backend.set_password(self.service, profile_id, _encode(secret))
            stored = backend.get_password(self.service, profile_id)
        except _store_errors():
            raise NoKeyStore(NO_KEY_STORE) from None
        if stored is None or _decode(stored) != secret:
            # A backend that accepts secrets and forgets them would lock the practitioner out.
            raise NoKeyStore("the OS key store did not keep the device secret; " + NO_KEY_STORE)

    def delete_secret(self, profile_id: str) -> None:
        backend = self.backend()
        try:
            backend.delete_password(self.service, profile_id)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already in the wanted state
        except _store_errors():
            raise NoKeyStore(NO_KEY_STORE) from None


class MemoryKeyStore:
    """An in-memory key store for tests. `available=False` behaves like a machine with none."""

    def __init__(self, *, available: bool = True) -> None:
        self.available = available
        self.secrets: dict[str, bytes] = {}

    def _require(self) -> None:
        if not self.available:
            raise NoKeyStore(NO_KEY_STORE)

    def check_available(self) -> None:
        self._require()

    def get_secret(self, profile_id: str) -> bytes | None:
        self._require()
        return self.secrets.get(profile_id)

    def set_secret(self, profile_id: str, secret: bytes) -> None:
        self._require()
        self.secrets[profile_id] = bytes(secret)

    def delete_secret(self, profile_id: str) -> None:
        self._require()
        self.secrets.pop(profile_id, None)
