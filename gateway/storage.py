"""The gateway's database: opening it (SQLite in the home, or PostgreSQL by URL) and the protocol's
durable operations: enrolment codes, devices, used request tokens and received submissions.

Every write is committed before the caller answers the device. On SQLite writes start with
BEGIN IMMEDIATE, so writers of other processes queue on the busy timeout instead of failing on a
stale snapshot, and writes of this process that arrive together share one commit
(`group_commit.py`); on PostgreSQL each is its own transaction, and a concurrent duplicate insert
waits for the winner and then fails on the unique constraint, which `store_submission` turns into
"read the winner". The per-request statements run on the DB-API connection (`hotpath.py`); the
rest (admin commands, the inbox) through the ORM.
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, bindparam, create_engine, delete, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fcsync.enrolment import EnrolmentRequest
from fcsync.envelope import OpenedSubmission
from fcsync.keys import ed25519_public_key_from_jwk
from fcsync.problems import ProtocolError
from fcsync.receipts import make_receipt
from gateway.group_commit import CommitGroup
from gateway.hotpath import (
    RawConnection,
    RawStatement,
    compile_raw,
    raw_connection,
    raw_transaction,
)
from gateway.keys import GatewayKeys
from gateway.models import Device, EnrolmentCode, Submission, UsedRequestToken
from gateway.schema import upgrade_schema

T = TypeVar("T")
CODE_LIFETIME = timedelta(hours=24)
TOKEN_SKEW = timedelta(seconds=60)
# Crockford's base32 without look-alikes (no I, L, O, U): codes are read aloud and typed.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def database_url(url: str) -> str:
    """Accept the PostgreSQL URLs people write and use psycopg 3 for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def open_engine(url: str, *, upgrade: bool = True) -> Engine:
    """An engine for `url`, its schema brought to this gateway's revision (gateway/schema.py)
    unless `upgrade` is False (for `fc-gateway migrate`, which reports what it does)."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=8, max_overflow=24,
            pool_use_lifo=True,  # the most recently used connection has the warmest page cache
        )
        _sqlite_pragmas(engine)
    else:
        engine = create_engine(url, pool_size=8, max_overflow=24, pool_pre_ping=True)
    if upgrade:
        try:
            upgrade_schema(engine)
        except BaseException:
            engine.dispose()
            raise
    return engine


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the receipt leaves; acknowledgement means durable.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get("fc_immediate", False) else "BEGIN")


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True)
class DeviceRecord:
    device_id: str
    public_key: Ed25519PublicKey
    status: str
    practitioner: str
    label: str

    @property
    def revoked(self) -> bool:
        return self.status == "revoked"


@dataclass(frozen=True)
class RequestToken:
    """A verified request token's id, kept until it expires so it cannot be used twice."""

    device_id: str
    jti: str
    expires_at: datetime


@dataclass(frozen=True)
class StoredReceipt:
    created: bool  # True: this request stored it (201); False: an identical resend (200)
    receipt: str


class Store:
    """The protocol's durable operations over one engine, with the gateway's keys."""

    def __init__(self, engine: Engine, keys: GatewayKeys, organisation: str) -> None:
        self.engine = engine
        self.keys = keys
        self.organisation = organisation
        is_sqlite = engine.dialect.name == "sqlite"
        self._write_bind = engine.execution_options(fc_immediate=True) if is_sqlite else engine
        self._sql = HotStatements.compile(engine)
        # SQLite has one writer at a time and every commit waits for an fsync: this process's
        # writes share commits (group_commit.py). Other processes (--workers) meet the busy
        # timeout. PostgreSQL commits concurrent transactions in parallel on its own.
        self._group = CommitGroup(engine) if is_sqlite else None

    def _write_raw(self, work: Callable[[RawConnection], T]) -> T:
        """Run `work` in a committed write transaction (shared with others on SQLite)."""
        if self._group is not None:
            return self._group.run(work)
        with raw_transaction(self.engine) as connection:
            return work(connection)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with Session(self._write_bind, expire_on_commit=False) as session, session.begin():
            yield session

    # -- enrolment -------------------------------------------------------------------------

    def issue_enrolment_code(self, practitioner: str, now: datetime) -> str:
        """A fresh one-time code, valid for 24 h; only its hash is stored."""
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
        with self.write() as session:
            session.add(EnrolmentCode(
                code_hash=code_hash(raw), practitioner=practitioner[:200],
                created_at=now, expires_at=now + CODE_LIFETIME,
            ))
        return "-".join(raw[i : i + 4] for i in range(0, 12, 4))

    def enrol(self, request: EnrolmentRequest, now: datetime) -> tuple[str, bool]:
        """Spend the code and register the device; (device_id, created).

        A retry with the same code and the same device key (its first answer was lost) gets the
        same device id back; anything else with a spent, expired or unknown code is refused.
        """
        hashed = code_hash(request.code)
        with self.write() as session:
            code = session.get(EnrolmentCode, hashed)
            if code is not None and code.used_at is not None:
                if code.device_key_id == request.device_key_id and code.device_id:
                    return code.device_id, False
                raise ProtocolError("bad-enrolment-code", "this enrolment code has already been used")
            if code is None or code.expires_at <= now:
                raise ProtocolError("bad-enrolment-code", "this enrolment code is unknown or has expired")
            device_id = "dev-" + secrets.token_hex(8)
            # Conditional update: of two racing enrolments with one code, exactly one spends it.
            spent = session.execute(
                update(EnrolmentCode)
                .where(EnrolmentCode.code_hash == hashed, EnrolmentCode.used_at.is_(None))
                .values(used_at=now, device_id=device_id, device_key_id=request.device_key_id)
            )
            if getattr(spent, "rowcount", 0) != 1:
                raise ProtocolError("bad-enrolment-code", "this enrolment code has already been used")
            session.add(Device(
                device_id=device_id, key_id=request.device_key_id,
                public_jwk=json.dumps(request.device_jwk), label=request.label,
                practitioner=code.practitioner, status="active", enrolled_at=now,
            ))
        return device_id, True

    def device(self, device_id: str) -> DeviceRecord | None:
        """The device as the database says now (read on every request: a revocation counts at once)."""
        with raw_connection(self.engine) as connection:
            row = connection.first(self._sql.device, {"device_id": device_id})
        if row is None:
            return None
        public_jwk, status, practitioner, label = row
        return DeviceRecord(device_id, _public_key(public_jwk), status, practitioner, label)

    def revoke(self, device_id: str, now: datetime) -> bool:
        """Revoke a device at once (running instances read status per request). False if unknown."""
        with self.write() as session:
            row = session.get(Device, device_id)
            if row is None:
                return False
            if row.status != "revoked":
                row.status, row.revoked_at = "revoked", now
            return True

    # -- request tokens --------------------------------------------------------------------

    def consume_token(self, token: RequestToken, now: datetime) -> bool:
        """Record a token id as used; False if it was already used (a replay)."""
        def spend(connection: RawConnection) -> None:
            self._spend(connection, token)
            if random.random() < 1 / 256:  # amortised clean-up of ids that can no longer replay
                connection.execute(self._sql.forget_tokens, {"now": now})

        try:
            self._write_raw(spend)
        except IntegrityError:
            return False
        return True

    # -- submissions -----------------------------------------------------------------------

    def store_submission(
        self,
        opened: OpenedSubmission,
        envelope: bytes,
        *,
        status: str,
        issues: Sequence[str],
        now: datetime,
        token: RequestToken,
    ) -> StoredReceipt:
        """Store a verified submission and sign its receipt in the same transaction.

        Same (device, submission id) with the same inner digest → the original receipt;
        with another digest → ProtocolError submission-conflict. Never overwrites.
        The request token is spent in the same transaction as the row.
        """
        # Sealed before the transaction: the write lock is held only for the database work.
        inner_sealed = self.keys.at_rest.seal(
            opened.inner_jws.encode("ascii"), summary_context(opened.device_id, opened.submission_id))

        def store(connection: RawConnection) -> StoredReceipt:
            try:  # first statement: on a replay nothing else has happened yet
                self._spend(connection, token)
            except IntegrityError:
                raise ProtocolError("replayed-request-token", "this request token was already used") from None
            existing = self._find(connection, opened.device_id, opened.submission_id)
            if existing is not None:
                return StoredReceipt(False, _same_or_conflict(*existing, opened))
            pk = connection.first(self._sql.insert_submission, dict(
                device_id=opened.device_id, submission_id=opened.submission_id,
                envelope=envelope, envelope_digest=opened.envelope_digest,
                inner_digest=opened.inner_digest, inner_sealed=inner_sealed,
                status=status, issues=json.dumps(list(issues)), sealed_at=opened.sealed_at,
                received_at=now, triage="awaiting", receipt="", reference=None,
            ))[0]  # PostgreSQL: a concurrent duplicate fails here
            reference = f"FC-{now.year}-{pk:06d}"
            receipt = make_receipt(
                self.keys.receipt_key, self.keys.receipt_key_id,
                submission_id=opened.submission_id, device_id=opened.device_id,
                inner_digest=opened.inner_digest, envelope_digest=opened.envelope_digest,
                status=status, received_at=now, reference=reference, issues=issues,
            )
            connection.execute(self._sql.set_receipt, {"row": pk, "reference": reference, "receipt": receipt})
            return StoredReceipt(True, receipt)

        try:
            return self._write_raw(store)
        except IntegrityError:
            with raw_connection(self.engine) as connection:
                winner = self._find(connection, opened.device_id, opened.submission_id)
            if winner is None:
                raise
            # The losing transaction took the token's record with it: spend it on its own.
            if not self.consume_token(token, now):
                raise ProtocolError("replayed-request-token", "this request token was already used") from None
            return StoredReceipt(False, _same_or_conflict(*winner, opened))

    def receipt_for(self, device_id: str, submission_id: str) -> str | None:
        with raw_connection(self.engine) as connection:
            row = self._find(connection, device_id, submission_id)
        return row[1] if row is not None else None

    def _find(self, connection: RawConnection, device_id: str, submission_id: str) -> tuple[str, str] | None:
        """(inner_digest, receipt) of a stored submission, or None."""
        row = connection.first(self._sql.stored, {"device_id": device_id, "submission_id": submission_id})
        return None if row is None else (str(row[0]), str(row[1]))

    def _spend(self, connection: RawConnection, token: RequestToken) -> None:
        connection.execute(self._sql.insert_token, {
            "device_id": token.device_id, "jti": token.jti, "expires_at": token.expires_at + TOKEN_SKEW})


@dataclass(frozen=True)
class HotStatements:
    """The per-request statements, compiled once for the engine's dialect (see gateway/hotpath.py)."""

    device: RawStatement
    insert_token: RawStatement
    forget_tokens: RawStatement
    stored: RawStatement
    insert_submission: RawStatement
    set_receipt: RawStatement

    @classmethod
    def compile(cls, engine: Engine) -> HotStatements:
        token_columns = ("device_id", "jti", "expires_at")
        submission_columns = ("device_id", "submission_id", "envelope", "envelope_digest", "inner_digest",
                              "inner_sealed", "status", "issues", "sealed_at", "received_at", "triage",
                              "receipt", "reference")
        statements = dict(
            device=select(Device.public_jwk, Device.status, Device.practitioner, Device.label).where(
                Device.device_id == bindparam("device_id")),
            insert_token=insert(UsedRequestToken).values({c: bindparam(c) for c in token_columns}),
            forget_tokens=delete(UsedRequestToken).where(UsedRequestToken.expires_at < bindparam("now")),
            stored=select(Submission.inner_digest, Submission.receipt).where(
                Submission.device_id == bindparam("device_id"),
                Submission.submission_id == bindparam("submission_id")),
            insert_submission=insert(Submission).values(
                {c: bindparam(c) for c in submission_columns}).returning(Submission.pk),
            set_receipt=update(Submission).where(Submission.pk == bindparam("row")).values(
                reference=bindparam("reference"), receipt=bindparam("receipt")),
        )
        return cls(**{name: compile_raw(statement, engine) for name, statement in statements.items()})


@lru_cache(maxsize=4096)
def _public_key(jwk_text: str) -> Ed25519PublicKey:
    return ed25519_public_key_from_jwk(json.loads(jwk_text))


def summary_context(device_id: str, submission_id: str) -> str:
    """At-rest associated data for a stored summary: it opens only in its own row."""
    return f"fc-gateway summary|{device_id}|{submission_id}"


def _same_or_conflict(inner_digest: str, receipt: str, opened: OpenedSubmission) -> str:
    if secrets.compare_digest(inner_digest, opened.inner_digest):
        return receipt
    raise ProtocolError(
        "submission-conflict", "a different summary was already received under this submission id",
        submission_id=opened.submission_id,
    )
