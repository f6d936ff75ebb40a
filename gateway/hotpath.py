"""The per-submission SQL, run on the pool's DB-API connection instead of SQLAlchemy's execution layer.

Every device request reads the device row, and every submission spends its token, checks for a
duplicate, inserts and stores its receipt. Through SQLAlchemy Core each of those statements cost
about 0.1 ms of CPU (execution context, events, parameter processing), through the DB-API
connection about 0.015 ms; at the bench's rate that was a fifth of the gateway's CPU
(bench/bench_gateway.py). So these few statements are still written as Core statements against
the models (`models.py` stays the one description of the schema), compiled once per dialect to
the driver's SQL, and executed on `engine.raw_connection()` with SQLAlchemy's own bind
processors (a datetime reaches SQLite in exactly the text form the ORM writes and reads).

Transactions are explicit: SQLite gets `BEGIN IMMEDIATE` (the connection is in autocommit mode,
see storage._sqlite_pragmas), PostgreSQL psycopg's implicit transaction; `commit()` before the
caller answers. Driver errors come out as SQLAlchemy's exception classes (IntegrityError,
OperationalError, …), so callers and the HTTP layer treat them as they treat any database
error; a connection the driver reports as lost is invalidated, not returned to the pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable


@dataclass(frozen=True)
class RawStatement:
    """A Core statement compiled for one dialect: its SQL, parameter order and bind processors."""

    sql: str
    positional: tuple[str, ...] | None  # qmark/format drivers take a tuple in this order
    processors: Mapping[str, Callable[[Any], Any]]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        processed = {name: (self.processors[name](value) if name in self.processors else value)
                     for name, value in values.items()}
        if self.positional is None:
            return processed
        return tuple(processed[name] for name in self.positional)


def compile_raw(statement: Executable, engine: Engine) -> RawStatement:
    dialect = engine.dialect
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    processors = {}
    for name, bind in compiled.binds.items():
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            processors[name] = processor
    positional = tuple(compiled.positiontup) if compiled.positional else None
    return RawStatement(str(compiled), positional, processors)


class RawConnection:
    """One checked-out DB-API connection running `RawStatement`s."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection = engine.raw_connection()
        self._cursor = self._connection.cursor()

    def execute(self, statement: RawStatement, values: Mapping[str, Any]) -> Any:
        """Run `statement`; returns the driver's cursor (for `fetchone`)."""
        try:
            self._cursor.execute(statement.sql, statement.parameters(values))
        except Exception as exc:
            raise self._translate(exc, statement.sql) from exc
        return self._cursor

    def first(self, statement: RawStatement, values: Mapping[str, Any]) -> Any:
        """The first row (a tuple) or None."""
        cursor = self.execute(statement, values)
        try:
            return cursor.fetchone()
        except Exception as exc:
            raise self._translate(exc, statement.sql) from exc

    def begin_immediate_if_sqlite(self) -> None:
        if self._engine.dialect.name == "sqlite":
            self.run_sql("BEGIN IMMEDIATE")  # take the write lock now, not at the first write

    def commit(self) -> None:
        try:
            self._connection.commit()
        except Exception as exc:
            raise self._translate(exc, "COMMIT") from exc

    def rollback(self) -> None:
        try:
            self._connection.rollback()
        except Exception:  # noqa: BLE001 - already failing; the pool discards a broken connection
            self._connection.invalidate()

    def close(self) -> None:
        try:
            self._cursor.close()
        finally:
            self._connection.close()  # back to the pool, which rolls back anything left open

    def run_sql(self, sql: str) -> None:
        """A statement without parameters or result (BEGIN, SAVEPOINT, …)."""
        try:
            self._cursor.execute(sql)
        except Exception as exc:
            raise self._translate(exc, sql) from exc

    def _translate(self, exc: Exception, sql: str) -> Exception:
        dialect = self._engine.dialect
        dbapi = dialect.loaded_dbapi
        if not isinstance(exc, dbapi.Error):
            return exc
        lost = dialect.is_disconnect(exc, self._connection.dbapi_connection, self._cursor)
        if lost:
            self._connection.invalidate(exc)
        return DBAPIError.instance(sql, None, exc, dbapi.Error, connection_invalidated=lost, dialect=dialect)


@contextmanager
def raw_connection(engine: Engine) -> Iterator[RawConnection]:
    """A pooled connection for single statements (reads; on SQLite each is its own transaction)."""
    connection = RawConnection(engine)
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def raw_transaction(engine: Engine) -> Iterator[RawConnection]:
    """A write transaction: committed when the block ends, rolled back if it raises."""
    connection = RawConnection(engine)
    try:
        connection.begin_immediate_if_sqlite()
        yield connection
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()
