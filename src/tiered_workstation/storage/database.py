"""Engine and sessions for a site database (SQLite file or PostgreSQL URL).

Two kinds of transaction:

* :meth:`Database.session` for reading — on SQLite a deferred transaction, so
  readers never wait for writers (WAL mode);
* :meth:`Database.transaction` for writing — on SQLite ``BEGIN IMMEDIATE``, so
  concurrent writers queue on the busy timeout instead of failing half-way
  with "database is locked".

Events queued with :func:`publish_after_commit` reach the bus only once the
transaction has committed, so no subscriber ever sees a change that was
rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from ..events import Event, EventBus

LOGGER = logging.getLogger(__name__)

_PENDING = "tw_pending_events"
_WRITE = "tw_write"
SQLITE_BUSY_TIMEOUT_S = 30


def publish_after_commit(session: Session, event_: Event) -> None:
    """Queue ``event_`` to be published when ``session`` commits (dropped on rollback)."""
    session.info.setdefault(_PENDING, []).append(event_)


class Database:
    """One site database: engine, session factory and event hand-off."""

    def __init__(self, url: str | URL, bus: EventBus | None = None, *, echo: bool = False):
        self.url = make_url(url)
        self.bus = bus if bus is not None else EventBus()
        self.engine = self._create_engine(echo)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._factory, "after_commit", self._after_commit)
        event.listen(self._factory, "after_soft_rollback", self._after_rollback)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, for SQLite files; None for servers or memory."""
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def _create_engine(self, echo: bool) -> Engine:
        if not self.is_sqlite:
            return create_engine(self.url, echo=echo, pool_pre_ping=True)
        kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S,
                                                   "check_same_thread": False}}
        path = self.sqlite_path
        if path is None:
            kwargs["poolclass"] = StaticPool  # one shared in-memory database
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(self.url, echo=echo, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine

    def session(self) -> Session:
        """A session for reading (use as a context manager)."""
        return self._factory()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any exception."""
        session = self._factory()
        try:
            session.connection(execution_options={_WRITE: True})
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _after_commit(self, session: Session) -> None:
        for pending in session.info.pop(_PENDING, []):
            self.bus.publish(pending)

    @staticmethod
    def _after_rollback(session: Session, previous_transaction: Any) -> None:
        session.info.pop(_PENDING, None)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # Let SQLAlchemy's "begin" hook own transactions instead of the sqlite3 module.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() not in ("wal", "memory"):
            LOGGER.warning("SQLite refused WAL mode (got %s); concurrent readers will wait", mode)
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
