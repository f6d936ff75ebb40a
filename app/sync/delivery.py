"""One attempt to deliver one outbox row: fresh request token, POST, verdict; no database.

Runs on a sending thread. Within one attempt it may (a) make a fresh request token after the
gateway refused one, correcting for a wrong laptop clock from the gateway's `server_time`, and
(b) after `unknown-recipient-key`, fetch the gateway's configuration, check it, and reseal the
SAME signed summary to the new sealing key (same submission id, same inner digest, so a copy the
gateway may already hold still counts as the same submission). A row signed under an earlier
enrolment is re-signed with the current device key first. Whatever it rebuilt is handed back for
the engine to store, even if the attempt then failed.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.services.outbox import OutboxSend, Rebuilt
from app.sync.identity import DeviceIdentity
from app.sync.transport import GatewayTransport, TransportFailure
from app.sync.verdicts import (
    NeedsAction,
    NewToken,
    Reseal,
    RetryLater,
    Verdict,
    judge_submission,
)
from fcsync.configuration import Configuration, configuration_url, parse_configuration
from fcsync.envelope import SealedSubmission, reseal, sign_summary
from fcsync.problems import ProtocolError
from fcsync.tokens import make_request_token

FRESH_TOKENS = 2  # per attempt, after the gateway refused a token


class GatewayClock:
    """Seconds since the epoch as the gateway counts them: our clock plus a learnt offset."""

    def __init__(self) -> None:
        self.offset = 0

    def now(self) -> int:
        return int(time.time()) + self.offset

    def learn(self, server_time: int | None) -> None:
        if server_time is not None:
            self.offset = server_time - int(time.time())


@dataclass(frozen=True)
class AttemptResult:
    submission_id: str
    verdict: Verdict
    rebuilt: Rebuilt | None = None
    new_sealing_key: tuple[str, X25519PublicKey] | None = None


class GatewayKeys:
    """The gateway's current sealing key, fetched once per run when a rotation shows up."""

    def __init__(self, transport: GatewayTransport, identity: DeviceIdentity) -> None:
        self._transport = transport
        self._identity = identity
        self._lock = threading.Lock()
        self._configuration: Configuration | None = None

    def current_sealing_key(self, hinted: str | None) -> tuple[str, X25519PublicKey]:
        """Raises ProtocolError("bad-configuration") if the document does not check out, or
        TransportFailure if it cannot be fetched."""
        with self._lock:
            known = self._configuration
            if known is None or (hinted is not None and known.current_sealing_key[0] != hinted):
                answer = self._transport.get(configuration_url(self._identity.gateway_url))
                if answer.status != 200:
                    raise TransportFailure(f"the gateway's configuration could not be read (HTTP {answer.status})")
                known = self._check(parse_configuration(answer.body), hinted)
                self._configuration = known
            return known.current_sealing_key

    def _check(self, configuration: Configuration, hinted: str | None) -> Configuration:
        # TLS to the enrolled URL says who answered; these checks say it is still the same
        # gateway: same organisation, and still listing the receipt key pinned at enrolment.
        identity = self._identity
        if configuration.organisation != identity.organisation:
            raise ProtocolError("bad-configuration", "the gateway now names another organisation")
        if identity.receipt_key_id not in {kid for kid, _ in configuration.receipt_keys}:
            raise ProtocolError("bad-configuration", "the gateway no longer lists the pinned receipt key")
        if hinted is not None and configuration.current_sealing_key[0] != hinted:
            raise ProtocolError("bad-configuration", "the configuration disagrees with the gateway's answer")
        return configuration


def _summary_of(inner_jws: str) -> dict[str, object]:
    payload = inner_jws.split(".")[1]
    data: dict[str, object] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return data


def _rebuilt(sealed: SealedSubmission, identity: DeviceIdentity, key_id: str) -> Rebuilt:
    return Rebuilt(identity.device_id, identity.organisation, key_id, sealed.inner_jws,
                   sealed.inner_digest, sealed.envelope, sealed.envelope_digest)


def resign(row: OutboxSend, identity: DeviceIdentity) -> Rebuilt:
    """Sign the row's summary again with this (re-enrolled) device and seal it to the current key."""
    inner = sign_summary(_summary_of(row.inner_jws), submission_id=row.submission_id,
                         device_id=identity.device_id, device_key=identity.device_key,
                         recipient=identity.organisation)
    sealed = reseal(inner, submission_id=row.submission_id, device_id=identity.device_id,
                    device_key=identity.device_key, recipient=identity.organisation,
                    recipient_key=identity.sealing_key, recipient_key_id=identity.sealing_key_id)
    return _rebuilt(sealed, identity, identity.sealing_key_id)


def deliver(row: OutboxSend, identity: DeviceIdentity, transport: GatewayTransport,
            clock: GatewayClock, keys: GatewayKeys, timeout: float | None = None) -> AttemptResult:
    """Send one row once (with the in-attempt token and reseal retries described above);
    `timeout` bounds each request (the engine passes what is left of its time limit)."""
    rebuilt: Rebuilt | None = None
    new_key: tuple[str, X25519PublicKey] | None = None
    envelope, inner_jws, inner_digest = row.envelope, row.inner_jws, row.inner_digest
    key_id = row.recipient_key_id
    if row.device_id != identity.device_id or row.recipient != identity.organisation:
        rebuilt = resign(row, identity)
        envelope, inner_jws, inner_digest, key_id = (rebuilt.envelope, rebuilt.inner_jws,
                                                     rebuilt.inner_digest, rebuilt.recipient_key_id)
    url = identity.endpoint("submissions")
    tokens_left, resealed = FRESH_TOKENS, False
    while True:
        token = make_request_token(identity.device_key, identity.device_id, method="POST",
                                   url=url, body=envelope, now=clock.now())
        try:
            answer = transport.post_submission(url, envelope, row.submission_id, token, timeout=timeout)
        except TransportFailure as failure:
            return AttemptResult(row.submission_id, RetryLater(failure.reason), rebuilt, new_key)
        verdict = judge_submission(answer, submission_id=row.submission_id, inner_digest=inner_digest,
                                   device_id=identity.device_id, receipt_key=identity.receipt_key)
        if isinstance(verdict, NewToken):
            if tokens_left:
                tokens_left -= 1
                clock.learn(verdict.server_time)
                continue
            verdict = RetryLater(verdict.reason)
        elif isinstance(verdict, Reseal):
            if resealed:
                verdict = NeedsAction(verdict.reason)
            else:
                try:
                    current = keys.current_sealing_key(verdict.current_key_id)
                except TransportFailure as failure:
                    return AttemptResult(row.submission_id, RetryLater(failure.reason), rebuilt, new_key)
                except ProtocolError as error:
                    reason = f"the gateway's new keys could not be checked: {error.detail} (bad-configuration)"
                    return AttemptResult(row.submission_id, NeedsAction(reason), rebuilt, new_key)
                if current[0] == key_id:
                    verdict = NeedsAction(verdict.reason)
                else:
                    key_id, new_key, resealed = current[0], current, True
                    sealed = reseal(inner_jws, submission_id=row.submission_id,
                                    device_id=identity.device_id, device_key=identity.device_key,
                                    recipient=identity.organisation, recipient_key=current[1],
                                    recipient_key_id=key_id)
                    rebuilt = _rebuilt(sealed, identity, key_id)
                    envelope = sealed.envelope
                    continue
        return AttemptResult(row.submission_id, verdict, rebuilt, new_key)
