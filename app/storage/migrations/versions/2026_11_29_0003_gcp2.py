"""gcp2: Graded Care Profile 2 assessments (per child) and the imported content pack.

`assessment` becomes a registered record kind, so the `record_ids` kind CHECK is widened (a
batch rebuild, as in 0002). `assessments` references its child through (child_id, family_id)
and its `previous` through (previous_id, child_id), so a re-grade stays with the same child.
Sub-area grades, confirmed area grades, targets and addenda hang off an assessment; every grade
is NULL or 1-5. `content_packs` keeps each imported pack's signed bytes (licensed text), only
ever inside this encrypted file. Timestamps are ISO 8601 text with offset.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 02:59:50.984002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | None = None
depends_on: str | None = None

_KINDS_0002 = "'practitioner', 'family', 'carer', 'child', 'visit', 'professional'"
_KINDS_0003 = _KINDS_0002 + ", 'assessment'"


def _record_kinds(kinds: str) -> None:
    # As in 0002: the batch rebuild carries the other named CHECKs and the (id, kind) key over.
    with op.batch_alter_table('record_ids', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_record_ids_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_record_ids_kind'), sa.text(f'kind IN ({kinds})'))


def upgrade() -> None:
    _record_kinds(_KINDS_0003)
    op.create_table('content_packs',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('pack_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('organisation', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.String(length=40), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('signing_key', sa.LargeBinary(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('signed_pack', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint('version >= 1', name=op.f('ck_content_packs_version')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_content_packs')),
    sa.UniqueConstraint('pack_id', 'version', name=op.f('uq_content_packs_pack_id_version'))
    )
    op.create_table('assessments',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'assessment'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('tool', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.String(length=40), nullable=False),
    sa.Column('completed_at', sa.String(length=40), nullable=True),
    sa.Column('previous_id', sa.String(length=64), nullable=True),
    sa.Column('strengths', sa.Text(), nullable=False),
    sa.Column('carer_views', sa.Text(), nullable=False),
    sa.Column('child_views', sa.Text(), nullable=False),
    sa.Column('parent_agrees', sa.Boolean(create_constraint=True, name='parent_agrees'), nullable=True),
    sa.Column('parent_comments', sa.Text(), nullable=False),
    sa.Column('practitioner_only', sa.Text(), nullable=False),
    sa.Column('pack_id', sa.String(length=64), nullable=True),
    sa.Column('pack_version', sa.Integer(), nullable=True),
    sa.CheckConstraint("(status = 'complete') = (completed_at IS NOT NULL)", name=op.f('ck_assessments_completed_when_complete')),
    sa.CheckConstraint("record_kind = 'assessment'", name=op.f('ck_assessments_record_kind')),
    sa.CheckConstraint("status IN ('draft', 'complete')", name=op.f('ck_assessments_status')),
    sa.CheckConstraint("tool = 'gcp2'", name=op.f('ck_assessments_tool')),
    sa.CheckConstraint('previous_id IS NULL OR previous_id <> id', name=op.f('ck_assessments_not_own_previous')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_assessments_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_assessments_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_assessments_id_record_kind_record_ids')),
    sa.ForeignKeyConstraint(['previous_id', 'child_id'], ['assessments.id', 'assessments.child_id'], name=op.f('fk_assessments_previous_id_child_id_assessments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments')),
    sa.UniqueConstraint('id', 'child_id', name=op.f('uq_assessments_id_child_id')),
    sa.UniqueConstraint('seq', name=op.f('uq_assessments_seq'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_child_id_seq'), ['child_id', 'seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_family_id_seq'), ['family_id', 'seq'], unique=False)

    op.create_table('assessment_addenda',
    sa.Column('assessment_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_addenda_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'position', name=op.f('pk_assessment_addenda'))
    )
    op.create_table('assessment_areas',
    sa.Column('assessment_id', sa.String(length=64), nullable=False),
    sa.Column('area_id', sa.String(length=32), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.CheckConstraint("area_id IN ('physical_care', 'safety', 'emotional_care', 'developmental_care')", name=op.f('ck_assessment_areas_area_id')),
    sa.CheckConstraint('grade BETWEEN 1 AND 5', name=op.f('ck_assessment_areas_grade')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_areas_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'area_id', name=op.f('pk_assessment_areas'))
    )
    op.create_table('assessment_sub_areas',
    sa.Column('assessment_id', sa.String(length=64), nullable=False),
    sa.Column('sub_area_id', sa.String(length=64), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.CheckConstraint("sub_area_id IN ('physical_care.nutrition', 'physical_care.housing', 'physical_care.clothing', 'physical_care.hygiene', 'physical_care.health', 'safety.in_presence', 'safety.in_absence', 'emotional_care.carer', 'emotional_care.mutual_engagement', 'developmental_care.stimulation', 'developmental_care.approval', 'developmental_care.disapproval', 'developmental_care.acceptance')", name=op.f('ck_assessment_sub_areas_sub_area_id')),
    sa.CheckConstraint('grade IS NULL OR grade BETWEEN 1 AND 5', name=op.f('ck_assessment_sub_areas_grade')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_sub_areas_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'sub_area_id', name=op.f('pk_assessment_sub_areas'))
    )
    op.create_table('assessment_targets',
    sa.Column('assessment_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sub_area_id', sa.String(length=64), nullable=False),
    sa.Column('current_grade', sa.Integer(), nullable=False),
    sa.Column('target_grade', sa.Integer(), nullable=False),
    sa.Column('review_by', sa.Date(), nullable=False),
    sa.Column('review_grade', sa.Integer(), nullable=True),
    sa.CheckConstraint("sub_area_id IN ('physical_care.nutrition', 'physical_care.housing', 'physical_care.clothing', 'physical_care.hygiene', 'physical_care.health', 'safety.in_presence', 'safety.in_absence', 'emotional_care.carer', 'emotional_care.mutual_engagement', 'developmental_care.stimulation', 'developmental_care.approval', 'developmental_care.disapproval', 'developmental_care.acceptance')", name=op.f('ck_assessment_targets_sub_area_id')),
    sa.CheckConstraint('current_grade BETWEEN 1 AND 5', name=op.f('ck_assessment_targets_current_grade')),
    sa.CheckConstraint('review_grade IS NULL OR review_grade BETWEEN 1 AND 5', name=op.f('ck_assessment_targets_review_grade')),
    sa.CheckConstraint('target_grade BETWEEN 1 AND 5', name=op.f('ck_assessment_targets_target_grade')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_targets_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'position', name=op.f('pk_assessment_targets'))
    )


def downgrade() -> None:
    op.drop_table('assessment_targets')
    op.drop_table('assessment_sub_areas')
    op.drop_table('assessment_areas')
    op.drop_table('assessment_addenda')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_family_id_seq'))
        batch_op.drop_index(batch_op.f('ix_assessments_child_id_seq'))

    op.drop_table('assessments')
    op.drop_table('content_packs')
    # The narrower CHECK would refuse the copied rows of a kind 0002 does not know.
    op.execute("DELETE FROM record_ids WHERE kind = 'assessment'")
    _record_kinds(_KINDS_0002)
