"""drafts and professionals: autosaved typing, and the professionals involved with a family.

`drafts` holds unsaved typing (key such as `visit:<id>:notes`, text, `saved_at` as fixed-width
UTC ISO text); it lives only in this encrypted file. `professionals` is a new registered record
kind, so the `record_ids` kind CHECK is widened (a batch rebuild of `record_ids`: SQLite cannot
alter a CHECK in place). A partial unique index keeps at most one lead professional per family.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 02:27:28.490696
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | None = None
depends_on: str | None = None

_KINDS_0001 = "'practitioner', 'family', 'carer', 'child', 'visit'"
_KINDS_0002 = _KINDS_0001 + ", 'professional'"


def _record_kinds(kinds: str) -> None:
    # Named CHECKs are reflected and carried over by the batch rebuild (Alembic >= 1.7), so
    # `ck_record_ids_id_length` and the (id, kind) unique key survive; only `kind` is replaced.
    with op.batch_alter_table('record_ids', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_record_ids_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_record_ids_kind'), sa.text(f'kind IN ({kinds})'))


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('length(key) BETWEEN 1 AND 200', name=op.f('ck_drafts_key_length')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_drafts'))
    )
    _record_kinds(_KINDS_0002)
    op.create_table('professionals',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'professional'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('agency', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('lead', sa.Boolean(create_constraint=True, name='lead'), nullable=False),
    sa.CheckConstraint("record_kind = 'professional'", name=op.f('ck_professionals_record_kind')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_professionals_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_professionals_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_professionals')),
    sa.UniqueConstraint('seq', name=op.f('uq_professionals_seq'))
    )
    with op.batch_alter_table('professionals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_professionals_family_id_seq'), ['family_id', 'seq'], unique=False)
        batch_op.create_index('ix_professionals_one_lead_per_family', ['family_id'], unique=True, sqlite_where=sa.text('lead = 1'))


def downgrade() -> None:
    with op.batch_alter_table('professionals', schema=None) as batch_op:
        batch_op.drop_index('ix_professionals_one_lead_per_family', sqlite_where=sa.text('lead = 1'))
        batch_op.drop_index(batch_op.f('ix_professionals_family_id_seq'))

    op.drop_table('professionals')
    # The narrower CHECK would refuse the copied rows of a kind 0001 does not know.
    op.execute("DELETE FROM record_ids WHERE kind = 'professional'")
    _record_kinds(_KINDS_0001)
    op.drop_table('drafts')
