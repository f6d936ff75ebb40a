"""record kinds for this round's features, and planned visits (the next visit booked with a family).

The `record_ids` kind CHECK is widened once here for every record kind the planned-visit, sharing
and plans/levels/escalation revisions (0005–0007) add, so those revisions create only their own
tables. Then: the `planned_visits` table (booked, held by a recorded visit, or cancelled with a
reason), and `visits.amended_at`, the time a saved visit was last corrected (its `recorded_at`
stays the time of the first entry). Values in CHECKs are spelled out here, not imported, so this
revision stays what it was when released.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | None = None
depends_on: str | None = None

_KINDS_0004 = (
    "'practitioner', 'family', 'carer', 'child', 'visit', 'professional', 'assessment', "
    "'lived_experience', 'chronology_entry'"
)
_NEW_KINDS = ("planned_visit", "sharing_decision", "plan", "plan_action", "level_decision",
              "escalation")
_KINDS_0005 = _KINDS_0004 + ", " + ", ".join(f"'{kind}'" for kind in _NEW_KINDS)


def _record_kinds(kinds: str) -> None:
    with op.batch_alter_table('record_ids', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_record_ids_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_record_ids_kind'), sa.text(f'kind IN ({kinds})'))


def upgrade() -> None:
    _record_kinds(_KINDS_0005)
    op.create_table('planned_visits',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'planned_visit'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('visit_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('planned_for', sa.String(length=40), nullable=False),
    sa.Column('planned_utc', sa.String(length=40), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.CheckConstraint("record_kind = 'planned_visit'", name=op.f('ck_planned_visits_record_kind')),
    sa.CheckConstraint("status IN ('booked', 'held', 'cancelled')", name=op.f('ck_planned_visits_status')),
    sa.CheckConstraint("(status = 'held') = (visit_id IS NOT NULL)", name=op.f('ck_planned_visits_held_by_a_visit')),
    sa.CheckConstraint("(status = 'cancelled') = (length(trim(cancel_reason)) > 0)", name=op.f('ck_planned_visits_cancel_reason')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_planned_visits_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['visit_id', 'family_id'], ['visits.id', 'visits.family_id'], name=op.f('fk_planned_visits_visit_id_family_id_visits')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_planned_visits_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_planned_visits_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planned_visits')),
    sa.UniqueConstraint('seq', name=op.f('uq_planned_visits_seq'))
    )
    op.create_index(op.f('ix_planned_visits_family_id_status_planned_utc'), 'planned_visits',
                    ['family_id', 'status', 'planned_utc'])
    # A plain ADD COLUMN, not a batch rebuild: rebuilding `visits` would drop the FTS triggers
    # revision 0004 put on it.
    op.add_column('visits', sa.Column('amended_at', sa.String(length=40), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops a plain column in place, keeping the triggers on `visits`.
    op.execute("ALTER TABLE visits DROP COLUMN amended_at")
    op.drop_index(op.f('ix_planned_visits_family_id_status_planned_utc'), table_name='planned_visits')
    op.drop_table('planned_visits')
    kinds = ", ".join(f"'{kind}'" for kind in _NEW_KINDS)
    op.execute(f"DELETE FROM record_ids WHERE kind IN ({kinds})")
    _record_kinds(_KINDS_0004)
