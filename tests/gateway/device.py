"""A test device speaking FC-Sync v1 to a running gateway, built only from `fcsync`'s public API
(plus, for deliberately broken envelopes, the same primitives the envelope module uses)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fcsync import _jws
from fcsync._wire import PROTOCOL_VERSION, b64url_encode, canonical_json, format_instant, sha256_hex
from fcsync.configuration import resolve_endpoint
from fcsync.enrolment import Enrolment, build_enrolment_request, parse_enrolment_response
from fcsync.envelope import (
    _SUITE,
    ENVELOPE_MEDIA_TYPE,
    ENVELOPE_TYP,
    HPKE_SUITE_NAME,
    SealedSubmission,
    idempotency_key,
    seal_info,
    seal_submission,
)
from fcsync.keys import generate_signing_key
from fcsync.tokens import authorization_header, make_request_token


def fhir_summary(submission_id: str, child: str = "Ada Example", grade: int = 3) -> dict[str, Any]:
    """A small FHIR document Bundle in the shape docs/gateway.md describes."""
    return {
        "resourceType": "Bundle",
        "type": "document",
        "identifier": {"system": "urn:fc-sync:submission", "value": submission_id},
        "timestamp": "2026-11-28T10:00:00Z",
        "entry": [
            {"resource": {
                "resourceType": "Composition", "title": "GCP2 assessment summary", "status": "final",
                "extension": [
                    {"url": "urn:fc-sync:extension:lawful-basis", "valueString": "Children Act 1989 s17"},
                    {"url": "urn:fc-sync:extension:consent-status", "valueString": "Consent given by mother"},
                ],
                "section": [
                    {"title": "Cumulative harm factors", "code": {"coding": [{"code": "cumulative-harm"}]},
                     "text": {"status": "generated", "div": "<div><ul><li>Missed health appointments</li>"
                              "<li>Home conditions <script>alert(1)</script>poor</li></ul></div>"}},
                    {"title": "Plan", "code": {"coding": [{"code": "plan"}]},
                     "text": {"status": "generated", "div": "<div><p>Health visitor to review weight by 12 Dec</p></div>"}},
                ],
            }},
            {"resource": {"resourceType": "Patient", "name": [{"given": [child.split()[0]], "family": child.split()[-1]}],
                          "birthDate": "2023-05-01"}},
            {"resource": {"resourceType": "Practitioner", "name": [{"text": "Pat Visitor"}]}},
            {"resource": {"resourceType": "Organization", "name": "Example Health Visiting"}},
            {"resource": {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
                {"linkId": "area-1", "text": "Physical care", "answer": [{"valueInteger": grade}]},
                {"linkId": "area-2", "text": "Safety", "answer": [{"valueInteger": 2}]},
            ]}},
        ],
    }


@dataclass
class SimulatedDevice:
    """An enrolled device: its key, what enrolment pinned, and an HTTP client to the gateway."""

    base_url: str
    client: httpx.Client
    key: Ed25519PrivateKey = field(default_factory=generate_signing_key)
    enrolment: Enrolment | None = None

    @property
    def device_id(self) -> str:
        assert self.enrolment is not None
        return self.enrolment.device_id

    def url(self, relative: str) -> str:
        return resolve_endpoint(self.base_url, relative)

    def enrol(self, code: str) -> httpx.Response:
        url = self.url("v1/enrolments")
        response = self.client.post(url, content=build_enrolment_request(self.key, code=code, url=url, label="test laptop"))
        if response.status_code in (200, 201):
            self.enrolment = parse_enrolment_response(response.content)
        return response

    def seal(self, summary: dict[str, Any] | None = None, submission_id: str | None = None) -> SealedSubmission:
        assert self.enrolment is not None
        sid = submission_id or str(uuid.uuid4())
        return seal_submission(
            summary if summary is not None else fhir_summary(sid), submission_id=sid,
            device_id=self.device_id, device_key=self.key, recipient=self.enrolment.organisation,
            recipient_key=self.enrolment.sealing_key, recipient_key_id=self.enrolment.sealing_key_id,
        )

    def seal_raw_inner(self, inner: bytes, submission_id: str) -> bytes:
        """An envelope around arbitrary inner bytes, correctly sealed and signed (to test the
        gateway's inner-signature check, which `seal_submission` would refuse to build)."""
        assert self.enrolment is not None
        enrolment = self.enrolment
        info = seal_info(submission_id=submission_id, device_id=self.device_id,
                         recipient=enrolment.organisation, recipient_key_id=enrolment.sealing_key_id)
        outer = {
            "version": PROTOCOL_VERSION, "submission_id": submission_id, "sender": self.device_id,
            "recipient": enrolment.organisation, "recipient_key_id": enrolment.sealing_key_id,
            "suite": HPKE_SUITE_NAME, "sealed_at": format_instant(datetime.now(UTC)),
            "sealed": b64url_encode(_SUITE.encrypt(inner, enrolment.sealing_key, info=info)),
        }
        return _jws.sign(canonical_json(outer), self.key, typ=ENVELOPE_TYP, kid=self.device_id).encode("ascii")

    def token(self, method: str, relative: str, body: bytes = b"", **kwargs: Any) -> str:
        return make_request_token(self.key, self.device_id, method=method, url=self.url(relative), body=body, **kwargs)

    def submit(self, envelope: bytes, submission_id: str, *, token: str | None = None,
               headers: dict[str, str] | None = None) -> httpx.Response:
        all_headers = {
            "Authorization": authorization_header(token or self.token("POST", "v1/submissions", envelope)),
            "Idempotency-Key": idempotency_key(submission_id),
            "Content-Type": ENVELOPE_MEDIA_TYPE,
        }
        all_headers.update(headers or {})
        return self.client.post(self.url("v1/submissions"), content=envelope, headers=all_headers)

    def get(self, relative: str, params: dict[str, str] | None = None) -> httpx.Response:
        return self.client.get(self.url(relative), params=params,
                               headers={"Authorization": authorization_header(self.token("GET", relative))})


def digest(data: bytes) -> str:
    return sha256_hex(data)
