"""Noticing, cheaply, that another process has changed the database.

The mirror polls several times a second for as long as the session runs, so a
poll must cost next to nothing. SQLite keeps a counter per connection that moves
whenever another connection commits (`PRAGMA data_version`); one connection is
kept open just to read it. Other databases get a small summary query instead.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from sessions.errors import StoreError
from sessions.models import Note, Session, TimerEvent
from sessions.store import Store, explain


class ChangeWatch:
    """`changed()` is true the first time it is asked, then whenever someone else has committed."""

    def __init__(self, store: Store):
        self._store = store
        self._connection = None
        self._last: object = object()  # matches nothing, so the first poll reports a change
        self._uses_data_version = store.url.get_backend_name() == "sqlite"

    def changed(self) -> bool:
        try:
            marker = self._data_version() if self._uses_data_version else self._summary()
        except DBAPIError as exc:
            self.close()  # a fresh connection next time, once the database is back
            raise StoreError(explain(exc, "watch the session")) from None
        if marker == self._last:
            return False
        self._last = marker
        return True

    def _data_version(self) -> int:
        if self._connection is None:
            self._connection = self._store.engine.raw_connection()
        cursor = self._connection.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    def _summary(self) -> tuple:
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
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
