"""Taking, listing and restoring copies of the database: the front door.

Copies are SQLite's: a database on a PostgreSQL server is backed up by the
server's own means (pg_dump, or the provider's backups), and these refuse it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import URL

from sessions import backups
from sessions.backups import Backup as Backup
from sessions.domain.leases import current_lease
from sessions.errors import (
    DamagedError,
    FacilitatorError,
    InputError,
    SchemaTooNewError,
    StoreError,
)
from sessions.migrations import HEAD
from sessions.models import Programme, Session, SessionLease
from sessions.private_files import make_private_folder
from sessions.store import BUSY_TIMEOUT_MS, Store, database_url
from sessions.utc import utcnow


@dataclass(frozen=True)
class Restored:
    database: Path
    schema: str
    """The schema the copy held; an older one is brought up to date when the app opens it."""
    kept: Path | None
    """The database as it was before, to restore to undo this; None if there was none."""

    @property
    def older(self) -> bool:
        """The copy's schema is older than this version's, so it is upgraded on opening."""
        return self.schema < HEAD


def database_file(path_or_url: str | os.PathLike[str] | URL) -> Path:
    """The SQLite file behind `path_or_url`; a database server is pointed to its own backups."""
    url = database_url(path_or_url)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "postgresql":
        raise InputError(
            f"{shown} is a PostgreSQL database: back it up and restore it with the server's "
            "own means (pg_dump and pg_restore, or your provider's backups)."
        )
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        raise InputError(f"{shown} is not a database file: only a SQLite file can be backed up.")
    return Path(database)


def list_copies(path_or_url: str | os.PathLike[str] | URL) -> list[Backup]:
    """The copies kept beside the database, oldest first."""
    return backups.list_backups(database_file(path_or_url))


def back_up(
    path_or_url: str | os.PathLike[str] | URL,
    output: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """A copy of the database now: into its backups folder, or to `output` (a new file, or a
    folder to put it in). A file already at `output` is never overwritten."""
    database = database_file(path_or_url)
    _check_exists(database, "back up")
    now = now or utcnow()
    try:
        if output is None:
            return backups.take_backup(database, database, "manual", now)
        if output.is_dir():
            output = output / f"{database.stem}-{now.strftime(backups.STAMP)}.db"
        if output.exists() or output.is_symlink():
            raise InputError(f"{output} is already there; give a new file name with --output.")
        backups.copy_database(database, output)
    except backups.BackupFailed as exc:
        raise StoreError(f"Could not back up {database}: {exc}.") from None
    return output


def restore(
    path_or_url: str | os.PathLike[str] | URL, copy: Path, now: datetime | None = None
) -> Restored:
    """Bring the database back to `copy`, keeping the database as it was beside it first.

    Refused, with nothing changed: while a session in the database is being run; when
    the copy is not a sound facilitator database, or was written by a newer version; and
    over a file this version cannot open (move it aside, then restore), unless it is
    damaged: that is what a copy is brought back for.
    """
    database = database_file(path_or_url)
    now = now or utcnow()
    if not copy.is_file():
        raise InputError(f"There is no copy at {copy}; `facilitator restore --list` shows them.")
    if database.exists() and database.samefile(copy):
        raise InputError(f"{copy} is the database itself; give one of its copies.")
    schema = _check_copy(copy)
    kept = None
    if database.exists():
        _refuse_while_driven(database, now)
        try:
            kept = backups.take_backup(database, database, "before-restore", now)
        except backups.BackupFailed as exc:
            raise StoreError(
                f"Could not keep a copy of {database} before restoring ({exc}); "
                "nothing was changed."
            ) from None
    else:
        _create_private(database)
    _copy_into(copy, database)
    return Restored(database, schema, kept)


def _check_copy(copy: Path) -> str:
    """The copy's schema, once it is known to be a sound facilitator database this can read."""
    try:
        connection = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise InputError(f"{copy} is damaged ({check and check[0]}); choose another copy.")
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            stamp = None
            if "alembic_version" in tables:
                stamp = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise InputError(f"{copy} is not a facilitator database ({exc}).") from None
    if stamp is None:
        raise InputError(f"{copy} is not a facilitator database.")
    schema = str(stamp[0])
    if schema > HEAD:  # revisions are zero-padded numbers, so they sort as text
        raise SchemaTooNewError(
            f"{copy} was written by a newer version of facilitator (schema {schema}); "
            "restore it with that version. Nothing was changed."
        )
    return schema


def _check_exists(database: Path, doing: str) -> None:
    if not database.is_file():
        raise StoreError(f"There is no database at {database} to {doing}.")


def _refuse_while_driven(database: Path, now: datetime) -> None:
    """Refused while any session is being run: its next note would land in the old data."""
    try:
        store = Store.open(database)
    except SchemaTooNewError:
        raise
    except DamagedError:
        # No one can run a session on it: it is refused as it opens. It is kept as it
        # was beside the database before the copy is brought back over it.
        return
    except FacilitatorError as exc:
        raise StoreError(
            f"Cannot restore over {database}: {exc} Move it aside, then restore again."
        ) from None
    try:
        with store.reading() as db:
            held = db.execute(
                select(SessionLease.session_id, Session.number, Programme.name)
                .join(Session, Session.id == SessionLease.session_id)
                .join(Programme, Programme.id == Session.programme_id)
                .where(SessionLease.released_at.is_(None))
            ).all()
            for session_id, number, programme in held:
                lease = current_lease(db, session_id, now)
                if lease is not None and not lease.stale:
                    raise InputError(
                        f"Session {number} of {programme} is being run by {lease.who} "
                        f"(last heard from at {lease.seen_at.astimezone():%H:%M:%S}); restore "
                        "once it is closed. Nothing was changed."
                    )
    finally:
        store.close()


def _create_private(database: Path) -> None:
    try:
        make_private_folder(database.parent)
        os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise StoreError(f"Cannot create the database {database}: {exc.strerror}.") from None


def _copy_into(copy: Path, database: Path) -> None:
    """Write the copy's pages into the database through the online backup, in one
    transaction: never a file copied over a database whose write-ahead log is live."""
    try:
        source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Could not restore {database} from {copy}: {exc}.") from None
