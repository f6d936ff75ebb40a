"""The Starlette application: routes, body limits, back-pressure and RFC 9457 problem answers.

HTTP plumbing only; what each device call means lives in `protocol.py`, the staff pages in
`inbox.py`. Database and crypto work runs in the thread pool so the event loop keeps accepting.
The token audience is the URL the device used: scheme and Host of the request as uvicorn sees
them (behind a trusted proxy uvicorn applies X-Forwarded-Proto), or `--public-url` when given.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import partial

import anyio
import anyio.to_thread
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from fcsync.configuration import WELL_KNOWN_PATH
from fcsync.enrolment import MAX_ENROLMENT_BYTES
from fcsync.problems import PROBLEM_MEDIA_TYPE, Problem, ProtocolError
from gateway import protocol
from gateway.config import ServeOptions, read_settings
from gateway.inbox import inbox_routes
from gateway.keys import load_keys
from gateway.limits import InFlight, RateLimiter
from gateway.protocol import Answer, DeviceRequest, Gateway
from gateway.storage import Store, open_engine

log = logging.getLogger("gateway")
Operation = Callable[[Gateway, DeviceRequest], Answer]


def problem_response(problem: Problem, retry_after: int | None = None) -> Response:
    headers: dict[str, str] = {}
    if problem.status in (429, 503):
        seconds = problem.extensions.get("retry_after", retry_after or 5)
        headers["Retry-After"] = str(seconds)
        problem = Problem(problem.code, problem.detail, {**problem.extensions, "retry_after": seconds})
    if problem.status == 401:
        headers["WWW-Authenticate"] = "FC-Device"
    if problem.status == 413:
        headers["Connection"] = "close"  # the rest of an oversized body is not read
    return Response(json.dumps(problem.to_dict()), problem.status, headers, PROBLEM_MEDIA_TYPE)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing (413) as soon as it is known to exceed `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ProtocolError("too-large", f"the body exceeds {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError("too-large", f"the body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def device_url(request: Request, public_url: str | None) -> str:
    """The URL the device used for this request, without query (the token's `aud`)."""
    path = request.scope.get("path", "/")
    if public_url:
        root = request.scope.get("root_path", "")
        tail = path[len(root):] if root and path.startswith(root) else path
        return public_url.rstrip("/") + tail
    return str(request.url.replace(query="", fragment=""))


def create_app(options: ServeOptions) -> Starlette:
    settings = read_settings(options.home)
    keys = load_keys(options.home)
    engine = open_engine(options.db_url)
    gateway = Gateway(settings, keys, Store(engine, keys, settings.organisation.code),
                      RateLimiter(options.device_rate_per_minute), RateLimiter(options.enrolments_per_minute))
    in_flight = InFlight(options.max_in_flight)
    # A few worker threads, not anyio's default 40: the work is mostly CPU under one GIL, and
    # more threads only make the event loop wait longer for it (measured in bench/bench_gateway.py).
    workers = anyio.CapacityLimiter(options.worker_threads)

    def device_endpoint(operation: Operation, body_limit: int) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            if not in_flight.try_enter():
                return problem_response(Problem("unavailable", "the gateway is busy"), options.retry_after_seconds)
            try:
                body = await read_body(request, body_limit)
                device_request = DeviceRequest(
                    method=request.method, url=device_url(request, options.public_url),
                    headers={k.lower(): v for k, v in request.headers.items()}, body=body,
                    client=request.client.host if request.client else "",
                )
                answer = await anyio.to_thread.run_sync(operation, gateway, device_request, limiter=workers)
                return Response(answer.body, answer.status, dict(answer.headers), answer.media_type)
            except ProtocolError as exc:
                log.info("%s %s -> %s", request.method, request.url.path, exc.code)
                return problem_response(exc.problem, options.retry_after_seconds)
            except OperationalError as exc:
                log.warning("database unavailable: %s", type(exc.orig).__name__)
                return problem_response(Problem("unavailable", "the database is unavailable"),
                                        options.retry_after_seconds)
            except Exception as exc:  # noqa: BLE001 - never a traceback (or personal data) to the device
                log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
                return problem_response(Problem("internal-error"))
            finally:
                in_flight.leave()

        return endpoint

    async def configuration(request: Request) -> Response:
        answer = protocol.configuration(gateway)
        return Response(answer.body, answer.status, dict(answer.headers), answer.media_type)

    async def health(request: Request) -> Response:
        def ping() -> None:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        try:
            await run_in_threadpool(ping)
        except OperationalError:
            return problem_response(Problem("unavailable", "the database is unavailable"), options.retry_after_seconds)
        return Response(b'{"status":"ok"}', 200, media_type=protocol.JSON)

    async def submission_receipt(request: Request) -> Response:
        operation = partial(_with_id, protocol.submission_receipt, request.path_params["submission_id"])
        return await device_endpoint(operation, 0)(request)

    async def outcomes(request: Request) -> Response:
        cursor = request.query_params.get("after") or request.query_params.get("since")
        operation = partial(_with_id, protocol.outcomes, cursor)
        return await device_endpoint(operation, 0)(request)

    async def root(request: Request) -> Response:
        return RedirectResponse("inbox", 303)

    routes: list[BaseRoute] = [
        Route("/", root, methods=["GET"]),
        Route("/" + WELL_KNOWN_PATH, configuration, methods=["GET"]),
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/enrolments", device_endpoint(protocol.enrol, MAX_ENROLMENT_BYTES), methods=["POST"]),
        Route("/v1/submissions", device_endpoint(protocol.submit, settings.max_body_bytes), methods=["POST"]),
        Route("/v1/submissions/{submission_id}", submission_receipt, methods=["GET"]),
        Route("/v1/outcomes", outcomes, methods=["GET"]),
        *inbox_routes(gateway),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.gateway = gateway
    return app


def _with_id(
    operation: Callable[[Gateway, DeviceRequest, str], Answer], value: str | None,
    gateway: Gateway, request: DeviceRequest,
) -> Answer:
    return operation(gateway, request, value or "")
