"""The gateway schema exactly as `Base.metadata.create_all` made it before migrations existed.

Frozen DDL (SQLite as `sqlite_master` holds it, PostgreSQL as create_all emitted it), so the
adoption tests keep testing the databases that exist in the field after the models move on.
"""

from __future__ import annotations

SQLITE = [
    'CREATE TABLE devices (device_id VARCHAR(128) NOT NULL, key_id VARCHAR(64) NOT NULL, '
    'public_jwk TEXT NOT NULL, label VARCHAR(200) NOT NULL, practitioner VARCHAR(200) NOT NULL, '
    'status VARCHAR(16) NOT NULL, enrolled_at DATETIME NOT NULL, revoked_at DATETIME, '
    'PRIMARY KEY (device_id))',
    'CREATE TABLE enrolment_codes (code_hash VARCHAR(64) NOT NULL, practitioner VARCHAR(200) NOT NULL, '
    'created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL, used_at DATETIME, '
    'device_id VARCHAR(128), device_key_id VARCHAR(64), PRIMARY KEY (code_hash))',
    'CREATE TABLE used_request_tokens (device_id VARCHAR(128) NOT NULL, jti VARCHAR(128) NOT NULL, '
    'expires_at DATETIME NOT NULL, PRIMARY KEY (device_id, jti))',
    'CREATE INDEX ix_used_request_tokens_expires_at ON used_request_tokens (expires_at)',
    'CREATE TABLE submissions (pk INTEGER NOT NULL, device_id VARCHAR(128) NOT NULL, '
    'submission_id VARCHAR(128) NOT NULL, reference VARCHAR(32), envelope BLOB NOT NULL, '
    'envelope_digest VARCHAR(64) NOT NULL, inner_digest VARCHAR(64) NOT NULL, '
    'inner_sealed BLOB NOT NULL, status VARCHAR(32) NOT NULL, issues TEXT NOT NULL, '
    'sealed_at DATETIME NOT NULL, received_at DATETIME NOT NULL, receipt TEXT NOT NULL, '
    'triage VARCHAR(32) NOT NULL, PRIMARY KEY (pk), '
    'CONSTRAINT uq_submission_per_device UNIQUE (device_id, submission_id), UNIQUE (reference))',
    'CREATE INDEX ix_submissions_received_at ON submissions (received_at)',
    'CREATE TABLE staff_users (username VARCHAR(64) NOT NULL, password_hash VARCHAR(256) NOT NULL, '
    'created_at DATETIME NOT NULL, PRIMARY KEY (username))',
    'CREATE TABLE audit_events (pk INTEGER NOT NULL, at DATETIME NOT NULL, actor VARCHAR(64) NOT NULL, '
    'action VARCHAR(64) NOT NULL, subject VARCHAR(200) NOT NULL, PRIMARY KEY (pk))',
    'CREATE TABLE outcomes (pk INTEGER NOT NULL, outcome_id VARCHAR(64) NOT NULL, '
    'submission_pk INTEGER NOT NULL, device_id VARCHAR(128) NOT NULL, decision VARCHAR(32) NOT NULL, '
    'decided_by VARCHAR(64) NOT NULL, decided_at DATETIME NOT NULL, token_sealed BLOB NOT NULL, '
    'PRIMARY KEY (pk), UNIQUE (outcome_id), FOREIGN KEY(submission_pk) REFERENCES submissions (pk))',
    'CREATE INDEX ix_outcomes_device_pk ON outcomes (device_id, pk)',
]

POSTGRESQL = [
    'CREATE TABLE audit_events (pk SERIAL NOT NULL, at TIMESTAMP WITHOUT TIME ZONE NOT NULL, '
    'actor VARCHAR(64) NOT NULL, action VARCHAR(64) NOT NULL, subject VARCHAR(200) NOT NULL, '
    'PRIMARY KEY (pk))',
    'CREATE TABLE devices (device_id VARCHAR(128) NOT NULL, key_id VARCHAR(64) NOT NULL, '
    'public_jwk TEXT NOT NULL, label VARCHAR(200) NOT NULL, practitioner VARCHAR(200) NOT NULL, '
    'status VARCHAR(16) NOT NULL, enrolled_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, '
    'revoked_at TIMESTAMP WITHOUT TIME ZONE, PRIMARY KEY (device_id))',
    'CREATE TABLE enrolment_codes (code_hash VARCHAR(64) NOT NULL, practitioner VARCHAR(200) NOT NULL, '
    'created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, '
    'used_at TIMESTAMP WITHOUT TIME ZONE, device_id VARCHAR(128), device_key_id VARCHAR(64), '
    'PRIMARY KEY (code_hash))',
    'CREATE TABLE staff_users (username VARCHAR(64) NOT NULL, password_hash VARCHAR(256) NOT NULL, '
    'created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, PRIMARY KEY (username))',
    'CREATE TABLE submissions (pk SERIAL NOT NULL, device_id VARCHAR(128) NOT NULL, '
    'submission_id VARCHAR(128) NOT NULL, reference VARCHAR(32), envelope BYTEA NOT NULL, '
    'envelope_digest VARCHAR(64) NOT NULL, inner_digest VARCHAR(64) NOT NULL, '
    'inner_sealed BYTEA NOT NULL, status VARCHAR(32) NOT NULL, issues TEXT NOT NULL, '
    'sealed_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, received_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, '
    'receipt TEXT NOT NULL, triage VARCHAR(32) NOT NULL, PRIMARY KEY (pk), '
    'CONSTRAINT uq_submission_per_device UNIQUE (device_id, submission_id), UNIQUE (reference))',
    'CREATE INDEX ix_submissions_received_at ON submissions (received_at)',
    'CREATE TABLE used_request_tokens (device_id VARCHAR(128) NOT NULL, jti VARCHAR(128) NOT NULL, '
    'expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, PRIMARY KEY (device_id, jti))',
    'CREATE INDEX ix_used_request_tokens_expires_at ON used_request_tokens (expires_at)',
    'CREATE TABLE outcomes (pk SERIAL NOT NULL, outcome_id VARCHAR(64) NOT NULL, '
    'submission_pk INTEGER NOT NULL, device_id VARCHAR(128) NOT NULL, decision VARCHAR(32) NOT NULL, '
    'decided_by VARCHAR(64) NOT NULL, decided_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, '
    'token_sealed BYTEA NOT NULL, PRIMARY KEY (pk), UNIQUE (outcome_id), '
    'FOREIGN KEY(submission_pk) REFERENCES submissions (pk))',
    'CREATE INDEX ix_outcomes_device_pk ON outcomes (device_id, pk)',
]
