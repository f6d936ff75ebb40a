"""lived experience: day-in-the-life entries, other agencies' chronology entries, prompt
dismissals, and the FTS5 index over every note.

`lived_experience` and `chronology_entry` become registered record kinds (the `record_ids` kind
CHECK is widened by a batch rebuild, as in 0002 and 0003). `notes_fts` is an FTS5 virtual table
inside this encrypted file over visit notes, lived-experience text, child's words and impact, and
chronology event, impact and outcome; triggers keep it in step with the three tables, so no code
path (services, import, plain SQL) can leave it stale. Existing visit notes are indexed here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 03:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | None = None
depends_on: str | None = None

_KINDS_0003 = (
    "'practitioner', 'family', 'carer', 'child', 'visit', 'professional', 'assessment'"
)
_KINDS_0004 = _KINDS_0003 + ", 'lived_experience', 'chronology_entry'"
_PART_OF_DAY = "'early_morning', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'holiday'"
_SOURCE = "'observed', 'child', 'carer', 'other_agency'"

# What each indexed table contributes to the one searchable `body` column.
_BODIES = {
    "visits": ("visit", "new.notes"),
    "lived_experience": (
        "lived_experience",
        "new.text || char(10) || new.child_voice || char(10) || new.impact",
    ),
    "chronology_entries": (
        "chronology_entry",
        "new.event || char(10) || new.impact || char(10) || new.outcome",
    ),
}


def _record_kinds(kinds: str) -> None:
    with op.batch_alter_table('record_ids', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_record_ids_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_record_ids_kind'), sa.text(f'kind IN ({kinds})'))


def _create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE notes_fts USING fts5(record_kind UNINDEXED, record_id UNINDEXED, "
        "family_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, (kind, body) in _BODIES.items():
        insert = (
            f"INSERT INTO notes_fts (record_kind, record_id, family_id, body) "
            f"VALUES ('{kind}', new.id, new.family_id, {body});"
        )
        delete = f"DELETE FROM notes_fts WHERE record_id = old.id AND record_kind = '{kind}';"
        op.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(
            f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )
        op.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN {delete} END")
    op.execute(
        "INSERT INTO notes_fts (record_kind, record_id, family_id, body) "
        "SELECT 'visit', id, family_id, notes FROM visits"
    )


def upgrade() -> None:
    _record_kinds(_KINDS_0004)
    op.create_table('lived_experience',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'lived_experience'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=False),
    sa.Column('visit_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.Column('part_of_day', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('child_voice', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.CheckConstraint("record_kind = 'lived_experience'", name=op.f('ck_lived_experience_record_kind')),
    sa.CheckConstraint(f"part_of_day IN ({_PART_OF_DAY})", name=op.f('ck_lived_experience_part_of_day')),
    sa.CheckConstraint(f"source IN ({_SOURCE})", name=op.f('ck_lived_experience_source')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_lived_experience_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['visit_id', 'family_id'], ['visits.id', 'visits.family_id'], name=op.f('fk_lived_experience_visit_id_family_id_visits')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_lived_experience_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_lived_experience_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lived_experience')),
    sa.UniqueConstraint('seq', name=op.f('uq_lived_experience_seq'))
    )
    op.create_index(op.f('ix_lived_experience_family_id_seq'), 'lived_experience', ['family_id', 'seq'])
    op.create_table('chronology_entries',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('record_kind', sa.String(length=16), server_default=sa.text("'chronology_entry'"), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.Column('event', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.CheckConstraint("record_kind = 'chronology_entry'", name=op.f('ck_chronology_entries_record_kind')),
    sa.ForeignKeyConstraint(['child_id', 'family_id'], ['children.id', 'children.family_id'], name=op.f('fk_chronology_entries_child_id_family_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_chronology_entries_family_id_families')),
    sa.ForeignKeyConstraint(['id', 'record_kind'], ['record_ids.id', 'record_ids.kind'], name=op.f('fk_chronology_entries_id_record_kind_record_ids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chronology_entries')),
    sa.UniqueConstraint('seq', name=op.f('uq_chronology_entries_seq'))
    )
    op.create_index(op.f('ix_chronology_entries_family_id_seq'), 'chronology_entries', ['family_id', 'seq'])
    op.create_table('prompt_dismissals',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('prompt_key', sa.String(length=64), nullable=False),
    sa.Column('family_id', sa.String(length=64), nullable=False),
    sa.Column('child_id', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('dismissed_by', sa.Text(), nullable=False),
    sa.Column('dismissed_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('length(trim(reason)) > 0', name=op.f('ck_prompt_dismissals_reason_given')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_prompt_dismissals_child_id_children')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_prompt_dismissals_family_id_families')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_prompt_dismissals'))
    )
    op.create_index(op.f('ix_prompt_dismissals_prompt_key'), 'prompt_dismissals', ['prompt_key'])
    _create_search_index()


def downgrade() -> None:
    for table in _BODIES:
        for when in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{when}")
    op.execute("DROP TABLE IF EXISTS notes_fts")
    op.drop_index(op.f('ix_prompt_dismissals_prompt_key'), table_name='prompt_dismissals')
    op.drop_table('prompt_dismissals')
    op.drop_index(op.f('ix_chronology_entries_family_id_seq'), table_name='chronology_entries')
    op.drop_table('chronology_entries')
    op.drop_index(op.f('ix_lived_experience_family_id_seq'), table_name='lived_experience')
    op.drop_table('lived_experience')
    # The narrower CHECK would refuse the copied rows of kinds 0003 does not know.
    op.execute("DELETE FROM record_ids WHERE kind IN ('lived_experience', 'chronology_entry')")
    _record_kinds(_KINDS_0003)
