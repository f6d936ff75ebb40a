"""The device endpoints' HTTP plumbing on raw ASGI (gateway/device_http.py): the body limit, a
client that goes away, and the token audience read exactly as Starlette's Request read it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.requests import Request

from fcsync.problems import Problem, ProtocolError
from gateway.device_http import ClientGone, device_url, problem_parts, read_body


def _receive(messages: list[dict[str, Any]]) -> Any:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        if not queue:
            raise AssertionError("read past the last message")
        return queue.pop(0)
    return receive


def _chunks(*parts: bytes) -> list[dict[str, Any]]:
    return [{"type": "http.request", "body": part, "more_body": index < len(parts) - 1}
            for index, part in enumerate(parts)]


BODIES: list[tuple[str, list[tuple[bytes, bytes]], list[dict[str, Any]], bytes | str]] = [
    ("one chunk", [], _chunks(b"abc"), b"abc"),
    ("several chunks", [], _chunks(b"ab", b"", b"cd"), b"abcd"),
    ("exactly the limit", [(b"content-length", b"10")], _chunks(b"0123456789"), b"0123456789"),
    ("declared too large: refused before reading", [(b"content-length", b"11")], [], "too-large"),
    ("streamed past the limit without a length", [], _chunks(b"012345", b"6789", b"X", b"never read"), "too-large"),
    ("client gone", [], [{"type": "http.disconnect"}], "gone"),
]


@pytest.mark.parametrize(("name", "headers", "messages", "expected"), BODIES, ids=[row[0] for row in BODIES])
def test_read_body_keeps_to_the_limit(name: str, headers: list[tuple[bytes, bytes]],
                                      messages: list[dict[str, Any]], expected: bytes | str) -> None:
    scope = {"type": "http", "headers": headers}
    try:
        outcome: bytes | str = asyncio.run(read_body(scope, _receive(messages), 10))
    except ProtocolError as exc:
        outcome = exc.code
    except ClientGone:
        outcome = "gone"
    assert outcome == expected


def _scope(**overrides: Any) -> dict[str, Any]:
    scope: dict[str, Any] = {
        "type": "http", "method": "POST", "scheme": "https", "server": ("127.0.0.1", 8443),
        "path": "/v1/submissions", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"gw.example:8443"), (b"content-type", b"application/fc-envelope+jws")],
    }
    scope.update(overrides)
    return scope


SCOPES = [
    ("Host header with port", _scope()),
    ("Host on the default port", _scope(headers=[(b"host", b"gw.example")])),
    ("no Host: the server address", _scope(headers=[])),
    ("no Host, default port", _scope(headers=[], server=("10.0.0.5", 443))),
    ("IPv6 server", _scope(headers=[], server=("::1", 8443))),
    ("query dropped", _scope(query_string=b"after=7&since=3")),
    ("plain http behind a proxy", _scope(scheme="http", headers=[(b"host", b"127.0.0.1:8080")])),
    ("root path kept", _scope(path="/gateway/v1/outcomes", root_path="/gateway")),
    ("odd characters in the path", _scope(path="/v1/submissions/a?b#c")),
    ("a Host header with a bad port falls back to the server", _scope(headers=[(b"host", b"gw.example:x")])),
]


@pytest.mark.parametrize(("name", "scope"), SCOPES, ids=[row[0] for row in SCOPES])
def test_the_audience_is_what_starlettes_request_said(name: str, scope: dict[str, Any]) -> None:
    """The previous implementation read `request.url` without query; the raw path must agree."""
    assert device_url(scope, None) == str(Request(scope).url.replace(query="", fragment=""))


@pytest.mark.parametrize(("root_path", "path", "expected"), [
    ("", "/v1/submissions", "https://fc.council.example/gateway/v1/submissions"),
    ("/prefix", "/prefix/v1/submissions", "https://fc.council.example/gateway/v1/submissions"),
])
def test_public_url_replaces_scheme_host_and_root_path(root_path: str, path: str, expected: str) -> None:
    scope = _scope(root_path=root_path, path=path)
    assert device_url(scope, "https://fc.council.example/gateway/") == expected


@pytest.mark.parametrize(("problem", "status", "headers"), [
    (Problem("rate-limited", "slow down", {"retry_after": 7}), 429, {b"retry-after": b"7"}),
    (Problem("unavailable", "busy"), 503, {b"retry-after": b"5"}),
    (Problem("bad-request-token", "no"), 401, {b"www-authenticate": b"FC-Device"}),
    (Problem("too-large", "big"), 413, {b"connection": b"close"}),
])
def test_problem_answers_carry_their_headers(problem: Problem, status: int, headers: dict[bytes, bytes]) -> None:
    got_status, raw, body = problem_parts(problem, retry_after=5)
    sent = dict(raw)
    assert got_status == status
    assert headers.items() <= sent.items()
    assert sent[b"content-type"] == b"application/problem+json"
    assert sent[b"content-length"] == str(len(body)).encode()
