"""This device's enrolment in the profile: storing it, showing it, and loading it for sync.

The device's Ed25519 private key is kept only in the encrypted database (PKCS#8 in
`device_enrolment`), never in a file or the OS key store; a profile restored from a backup should
enrol again. The CA certificate the administrator gave is copied into the same row, so a later
sync does not depend on where that file was. Enrolling again replaces the enrolment, releases a
paused queue, and rows signed under the old device are re-signed when next sent.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.audit import record_event
from app.services import outbox
from app.services.sharing_views import EnrolmentView, NotEnrolled
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models_sharing import DeviceEnrolment
from app.sync.enrolment import NewEnrolment, enrol_over_network
from app.sync.identity import DeviceIdentity
from fcsync.keys import (
    ed25519_public_key_from_jwk,
    fingerprint,
    private_key_from_pem,
    private_key_to_pem,
    public_jwk,
    x25519_public_key_from_jwk,
)


def _enrolment_row(uow: UnitOfWork) -> DeviceEnrolment | None:
    return uow.session.get(DeviceEnrolment, 1)


def save_enrolment(uow: UnitOfWork, actor: str, new: NewEnrolment, *,
                   now: datetime | None = None) -> EnrolmentView:
    """Store a successful enrolment (replacing any earlier one); the caller commits."""
    e = new.enrolment
    values: dict[str, Any] = {
        "device_id": e.device_id,
        "device_key_pem": private_key_to_pem(new.device_key),
        "gateway_url": new.base_url,
        "endpoints": dict(new.configuration.endpoints),
        "organisation": e.organisation,
        "organisation_name": e.organisation_name,
        "sealing_key": public_jwk(e.sealing_key),
        "receipt_key": public_jwk(e.receipt_key),
        "ca_pem": new.ca_pem,
        "label": new.label,
        "enrolled_at": now or datetime.now().astimezone(),
        "enrolled_by": actor,
        "outcomes_cursor": None,
    }
    row = _enrolment_row(uow)
    previous = None if row is None else row.device_id
    if row is None:
        row = DeviceEnrolment(id=1, **values)
        uow.session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    uow.session.flush()
    resumed = outbox.resume_queue(uow)
    record_event(uow.session, actor=actor, action="create", record_kind="device_enrolment",
                 record_id=e.device_id, detail={"organisation": e.organisation,
                                                "replaces": previous, "resumed": resumed})
    return enrolment_view(row)


def enrol(db: Database, actor: str, url: str, code: str, *, ca_pem: str | None = None,
          label: str = "", timeout: float = 30.0) -> EnrolmentView:
    """Enrol over the network, then store it. No database transaction is held while waiting."""
    new = enrol_over_network(url, code, ca_pem=ca_pem, label=label, timeout=timeout)
    with UnitOfWork(db) as uow:
        view = save_enrolment(uow, actor, new)
        uow.commit()
    return view


def enrolment_view(row: DeviceEnrolment) -> EnrolmentView:
    return EnrolmentView(
        device_id=row.device_id, gateway_url=row.gateway_url, organisation=row.organisation,
        organisation_name=row.organisation_name,
        sealing_key_fingerprint=fingerprint(x25519_public_key_from_jwk(row.sealing_key)),
        receipt_key_fingerprint=fingerprint(ed25519_public_key_from_jwk(row.receipt_key)),
        enrolled_at=row.enrolled_at, enrolled_by=row.enrolled_by, label=row.label,
        has_ca=bool(row.ca_pem),
    )


def current_enrolment(uow: UnitOfWork) -> EnrolmentView | None:
    row = _enrolment_row(uow)
    return None if row is None else enrolment_view(row)


def load_identity(uow: UnitOfWork) -> DeviceIdentity:
    """The enrolled identity with its keys ready to use; NotEnrolled when there is none."""
    row = _enrolment_row(uow)
    if row is None:
        raise NotEnrolled("this device is not enrolled with Family Connect yet; "
                          "run 'homevisit enrol' with the code from your administrator")
    device_key = private_key_from_pem(row.device_key_pem)
    assert isinstance(device_key, Ed25519PrivateKey)  # only ever stored by save_enrolment
    return DeviceIdentity(
        device_id=row.device_id, device_key=device_key, gateway_url=row.gateway_url,
        organisation=row.organisation, organisation_name=row.organisation_name,
        sealing_key=x25519_public_key_from_jwk(row.sealing_key),
        sealing_key_id=str(row.sealing_key["kid"]),
        receipt_key=ed25519_public_key_from_jwk(row.receipt_key),
        receipt_key_id=str(row.receipt_key["kid"]), ca_pem=row.ca_pem,
        endpoints=dict(row.endpoints),
    )


def store_sealing_key(uow: UnitOfWork, identity: DeviceIdentity) -> None:
    """After a gateway key rotation: new shares are sealed to the new key from now on."""
    row = _enrolment_row(uow)
    if row is not None:
        row.sealing_key = public_jwk(identity.sealing_key)


def outcomes_cursor(uow: UnitOfWork) -> str | None:
    row = _enrolment_row(uow)
    return None if row is None else row.outcomes_cursor


def store_outcomes_cursor(uow: UnitOfWork, cursor: str | None) -> None:
    row = _enrolment_row(uow)
    if row is not None and cursor is not None:
        row.outcomes_cursor = cursor
