"""The gateway on a real PostgreSQL server (started by the tests): idempotency, the unique
constraint under concurrency, and two gateway instances sharing one database."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fcsync.tokens import authorization_header, make_request_token
from tests.gateway.conftest import RunningGateway
from tests.gateway.test_submissions import problem_code


def test_submit_resend_conflict_and_revoke_on_postgresql(
    serve: Callable[..., RunningGateway], gateway_home: Path, pg_url: str
) -> None:
    running = serve(gateway_home, db_url=pg_url)
    assert running.gateway.store.engine.dialect.name == "postgresql"
    with running.client() as client:
        device = running.new_device(client)
        sealed = device.seal()
        first = device.submit(sealed.envelope, sealed.submission_id)
        assert first.status_code == 201
        again = device.submit(sealed.envelope, sealed.submission_id)
        assert (again.status_code, again.text) == (200, first.text)
        other = device.seal(submission_id=sealed.submission_id, summary={"resourceType": "Bundle"})
        conflict = device.submit(other.envelope, sealed.submission_id)
        assert (conflict.status_code, problem_code(conflict)) == (422, "submission-conflict")
        assert running.cli("revoke", device.device_id) == 0
        revoked = device.submit(device.seal().envelope, "x-1")
        assert revoked.status_code == 403
    assert running.stored_rows() == 1


def test_one_hundred_concurrent_duplicates_over_two_instances_store_one_row(
    serve: Callable[..., RunningGateway], gateway_home: Path, pg_url: str
) -> None:
    """Two instances behind an imaginary load balancer, one database: the constraint decides."""
    first, second = serve(gateway_home, db_url=pg_url), serve(gateway_home, db_url=pg_url)
    with first.client() as client:
        device = first.new_device(client)
    sealed = device.seal()

    def post(index: int) -> tuple[int, str]:
        target = (first, second)[index % 2]
        url = target.base_url + "v1/submissions"
        token = make_request_token(device.key, device.device_id, method="POST", url=url, body=sealed.envelope)
        with target.client() as http:
            response = http.post(url, content=sealed.envelope, headers={
                "Authorization": authorization_header(token), "Idempotency-Key": f'"{sealed.submission_id}"',
                "Content-Type": "application/fc-envelope+jws"})
        return response.status_code, response.text

    with ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(post, range(100)))
    assert sorted(status for status, _ in results) == [200] * 99 + [201]
    assert len({text for _, text in results}) == 1
    assert first.stored_rows() == 1
