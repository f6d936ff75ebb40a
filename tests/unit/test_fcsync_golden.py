"""A stored fc-sync/1 envelope must keep opening after any upgrade.

Outbox rows keep envelopes for days and resend them byte for byte, and gateways keep them for
years: a change to the seal `info`, member names or JWS handling that silently breaks this
vector breaks every queued submission. The vector was made once by `seal_submission` with the
fixed keys below; if it must change, that is a new protocol version.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fcsync._wire import b64url_decode, canonical_json
from fcsync.envelope import open_submission
from fcsync.keys import key_id

DEVICE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SEALING_KEY = X25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
SEALING_KID = "5_RYhfysTyU1BDBnv9LSpAGNHJ_A1_UesBCKoRG370E"
INNER_DIGEST = "79fe90cde7dc71e38b34331f401cf3a2697ce8b21f3bc2e935bae9afef76dcdb"
SUMMARY = {"resourceType": "Bundle", "type": "document", "grade": 3, "words": "Zoë: “I’m hungry”"}
ENVELOPE = (
    "eyJhbGciOiJFZDI1NTE5IiwidHlwIjoiZmMtZW52ZWxvcGUrandzIiwia2lkIjoiZGV2LWdvbGRlbiJ9.eyJyZWN"
    "pcGllbnQiOiJMQS1FMDgwMDAwMjUiLCJyZWNpcGllbnRfa2V5X2lkIjoiNV9SWWhmeXNUeVUxQkRCbnY5TFNwQUd"
    "OSEpfQTFfVWVzQkNLb1JHMzcwRSIsInNlYWxlZCI6Iml0MVp3Q0ZNTkhPM3Z5ZVhHX3Y0a0FpLWQzN1lqQnQzZEt"
    "FUDE4X1h6VWtVN0hxa2ZlR19HZmcwSDBjNW9PYXBOUEdGdlNrTnBzQUh2MGhta192TUNLb3IwcHVmbV9sUVp5Ty1"
    "SeFU0eVk3b3l5RWVkU01TWExNazE4WVBCZndabThVbWlDaTdGQmRsOEs4amxiOXJHdlBCUGRYNHlraDRnTFVFcl8"
    "2UE5fQUw4SmdBQmg3Tlg2RUo2RVNEakVYYTJfTDhVOW0xdWpYd2NqTFVRQThzd054Q1FjSVlTd2JEQjVpTWFCOEt"
    "MWnRNOWNfdTRoOGZ5QkpzcTBHblByM1YyOWJxX3d3cU9VMnBTRDN6WmtucDUwRk1JbDV6Z0U1NDBZV1E1LWxwMEl"
    "MVGtFTnZ6dVdIMDc4RWc1d0F5ajZpT0dkQjZBcS1FVDZXa1ZNYThnYTIxcFJPenBLREJzSEllVC0zZEoxNW5nNFR"
    "kRmR2Q25zb0YwMlgwb0c5Vk9pTHlWcGdwTkppNEo5Y2xRaHdPOVF4b1VnVlgxYXdJTlBKZE9oakpRTk5Fd2dXY01"
    "QZGFsd25KRVpwcUJFVGlzZzhtQlpQUF9rNGZvNnJESGFzNVNwaTRBWk05RmZlbmhLQkFDdFZ3dGlGOTRneVltYk5"
    "OVWMxbHVoY2ZNWDVIVzBKMGs5NWM5MCIsInNlYWxlZF9hdCI6IjIwMjYtMTEtMjlUMDk6MzA6MDBaIiwic2VuZGV"
    "yIjoiZGV2LWdvbGRlbiIsInN1Ym1pc3Npb25faWQiOiJzdWItZ29sZGVuLTEiLCJzdWl0ZSI6IkRIS0VNKFgyNTU"
    "xOSxIS0RGLVNIQTI1NikvSEtERi1TSEEyNTYvQUVTLTI1Ni1HQ00iLCJ2ZXJzaW9uIjoiZmMtc3luYy8xIn0.vEK"
    "x6HMTip0mdkOQveRmjCW82doWnwTs7X6RgGNozt_aHU_CZ-W3ZN9cq754u2hPXOBcaZRdAuW0gA-QsWuNBg"
).encode("ascii")


def device_key(device_id: str) -> Ed25519PublicKey | None:
    return DEVICE_KEY.public_key() if device_id == "dev-golden" else None


def test_the_stored_envelope_still_opens() -> None:
    assert key_id(SEALING_KEY.public_key()) == SEALING_KID
    opened = open_submission(ENVELOPE, recipient_keys={SEALING_KID: SEALING_KEY},
                             device_public_key=device_key, max_bytes=4096)
    assert opened.summary == SUMMARY
    assert (opened.submission_id, opened.device_id, opened.recipient) == ("sub-golden-1", "dev-golden", "LA-E08000025")
    assert opened.sealed_at == datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
    assert opened.inner_digest == INNER_DIGEST
    # The signed bytes are RFC 8785 of the summary: UTF-8, sorted keys, no whitespace.
    assert b64url_decode(opened.inner_jws.split(".")[1]) == canonical_json(SUMMARY)
