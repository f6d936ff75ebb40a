"""This device's FC-Sync identity as the sync client uses it: keys as objects, not stored forms.

Built by `app.services.sharing_enrolment.load_identity` from the enrolment row; frozen, so the
worker threads can share one safely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from fcsync.configuration import DEFAULT_ENDPOINTS, resolve_endpoint


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    device_key: Ed25519PrivateKey
    gateway_url: str  # the base URL enrolled with; every endpoint is resolved under it
    organisation: str  # the recipient code envelopes are addressed to
    organisation_name: str
    sealing_key: X25519PublicKey
    sealing_key_id: str
    receipt_key: Ed25519PublicKey  # pinned at enrolment: receipts and outcomes must verify with it
    receipt_key_id: str
    ca_pem: str | None
    endpoints: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ENDPOINTS))

    def endpoint(self, name: str) -> str:
        """The absolute URL of a named endpoint, resolved under the enrolled base URL."""
        return resolve_endpoint(self.gateway_url, self.endpoints.get(name, DEFAULT_ENDPOINTS[name]))

    def with_sealing_key(self, key: X25519PublicKey, key_id: str) -> DeviceIdentity:
        return replace(self, sealing_key=key, sealing_key_id=key_id)
