"""The data key's life: create it, unlock it, rewrap it for a new passphrase, recover it.

Owns the rules joining the pieces: which wraps a vault carries, when the OS key store is asked
(never under the passphrase-only policy), and that a failed unlock writes nothing. The DEK
leaves this module only inside an `UnlockedVault`; it is never logged or written in clear.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from app.errors import CannotUnlock, NoKeyStore, ProfileExists, UsageError, WrongPassphrase
from app.vault import recovery, vault_file
from app.vault.kdf import KEY_BYTES, SALT_BYTES, KdfParams, wrapping_key
from app.vault.keystore import DEVICE_SECRET_BYTES, NO_KEY_STORE, KeyStore
from app.vault.sealing import (
    KIND_PASSPHRASE,
    KIND_PASSPHRASE_ONLY,
    KIND_RECOVERY,
    WRONG_PASSPHRASE,
    context,
    open_sealed,
    seal,
)
from app.vault.vault_file import (
    VERSION,
    PassphraseWrap,
    RecoveryWrap,
    VaultDocument,
    VaultInfo,
    info_of,
)

NO_DEVICE_ENTRY = (
    "this computer's key store holds no device secret for this profile (another computer or "
    "user account?); use the organisation recovery key or restore a backup"
)
FOREIGN_DEVICE_ENTRY = (
    "the device secret in this computer's key store does not belong to this vault; use the "
    "organisation recovery key or restore a backup"
)


@dataclass(frozen=True)
class UnlockedVault:
    """An opened vault: the profile id, the data key (kept out of repr) and the vault info."""

    profile_id: str
    data_key: bytes = field(repr=False)
    info: VaultInfo


def _check_of(device_secret: bytes, profile_id: str) -> bytes:
    # Not secret (an HMAC under a random 32-byte key): lets unlock say "wrong key store entry"
    # rather than "wrong passphrase" when the key store holds some other secret.
    message = f"homevisit/vault/v{VERSION}/device-secret-check|{profile_id}".encode()
    return hmac.new(device_secret, message, hashlib.sha256).digest()[:16]


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise UsageError("the passphrase must not be empty")


def _require_store(keystore: KeyStore | None) -> KeyStore:
    if keystore is None:
        raise NoKeyStore(NO_KEY_STORE)
    return keystore


def _wrap_kind(passphrase_only: bool) -> str:
    return KIND_PASSPHRASE_ONLY if passphrase_only else KIND_PASSPHRASE


def _passphrase_wrap(
    data_key: bytes,
    passphrase: str,
    params: KdfParams,
    *,
    profile_id: str,
    device_secret: bytes | None,
) -> PassphraseWrap:
    salt = os.urandom(SALT_BYTES)
    key = wrapping_key(passphrase, salt, params, device_secret=device_secret)
    aad = context(VERSION, profile_id, _wrap_kind(device_secret is None))
    nonce, ciphertext = seal(key, data_key, aad)
    return PassphraseWrap(kdf=params, salt=salt, nonce=nonce, ciphertext=ciphertext)


def _device_secret(doc: VaultDocument, keystore: KeyStore | None) -> bytes | None:
    """The device secret this vault needs, or None under the passphrase-only policy."""
    if doc.passphrase_only:
        return None  # the policy promises unlock never touches the key store
    secret = _require_store(keystore).get_secret(doc.profile_id)
    if secret is None:
        raise CannotUnlock(NO_DEVICE_ENTRY)
    if doc.device_secret_check is None or not hmac.compare_digest(
        _check_of(secret, doc.profile_id), doc.device_secret_check
    ):
        raise CannotUnlock(FOREIGN_DEVICE_ENTRY)
    return secret


def _open_passphrase_wrap(doc: VaultDocument, passphrase: str, device_secret: bytes | None) -> bytes:
    wrap = doc.passphrase_wrap
    key = wrapping_key(passphrase, wrap.salt, wrap.kdf, device_secret=device_secret)
    aad = context(doc.version, doc.profile_id, _wrap_kind(doc.passphrase_only))
    data_key = open_sealed(key, wrap.nonce, wrap.ciphertext, aad)
    if data_key is None:
        # The checksum already ruled out accidental damage, so a failing tag means the
        # passphrase (with the matching device secret) is not the one this wrap was made with.
        raise WrongPassphrase(WRONG_PASSPHRASE)
    return data_key


def create_vault(
    path: Path,
    passphrase: str,
    *,
    keystore: KeyStore | None,
    passphrase_only: bool = False,
    recovery_public_key: bytes | None = None,
    kdf: KdfParams | None = None,
    data_key: bytes | None = None,
) -> UnlockedVault:
    """Make a new vault at `path` around a new random data key (or `data_key`, for a restore).

    Under the passphrase-only policy `keystore` is ignored; otherwise a new device secret is
    stored in it first, so a missing key store fails before anything is written.
    """
    if path.exists():
        raise ProfileExists(f"a vault already exists at {path}; nothing was changed")
    _require_passphrase(passphrase)
    recovery_key = (
        None if recovery_public_key is None else recovery.load_public_key(recovery_public_key)
    )
    if data_key is not None and len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    key = data_key if data_key is not None else os.urandom(KEY_BYTES)
    profile_id = str(uuid.uuid4())
    params = kdf or KdfParams.default()
    store: KeyStore | None = None
    device_secret: bytes | None = None
    if not passphrase_only:
        store = _require_store(keystore)
        device_secret = os.urandom(DEVICE_SECRET_BYTES)
        store.set_secret(profile_id, device_secret)
    recovery_wrap = None
    if recovery_key is not None:
        recovery_wrap = RecoveryWrap(
            public_key_sha256=recovery.fingerprint(recovery_key),
            sealed=recovery.seal_to(
                recovery_key, key, context(VERSION, profile_id, KIND_RECOVERY)
            ),
        )
    doc = VaultDocument(
        version=VERSION,
        profile_id=profile_id,
        created_at=datetime.now(timezone.utc).replace(microsecond=0),
        passphrase_only=passphrase_only,
        device_secret_check=None if device_secret is None else _check_of(device_secret, profile_id),
        passphrase_wrap=_passphrase_wrap(
            key, passphrase, params, profile_id=profile_id, device_secret=device_secret
        ),
        recovery_wrap=recovery_wrap,
    )
    try:
        vault_file.write(path, doc)
    except BaseException:
        if store is not None:  # an orphaned secret would only confuse a later profile
            with contextlib.suppress(NoKeyStore):
                store.delete_secret(profile_id)
        raise
    return UnlockedVault(profile_id, key, info_of(doc))


def unlock_vault(path: Path, passphrase: str, *, keystore: KeyStore | None) -> UnlockedVault:
    """Unwrap the data key. Writes nothing, whatever happens."""
    doc = vault_file.read(path)
    device_secret = _device_secret(doc, keystore)
    data_key = _open_passphrase_wrap(doc, passphrase, device_secret)
    return UnlockedVault(doc.profile_id, data_key, info_of(doc))


def change_passphrase(
    path: Path,
    old: str,
    new: str,
    *,
    keystore: KeyStore | None,
    kdf: KdfParams | None = None,
) -> None:
    """Rewrap the data key under `new` (new salt, new nonce); the database is not touched.

    `kdf=None` keeps the vault's current Argon2id cost.
    """
    _require_passphrase(new)
    doc = vault_file.read(path)
    device_secret = _device_secret(doc, keystore)
    data_key = _open_passphrase_wrap(doc, old, device_secret)
    params = kdf or doc.passphrase_wrap.kdf
    rewrapped = _passphrase_wrap(
        data_key, new, params, profile_id=doc.profile_id, device_secret=device_secret
    )
    vault_file.write(path, replace(doc, passphrase_wrap=rewrapped))


def recover_vault(
    path: Path,
    recovery_private_key_pem: bytes,
    new_passphrase: str,
    *,
    keystore: KeyStore | None,
    kdf: KdfParams | None = None,
) -> UnlockedVault:
    """Open the data key with the organisation recovery key and protect it again on THIS
    machine: a new passphrase and (unless passphrase-only) a new device secret in this key
    store. The recovery wrap is kept, so recovery stays possible next time.
    """
    _require_passphrase(new_passphrase)
    private_key = recovery.load_private_key(recovery_private_key_pem)
    doc = vault_file.read(path)
    if doc.recovery_wrap is None:
        raise CannotUnlock(
            "this profile was created without an organisation recovery key; restore a backup"
        )
    if recovery.fingerprint(private_key.public_key()) != doc.recovery_wrap.public_key_sha256:
        raise CannotUnlock("this recovery key is not the one this profile's data key was sealed to")
    data_key = recovery.open_with(
        private_key, doc.recovery_wrap.sealed, context(doc.version, doc.profile_id, KIND_RECOVERY)
    )
    if data_key is None:
        raise CannotUnlock(vault_file.DAMAGED)
    store: KeyStore | None = None
    previous: bytes | None = None
    device_secret: bytes | None = None
    if not doc.passphrase_only:
        store = _require_store(keystore)
        with contextlib.suppress(CannotUnlock):  # a damaged old entry is simply replaced
            previous = store.get_secret(doc.profile_id)
        device_secret = os.urandom(DEVICE_SECRET_BYTES)
        store.set_secret(doc.profile_id, device_secret)
    recovered = replace(
        doc,
        device_secret_check=None
        if device_secret is None
        else _check_of(device_secret, doc.profile_id),
        passphrase_wrap=_passphrase_wrap(
            data_key,
            new_passphrase,
            kdf or doc.passphrase_wrap.kdf,
            profile_id=doc.profile_id,
            device_secret=device_secret,
        ),
    )
    try:
        vault_file.write(path, recovered)
    except BaseException:
        # Put the key store back as it was, so the untouched vault still matches it.
        if store is not None:
            with contextlib.suppress(NoKeyStore):
                if previous is None:
                    store.delete_secret(doc.profile_id)
                else:
                    store.set_secret(doc.profile_id, previous)
        raise
    return UnlockedVault(doc.profile_id, data_key, info_of(recovered))
