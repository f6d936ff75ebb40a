"""A rough, honest strength hint for a new passphrase (length matters most).

Not a security control — the vault's Argon2id cost is. It nudges toward long passphrases of
several words, and refuses only the clearly too short.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

MIN_LENGTH = 10


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (unusable) … 4 (strong)
    acceptable: bool
    label: str


def _kinds(text: str) -> int:
    return sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )


def assess(passphrase: str) -> Strength:
    length = len(passphrase)
    if length < MIN_LENGTH:
        return Strength(
            0,
            False,
            QCoreApplication.translate(
                "PassphraseStrength", "Too short: use at least 10 characters"
            ),
        )
    if len(set(passphrase)) <= 3:
        return Strength(
            1, False, QCoreApplication.translate("PassphraseStrength", "Too repetitive")
        )
    words = len(passphrase.split())
    points = (
        (length >= 14) + (length >= 20) + (length >= 24) + (_kinds(passphrase) >= 3) + (words >= 3)
    )
    score = max(1, min(4, points))
    labels = {
        1: QCoreApplication.translate("PassphraseStrength", "Weak"),
        2: QCoreApplication.translate("PassphraseStrength", "Fair"),
        3: QCoreApplication.translate("PassphraseStrength", "Good"),
        4: QCoreApplication.translate("PassphraseStrength", "Strong"),
    }
    return Strength(score, True, labels[score])
