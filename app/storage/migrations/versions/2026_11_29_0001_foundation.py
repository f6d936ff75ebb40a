"""foundation: practitioner, families, carers, children, visits, presence, id registry, audit log.

Timestamps (`occurred_at`, `recorded_at`) are ISO 8601 text with offset; `occurred_utc` is the
fixed-width UTC copy used for ordering. Each record table's (id, record_kind) references the
`record_ids` registry, which makes ids unique across every kind of record.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 02:10:51.803933
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('record_kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_events_hash')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_events_id'))
    )
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_audit_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('record_ids',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.CheckConstraint("kind IN ('practitioner', 'family', 'carer', 'child', 'visit')", name=op.f('ck_record_ids_kind')),
    sa.CheckConstraint('length(id) BETWEEN 1 AND 64', name=op.f('ck_record_ids_id_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_ids')),
    sa.UniqueConstraint('id', 'kind', name=op.f('uq_record_ids_id_kind'))
    )
    op.create_table('families',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'family'"), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.CheckConstraint("record_kind = 'family'", name=op.f('ck_families_record_kind')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_families_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_families')),
    sa.UniqueConstraint('seq', name=op.f('uq_families_seq'))
    )
    op.create_table('practitioners',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'practitioner'"), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('organisation', sa.Text(), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('agency', sa.Text(), nullable=True),
    sa.Column('gcp2_trained_on', sa.Date(), nullable=True),
    sa.CheckConstraint("record_kind = 'practitioner'", name=op.f('ck_practitioners_record_kind')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_practitioners_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practitioners')),
    sa.UniqueConstraint('seq', name=op.f('uq_practitioners_seq'))
    )
    op.create_table('carers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'carer'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('relationship', sa.Text(), nullable=False),
    sa.Column('parental_responsibility', sa.Boolean(create_constraint=True, name='parental_responsibility'), nullable=False),
    sa.CheckConstraint("record_kind = 'carer'", name=op.f('ck_carers_record_kind')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_carers_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_carers_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carers')),
    sa.UniqueConstraint('id', 'family_id', name=op.f('uq_carers_id_family_id')),
    sa.UniqueConstraint('seq', name=op.f('uq_carers_seq'))
    )
    with op.batch_alter_table('carers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_carers_family_id_seq'), ['family_id', 'seq'], unique=False)

    op.create_table('children',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'child'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('nhs_number', sa.String(length=16), nullable=True),
    sa.CheckConstraint("record_kind = 'child'", name=op.f('ck_children_record_kind')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_children_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_children_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children')),
    sa.UniqueConstraint('id', 'family_id', name=op.f('uq_children_id_family_id')),
    sa.UniqueConstraint('seq', name=op.f('uq_children_seq'))
    )
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_children_family_id_seq'), ['family_id', 'seq'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'visit'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.Column('occurred_utc', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('announced', 'unannounced')", name=op.f('ck_visits_kind')),
    sa.CheckConstraint("record_kind = 'visit'", name=op.f('ck_visits_record_kind')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_visits_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_visits_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits')),
    sa.UniqueConstraint('id', 'family_id', name=op.f('uq_visits_id_family_id')),
    sa.UniqueConstraint('seq', name=op.f('uq_visits_seq'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_family_id_occurred_utc'), ['family_id', 'occurred_utc'], unique=False)

    op.create_table('visit_presence',
    sa.Column('visit_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('carer_id', sa.String(length=64), nullable=True),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.CheckConstraint('(carer_id IS NULL) <> (child_id IS NULL)', name=op.f('ck_visit_presence_one_person')),
    sa.ForeignKeyConstraint(['carer_id', 'family_id'], ['carers.id', 'carers.family_id'], name=op.f('fk_visit_presence_carer_id_family_id_carers')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_visit_presence_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['visit_id', 'family_id'], ['visits.id', 'visits.family_id'], name=op.f('fk_visit_presence_visit_id_family_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'position', name=op.f('pk_visit_presence')),
    sa.UniqueConstraint('visit_id', 'carer_id', name=op.f('uq_visit_presence_visit_id_carer_id')),
    sa.UniqueConstraint('visit_id', 'child_id', name=op.f('uq_visit_presence_visit_id_child_id'))
    )


def downgrade() -> None:
    op.drop_table('visit_presence')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_family_id_occurred_utc'))

    op.drop_table('visits')
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_children_family_id_seq'))

    op.drop_table('children')
    with op.batch_alter_table('carers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_carers_family_id_seq'))

    op.drop_table('carers')
    op.drop_table('practitioners')
    op.drop_table('families')
    op.drop_table('record_ids')
    op.drop_table('audit_head')
    op.drop_table('audit_events')
