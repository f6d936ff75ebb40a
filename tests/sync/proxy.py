"""A fault-injecting HTTPS proxy between the app and a real gateway, for the sync tests.

It terminates TLS on 127.0.0.1 with a trustme certificate (the same CA the app pinned at
enrolment), forwards each request to the gateway with httpx, and on the way can: answer 500
before or after the gateway committed, drop the connection before or after the gateway
committed (the app never sees the receipt), hang past the app's timeout, answer 200 with a
captive portal's page, or hand back a receipt whose signature no longer verifies. `refuse()`
closes the listening socket for a moment (connection refused), and `upstream` can be pointed at
a restarted gateway. Only clean answers keep the connection alive; every fault closes it, so the
app keeps opening new connections and a refusal window really refuses some of them. Counts of
each fault applied are kept for the assertions.
"""

from __future__ import annotations

import enum
import json
import random
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class Fault(enum.Enum):
    PASS = "pass"
    ERROR_BEFORE = "500 before the gateway saw it"
    ERROR_AFTER = "500 after the gateway committed"
    DROP_BEFORE = "connection dropped before forwarding"
    DROP_AFTER = "connection dropped after the gateway committed"
    HANG_BEFORE = "timeout before forwarding"
    HANG_AFTER = "timeout after the gateway committed"
    PORTAL = "200 with a captive portal page"
    BAD_RECEIPT = "receipt with a signature that does not verify"
    RATE_LIMITED = "429 rate-limited with Retry-After"


PORTAL_PAGE = b"<html><body><h1>Welcome to CafeWiFi</h1><a href='/login'>Sign in</a></body></html>"
_FORWARDED = ("authorization", "idempotency-key", "content-type", "accept")


def tamper_signature(receipt: bytes) -> bytes:
    """The same receipt with one signature character changed (still canonical base64url)."""
    header, payload, signature = receipt.split(b".")
    middle = len(signature) // 2
    flipped = b"A" if signature[middle:middle + 1] != b"A" else b"B"
    return b".".join((header, payload, signature[:middle] + flipped + signature[middle + 1:]))


class FaultProxy:
    def __init__(self, cert_file: str, key_file: str, upstream_context: ssl.SSLContext,
                 *, hang_seconds: float = 1.5) -> None:
        self.upstream = ""  # the gateway's base URL, set (and changed on restart) by the test
        self.plan: Callable[[str, str], Fault] = lambda method, path: Fault.PASS
        self.applied: Counter[Fault] = Counter()
        self.log: list[tuple[float, str, str, Fault]] = []  # (monotonic time, method, path, fault)
        self.retry_after = 1
        self.refusals = 0
        self.hang_seconds = hang_seconds
        self._lock = threading.Lock()
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(cert_file, key_file)
        self._client = httpx.Client(verify=upstream_context, timeout=30,
                                    limits=httpx.Limits(max_connections=32))
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.start()

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}/"

    def start(self) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                pass

            def do_GET(self) -> None:
                proxy.handle(self, b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                proxy.handle(self, self.rfile.read(length))

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler, bind_and_activate=False)
        server.daemon_threads = True
        server.allow_reuse_address = True
        server.server_bind()
        server.server_activate()
        server.socket = self._context.wrap_socket(server.socket, server_side=True)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def refuse(self, seconds: float) -> None:
        """Close the listening socket for a while: new connections are refused."""
        with self._lock:
            self.refusals += 1
        self.stop()
        time.sleep(seconds)
        self.start()

    def close(self) -> None:
        self.stop()
        self._client.close()

    def _count(self, handler: BaseHTTPRequestHandler, fault: Fault) -> None:
        with self._lock:
            self.applied[fault] += 1
            self.log.append((time.monotonic(), handler.command, handler.path, fault))

    def submissions(self) -> list[tuple[float, Fault]]:
        with self._lock:
            return [(t, f) for t, m, p, f in self.log if m == "POST" and p.endswith("/v1/submissions")]

    def _forward(self, handler: BaseHTTPRequestHandler, body: bytes) -> httpx.Response | None:
        headers = {k: v for k, v in handler.headers.items() if k.lower() in _FORWARDED}
        try:
            return self._client.request(handler.command, self.upstream.rstrip("/") + handler.path,
                                        headers=headers, content=body)
        except httpx.HTTPError:
            return None  # the gateway is down (restarting)

    @staticmethod
    def _answer(handler: BaseHTTPRequestHandler, status: int, body: bytes, media_type: str,
                extra: dict[str, str] | None = None, *, keep_alive: bool = False) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", media_type)
        handler.send_header("Content-Length", str(len(body)))
        if not keep_alive:
            handler.send_header("Connection", "close")
        for name, value in (extra or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
        handler.close_connection = not keep_alive

    def _drop(self, handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        try:
            handler.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def handle(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        fault = self.plan(handler.command, handler.path)
        self._count(handler, fault)
        if fault == Fault.DROP_BEFORE:
            return self._drop(handler)
        if fault == Fault.HANG_BEFORE:
            time.sleep(self.hang_seconds)
            return self._drop(handler)
        if fault == Fault.ERROR_BEFORE:
            return self._answer(handler, 500, b"<h1>Internal Server Error</h1>", "text/html")
        if fault == Fault.PORTAL:
            return self._answer(handler, 200, PORTAL_PAGE, "text/html")
        if fault == Fault.RATE_LIMITED:
            problem = json.dumps({"type": "urn:fc-sync:problem:rate-limited", "title": "Too many requests",
                                  "status": 429, "retry_after": self.retry_after}).encode()
            return self._answer(handler, 429, problem, "application/problem+json",
                                {"Retry-After": str(self.retry_after)})
        response = self._forward(handler, body)
        if response is None:
            return self._answer(handler, 502, b"<h1>Bad Gateway</h1>", "text/html")
        if fault == Fault.DROP_AFTER:
            return self._drop(handler)
        if fault == Fault.HANG_AFTER:
            time.sleep(self.hang_seconds)
            return self._drop(handler)
        if fault == Fault.ERROR_AFTER:
            return self._answer(handler, 500, b"<h1>Internal Server Error</h1>", "text/html")
        content = response.content
        if fault == Fault.BAD_RECEIPT and response.status_code in (200, 201):
            content = tamper_signature(content)
        extra = {k: v for k, v in response.headers.items() if k.lower() in ("retry-after", "location")}
        return self._answer(handler, response.status_code, content,
                            response.headers.get("content-type", "application/octet-stream"), extra,
                            keep_alive=fault == Fault.PASS)


def first_then(faults: list[Fault], then: Fault = Fault.PASS) -> Callable[[str, str], Fault]:
    """The given faults for the first submission requests, then `then` for every later one."""
    queue = list(faults)
    lock = threading.Lock()

    def plan(method: str, path: str) -> Fault:
        if method != "POST" or not path.endswith("/v1/submissions"):
            return Fault.PASS
        with lock:
            return queue.pop(0) if queue else then

    return plan


def always(fault: Fault) -> Callable[[str, str], Fault]:
    return first_then([], fault)


def slow(plan: Callable[[str, str], Fault], seconds: float) -> Callable[[str, str], Fault]:
    """`plan`, with every request held `seconds` first (a real network's pace)."""
    def slowed(method: str, path: str) -> Fault:
        time.sleep(seconds)
        return plan(method, path)

    return slowed


def random_plan(seed: int, weights: dict[Fault, int]) -> Callable[[str, str], Fault]:
    """Faults for submissions drawn at random (reproducibly); every other request passes."""
    rng = random.Random(seed)
    lock = threading.Lock()
    faults, cumulative = list(weights), list(weights.values())

    def plan(method: str, path: str) -> Fault:
        if method != "POST" or not path.endswith("/v1/submissions"):
            return Fault.PASS
        with lock:
            return rng.choices(faults, cumulative)[0]

    return plan
