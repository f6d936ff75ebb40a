"""Enrolling this device with a gateway over the network; no database.

Reads the gateway's configuration document at the URL the administrator gave (its endpoints are
relative paths under that URL), generates the device's Ed25519 key, posts the one-time code with
proof of holding the key, and checks the answer against the configuration: the same organisation
and the same keys. The caller stores the result (`app.services.sharing_enrolment`). A lost answer
is retried once with the same code and key: the gateway answers such a retry with the original
enrolment instead of refusing the now-used code.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import UsageError
from app.services.sharing_views import BadEnrolmentCode, GatewayUnreachable
from app.sync.transport import GatewayTransport, HttpAnswer, TransportFailure
from app.sync.verdicts import describe_problem, our_problem
from fcsync.configuration import (
    Configuration,
    configuration_url,
    parse_configuration,
    resolve_endpoint,
)
from fcsync.enrolment import Enrolment, build_enrolment_request, parse_enrolment_response
from fcsync.keys import generate_signing_key
from fcsync.problems import ProtocolError


@dataclass(frozen=True)
class NewEnrolment:
    """A successful enrolment, not yet stored."""

    base_url: str
    device_key: Ed25519PrivateKey
    enrolment: Enrolment
    configuration: Configuration
    ca_pem: str | None
    label: str


def check_base_url(url: str) -> str:
    """The gateway URL as enrolled: https, a host, no query; a trailing slash added."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise UsageError("the gateway URL must be an https:// address without a query, "
                         "as your administrator gave it")
    text = url.strip()
    return text if text.endswith("/") else text + "/"


def _post_enrolment(transport: GatewayTransport, url: str, body: bytes) -> HttpAnswer:
    try:
        return transport.post_json(url, body)
    except TransportFailure:
        # The answer may have been lost after the gateway enrolled us: the same code and key
        # again get the original enrolment back (200), not a refusal.
        try:
            return transport.post_json(url, body)
        except TransportFailure as failure:
            raise GatewayUnreachable(f"could not enrol: {failure.reason}") from None


def _refusal(answer: HttpAnswer) -> Exception:
    problem = our_problem(answer)
    if problem is not None and problem.code == "bad-enrolment-code":
        return BadEnrolmentCode(
            "the enrolment code is unknown, already used or expired; ask your administrator for a new one"
        )
    if problem is not None and problem.code == "malformed-enrolment":
        return GatewayUnreachable(f"the gateway refused the enrolment: {describe_problem(problem)}; "
                                  "check this laptop's clock and the URL")
    if problem is not None:
        return GatewayUnreachable(f"the gateway refused the enrolment: {describe_problem(problem)}")
    return GatewayUnreachable(f"the address did not answer like a Family Connect gateway (HTTP {answer.status})")


def _matches(enrolment: Enrolment, configuration: Configuration) -> bool:
    return (enrolment.organisation == configuration.organisation
            and enrolment.sealing_key_id == configuration.current_sealing_key[0]
            and enrolment.receipt_key_id in {kid for kid, _ in configuration.receipt_keys})


def enrol_over_network(url: str, code: str, *, ca_pem: str | None, label: str = "",
                       timeout: float = 30.0) -> NewEnrolment:
    """Enrol with the gateway at `url` using the administrator's one-time `code`."""
    base = check_base_url(url)
    if not code.strip():
        raise UsageError("give the one-time enrolment code from your administrator")
    try:
        transport = GatewayTransport(base, ca_pem, timeout=timeout, connections=1)
    except Exception as error:  # noqa: BLE001 - ssl refuses an unreadable CA in several ways
        raise UsageError("the CA file is not a readable PEM certificate") from error
    with transport:
        try:
            answer = transport.get(configuration_url(base))
        except TransportFailure as failure:
            raise GatewayUnreachable(f"could not reach the gateway: {failure.reason}") from None
        if answer.status != 200:
            raise _refusal(answer)
        try:
            configuration = parse_configuration(answer.body)
            enrol_url = resolve_endpoint(base, configuration.endpoints["enrolments"])
        except ProtocolError:
            raise GatewayUnreachable("the address did not answer like a Family Connect gateway "
                                     "(its configuration could not be read)") from None
        device_key = generate_signing_key()
        body = build_enrolment_request(device_key, code=code.strip(), url=enrol_url, label=label)
        answer = _post_enrolment(transport, enrol_url, body)
        if answer.status not in (200, 201):
            raise _refusal(answer)
        try:
            enrolment = parse_enrolment_response(answer.body)
        except ProtocolError:
            raise GatewayUnreachable("the gateway's enrolment answer could not be read; tell your administrator") from None
    if not _matches(enrolment, configuration):
        raise GatewayUnreachable("the gateway's enrolment answer disagrees with its published keys; "
                                 "tell your administrator")
    return NewEnrolment(base, device_key, enrolment, configuration, ca_pem, label)

