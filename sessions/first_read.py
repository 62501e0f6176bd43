"""The home screen's lists, read before the database layer is loaded.

Loading SQLAlchemy, mapping the models and opening the store take longer than
Textual takes to draw the first frame, and all the home screen shows is two short
lists. So, at launch, a SQLite file whose schema already stands at this version's
head is read here through the `sqlite3` module, with the same queries the ORM
would make, while the store opens behind it. Anything else (a new, older, newer or
unreadable file, or a database server) gets None, and the caller takes the full
path, which creates, upgrades, repairs or refuses as it always has.

Nothing here writes: the file is opened for reading only, and never created.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sessions.clock import ClockEvent, replay
from sessions.migrations import HEAD
from sessions.views import ProgrammeView, UnfinishedSessionView, waiting_order
from sessions.vocabulary import TimerEventKind

# As long as the store waits for another writer's lock.
_BUSY_TIMEOUT_MS = 5000

_PROGRAMMES = """
SELECT programme.id, programme.name, programme.slug, programme.pcn_name,
       coalesce(counts.n, 0)
FROM programme
LEFT OUTER JOIN (SELECT programme_id, count(id) AS n FROM session GROUP BY programme_id)
    AS counts ON counts.programme_id = programme.id
WHERE programme.archived_at IS NULL
ORDER BY programme.created_at DESC, programme.id DESC
"""

_UNFINISHED = """
SELECT session.id, programme.id, programme.name, session.number, session.agenda_title,
       session.planned_for, session.date_to_confirm
FROM session JOIN programme ON programme.id = session.programme_id
WHERE session.finished_at IS NULL AND session.cancelled_at IS NULL
    AND programme.archived_at IS NULL
ORDER BY session.created_at DESC, session.id DESC
"""

_ITEMS = "SELECT position, title FROM agenda_item WHERE session_id = ? ORDER BY position"

# All but the heartbeats, and the last heartbeat: what a replay needs (see timer_log).
# The kind is written out, not bound: only then is the partial index of the events that
# are not heartbeats used (a bound value could be anything).
_EVENTS = f"""
SELECT id, kind, at, position, seconds FROM timer_event
WHERE session_id = ? AND kind <> '{TimerEventKind.HEARTBEAT}'
UNION ALL
SELECT id, kind, at, position, seconds FROM timer_event
WHERE id = (SELECT max(id) FROM timer_event
            WHERE session_id = ? AND kind = '{TimerEventKind.HEARTBEAT}')
ORDER BY 1
"""


@dataclass(frozen=True)
class HomeLists:
    programmes: list[ProgrammeView]
    unfinished: list[UnfinishedSessionView]


def sqlite_file(database: str) -> Path | None:
    """The file a path or `sqlite:///` URL names; None for anything else (a server, memory)."""
    if "://" in database:
        scheme, _, rest = database.partition("://")
        plain = rest.startswith("/") and not any(mark in rest for mark in "?%")
        if scheme not in ("sqlite", "sqlite+pysqlite") or not plain:
            return None  # options or escapes in the URL: the store reads them as it should
        database = rest[1:]
        if database in ("", ":memory:"):
            return None
    return Path(database).expanduser().resolve()


def read_home_lists(database: str) -> HomeLists | None:
    """The home screen's lists from a current SQLite file, or None to take the full path."""
    path = sqlite_file(database)
    if path is None or not path.is_file():
        return None
    try:
        # mode=rw never creates the file; query_only refuses any write.
        connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    with closing(connection):
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA query_only = ON")
            if not _is_current(connection):
                return None
            with connection:  # one read transaction: both lists from the same moment
                connection.execute("BEGIN")
                return HomeLists(_programmes(connection), _unfinished(connection))
        except (sqlite3.Error, ValueError, TypeError):
            return None  # damaged, or not what this version wrote: the full path says why


def _is_current(connection: sqlite3.Connection) -> bool:
    """Whether the schema stands at this version's head, without loading Alembic."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return False
    versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return versions == [(HEAD,)]


def _programmes(connection: sqlite3.Connection) -> list[ProgrammeView]:
    return [
        ProgrammeView(id=id_, name=name, slug=slug, pcn_name=pcn_name, session_count=count)
        for id_, name, slug, pcn_name, count in connection.execute(_PROGRAMMES)
    ]


def _unfinished(connection: sqlite3.Connection) -> list[UnfinishedSessionView]:
    result = []
    for (
        session_id,
        programme_id,
        programme_name,
        number,
        agenda_title,
        planned_for,
        to_confirm,
    ) in connection.execute(_UNFINISHED).fetchall():
        titles = [title for _, title in connection.execute(_ITEMS, (session_id,))]
        state = replay(_events(connection, session_id))
        current = titles[min(state.position, len(titles) - 1)] if titles else ""
        result.append(
            UnfinishedSessionView(
                session_id=session_id,
                programme_id=programme_id,
                programme_name=programme_name,
                number=number,
                agenda_title=agenda_title,
                position=state.position,
                item_count=len(titles),
                item_title=current,
                elapsed_seconds=state.session_elapsed,
                started=state.started,
                planned_for=date.fromisoformat(planned_for) if planned_for else None,
                to_confirm=bool(to_confirm),
            )
        )
    return waiting_order(result)


def _events(connection: sqlite3.Connection, session_id: int) -> list[ClockEvent]:
    rows = connection.execute(_EVENTS, (session_id, session_id))
    return [
        ClockEvent(kind, _utc(at), position, seconds) for _, kind, at, position, seconds in rows
    ]


def _utc(stored: str) -> datetime:
    """A timestamp as SQLAlchemy stores it in SQLite (UTC, no zone), given its zone back."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)
