"""The NHS number rule: ten ASCII digits whose last is the Modulus 11 check digit of the rest.

Source: NHS Data Dictionary, "NHS Number" — weights 10 down to 2 on the first nine digits;
check digit = 11 - (sum mod 11), where 11 becomes 0 and 10 means the number is invalid.
"""

from __future__ import annotations

import re

_TEN_DIGITS = re.compile(r"[0-9]{10}")


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid NHS number starts with them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    digit = 11 - total % 11
    if digit == 11:
        return 0
    return None if digit == 10 else digit


def is_ten_digits(text: str) -> bool:
    return _TEN_DIGITS.fullmatch(text) is not None


def has_valid_check_digit(text: str) -> bool:
    """True for ten digits whose last is the Modulus 11 check digit of the first nine."""
    return is_ten_digits(text) and check_digit(text[:9]) == int(text[9])
