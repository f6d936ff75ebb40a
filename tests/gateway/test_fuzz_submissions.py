"""Property tests over `POST /v1/submissions` on a live gateway: random bodies and mutations of
a valid envelope, each with a valid fresh request token (so they reach the envelope parser).
Never a 5xx, never a stored row from an invalid envelope."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcsync.envelope import SealedSubmission
from gateway.config import ServeOptions, default_db_url
from tests.gateway.conftest import TLS, RunningGateway, init_home, start_gateway
from tests.gateway.device import SimulatedDevice
from tests.gateway.test_submissions import problem_code

ENVELOPE_FAILURES = {400, 413, 415, 422}


@pytest.fixture(scope="module")
def fuzz_target(tls: TLS, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningGateway, SimulatedDevice, SealedSubmission]]:
    home = init_home(tmp_path_factory.mktemp("fuzz") / "gw")
    running, stop = start_gateway(ServeOptions(home=home, db_url=default_db_url(home),
                                               device_rate_per_minute=1_000_000), tls)
    with running.client() as client:
        device = running.new_device(client)
        yield running, device, device.seal()
    stop()


def _post_and_check(target: tuple[RunningGateway, SimulatedDevice, SealedSubmission], body: bytes,
                    submission_id: str) -> httpx.Response:
    running, device, _ = target
    response = device.submit(body, submission_id)
    assert response.status_code in ENVELOPE_FAILURES, (response.status_code, response.text)
    problem_code(response)  # always a well-formed problem+json
    assert running.stored_rows() == 0
    return response


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=2048))
def test_random_bodies_are_refused_cleanly(fuzz_target: tuple[RunningGateway, SimulatedDevice, SealedSubmission],
                                           body: bytes) -> None:
    _post_and_check(fuzz_target, body, fuzz_target[2].submission_id)


Mutation = Callable[[bytes], bytes]


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "swap-parts"]))
    position = draw(st.floats(min_value=0, max_value=0.999))
    value = draw(st.integers(min_value=0, max_value=255))

    def mutate(envelope: bytes) -> bytes:
        index = int(position * len(envelope))
        if kind == "flip":
            changed = envelope[index] ^ (value or 1)
            return envelope[:index] + bytes([changed]) + envelope[index + 1:]
        if kind == "truncate":
            return envelope[:index]
        if kind == "insert":
            return envelope[:index] + bytes([value]) + envelope[index:]
        if kind == "delete":
            return envelope[:index] + envelope[index + 1:]
        header, payload, signature = envelope.split(b".")
        return b".".join([payload, header, signature])

    return mutate


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutate=mutations())
def test_mutated_envelopes_are_refused_cleanly(
    fuzz_target: tuple[RunningGateway, SimulatedDevice, SealedSubmission], mutate: Mutation
) -> None:
    sealed = fuzz_target[2]
    _post_and_check(fuzz_target, mutate(sealed.envelope), sealed.submission_id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inner=st.binary(max_size=512) | st.text(max_size=512).map(str.encode))
def test_well_sealed_envelopes_around_junk_are_refused_cleanly(
    fuzz_target: tuple[RunningGateway, SimulatedDevice, SealedSubmission], inner: bytes
) -> None:
    """Past the outer signature and the seal: the inner JWS parser sees arbitrary bytes."""
    device, sealed = fuzz_target[1], fuzz_target[2]
    response = _post_and_check(fuzz_target, device.seal_raw_inner(inner, sealed.submission_id), sealed.submission_id)
    assert response.status_code == 422


def test_the_unmutated_envelope_is_accepted_afterwards(
    fuzz_target: tuple[RunningGateway, SimulatedDevice, SealedSubmission]
) -> None:
    """The control: the fuzzers were refusing damage, not everything."""
    running, device, sealed = fuzz_target
    assert device.submit(sealed.envelope, sealed.submission_id).status_code == 201
    assert running.stored_rows() == 1
