"""information-sharing decisions, device enrolment and the sync outbox.

`sharing_decisions` are registered records (kind `sharing_decision`, allowed by 0005's CHECK):
one per disclosure, through the app or outside it, with every field the DfE advice asks to be
recorded. `device_enrolment` holds this device's FC-Sync identity (its Ed25519 key, inside this
encrypted file) and the gateway keys pinned at enrolment. `outbox` holds each summary's place in the
queue and, once delivered, the gateway's signed receipt (a CHECK ties the two together);
`outbox_envelopes` the sealed bytes, apart, because the state row is updated on every attempt;
`front_door_outcomes` the triage decisions sent back. Values in CHECKs are spelled out here, not imported, so this
revision stays what it was when released.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | None = None
depends_on: str | None = None

_TIME = sa.String(length=40)  # app.storage.models.OffsetDateTime: ISO 8601 text with its offset


def upgrade() -> None:
    op.create_table('device_enrolment',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('device_key_pem', sa.LargeBinary(), nullable=False),
    sa.Column('gateway_url', sa.Text(), nullable=False),
    sa.Column('endpoints', sa.JSON(), nullable=False),
    sa.Column('organisation', sa.String(length=128), nullable=False),
    sa.Column('organisation_name', sa.Text(), nullable=False),
    sa.Column('sealing_key', sa.JSON(), nullable=False),
    sa.Column('receipt_key', sa.JSON(), nullable=False),
    sa.Column('ca_pem', sa.Text(), nullable=True),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('enrolled_at', _TIME, nullable=False),
    sa.Column('enrolled_by', sa.Text(), nullable=False),
    sa.Column('outcomes_cursor', sa.String(length=256), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_device_enrolment_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_enrolment'))
    )
    op.create_table('front_door_outcomes',
    sa.Column('outcome_id', sa.String(length=128), nullable=False),
    sa.Column('submission_id', sa.String(length=128), nullable=False),
    sa.Column('decision', sa.String(length=32), nullable=False),
    sa.Column('decided_at', _TIME, nullable=False),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('received_at', _TIME, nullable=False),
    sa.CheckConstraint("decision IN ('no_further_action', 'early_help', 'assessment', 'strategy_discussion')", name=op.f('ck_front_door_outcomes_decision')),
    sa.PrimaryKeyConstraint('outcome_id', name=op.f('pk_front_door_outcomes'))
    )
    op.create_index(op.f('ix_front_door_outcomes_submission_id'), 'front_door_outcomes', ['submission_id'])
    op.create_table('sharing_decisions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'sharing_decision'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('assessment_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', _TIME, nullable=False),
    sa.Column('recorded_at', _TIME, nullable=False),
    sa.Column('occurred_utc', sa.String(length=40), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('shared', sa.Text(), nullable=False),
    sa.Column('lawful_basis', sa.String(length=32), nullable=False),
    sa.Column('special_category_condition', sa.Text(), nullable=False),
    sa.Column('consent', sa.String(length=16), nullable=False),
    sa.Column('consent_reason', sa.Text(), nullable=False),
    sa.Column('identities_withheld', sa.Text(), nullable=False),
    sa.Column('advice_taken', sa.Text(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('practitioner', sa.Text(), nullable=False),
    sa.Column('repeats_id', sa.String(length=64), nullable=True),
    sa.Column('submission_id', sa.String(length=128), nullable=True),
    sa.CheckConstraint("(channel = 'app') = (submission_id IS NOT NULL)", name=op.f('ck_sharing_decisions_app_submission')),
    sa.CheckConstraint("channel IN ('app', 'phone', 'meeting', 'email', 'letter', 'other')", name=op.f('ck_sharing_decisions_channel')),
    sa.CheckConstraint("consent = 'given' OR length(trim(consent_reason)) > 0", name=op.f('ck_sharing_decisions_consent_reason')),
    sa.CheckConstraint("consent IN ('given', 'refused', 'not_sought')", name=op.f('ck_sharing_decisions_consent')),
    sa.CheckConstraint("lawful_basis <> 'consent' OR consent = 'given'", name=op.f('ck_sharing_decisions_consent_basis')),
    sa.CheckConstraint("lawful_basis IN ('public_task', 'legal_obligation', 'vital_interests', 'consent')", name=op.f('ck_sharing_decisions_lawful_basis')),
    sa.CheckConstraint("record_kind = 'sharing_decision'", name=op.f('ck_sharing_decisions_record_kind')),
    sa.CheckConstraint('assessment_id IS NULL OR child_id IS NOT NULL', name=op.f('ck_sharing_decisions_assessment_child')),
    sa.CheckConstraint('repeats_id IS NULL OR repeats_id <> id', name=op.f('ck_sharing_decisions_not_own_repeat')),
    sa.ForeignKeyConstraint(['assessment_id', 'child_id'], ['assessments.id', 'assessments.child_id'], name=op.f('fk_sharing_decisions_assessment_id_child_id_assessments')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_sharing_decisions_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_sharing_decisions_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_sharing_decisions_id_record_kind_record_ids')),
    sa.ForeignKeyConstraint(['repeats_id'], ['sharing_decisions.id'], name=op.f('fk_sharing_decisions_repeats_id_sharing_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_decisions')),
    sa.UniqueConstraint('seq', name=op.f('uq_sharing_decisions_seq')),
    sa.UniqueConstraint('submission_id', name=op.f('uq_sharing_decisions_submission_id'))
    )
    op.create_index(op.f('ix_sharing_decisions_family_id_seq'), 'sharing_decisions', ['family_id', 'seq'])
    op.create_table('outbox',
    sa.Column('submission_id', sa.String(length=128), nullable=False),
    sa.Column('decision_id', sa.String(length=64), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('assessment_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('inner_digest', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('queued_at', _TIME, nullable=False),
    sa.Column('next_attempt_utc', sa.String(length=40), nullable=True),
    sa.Column('last_attempt_at', _TIME, nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('receipt', sa.Text(), nullable=True),
    sa.Column('receipt_reference', sa.Text(), nullable=True),
    sa.Column('receipt_status', sa.String(length=32), nullable=True),
    sa.Column('delivered_at', _TIME, nullable=True),
    sa.CheckConstraint("(state = 'delivered') = (receipt IS NOT NULL)", name=op.f('ck_outbox_receipt_iff_delivered')),
    sa.CheckConstraint("state IN ('queued', 'sending', 'delivered', 'paused', 'needs_action')", name=op.f('ck_outbox_state')),
    sa.CheckConstraint('attempts >= 0', name=op.f('ck_outbox_attempts')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_outbox_assessment_id_assessments')),
    sa.ForeignKeyConstraint(['decision_id'], ['sharing_decisions.id'], name=op.f('fk_outbox_decision_id_sharing_decisions')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_outbox_family_id_families')),
    sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('decision_id', name=op.f('uq_outbox_decision_id')),
    sa.UniqueConstraint('seq', name=op.f('uq_outbox_seq'))
    )
    op.create_index(op.f('ix_outbox_family_id_seq'), 'outbox', ['family_id', 'seq'])
    op.create_index(op.f('ix_outbox_state_next_attempt_utc'), 'outbox', ['state', 'next_attempt_utc'])
    op.create_table('outbox_envelopes',
    sa.Column('submission_id', sa.String(length=128), nullable=False),
    sa.Column('device_id', sa.String(length=128), nullable=False),
    sa.Column('recipient', sa.String(length=128), nullable=False),
    sa.Column('recipient_key_id', sa.String(length=128), nullable=False),
    sa.Column('inner_jws', sa.Text(), nullable=False),
    sa.Column('envelope', sa.LargeBinary(), nullable=False),
    sa.Column('envelope_digest', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['outbox.submission_id'], name=op.f('fk_outbox_envelopes_submission_id_outbox')),
    sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_outbox_envelopes'))
    )


def downgrade() -> None:
    op.drop_table('outbox_envelopes')
    op.drop_index(op.f('ix_outbox_state_next_attempt_utc'), table_name='outbox')
    op.drop_index(op.f('ix_outbox_family_id_seq'), table_name='outbox')
    op.drop_table('outbox')
    op.drop_index(op.f('ix_sharing_decisions_family_id_seq'), table_name='sharing_decisions')
    op.drop_table('sharing_decisions')
    op.execute("DELETE FROM record_ids WHERE kind = 'sharing_decision'")
    op.drop_index(op.f('ix_front_door_outcomes_submission_id'), table_name='front_door_outcomes')
    op.drop_table('front_door_outcomes')
    op.drop_table('device_enrolment')
