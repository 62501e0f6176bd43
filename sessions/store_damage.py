"""A damaged SQLite file, found as it opens: what can be rebuilt is, the rest is refused.

SQLite's own check (`quick_check`) runs each time the app opens its file for writing:
a few milliseconds on a programme's database, and it reads every page, so a damaged
page is met before a note is typed rather than when it is saved. What the app can
rebuild from the truth is rebuilt, in the file, after a copy of the damaged file is
kept beside it: the search index (from the notes); the leases, the room's heartbeats
and the rooms open to phones (which say only who is running, watching or joined now,
and how often that changed);
every index and the free space. Damage in a table that holds the record
(notes, actions, sessions…) is never guessed at: the file is left as it was and the
facilitator is told how to bring back a good copy.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sessions.errors import DamagedError, StoreError
from sessions.private_files import make_private_folder

# Tables whose rows are derived from the others, or say only what is happening now.
SEARCH_INDEX = "note_fts"
# A repair empties them all, damaged or not: each copy running, each screen watching and
# each phone in a room simply claims, beats or joins again.
TRANSIENT_TABLES = (
    "session_lease",
    "room_watch",
    "room",
    "room_device",
    "room_answered",
    "room_reveal",
    "room_tally",
)
_TRANSIENT_NAMES = {
    "session_lease": "record of which copy runs each session",
    "room_watch": "record of which screens show a session",
    "room": "record of the rooms open to phones",
    "room_device": "record of the phones in a room",
    "room_answered": "record of what anonymous phones have answered",
    "room_reveal": "record of the results shown to the room",
    "room_tally": "count of the changes to the rooms",
}

_BUSY_TIMEOUT_MS = 5000
_INDEXED_AS = re.compile(
    r"INSERT INTO note_fts\s*\(\s*rowid\s*,\s*text\s*\)\s*VALUES\s*\(\s*new\.id\s*,\s*(.*)\)\s*;"
    r"\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Repaired:
    """What was rebuilt, and where the damaged file was kept."""

    rebuilt: tuple[str, ...]
    kept_at: Path

    def notice(self, path: Path) -> str:
        return (
            f"{path} was damaged, but only in its {_listed(self.rebuilt)}, which can be built "
            "again from the rest of the file: that was done, and SQLite's check now finds the "
            f"file sound. A copy of the damaged file was kept at {self.kept_at}."
        )


def check_and_repair(path: Path, *, now: datetime | None = None) -> Repaired | None:
    """None when the file is sound (or is not a SQLite file: the opening says so); what was
    repaired when it was damaged only in what can be rebuilt; StoreError otherwise."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    with closing(_connect(path)) as connection:
        try:
            if _sound(connection):
                return None
        except sqlite3.DatabaseError as exc:
            if _not_checked(exc):
                return None  # not SQLite at all, or busy: the opening reports it as it is
        damaged, in_an_index = _damaged_tables(connection, path)
        beyond = [name for name in damaged if not _rebuildable(name)]
        if beyond:
            raise DamagedError(
                f"{path} is damaged in what it records ({_listed(_described(beyond))}). "
                f"Nothing was changed. {_what_to_do(path)}"
            )
        kept_at = _keep_a_copy(connection, path, now or datetime.now(UTC))
    rebuilt = _rebuild(path, damaged) + (("indexes",) if in_an_index else ())
    rebuilt = rebuilt or ("free space",)
    with closing(_connect(path)) as connection:
        try:
            sound = _sound(connection)
        except sqlite3.DatabaseError:
            sound = False
    if not sound:
        raise DamagedError(
            f"{path} is damaged and could not be repaired; a copy of it as it was is kept at "
            f"{kept_at}. {_what_to_do(path)}"
        )
    return Repaired(rebuilt, kept_at)


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit: the one transaction here, building the new file, is begun by hand,
    # IMMEDIATE, so no other copy writes to the damaged file while it is read.
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    return connection


def _sound(connection: sqlite3.Connection, table: str | None = None) -> bool:
    # Python gives no row after the step that failed: a damaged page raises, it is
    # not listed, so the check is only ever sound or not.
    pragma = "PRAGMA quick_check" if table is None else f"PRAGMA quick_check({_quoted(table)})"
    return connection.execute(pragma).fetchall() == [("ok",)]


def _not_checked(exc: sqlite3.DatabaseError) -> bool:
    detail = str(exc).lower()
    return "not a database" in detail or "locked" in detail or "busy" in detail


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _tables(connection: sqlite3.Connection, path: Path) -> list[str]:
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
        ).fetchall()
    except sqlite3.DatabaseError:
        raise DamagedError(
            f"{path} is damaged where SQLite keeps its list of tables. Nothing was changed. "
            f"{_what_to_do(path)}"
        ) from None
    return [name for (name,) in rows]


def _damaged_tables(connection: sqlite3.Connection, path: Path) -> tuple[list[str], bool]:
    """Each table whose pages SQLite's check finds damaged, and whether an index is.

    A table that still reads whole is damaged only in an index, which the rebuilt file
    builds afresh; such a table is not listed. Damage in no table at all is in the free
    pages, which the rebuilt file leaves behind."""
    damaged, in_an_index = [], False
    for table in _tables(connection, path):
        try:
            if _sound(connection, table):
                continue
        except sqlite3.DatabaseError:
            pass
        if _rebuildable(table) or not _reads_whole(connection, table):
            damaged.append(table)
        else:
            in_an_index = True
    return damaged, in_an_index


def _reads_whole(connection: sqlite3.Connection, table: str) -> bool:
    try:
        for _row in connection.execute(f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"'):
            pass
    except sqlite3.DatabaseError:
        return False
    return True


def _rebuildable(table: str) -> bool:
    return table in TRANSIENT_TABLES or table.startswith(SEARCH_INDEX + "_")


def _described(tables: list[str]) -> list[str]:
    return [f"the {table.replace('_', ' ')} table" for table in tables]


def _listed(things: tuple[str, ...] | list[str]) -> str:
    if len(things) == 1:
        return things[0]
    return ", ".join(things[:-1]) + " and " + things[-1]


def _what_to_do(path: Path) -> str:
    return (
        "Bring back the last good copy with `facilitator restore` (see "
        "`facilitator backup --list`), or keep the file for someone who can recover it "
        f"(`sqlite3 {path} .recover`); meanwhile give another file with --db."
    )


def _keep_a_copy(connection: sqlite3.Connection, path: Path, now: datetime) -> Path:
    """The damaged file, page for page, before anything is rebuilt in it."""
    kept_at = path.with_name(f"{path.name}.damaged-{now:%Y%m%dT%H%M%SZ}")
    try:
        make_private_folder(kept_at.parent)
        kept_at.touch(mode=0o600, exist_ok=False)
        with closing(sqlite3.connect(kept_at)) as copy:
            connection.backup(copy)
    except (OSError, sqlite3.Error) as exc:
        kept_at.unlink(missing_ok=True)
        raise StoreError(
            f"{path} is damaged, and a copy of it could not be kept before repairing it "
            f"({getattr(exc, 'strerror', None) or exc}). Nothing was changed. {_what_to_do(path)}"
        ) from None
    return kept_at


def _rebuild(path: Path, damaged: list[str]) -> tuple[str, ...]:
    """Copy what the record holds into a new file, build the rest afresh there, then bring
    the new file back over the damaged one through SQLite's backup (so any other copy of
    the app with the file open sees one change, not a swapped file)."""
    fresh = path.with_name(f"{path.name}.repairing")
    fresh.unlink(missing_ok=True)
    try:
        fresh.touch(mode=0o600)
        with closing(_connect(fresh)) as connection:
            connection.execute("ATTACH DATABASE ? AS damaged", (str(path),))
            # SQLite's backup cannot bring pages of one size into a WAL file of another.
            size = int(connection.execute("PRAGMA damaged.page_size").fetchone()[0])
            connection.execute(f"PRAGMA main.page_size = {size}")
            _copy_schema_and_rows(connection)
            connection.execute("DETACH DATABASE damaged")
            if not _sound(connection):
                raise sqlite3.DatabaseError("the rebuilt copy did not pass SQLite's check")
            with closing(_connect(path)) as original:
                connection.backup(original)
    except sqlite3.DatabaseError as exc:
        raise DamagedError(
            f"{path} is damaged and could not be repaired ({exc}). {_what_to_do(path)}"
        ) from None
    finally:
        fresh.unlink(missing_ok=True)
    named = ["search index"] if any(t.startswith(SEARCH_INDEX + "_") for t in damaged) else []
    named += [_TRANSIENT_NAMES[t] for t in damaged if t in TRANSIENT_TABLES]
    return tuple(named)


def _copy_schema_and_rows(connection: sqlite3.Connection) -> None:
    """Tables, then their rows (read from each table itself, never through an index),
    then indexes and triggers; the search index is filled from the notes."""
    schema = connection.execute(
        "SELECT type, name, sql FROM damaged.sqlite_master WHERE sql IS NOT NULL"
    ).fetchall()
    made_by_sqlite = {name for kind, name, _ in schema if name.startswith("sqlite_")}
    shadows = {name for kind, name, _ in schema if name.startswith(SEARCH_INDEX + "_")}
    tables = [
        (name, sql)
        for kind, name, sql in schema
        if kind == "table" and name not in made_by_sqlite | shadows
    ]
    connection.execute("BEGIN IMMEDIATE")
    for _name, sql in tables:
        connection.execute(sql)
    for name, sql in tables:
        if name in TRANSIENT_TABLES or sql.upper().startswith("CREATE VIRTUAL"):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        # WHERE keeps SQLite from copying the table's pages as they are, indexes and all.
        connection.execute(f"INSERT INTO main.{quoted} SELECT * FROM damaged.{quoted} WHERE 1")
    if "sqlite_sequence" in made_by_sqlite:
        connection.execute("DELETE FROM main.sqlite_sequence")
        connection.execute("INSERT INTO main.sqlite_sequence SELECT * FROM damaged.sqlite_sequence")
    if any(name == SEARCH_INDEX for _, name, _ in schema):
        triggers = [sql for kind, _, sql in schema if kind == "trigger"]
        connection.execute(
            f"INSERT INTO {SEARCH_INDEX}(rowid, text) SELECT id, {_indexed_as(triggers)} FROM note"
        )
    for kind, name, sql in schema:
        if kind in ("index", "trigger", "view") and name not in made_by_sqlite:
            connection.execute(sql)
    version = connection.execute("PRAGMA damaged.user_version").fetchone()[0]
    connection.execute(f"PRAGMA main.user_version = {int(version)}")
    connection.execute("COMMIT")


def _indexed_as(triggers: list[str]) -> str:
    """How the notes' trigger puts a note's text in the index (folded, in this schema),
    so the rebuilt index holds exactly what the trigger would have written."""
    for sql in triggers:
        found = _INDEXED_AS.search(sql)
        if found:
            return found.group(1).replace("new.text", "text")
    return "text"
