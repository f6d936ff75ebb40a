"""The backup key wrap: passphrase alone, restorable anywhere, damage told from a wrong passphrase."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from app.errors import InvalidInput, WrongPassphrase
from app.vault import KdfParams, unwrap_backup_key, wrap_key_for_backup

PASSPHRASE = "correct horse battery staple"
CHEAP = KdfParams.for_tests()


def test_backup_key_round_trips_and_is_json_ready() -> None:
    key = os.urandom(32)
    wrapped = wrap_key_for_backup(key, PASSPHRASE, CHEAP)
    assert json.loads(json.dumps(wrapped)) == wrapped
    assert key.hex() not in json.dumps(wrapped)
    assert unwrap_backup_key(wrapped, PASSPHRASE) == key


def test_each_wrap_uses_fresh_salt_and_nonce() -> None:
    key = os.urandom(32)
    first, second = (wrap_key_for_backup(key, PASSPHRASE, CHEAP) for _ in range(2))
    assert first["nonce"] != second["nonce"]
    assert first["kdf"]["salt"] != second["kdf"]["salt"]
    assert first["ciphertext"] != second["ciphertext"]


@pytest.mark.parametrize("attempt", ["", "wrong passphrase", PASSPHRASE.upper()])
def test_wrong_passphrase_on_backup_key(attempt: str) -> None:
    wrapped = wrap_key_for_backup(os.urandom(32), PASSPHRASE, CHEAP)
    with pytest.raises(WrongPassphrase):
        unwrap_backup_key(wrapped, attempt)


def _without(key: str) -> Any:
    return lambda w: {k: v for k, v in w.items() if k != key}


DAMAGES = {
    "not a dict": lambda w: ["x"],
    "other format": lambda w: {**w, "format": "something/2"},
    "nonce missing": _without("nonce"),
    "ciphertext truncated": lambda w: {**w, "ciphertext": w["ciphertext"][:20]},
    "salt not base64": lambda w: {**w, "kdf": {**w["kdf"], "salt": "%%%"}},
    "memory cost absurd": lambda w: {**w, "kdf": {**w["kdf"], "memory_kib": 2**40}},
    "lanes as bool": lambda w: {**w, "kdf": {**w["kdf"], "lanes": True}},
    "unknown cipher": lambda w: {**w, "cipher": "rot13"},
}


@pytest.mark.parametrize("damage", list(DAMAGES), ids=list(DAMAGES))
def test_damaged_backup_key_is_invalid_input(damage: str) -> None:
    wrapped = wrap_key_for_backup(os.urandom(32), PASSPHRASE, CHEAP)
    with pytest.raises(InvalidInput) as caught:
        unwrap_backup_key(DAMAGES[damage](wrapped), PASSPHRASE)
    assert caught.value.path == "$.key"
    assert "damaged" in caught.value.problem
