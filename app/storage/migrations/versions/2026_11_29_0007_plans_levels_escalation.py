"""plans shared with families, threshold decisions and escalations.

`plan`, `plan_action`, `level_decision` and `escalation` are registered record kinds (0005's
CHECK already allows them), so this revision only creates its tables: plans with their SMART
actions (each optionally linked to a GCP2 targeted item), the times a plan was shared with the
family and how, its reviews; threshold decisions with the suggestion shown and the history
considered; escalations with their stages, response dates and outcome. Values in CHECKs are
spelled out here, not imported, so this revision stays what it was when released.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | None = None
depends_on: str | None = None

_TIME = sa.String(length=40)  # app.storage.models.OffsetDateTime: ISO 8601 text with its offset
_INDEXES = (
    ('plans', ['family_id', 'seq'], False),
    ('plan_actions', ['plan_id', 'position'], True),
    ('threshold_decisions', ['family_id', 'seq'], False),
    ('escalations', ['family_id', 'seq'], False),
)


def _index_name(table: str, columns: list[str]) -> str:
    return f"ix_{table}_{'_'.join(columns)}"


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'plan'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('made_at', _TIME, nullable=False),
    sa.Column('made_by', sa.Text(), nullable=False),
    sa.Column('review_due', sa.Date(), nullable=True),
    sa.CheckConstraint("record_kind = 'plan'", name=op.f('ck_plans_record_kind')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_plans_title_given')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_plans_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_plans_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_plans_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('seq', name=op.f('uq_plans_seq'))
    )
    op.create_table('plan_actions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'plan_action'"), nullable=False),
    sa.Column('plan_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('change_for_child', sa.Text(), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('does_what', sa.Text(), nullable=False),
    sa.Column('by_when', sa.Date(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('assessment_id', sa.String(length=64), nullable=True),
    sa.Column('sub_area_id', sa.String(length=64), nullable=True),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.CheckConstraint("record_kind = 'plan_action'", name=op.f('ck_plan_actions_record_kind')),
    sa.CheckConstraint("status IN ('open', 'done', 'not_done')", name=op.f('ck_plan_actions_status')),
    sa.CheckConstraint('(assessment_id IS NULL) = (sub_area_id IS NULL)', name=op.f('ck_plan_actions_target_whole')),
    sa.CheckConstraint('position >= 0', name=op.f('ck_plan_actions_position')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_plan_actions_assessment_id_assessments')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_plan_actions_id_record_kind_record_ids')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_actions_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_actions'))
    )
    op.create_table('plan_shares',
    sa.Column('plan_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('shared_at', _TIME, nullable=False),
    sa.Column('how', sa.Text(), nullable=False),
    sa.Column('shared_by', sa.Text(), nullable=False),
    sa.CheckConstraint('length(trim(how)) > 0', name=op.f('ck_plan_shares_how_given')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_shares_plan_id_plans')),
    sa.PrimaryKeyConstraint('plan_id', 'position', name=op.f('pk_plan_shares'))
    )
    op.create_table('plan_reviews',
    sa.Column('plan_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('held_at', _TIME, nullable=False),
    sa.Column('held_by', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_reviews_plan_id_plans')),
    sa.PrimaryKeyConstraint('plan_id', 'position', name=op.f('pk_plan_reviews'))
    )
    op.create_table('threshold_decisions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'level_decision'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('decided_at', _TIME, nullable=False),
    sa.Column('decided_by', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=64), nullable=False),
    sa.Column('suggested_level', sa.String(length=64), nullable=True),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('threshold_document', sa.Text(), nullable=False),
    sa.Column('assessment_id', sa.String(length=64), nullable=True),
    sa.Column('considered_events', sa.JSON(), nullable=False),
    sa.Column('considered_prompts', sa.JSON(), nullable=False),
    sa.CheckConstraint("record_kind = 'level_decision'", name=op.f('ck_threshold_decisions_record_kind')),
    sa.CheckConstraint('length(trim(reasoning)) > 0', name=op.f('ck_threshold_decisions_reasoning_given')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_threshold_decisions_assessment_id_assessments')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_threshold_decisions_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_threshold_decisions_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_threshold_decisions_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_threshold_decisions')),
    sa.UniqueConstraint('seq', name=op.f('uq_threshold_decisions_seq'))
    )
    op.create_table('escalations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'escalation'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('about', sa.Text(), nullable=False),
    sa.Column('with_whom', sa.Text(), nullable=False),
    sa.Column('raised_at', _TIME, nullable=False),
    sa.Column('raised_by', sa.Text(), nullable=False),
    sa.Column('raised_from_kind', sa.String(length=16), nullable=True),
    sa.Column('raised_from_ref', sa.String(length=128), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('closed_at', _TIME, nullable=True),
    sa.CheckConstraint("raised_from_kind IS NULL OR raised_from_kind IN ('prompt', 'outcome', 'plan_action')", name=op.f('ck_escalations_raised_from_kind')),
    sa.CheckConstraint("record_kind = 'escalation'", name=op.f('ck_escalations_record_kind')),
    sa.CheckConstraint('(closed_at IS NULL) = NOT (length(trim(outcome)) > 0)', name=op.f('ck_escalations_closed_with_outcome')),
    sa.CheckConstraint('(raised_from_kind IS NULL) = (raised_from_ref IS NULL)', name=op.f('ck_escalations_raised_from_whole')),
    sa.CheckConstraint('length(trim(about)) > 0', name=op.f('ck_escalations_about_given')),
    sa.CheckConstraint('length(trim(with_whom)) > 0', name=op.f('ck_escalations_with_whom_given')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_escalations_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_escalations_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_escalations_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalations')),
    sa.UniqueConstraint('seq', name=op.f('uq_escalations_seq'))
    )
    op.create_table('escalation_stages',
    sa.Column('escalation_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('stage', sa.Integer(), nullable=False),
    sa.Column('started_at', _TIME, nullable=False),
    sa.Column('response_due', sa.Date(), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('stage >= 1', name=op.f('ck_escalation_stages_stage')),
    sa.ForeignKeyConstraint(['escalation_id'], ['escalations.id'], name=op.f('fk_escalation_stages_escalation_id_escalations')),
    sa.PrimaryKeyConstraint('escalation_id', 'position', name=op.f('pk_escalation_stages'))
    )

    for table, columns, unique in _INDEXES:
        op.create_index(op.f(_index_name(table, columns)), table, columns, unique=unique)


def downgrade() -> None:
    for table, columns, _unique in _INDEXES:
        op.drop_index(op.f(_index_name(table, columns)), table_name=table)
    for table in ('escalation_stages', 'escalations', 'threshold_decisions', 'plan_reviews',
                  'plan_shares', 'plan_actions', 'plans'):
        op.drop_table(table)
    # Their ids would otherwise stay claimed by records that no longer exist.
    op.execute("DELETE FROM record_ids WHERE kind IN "
               "('plan', 'plan_action', 'level_decision', 'escalation')")
