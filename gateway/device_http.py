"""The device-facing endpoints as plain ASGI apps: body limit, back-pressure, problem answers.

Starlette still routes every request (`app.py`), but a device call is answered here straight on
the ASGI scope, without building Starlette's Request and Response objects: at the bench's rate
that machinery cost about a tenth of the gateway's CPU (bench/bench_gateway.py). What a call
means lives in `protocol.py`; this module only turns HTTP into a `DeviceRequest`, awaits the
operation (it runs on the event loop; its database calls leave it, see `db_calls.py`) and turns
its `Answer` or `ProtocolError` back into HTTP.

The URL handed to the operation (the request token's `aud`) is Starlette's own reading of the
scope: scheme and Host as uvicorn saw them (behind a trusted proxy, X-Forwarded-Proto applied),
the path with any root path, no query; or `--public-url` plus the path below the root path.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from sqlalchemy.exc import OperationalError
from starlette.datastructures import URL, QueryParams
from starlette.types import Receive, Scope, Send

from fcsync.problems import PROBLEM_MEDIA_TYPE, Problem, ProtocolError
from gateway.limits import InFlight
from gateway.protocol import Answer, DeviceRequest, Gateway

log = logging.getLogger("gateway")
RawHeaders = list[tuple[bytes, bytes]]
# An operation of protocol.py with what the route adds (a path parameter, a query value).
Call = Callable[[Gateway, DeviceRequest, Scope], Awaitable[Answer]]


class ClientGone(Exception):
    """The client disconnected before its request body arrived; nobody is left to answer."""


def problem_parts(problem: Problem, retry_after: int | None = None) -> tuple[int, RawHeaders, bytes]:
    """Status, headers and body of an RFC 9457 answer (Retry-After on 429/503, WWW-Authenticate on 401)."""
    headers: dict[str, str] = {}
    if problem.status in (429, 503):
        seconds = problem.extensions.get("retry_after", retry_after or 5)
        headers["Retry-After"] = str(seconds)
        problem = Problem(problem.code, problem.detail, {**problem.extensions, "retry_after": seconds})
    if problem.status == 401:
        headers["WWW-Authenticate"] = "FC-Device"
    if problem.status == 413:
        headers["Connection"] = "close"  # the rest of an oversized body is not read
    body = json.dumps(problem.to_dict()).encode("utf-8")
    return problem.status, raw_headers(headers, PROBLEM_MEDIA_TYPE, len(body)), body


def raw_headers(headers: Mapping[str, str], media_type: str, length: int) -> RawHeaders:
    """The headers Starlette's Response would send for these (no charset: media types are application/*)."""
    raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
    return [*raw, (b"content-length", str(length).encode("latin-1")), (b"content-type", media_type.encode("latin-1"))]


async def read_body(scope: Scope, receive: Receive, limit: int) -> bytes:
    """The body, refusing (413) as soon as it is known to exceed `limit`."""
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit() and int(value) > limit:
            raise ProtocolError("too-large", f"the body exceeds {limit} bytes")
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise ProtocolError("too-large", f"the body exceeds {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def device_url(scope: Scope, public_url: str | None) -> str:
    """The URL the device used for this request, without query (the token's `aud`)."""
    path = scope.get("path", "/")
    if public_url:
        root = scope.get("root_path", "")
        tail = path[len(root):] if root and path.startswith(root) else path
        return public_url.rstrip("/") + tail
    return str(URL(scope={**scope, "query_string": b""}))


@dataclass(frozen=True)
class DeviceContext:
    """What every device endpoint of one app shares."""

    gateway: Gateway
    public_url: str | None
    retry_after_seconds: int
    in_flight: InFlight


class DeviceEndpoint:
    """One device endpoint: an ASGI app that Starlette's router calls directly."""

    def __init__(self, context: DeviceContext, call: Call, body_limit: int) -> None:
        self._context = context
        self._call = call
        self._body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        context = self._context
        if not context.in_flight.try_enter():
            answer = problem_parts(Problem("unavailable", "the gateway is busy"), context.retry_after_seconds)
        else:
            try:
                answer = await self._answer(scope, receive)
            except ClientGone:
                return
            finally:
                context.in_flight.leave()
        status, headers, body = answer
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _answer(self, scope: Scope, receive: Receive) -> tuple[int, RawHeaders, bytes]:
        context = self._context
        try:
            body = await read_body(scope, receive, self._body_limit)
            client = scope.get("client")
            request = DeviceRequest(
                method=scope["method"], url=device_url(scope, context.public_url),
                headers={name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]},
                body=body, client=client[0] if client else "",
            )
            answer = await self._call(context.gateway, request, scope)
            return answer.status, raw_headers(answer.headers, answer.media_type, len(answer.body)), answer.body
        except ProtocolError as exc:
            log.info("%s %s -> %s", scope["method"], scope.get("path"), exc.code)
            return problem_parts(exc.problem, context.retry_after_seconds)
        except OperationalError as exc:
            log.warning("database unavailable: %s", type(exc.orig).__name__)
            return problem_parts(Problem("unavailable", "the database is unavailable"), context.retry_after_seconds)
        except ClientGone:
            raise
        except Exception as exc:  # noqa: BLE001 - never a traceback (or personal data) to the device
            log.error("unexpected %s on %s %s", type(exc).__name__, scope["method"], scope.get("path"))
            return problem_parts(Problem("internal-error"))


def plain(operation: Callable[[Gateway, DeviceRequest], Awaitable[Answer]]) -> Call:
    """An operation that needs nothing from the route."""
    def call(gateway: Gateway, request: DeviceRequest, scope: Scope) -> Awaitable[Answer]:
        return operation(gateway, request)
    return call


def with_path_parameter(operation: Callable[[Gateway, DeviceRequest, str], Awaitable[Answer]], name: str) -> Call:
    def call(gateway: Gateway, request: DeviceRequest, scope: Scope) -> Awaitable[Answer]:
        return operation(gateway, request, str(scope.get("path_params", {}).get(name, "")))
    return call


def with_query_value(operation: Callable[[Gateway, DeviceRequest, str], Awaitable[Answer]], *names: str) -> Call:
    """The first of `names` given in the query string (for `?after=` and its older name `?since=`)."""
    def call(gateway: Gateway, request: DeviceRequest, scope: Scope) -> Awaitable[Answer]:
        query = QueryParams(scope.get("query_string", b""))
        return operation(gateway, request, next((str(query[n]) for n in names if query.get(n)), ""))
    return call
