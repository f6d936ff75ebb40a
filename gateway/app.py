"""The Starlette application: routes, the instance's limits, and the engine's lifetime.

HTTP plumbing only: the device endpoints are plain ASGI apps in `device_http.py` (body limits,
back-pressure, RFC 9457 problems, the token audience), what each call means is in
`protocol.py`, the staff pages are in `inbox.py`. Database and crypto work runs in a few worker
threads so the event loop keeps accepting.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from fcsync.configuration import WELL_KNOWN_PATH
from fcsync.enrolment import MAX_ENROLMENT_BYTES
from fcsync.problems import Problem
from gateway import protocol
from gateway.config import ServeOptions, read_settings
from gateway.db_calls import DatabaseCalls
from gateway.device_http import (
    DeviceContext,
    DeviceEndpoint,
    plain,
    problem_parts,
    with_path_parameter,
    with_query_value,
)
from gateway.inbox import inbox_routes
from gateway.keys import load_keys
from gateway.limits import InFlight, RateLimiter
from gateway.protocol import Gateway
from gateway.storage import Store, open_engine

log = logging.getLogger("gateway")


def problem_response(problem: Problem, retry_after: int | None = None) -> Response:
    status, headers, body = problem_parts(problem, retry_after)
    response = Response(body, status)
    response.raw_headers = headers
    return response


def create_app(options: ServeOptions) -> Starlette:
    settings = read_settings(options.home)
    keys = load_keys(options.home)
    engine = open_engine(options.db_url)
    # A few threads for database calls, not anyio's default 40 (see db_calls.py).
    db = DatabaseCalls.for_dialect(engine.dialect.name, workers=options.worker_threads)
    gateway = Gateway(settings, keys, Store(engine, keys, settings.organisation.code),
                      RateLimiter(options.device_rate_per_minute), RateLimiter(options.enrolments_per_minute), db)
    devices = DeviceContext(gateway, options.public_url, options.retry_after_seconds, InFlight(options.max_in_flight))

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

    async def root(request: Request) -> Response:
        return RedirectResponse("inbox", 303)

    routes: list[BaseRoute] = [
        Route("/", root, methods=["GET"]),
        Route("/" + WELL_KNOWN_PATH, configuration, methods=["GET"]),
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/enrolments", DeviceEndpoint(devices, plain(protocol.enrol), MAX_ENROLMENT_BYTES), methods=["POST"]),
        Route("/v1/submissions", DeviceEndpoint(devices, plain(protocol.submit), settings.max_body_bytes),
              methods=["POST"]),
        Route("/v1/submissions/{submission_id}",
              DeviceEndpoint(devices, with_path_parameter(protocol.submission_receipt, "submission_id"), 0),
              methods=["GET"]),
        Route("/v1/outcomes", DeviceEndpoint(devices, with_query_value(protocol.outcomes, "after", "since"), 0),
              methods=["GET"]),
        *inbox_routes(gateway),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.gateway = gateway
    return app

