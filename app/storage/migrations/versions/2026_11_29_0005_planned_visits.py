"""record kinds for this round's features, and planned visits (the next visit booked with a family).

The `record_ids` kind CHECK is widened once here for every record kind the planned-visit, sharing
and plans/levels/escalation revisions (0005–0007) add, so those revisions create only their own
tables. The planned-visit table itself is added below by the desktop-shell work.

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


def downgrade() -> None:
    kinds = ", ".join(f"'{kind}'" for kind in _NEW_KINDS)
    op.execute(f"DELETE FROM record_ids WHERE kind IN ({kinds})")
    _record_kinds(_KINDS_0004)
