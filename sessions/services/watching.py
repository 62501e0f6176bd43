"""Whether the room can see a session: the front door to `sessions.domain.watching`.

A mirror opens its database read-only, so it cannot change the session it shows.
To be known it needs one write of its own: `RoomWatcher` keeps a second, writable way
in for that row alone, opened when first needed and closed when the mirror stops.
"""

from __future__ import annotations

from datetime import datetime

from sessions.domain import watching
from sessions.domain.leases import Holder
from sessions.store import Store


def room_is_watching(store: Store, session_id: int, now: datetime) -> bool:
    """Whether a running mirror shows this session (or follows whichever session runs)."""
    with store.reading() as db:
        return watching.watched(db, session_id, now)


def room_sees_a_session(store: Store, now: datetime) -> bool:
    """Whether a running mirror shows any session: what is on the laptop's screen is not
    tied to the one it shows."""
    with store.reading() as db:
        return watching.anyone_watching(db, now)


class RoomWatcher:
    """A mirror's heartbeat row: `beat` says what it shows, `stop` says it has gone."""

    def __init__(self, store: Store, holder: Holder):
        self._url = store.url
        self._holder = holder
        self._writer: Store | None = None

    def beat(self, session_id: int | None, now: datetime) -> None:
        """Say the room sees `session_id` (None: whichever runs); StoreError if it cannot."""
        if self._writer is None:
            # The mirror's own store was found at this version's schema, so opening
            # it writable migrates nothing: only this row is ever written through it.
            self._writer = Store.open(self._url)
        with self._writer.transaction("tell the laptop the room is watching") as db:
            watching.watch(db, self._holder, session_id, now)

    def stop(self) -> None:
        """Take the row away, if one was written, and close the writable way in."""
        writer, self._writer = self._writer, None
        if writer is None:
            return
        try:
            with writer.transaction("stop watching") as db:
                watching.stop_watching(db, self._holder)
        finally:
            writer.close()
