"""HTTPS to the gateway: one keep-alive connection pool, the CA pinned at enrolment, small answers.

Owns the HTTP details only (httpx): TLS trust (the CA copied into the profile at enrolment, else
the system's), timeouts, a cap on how much of an answer is read (a captive portal may stream a
page forever) and turning every network-level failure into `TransportFailure` with a plain
reason. What an answer *means* is `verdicts.py`'s business. Thread-safe: the sync engine's
sending threads share one transport.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from types import TracebackType

import httpx

from fcsync.configuration import resolve_endpoint
from fcsync.envelope import ENVELOPE_MEDIA_TYPE, IDEMPOTENCY_HEADER, idempotency_key
from fcsync.tokens import authorization_header

MAX_ANSWER_BYTES = 1024 * 1024  # receipts, problems, outcome pages: far smaller than this


class TransportFailure(Exception):
    """No usable HTTP answer: refused, timed out, TLS failed, connection dropped mid-answer."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def tls_context(ca_pem: str | None) -> ssl.SSLContext:
    """Trust exactly the given CA when the administrator supplied one, else the system store."""
    if ca_pem:
        return ssl.create_default_context(cadata=ca_pem)
    return ssl.create_default_context()


def _reason(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return "the gateway did not answer the connection in time"
    if isinstance(error, httpx.TimeoutException):
        return "the gateway took too long to answer"
    if isinstance(error, httpx.ConnectError):
        text = str(error).lower()
        if "certificate" in text or "ssl" in text:
            return "the gateway's certificate is not trusted (check the CA given at enrolment)"
        return "could not connect to the gateway"
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return "the connection to the gateway broke before its answer arrived"
    return f"network error ({type(error).__name__})"


class GatewayTransport:
    """HTTP calls to one gateway base URL (the one enrolled with)."""

    def __init__(self, base_url: str, ca_pem: str | None, *, timeout: float = 30.0,
                 connections: int = 8) -> None:
        self.base_url = base_url
        self._client = httpx.Client(
            verify=tls_context(ca_pem),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            follow_redirects=False,  # a redirect is a portal or a misconfiguration, never the gateway
            trust_env=False,  # no proxy from the environment: the pinned CA would not match it anyway
        )

    def url(self, relative: str) -> str:
        return resolve_endpoint(self.base_url, relative)

    def _send(self, request: httpx.Request) -> HttpAnswer:
        try:
            response = self._client.send(request, stream=True)
            try:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise TransportFailure("the answer was far larger than any gateway answer")
                    chunks.append(chunk)
            finally:
                response.close()
            headers = {k.lower(): v for k, v in response.headers.items()}
            return HttpAnswer(response.status_code, headers, b"".join(chunks))
        except httpx.HTTPError as error:
            raise TransportFailure(_reason(error)) from None

    def post_submission(self, url: str, envelope: bytes, submission_id: str, token: str,
                        *, timeout: float | None = None) -> HttpAnswer:
        """`timeout` shortens the client's own, e.g. to end within a run's time limit."""
        headers = {
            "Authorization": authorization_header(token),
            IDEMPOTENCY_HEADER: idempotency_key(submission_id),
            "Content-Type": ENVELOPE_MEDIA_TYPE,
            "Accept": "application/jose, application/problem+json",
        }
        request = self._client.build_request(
            "POST", url, headers=headers, content=envelope,
            timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else httpx.Timeout(timeout),
        )
        return self._send(request)

    def post_json(self, url: str, body: bytes) -> HttpAnswer:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        return self._send(self._client.build_request("POST", url, headers=headers, content=body))

    def get(self, url: str, *, token: str | None = None, params: dict[str, str] | None = None) -> HttpAnswer:
        headers = {"Accept": "application/json, application/problem+json"}
        if token is not None:
            headers["Authorization"] = authorization_header(token)
        return self._send(self._client.build_request("GET", url, headers=headers, params=params))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> GatewayTransport:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
