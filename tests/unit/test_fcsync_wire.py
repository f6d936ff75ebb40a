"""Strict base64url: the standard alphabet's "+" and "/" are not base64url (found by Hypothesis)."""

from __future__ import annotations

import pytest

from fcsync._wire import b64url_decode, b64url_encode


@pytest.mark.parametrize("text", ["ab/d", "ab+d", "abc=", "a", "ab d", "ab\nd"])
def test_non_base64url_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        b64url_decode(text)


@pytest.mark.parametrize("data", [b"", b"\xfb\xff", b"\xff\xfe\xfd", bytes(range(64))])
def test_round_trip(data: bytes) -> None:
    assert b64url_decode(b64url_encode(data)) == data
