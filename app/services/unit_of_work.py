"""The unit of work: one session, one transaction, rolled back unless the use case commits."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from app.storage.database import Database


class UnitOfWork:
    """`with UnitOfWork(db) as uow: ...; uow.commit()`. Leaving without commit rolls back."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._db.session()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()  # a no-op after commit(); discards anything uncommitted
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
