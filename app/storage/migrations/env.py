"""Alembic environment: always run in code by app.storage.database on an open, keyed connection.

There is no offline (SQL script) mode and no URL here: the key must never appear in a config
file, so the caller passes its connection through `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.storage.models import Base


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("migrations run only through app.storage.database on an open database")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported for encrypted profiles")
run_migrations_online()
