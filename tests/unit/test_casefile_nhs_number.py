"""The NHS number Modulus 11 rule, on numbers worked by hand."""

from __future__ import annotations

import pytest

from app.casefile.nhs_number import check_digit, has_valid_check_digit


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9434765919", True),   # 299 mod 11 = 2 -> 11 - 2 = 9
        ("4010232137", True),
        ("1000000060", True),   # 10 + 0 + ... + 6*2 = 22, mod 11 = 0 -> 11 becomes 0
        ("9434765918", False),  # last digit off by one
        ("9434765991", False),  # two digits swapped
        ("1000000010", False),  # first nine give check digit 10: no number starts so
        ("943476591", False),   # nine digits
        ("94347659190", False),  # eleven digits
        ("943 476 591", False),
        ("９４３４７６５９１９", False),  # full-width digits look right but are not ASCII
        ("", False),
    ],
)
def test_check_digit_rule(number: str, valid: bool) -> None:
    assert has_valid_check_digit(number) is valid


@pytest.mark.parametrize(("first_nine", "digit"), [("943476591", 9), ("100000006", 0),
                                                    ("100000001", None)])
def test_check_digit_of_first_nine(first_nine: str, digit: int | None) -> None:
    assert check_digit(first_nine) == digit
