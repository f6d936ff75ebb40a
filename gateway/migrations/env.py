"""Alembic environment of the gateway database: always run in code by `gateway.schema`.

There is no alembic.ini and no URL here: `gateway.schema.upgrade_schema` opens the connection,
takes the upgrade lock and passes the connection through `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from gateway.models import Base
from gateway.schema import VERSION_TABLE


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("gateway migrations run only through gateway.schema on an open connection")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported for the gateway")
run_migrations_online()
