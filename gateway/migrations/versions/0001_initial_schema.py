"""initial schema: the tables `create_all` made before the gateway had migrations.

Timestamps are `DateTime` without zone holding UTC (`gateway.models.UTCDateTime` converts); a
database made before migrations has exactly these tables and is stamped with this revision by
`gateway.schema` (PRE_MIGRATION_TABLES there lists them). UNIQUE(device_id, submission_id) is
what makes resends idempotent.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_table('devices',
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('public_jwk', sa.Text(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('practitioner', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('device_id')
    )
    op.create_table('enrolment_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('practitioner', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('device_id', sa.String(length=128), nullable=True),
    sa.Column('device_key_id', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('code_hash')
    )
    op.create_table('staff_users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_table('submissions',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('submission_id', sa.String(length=128), nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=True),
    sa.Column('envelope', sa.LargeBinary(), nullable=False),
    sa.Column('envelope_digest', sa.String(length=64), nullable=False),
    sa.Column('inner_digest', sa.String(length=64), nullable=False),
    sa.Column('inner_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('issues', sa.Text(), nullable=False),
    sa.Column('sealed_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('receipt', sa.Text(), nullable=False),
    sa.Column('triage', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('device_id', 'submission_id', name='uq_submission_per_device'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_received_at'), ['received_at'], unique=False)

    op.create_table('used_request_tokens',
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('jti', sa.String(length=128), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'jti')
    )
    with op.batch_alter_table('used_request_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_request_tokens_expires_at'), ['expires_at'], unique=False)

    op.create_table('outcomes',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('outcome_id', sa.String(length=64), nullable=False),
    sa.Column('submission_pk', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('decision', sa.String(length=32), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('token_sealed', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['submission_pk'], ['submissions.pk'], ),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('outcome_id')
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index('ix_outcomes_device_pk', ['device_id', 'pk'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index('ix_outcomes_device_pk')

    op.drop_table('outcomes')
    with op.batch_alter_table('used_request_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_used_request_tokens_expires_at'))

    op.drop_table('used_request_tokens')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_received_at'))

    op.drop_table('submissions')
    op.drop_table('staff_users')
    op.drop_table('enrolment_codes')
    op.drop_table('devices')
    op.drop_table('audit_events')
