"""The FC-Sync envelope: round trips, every failure code, bit flips, resealing, fuzzing."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcsync import _jws
from fcsync._wire import b64url_decode, b64url_encode, canonical_json, sha256_hex
from fcsync.envelope import (
    _SUITE,
    HPKE_SUITE_NAME,
    OpenedSubmission,
    idempotency_key,
    open_submission,
    read_idempotency_key,
    reseal,
    seal_info,
    seal_submission,
    sign_summary,
)
from fcsync.keys import generate_sealing_key, generate_signing_key, key_id
from fcsync.problems import ProtocolError

SUMMARY: dict[str, Any] = {
    "resourceType": "Bundle",
    "type": "document",
    "identifier": {"system": "urn:fc-sync:submission", "value": "sub-1"},
    "entry": [{"resource": {"resourceType": "QuestionnaireResponse", "item": [
        {"linkId": "physical.nutrition", "answer": [{"valueInteger": 3}]},
        {"linkId": "lived.narrative", "answer": [{"valueString": "Zoë said “I’m hungry” 🍞"}]},
    ]}}],
}
MAX = 1 << 20


@dataclass
class World:
    device_key: Ed25519PrivateKey
    other_key: Ed25519PrivateKey
    sealing_key: X25519PrivateKey
    sealing_kid: str

    def lookup(self, device_id: str) -> Ed25519PublicKey | None:
        return self.device_key.public_key() if device_id == "dev-1" else None

    def seal(self, summary: dict[str, Any] = SUMMARY, submission_id: str = "sub-1") -> bytes:
        return seal_submission(
            summary, submission_id=submission_id, device_id="dev-1", device_key=self.device_key,
            recipient="LA-1", recipient_key=self.sealing_key.public_key(), recipient_key_id=self.sealing_kid,
        ).envelope

    def open(self, envelope: bytes, **overrides: Any) -> OpenedSubmission:
        kwargs: dict[str, Any] = {
            "recipient_keys": {self.sealing_kid: self.sealing_key},
            "device_public_key": self.lookup,
            "max_bytes": MAX,
            "expected_device_id": "dev-1",
        }
        kwargs.update(overrides)
        return open_submission(envelope, **kwargs)


@pytest.fixture(scope="module")
def world() -> World:
    sealing = generate_sealing_key()
    return World(generate_signing_key(), generate_signing_key(), sealing, key_id(sealing.public_key()))


def forge(
    world: World,
    *,
    inner: bytes | None = None,
    outer: Callable[[dict[str, Any]], None] = lambda o: None,
    info_context: dict[str, str] | None = None,
    outer_signer: Ed25519PrivateKey | None = None,
    outer_kid: str = "dev-1",
    outer_typ: str = "fc-envelope+jws",
) -> bytes:
    """Build an envelope by hand so that exactly one thing is wrong with it."""
    if inner is None:
        inner = sign_summary(SUMMARY, submission_id="sub-1", device_id="dev-1",
                             device_key=world.device_key, recipient="LA-1").encode()
    context = {"submission_id": "sub-1", "device_id": "dev-1", "recipient": "LA-1",
               "recipient_key_id": world.sealing_kid}
    context.update(info_context or {})
    sealed = _SUITE.encrypt(inner, world.sealing_key.public_key(), info=seal_info(**context))
    payload: dict[str, Any] = {
        "version": "fc-sync/1", "submission_id": "sub-1", "sender": "dev-1", "recipient": "LA-1",
        "recipient_key_id": world.sealing_kid, "suite": HPKE_SUITE_NAME,
        "sealed_at": "2026-11-29T09:30:00Z", "sealed": b64url_encode(sealed),
    }
    outer(payload)
    raw = json.dumps(payload).encode()
    return _jws.sign(raw, outer_signer or world.device_key, typ=outer_typ, kid=outer_kid).encode()


def test_round_trip_returns_the_summary_and_digests(world: World) -> None:
    sealed = seal_submission(
        SUMMARY, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
        recipient="LA-1", recipient_key=world.sealing_key.public_key(), recipient_key_id=world.sealing_kid,
        sealed_at=datetime(2026, 11, 29, 9, 30, tzinfo=UTC),
    )
    opened = world.open(sealed.envelope)
    assert opened.summary == SUMMARY
    assert (opened.submission_id, opened.device_id, opened.recipient) == ("sub-1", "dev-1", "LA-1")
    assert opened.sealed_at == datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
    assert opened.inner_jws == sealed.inner_jws
    assert opened.inner_digest == sealed.inner_digest == sha256_hex(sealed.inner_jws.encode())
    assert opened.envelope_digest == sealed.envelope_digest == sha256_hex(sealed.envelope)
    # The inner payload is the RFC 8785 form of the summary, byte for byte.
    assert b64url_decode(sealed.inner_jws.split(".")[1]) == canonical_json(SUMMARY)


def test_the_envelope_reveals_nothing_of_the_summary(world: World) -> None:
    envelope = world.seal()
    decoded = b"".join(b64url_decode(part) for part in envelope.decode().split("."))
    assert b"physical.nutrition" not in decoded and b"hungry" not in decoded


def test_identical_summary_gives_same_inner_digest_but_fresh_envelope(world: World) -> None:
    first, second = (seal_submission(
        SUMMARY, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
        recipient="LA-1", recipient_key=world.sealing_key.public_key(), recipient_key_id=world.sealing_kid,
        sealed_at=datetime(2026, 11, 29, tzinfo=UTC)) for _ in range(2))
    assert first.inner_digest == second.inner_digest
    assert first.envelope != second.envelope  # HPKE is randomised


def test_reseal_to_a_rotated_key_keeps_the_inner_digest(world: World) -> None:
    original = seal_submission(
        SUMMARY, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
        recipient="LA-1", recipient_key=world.sealing_key.public_key(), recipient_key_id=world.sealing_kid,
    )
    new_key = generate_sealing_key()
    new_kid = key_id(new_key.public_key())
    with pytest.raises(ProtocolError) as old_gateway:
        world.open(original.envelope, recipient_keys={new_kid: new_key})
    assert old_gateway.value.code == "unknown-recipient-key"
    again = reseal(
        original.inner_jws, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
        recipient="LA-1", recipient_key=new_key.public_key(), recipient_key_id=new_kid,
    )
    opened = world.open(again.envelope, recipient_keys={new_kid: new_key})
    assert opened.inner_digest == original.inner_digest == again.inner_digest
    assert opened.envelope_digest != original.envelope_digest
    assert opened.recipient_key_id == new_kid


@pytest.mark.parametrize("field, value", [
    ("submission_id", "sub-2"), ("device_id", "dev-2"), ("recipient", "LA-2"),
])
def test_reseal_refuses_an_inner_jws_signed_for_something_else(world: World, field: str, value: str) -> None:
    inner = sign_summary(SUMMARY, submission_id="sub-1", device_id="dev-1",
                         device_key=world.device_key, recipient="LA-1")
    args: dict[str, Any] = {"submission_id": "sub-1", "device_id": "dev-1", "recipient": "LA-1"}
    args[field] = value
    with pytest.raises(ValueError, match="another submission"):
        reseal(inner, device_key=world.device_key, recipient_key=world.sealing_key.public_key(),
               recipient_key_id=world.sealing_kid, **args)


@pytest.mark.parametrize("summary, message", [
    ({"score": 1.5}, "floats"),
    ({"score": 1.0}, "floats"),
    ({"n": 2**53}, "2\\^53"),
    ({"when": datetime(2026, 1, 1, tzinfo=UTC)}, "not JSON"),
])
def test_summaries_that_rfc8785_would_alter_are_refused(world: World, summary: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sign_summary(summary, submission_id="sub-1", device_id="dev-1", device_key=world.device_key, recipient="LA-1")


@pytest.mark.parametrize("bad_id", ["", "has space", 'quo"te', "x" * 129, "é"])
def test_ids_outside_the_alphabet_are_refused_when_sealing(world: World, bad_id: str) -> None:
    with pytest.raises(ValueError):
        sign_summary(SUMMARY, submission_id=bad_id, device_id="dev-1", device_key=world.device_key, recipient="LA-1")


def _sealed_bad_inner(world: World, inner: bytes) -> bytes:
    return forge(world, inner=inner)


def _inner_for(world: World, **header: str) -> bytes:
    fields = {"sid": "sub-1", "aud": "LA-1"}
    fields.update(header)
    kid = fields.pop("kid", "dev-1")
    return _jws.sign(canonical_json(SUMMARY), world.device_key, typ="fc-summary+jws", kid=kid, **fields).encode()


FAILURES: list[tuple[str, Callable[[World], bytes], dict[str, Any], str]] = [
    ("oversized", lambda w: w.seal(), {"max_bytes": 100}, "too-large"),
    ("empty", lambda w: b"", {}, "malformed-envelope"),
    ("not a JWS", lambda w: b"hello world", {}, "malformed-envelope"),
    ("binary", lambda w: bytes(range(256)), {}, "malformed-envelope"),
    ("flattened JSON instead of compact", lambda w: b'{"protected":"e30","payload":"","signature":""}', {}, "malformed-envelope"),
    ("wrong outer typ", lambda w: forge(w, outer_typ="fc-summary+jws"), {}, "malformed-envelope"),
    ("payload not JSON", lambda w: _jws.sign(b"\xff\xfe", w.device_key, typ="fc-envelope+jws", kid="dev-1").encode(), {}, "malformed-envelope"),
    ("payload a list", lambda w: _jws.sign(b"[]", w.device_key, typ="fc-envelope+jws", kid="dev-1").encode(), {}, "malformed-envelope"),
    ("missing member", lambda w: forge(w, outer=lambda o: o.pop("suite")), {}, "malformed-envelope"),
    ("extra member", lambda w: forge(w, outer=lambda o: o.update(extra="x")), {}, "malformed-envelope"),
    ("no version", lambda w: forge(w, outer=lambda o: o.update(version=1)), {}, "malformed-envelope"),
    ("sealed not base64url", lambda w: forge(w, outer=lambda o: o.update(sealed="***")), {}, "malformed-envelope"),
    ("sealed_at not a time", lambda w: forge(w, outer=lambda o: o.update(sealed_at="yesterday")), {}, "malformed-envelope"),
    ("other HPKE suite", lambda w: forge(w, outer=lambda o: o.update(suite="X448")), {}, "malformed-envelope"),
    ("sender differs from kid", lambda w: forge(w, outer=lambda o: o.update(sender="dev-2")), {}, "malformed-envelope"),
    ("id outside alphabet", lambda w: forge(w, outer=lambda o: o.update(submission_id="a b")), {}, "malformed-envelope"),
    ("inner not ASCII", lambda w: _sealed_bad_inner(w, "é".encode()), {}, "malformed-envelope"),
    ("inner not a JWS", lambda w: _sealed_bad_inner(w, b"plain text summary"), {}, "malformed-envelope"),
    ("duplicate keys", lambda w: _jws.sign(b'{"version":"fc-sync/1","version":"fc-sync/1"}', w.device_key, typ="fc-envelope+jws", kid="dev-1").encode(), {}, "malformed-envelope"),
    ("future version", lambda w: forge(w, outer=lambda o: o.update(version="fc-sync/2")), {}, "unsupported-version"),
    ("token from another device", lambda w: w.seal(), {"expected_device_id": "dev-9"}, "sender-mismatch"),
    ("unknown device", lambda w: forge(w, outer_kid="dev-9", outer=lambda o: o.update(sender="dev-9")), {"expected_device_id": None}, "unknown-device"),
    ("outer signed by another key", lambda w: forge(w, outer_signer=w.other_key), {}, "bad-envelope-signature"),
    ("outer payload swapped", lambda w: _swap_payload(w), {}, "bad-envelope-signature"),
    ("sealed to a key not held", lambda w: w.seal(), {"recipient_keys": {}}, "unknown-recipient-key"),
    ("sealed for another submission", lambda w: forge(w, info_context={"submission_id": "sub-2"}), {}, "decryption-failed"),
    ("sealed for another recipient key id", lambda w: forge(w, info_context={"recipient_key_id": "old"}), {}, "decryption-failed"),
    ("sealed ciphertext truncated", lambda w: forge(w, outer=lambda o: o.update(sealed=o["sealed"][:20])), {}, "decryption-failed"),
    ("sealed to another X25519 key", lambda w: _sealed_to_other_key(w), {}, "decryption-failed"),
    ("inner signed by another key", lambda w: _sealed_bad_inner(w, _jws.sign(canonical_json(SUMMARY), w.other_key, typ="fc-summary+jws", kid="dev-1", sid="sub-1", aud="LA-1").encode()), {}, "bad-inner-signature"),
    ("inner for another submission", lambda w: _sealed_bad_inner(w, _inner_for(w, sid="sub-2")), {}, "bad-inner-signature"),
    ("inner for another recipient", lambda w: _sealed_bad_inner(w, _inner_for(w, aud="LA-2")), {}, "bad-inner-signature"),
    ("inner naming another device", lambda w: _sealed_bad_inner(w, _inner_for(w, kid="dev-2")), {}, "bad-inner-signature"),
    ("inner of wrong typ", lambda w: _sealed_bad_inner(w, _jws.sign(canonical_json(SUMMARY), w.device_key, typ="fc-receipt+jws", kid="dev-1").encode()), {}, "bad-inner-signature"),
]


def _swap_payload(world: World) -> bytes:
    header, _, signature = world.seal().decode().split(".")
    _, payload, _ = world.seal(submission_id="sub-2").decode().split(".")
    return f"{header}.{payload}.{signature}".encode()


def _sealed_to_other_key(world: World) -> bytes:
    other = generate_sealing_key()
    return seal_submission(SUMMARY, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
                           recipient="LA-1", recipient_key=other.public_key(),
                           recipient_key_id=world.sealing_kid).envelope


@pytest.mark.parametrize("case, make, overrides, code", FAILURES, ids=[f[0] for f in FAILURES])
def test_every_failure_has_its_problem_code(
    world: World, case: str, make: Callable[[World], bytes], overrides: dict[str, Any], code: str
) -> None:
    with pytest.raises(ProtocolError) as caught:
        world.open(make(world), **overrides)
    assert caught.value.code == code, caught.value.detail


def test_a_hand_forged_but_correct_envelope_opens(world: World) -> None:
    """The forging helper itself makes valid envelopes, so each failure above has one cause."""
    assert world.open(forge(world)).summary == SUMMARY


def _flip(data: bytes, index: int, bit: int) -> bytes:
    flipped = bytearray(data)
    flipped[index] ^= 1 << bit
    return bytes(flipped)


def test_every_bit_flip_in_the_outer_layer_is_caught(world: World) -> None:
    envelope = world.seal()
    for index in range(0, len(envelope), 3):
        for bit in (0, 5):
            with pytest.raises(ProtocolError) as caught:
                world.open(_flip(envelope, index, bit))
            assert caught.value.code in {"malformed-envelope", "bad-envelope-signature", "unknown-device",
                                         "sender-mismatch", "unsupported-version"}


def test_bit_flips_in_the_inner_layer_are_caught_even_inside_a_valid_seal(world: World) -> None:
    inner = sign_summary(SUMMARY, submission_id="sub-1", device_id="dev-1",
                         device_key=world.device_key, recipient="LA-1").encode()
    for index in range(0, len(inner), 5):
        with pytest.raises(ProtocolError) as caught:
            world.open(forge(world, inner=_flip(inner, index, 0)))
        assert caught.value.code in {"malformed-envelope", "bad-inner-signature"}


def test_bit_flips_in_the_ciphertext_fail_decryption(world: World) -> None:
    payload = json.loads(b64url_decode(world.seal().decode().split(".")[1]))
    sealed = b64url_decode(payload["sealed"])
    for index in (0, 31, 32, len(sealed) // 2, len(sealed) - 1):
        tampered = b64url_encode(_flip(sealed, index, 3))

        def replace_sealed(outer: dict[str, Any], value: str = tampered) -> None:
            outer["sealed"] = value

        with pytest.raises(ProtocolError) as caught:
            world.open(forge(world, outer=replace_sealed))
        assert caught.value.code == "decryption-failed"


def test_envelopes_are_never_rejected_for_age(world: World) -> None:
    old = seal_submission(
        SUMMARY, submission_id="sub-1", device_id="dev-1", device_key=world.device_key,
        recipient="LA-1", recipient_key=world.sealing_key.public_key(), recipient_key_id=world.sealing_kid,
        sealed_at=datetime(2019, 1, 1, tzinfo=UTC),
    )
    assert world.open(old.envelope).sealed_at.year == 2019


def test_errors_from_the_key_lookup_are_not_disguised(world: World) -> None:
    def broken(_: str) -> Ed25519PublicKey | None:
        raise ConnectionError("database down")

    with pytest.raises(ConnectionError):
        world.open(world.seal(), device_public_key=broken)


@pytest.mark.parametrize("header, expected", [
    ('"sub-1"', "sub-1"), ("sub-1", "sub-1"), (' "9b1f0c3e-5d2a" ', "9b1f0c3e-5d2a"),
])
def test_idempotency_key_header_round_trip(header: str, expected: str) -> None:
    assert read_idempotency_key(header) == expected
    assert read_idempotency_key(idempotency_key(expected)) == expected


@pytest.mark.parametrize("header, code", [
    (None, "missing-idempotency-key"), ("  ", "missing-idempotency-key"),
    ('"a b"', "idempotency-key-mismatch"), ('"x"y"', "idempotency-key-mismatch"),
])
def test_bad_idempotency_key_headers(header: str | None, code: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        read_idempotency_key(header)
    assert caught.value.code == code


# --- fuzzing: nothing but ProtocolError may escape, for any bytes ---------------------------

def _b64_json(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


@st.composite
def plausible_envelopes(draw: st.DrawFn) -> bytes:
    envelope: bytes = draw(st.sampled_from(_SAMPLES))
    header, payload, signature = envelope.decode().split(".")
    choice = draw(st.integers(0, 5))
    if choice == 0:
        header = _b64_json(draw(st.dictionaries(st.sampled_from(["alg", "typ", "kid", "crit", "jwk", "sid"]), json_values)))
    elif choice == 1:
        payload = _b64_json(draw(json_values))
    elif choice == 2:
        outer = json.loads(b64url_decode(payload))
        outer[draw(st.sampled_from(sorted(outer)))] = draw(json_values)
        return forge(_FUZZ_WORLD, outer=lambda o: o.update(outer))
    elif choice == 3:
        signature = draw(st.text(alphabet="ABCxyz019-_=.", max_size=90))
    elif choice == 4:
        return forge(_FUZZ_WORLD, inner=draw(st.binary(max_size=300)))
    else:
        raw = bytearray(envelope)
        for index in draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=4)):
            raw[index] = draw(st.integers(0, 255))
        return bytes(raw)
    return f"{header}.{payload}.{signature}".encode()


_sealing = generate_sealing_key()
_FUZZ_WORLD = World(generate_signing_key(), generate_signing_key(), _sealing, key_id(_sealing.public_key()))
_SAMPLES = [_FUZZ_WORLD.seal(), forge(_FUZZ_WORLD)]


def _open_must_only_raise_protocol_error(data: bytes) -> None:
    try:
        _FUZZ_WORLD.open(data)
    except ProtocolError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_fuzz_random_bytes_raise_only_protocol_error(data: bytes) -> None:
    _open_must_only_raise_protocol_error(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plausible_envelopes())
def test_fuzz_plausible_mutations_raise_only_protocol_error(data: bytes) -> None:
    _open_must_only_raise_protocol_error(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_SAMPLES), st.data())
def test_fuzz_bit_flips_never_open(envelope: bytes, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(envelope) - 1))
    bit = data.draw(st.integers(0, 7))
    with pytest.raises(ProtocolError):
        _FUZZ_WORLD.open(_flip(envelope, index, bit))


def test_unknown_recipient_key_tells_the_client_which_key_is_current(world: World) -> None:
    with pytest.raises(ProtocolError) as caught:
        world.open(world.seal(), recipient_keys={}, current_recipient_key_id="kid-2027")
    assert caught.value.problem.to_dict()["current_recipient_key_id"] == "kid-2027"
    assert caught.value.problem.client_action.value == "reseal"


def test_reseal_refuses_a_damaged_or_foreign_inner_jws(world: World) -> None:
    inner = sign_summary(SUMMARY, submission_id="sub-1", device_id="dev-1",
                         device_key=world.device_key, recipient="LA-1")
    args: dict[str, Any] = {"submission_id": "sub-1", "device_id": "dev-1", "recipient": "LA-1",
                            "recipient_key": world.sealing_key.public_key(), "recipient_key_id": world.sealing_kid}
    header, payload, signature = inner.split(".")
    damaged = f"{header}.{payload[:-2]}AA.{signature}"
    for stored, key, code in ((damaged, world.device_key, "bad-inner-signature"),
                              (inner, world.other_key, "bad-inner-signature"),
                              ("not a jws", world.device_key, "malformed-envelope")):
        with pytest.raises(ProtocolError) as caught:
            reseal(stored, device_key=key, **args)
        assert caught.value.code == code
