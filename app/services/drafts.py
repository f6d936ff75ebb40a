"""Drafts: the autosave of typing not yet saved, so a crash, a flat battery or auto-lock loses
nothing. Owns the `drafts` table only; the screen that owns the typing chooses the key
(`visit:<visit_id>:notes`, `new-visit:<family_id>:notes`) and discards the draft once saved.

Drafts live only in the encrypted database, never in a plain file. They are deliberately NOT
audited: `save_draft` runs about once a second while someone types, and one event per
keystroke pause would flood the hash chain (and slow every autosave) without telling an auditor
anything; what matters, the record actually saved from the draft, is audited by its own service.

Like every service these write in the caller's unit of work; the caller commits (for autosave,
one small transaction per call).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from app.errors import UsageError
from app.services.registry import utc_key
from app.services.unit_of_work import UnitOfWork
from app.services.views import DraftView
from app.storage.models import Draft

KEY_LENGTH = 200


def _checked_key(key: str) -> str:
    if not isinstance(key, str) or not 1 <= len(key) <= KEY_LENGTH:
        raise UsageError(f"a draft key must be 1 to {KEY_LENGTH} characters")
    return key


# Columns, not ORM objects: the upsert and delete are Core statements, so an identity-map copy
# could be stale; plain rows always show what the database holds.
_COLUMNS = select(Draft.key, Draft.text, Draft.saved_at)


def _view(key: str, text: str, saved_at: str) -> DraftView:
    return DraftView(key, text, datetime.fromisoformat(saved_at))


def save_draft(uow: UnitOfWork, *, key: str, text: str) -> None:
    """Keep `text` under `key`, replacing any earlier draft: one statement, no read first.

    Empty text is kept too: clearing notes that were saved is itself an unsaved change.
    """
    if not isinstance(text, str):
        raise UsageError("a draft must be text")
    saved_at = utc_key(datetime.now(timezone.utc))
    statement = insert(Draft).values(key=_checked_key(key), text=text, saved_at=saved_at)
    uow.session.execute(
        statement.on_conflict_do_update(
            index_elements=[Draft.key],
            set_={"text": statement.excluded.text, "saved_at": statement.excluded.saved_at},
        )
    )


def load_draft(uow: UnitOfWork, key: str) -> DraftView | None:
    row = uow.session.execute(_COLUMNS.where(Draft.key == _checked_key(key))).first()
    return None if row is None else _view(*row)


def discard_draft(uow: UnitOfWork, key: str) -> None:
    """Forget the draft (after its text was saved, or the person chose to throw it away)."""
    uow.session.execute(delete(Draft).where(Draft.key == _checked_key(key)))


def list_drafts(uow: UnitOfWork) -> list[DraftView]:
    """Every draft, most recently saved first (to offer after an unlock or a crash)."""
    rows = uow.session.execute(_COLUMNS.order_by(Draft.saved_at.desc(), Draft.key))
    return [_view(*row) for row in rows]
