"""Noticing, cheaply, that another process has changed the database.

The mirror polls several times a second for as long as the session runs, so a
poll must cost next to nothing. SQLite keeps a counter per connection that moves
whenever another connection commits (`PRAGMA data_version`); one connection is
kept open just to read it. PostgreSQL tells a listening connection of every commit
(triggers from migration 0013 send NOTIFY), so a poll only looks at what has
already arrived, sending nothing. Other databases get a small summary query instead.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from sessions.errors import StoreError
from sessions.models import Note, Session, TimerEvent
from sessions.store import Store, explain

if TYPE_CHECKING:
    # Loaded only for a PostgreSQL database, by the dialect itself.
    import psycopg

CHANNEL = "facilitator_changes"
"""Named as migration 0013's triggers name it."""
CHECK_SECONDS = 5.0
"""How often a listening connection is asked if it is still there: a server that has
gone, or a network that dropped, sends no notice of its own."""


class ChangeWatch:
    """`changed()` is true the first time it is asked, then whenever someone else has committed."""

    def __init__(self, store: Store):
        self._store = store
        self._listener: psycopg.Connection[Any] | None = None
        """PostgreSQL's listening connection, outside the pool."""
        self._connection: PoolProxiedConnection | None = None
        """SQLite's connection kept open to read its data_version."""
        self._last: object = object()  # matches nothing, so the first poll reports a change
        self._backend = store.url.get_backend_name()
        if self._backend == "postgresql" and store.url.get_driver_name() != "psycopg":
            self._backend = "other"  # notices are read through psycopg's own API
        self._checked_at = 0.0
        self._listeners = 0
        """Listeners made so far: a new one's socket may reuse the old one's number."""

    def changed(self) -> bool:
        try:
            if self._backend == "postgresql":
                return self._notified()
            marker = self._data_version() if self._backend == "sqlite" else self._summary()
        except DBAPIError as exc:
            self.close()  # a fresh connection next time, once the database is back
            raise StoreError(explain(exc, "watch the session")) from None
        except self._store.engine.dialect.loaded_dbapi.Error as exc:  # the listener's own
            self.close()
            raise StoreError(explain(exc, "watch the session")) from None
        if marker == self._last:
            return False
        self._last = marker
        return True

    def _notified(self) -> bool:
        """Whether a notice of a commit has come since the last poll (or a new listener)."""
        if self._listener is None:
            engine = self._store.engine
            # Its own connection, outside the pool: it listens for as long as the watch lives.
            cargs, cparams = engine.dialect.create_connect_args(engine.url)
            # SQLAlchemy types what the driver returns as a bare DB-API connection; with the
            # psycopg driver (checked in __init__) it is psycopg's own, notifies() and all.
            listener = cast("psycopg.Connection[Any]", engine.dialect.connect(*cargs, **cparams))
            self._listener = listener
            self._listeners += 1
            listener.autocommit = True
            listener.execute(f"LISTEN {CHANNEL}")
            self._checked_at = time.monotonic()
            return True  # what changed before it listened is unknown: read it all once
        if time.monotonic() - self._checked_at >= CHECK_SECONDS:
            self._listener.execute("SELECT 1")  # raises once the server is gone
            self._checked_at = time.monotonic()
            # A notice arriving during that round trip is not kept for the loop below:
            # count the check itself as a change, at the cost of one read in five seconds.
            return True
        # Every notice waiting is taken, so none is left to report the same change twice.
        return sum(1 for _ in self._listener.notifies(timeout=0)) > 0

    def listening(self) -> tuple[int, int] | None:
        """PostgreSQL's listening socket, as (which listener, its file number), once the
        first `changed()` has made it: it turns readable when a notice comes, or when the
        server goes. Waiting on it, one need not poll; reading it is for `changed()` alone."""
        if self._listener is None or self._listener.closed:
            return None
        return self._listeners, self._listener.fileno()

    def _data_version(self) -> int:
        if self._connection is None:
            self._connection = self._store.engine.raw_connection()
        cursor = self._connection.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            row = cursor.fetchone()
            assert row is not None, "SQLite always answers PRAGMA data_version"
            version: int = row[0]
            return version
        finally:
            cursor.close()

    def _summary(self) -> tuple[Any, ...]:
        """What the mirror shows changes only with a new row (a clock event, a note, a
        session), a soft delete or an edit; a rebalance logs a clock event too."""
        with self._store.reading() as db:
            return tuple(
                db.execute(
                    select(
                        select(func.max(TimerEvent.id)).scalar_subquery(),
                        select(func.max(Note.id)).scalar_subquery(),
                        select(func.count(Note.deleted_at)).scalar_subquery(),
                        select(func.max(Note.edited_at)).scalar_subquery(),
                        select(func.max(Session.id)).scalar_subquery(),
                    )
                ).one()
            )

    def close(self) -> None:
        # data_version is counted per connection: after a new one, the first reading
        # must count as a change, or a screen left showing an error would stay so.
        self._last = object()
        connection = self._listener or self._connection
        self._listener = self._connection = None
        if connection is not None:
            connection.close()
