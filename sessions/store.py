"""Opening the database: the one seam where SQLite specifics live.

A store is opened once per process from a path or a SQLAlchemy URL. For SQLite
it sets the pragmas that make a committed note durable (WAL, synchronous=FULL),
keeps the file private to the user, and brings the schema up to date, keeping a
copy of the file beside it first and once a day (see `sessions.backups`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from sessions import backups
from sessions.errors import SchemaTooNewError, StoreError
from sessions.migrations import HEAD
from sessions.private_files import make_private_folder
from sessions.store_damage import check_and_repair
from sessions.store_writable import why_not_writable
from sessions.utc import utcnow

BUSY_TIMEOUT_MS = 5000
POSTGRESQL_DRIVER = "postgresql+psycopg"


def database_url(path_or_url: str | os.PathLike[str] | URL) -> URL:
    """A SQLAlchemy URL from what the user gave: a URL as it is, anything else a file path."""
    if isinstance(path_or_url, URL):
        return path_or_url
    value = os.fspath(path_or_url)
    if "://" in value:
        try:
            url = make_url(value)
        except Exception as exc:  # make_url raises ArgumentError for nonsense
            raise StoreError(f"{value!r} is not a database URL: {exc}") from None
        # A plain postgresql:// means SQLAlchemy's default driver, which is not installed:
        # the driver that comes with the app is meant.
        return url.set(drivername=POSTGRESQL_DRIVER) if url.drivername == "postgresql" else url
    path = Path(value).expanduser().resolve()
    return URL.create("sqlite", database=str(path))


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _prepare_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) before SQLite does.

    SQLite would create the file with the process umask; creating it ourselves
    means notes never sit readable by other users, even for a moment.
    """
    folder = path.parent
    try:
        if not folder.exists():
            make_private_folder(folder)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    except OSError as exc:
        raise StoreError(f"Cannot create the database {path}: {exc.strerror}.") from None


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _set_read_only_pragmas(
    dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry
) -> None:
    _set_sqlite_pragmas(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _server_options(url: URL, read_only: bool) -> dict[str, str]:
    """What a PostgreSQL connection is told as it opens, as SQLite's pragmas tell a file.

    Given as start-up options rather than SET statements, so no transaction can undo them.
    """
    if url.get_backend_name() != "postgresql" or url.get_driver_name() not in (
        "psycopg",
        "psycopg2",
    ):
        return {}  # libpq's drivers take start-up options; another is left as it comes
    # Wait for another writer's lock as long as SQLite waits for its file, then say so.
    options = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
    if read_only:
        # A mirror cannot change the session it shows, on a server as on a file.
        options += " -c default_transaction_read_only=on"
    given = url.query.get("options")  # the URL's own come first, and are kept
    if given:
        options = f"{given if isinstance(given, str) else ' '.join(given)} {options}"
    return {"options": options}


def explain(exc: BaseException, doing: str) -> str:
    """One sentence for the facilitator from a database error: what failed and why."""
    detail = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in detail or "disk full" in detail or "no space left" in detail:
        why = "the disk is full; free some space and try again"
    elif "readonly" in detail or "read-only" in detail:
        why = "the database is read-only; check its permissions or open another with --db"
    elif any(
        word in detail
        for word in ("locked", "busy", "deadlock", "lock timeout", "could not serialize")
    ):
        why = "another copy of facilitator is writing to the same database; try again"
    # A database server's own refusals, in the words PostgreSQL uses; a failed connection
    # carries the reason within it, so the reasons are looked for first.
    elif "authentication failed" in detail or "no password supplied" in detail:
        why = "the database server refused the user name or password in the URL"
    elif 'database "' in detail and "does not exist" in detail:
        why = "there is no such database on the server; create it first (createdb NAME)"
    elif (
        "connection refused" in detail
        or "could not connect" in detail
        or ("connection" in detail and "failed" in detail)
    ):
        why = "the database server cannot be reached; check the URL and that the server is running"
    elif "permission denied" in detail:
        why = "the database user may not do this; ask for its rights to be granted"
    elif "not a database" in detail or "malformed" in detail:
        why = "the file is not a facilitator database, or it is damaged"
    elif "unable to open" in detail:
        why = "the file cannot be opened; check the path and its permissions"
    else:
        why = str(getattr(exc, "orig", exc))
    return f"Could not {doing}: {why}."


def _driver_connection(connection: Connection) -> sqlite3.Connection:
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


class Store:
    """An open database with an up-to-date schema."""

    def __init__(self, engine: Engine, *, read_only: bool = False):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.read_only = read_only
        """Nothing can be changed: opened for watching, or a database that cannot be written."""
        self.cannot_write: str | None = None
        """Why a store opened for changes cannot make them (a read-only file, say)."""
        self.notices: list[str] = []
        """What the facilitator should be told as the database opens (a repair, no writing)."""

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def location(self) -> str:
        """Where the data lives, for messages: the file path, or the URL without password."""
        path = _sqlite_file(self.engine.url)
        if path is not None:
            return str(path)
        database = self.engine.url.database or ""
        if self.engine.url.get_backend_name() == "sqlite" and database.startswith("file:"):
            return database.removeprefix("file:").split("?")[0]  # SQLite's own URI: its path
        return self.engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, path_or_url: str | os.PathLike[str] | URL, *, read_only: bool = False) -> Store:
        """Open (creating and migrating as needed) the database, or, read-only, only look.

        A read-only store never creates, migrates or writes: SQLite (`query_only`) or the
        server (`default_transaction_read_only`) refuses every write on its connections, so
        a mirror cannot change the session it shows.
        """
        url = database_url(path_or_url)
        path = _sqlite_file(url)
        if path is not None:
            if read_only and not path.is_file():
                raise StoreError(
                    f"There is no database at {path} yet: start a session with facilitator first."
                )
            if not read_only:
                _prepare_private_file(path)
        try:
            engine = create_engine(url, connect_args=_server_options(url, read_only))
        except Exception:  # NoSuchModuleError, or a driver package that is not installed
            raise StoreError(
                f"Cannot open {url.render_as_string(hide_password=True)}: there is no database "
                f"driver for {url.drivername!r}; give a file path, a sqlite:/// URL or a "
                "postgresql:// URL."
            ) from None
        if url.get_backend_name() == "sqlite":
            event.listen(
                engine, "connect", _set_read_only_pragmas if read_only else _set_sqlite_pragmas
            )
        store = cls(engine, read_only=read_only)
        try:
            if read_only:
                store._check_schema()
            else:
                if path is not None:
                    # Before the schema is touched: an upgrade must not run on damaged pages.
                    repaired = check_and_repair(path)
                    if repaired is not None:
                        store.notices.append(repaired.notice(path))
                store._migrate()
                store.cannot_write = why_not_writable(engine, path)
                if store.cannot_write is not None:
                    store.read_only = True
                    store.notices.append(
                        f"{store.location} cannot be written ({store.cannot_write}): it is "
                        "open for watching only, and nothing can be changed in it."
                    )
                elif url.get_backend_name() == "sqlite":
                    # WAL is a property of the file: set only once the file is known to be
                    # ours, so a refused database is left exactly as it was.
                    with engine.connect() as connection:
                        connection.exec_driver_sql("PRAGMA journal_mode = WAL")
                    store._daily_copy()
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(explain(exc, f"open {store.location}")) from None
        return store

    def _schema_version(self, connection: Connection) -> str | None:
        """The schema revision stamped in the database; refuses a database that is not ours."""
        tables = set(inspect(connection).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current is None and tables - {"alembic_version"}:
            raise StoreError(
                f"{self.location} holds other data and is not a facilitator database; "
                "give another path with --db."
            )
        return current

    def _too_new(self, current: str) -> SchemaTooNewError:
        return SchemaTooNewError(
            f"{self.location} was written by a newer version of facilitator "
            f"(schema {current}); upgrade facilitator to open it. Nothing was changed."
        )

    def _check_schema(self) -> None:
        """For a read-only store: the schema must already be the one this version writes."""
        with self.engine.connect() as connection:
            current = self._schema_version(connection)
        if current == HEAD:
            return
        if current is None:
            raise StoreError(
                f"{self.location} has no facilitator data yet: "
                "start a session with facilitator first."
            )
        if current > HEAD:  # revisions are zero-padded numbers, so they sort as text
            raise self._too_new(current)
        raise StoreError(
            f"{self.location} was written by an older version of facilitator: open it once with "
            "facilitator to bring it up to date."
        )

    def _migrate(self) -> None:
        with self.engine.begin() as connection:
            current = self._schema_version(connection)
            if current == HEAD:
                return
            # Alembic is only loaded when there is something to do.
            from alembic import command
            from alembic.config import Config
            from alembic.script import ScriptDirectory

            config = Config()
            config.set_main_option("script_location", "sessions:migrations")
            scripts = ScriptDirectory.from_config(config)
            if current is not None and current not in {
                r.revision for r in scripts.walk_revisions()
            }:
                raise self._too_new(current)
            if current is not None:
                self._copy_before_upgrade(connection, current)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def _copy_before_upgrade(self, connection: Connection, current: str) -> None:
        """A copy of the file as it stands, before its schema changes: the risky moment.

        A copy that cannot be taken stops the upgrade, with nothing changed: better not
        to open today than to change the only copy of a programme without a way back.
        """
        path = _sqlite_file(self.engine.url)
        if path is None:
            return  # a database server keeps its own backups
        try:
            backups.take_backup(_driver_connection(connection), path, f"schema-{current}", utcnow())
        except backups.BackupFailed as exc:
            raise StoreError(
                f"{self.location} needs its schema upgraded, and a copy of it could not be "
                f"kept first ({exc}); nothing was changed. Free some space, or check "
                f"{backups.backups_folder(path)} can be written, and open it again."
            ) from None

    def _daily_copy(self) -> None:
        """Today's copy of a file with work in it; one that fails is a warning, never a stop."""
        path = _sqlite_file(self.engine.url)
        if path is None:
            return
        try:
            if backups.has_daily_copy(path, utcnow().date()):
                return  # the common case: one look at the folder
            with self.engine.connect() as connection:
                if connection.exec_driver_sql("SELECT 1 FROM programme LIMIT 1").first() is None:
                    return  # nothing yet to lose
                backups.take_daily_copy(_driver_connection(connection), path, utcnow())
        except (backups.BackupFailed, OSError, DBAPIError) as exc:
            why = getattr(exc, "orig", exc)  # a database error's own words, not its SQL
            warning = f"Today's backup of {path} could not be taken ({why}); work goes on."
            self.notices.append(warning)  # said by the app, and by each command on stderr

    @contextmanager
    def transaction(self, doing: str = "save") -> Iterator[DbSession]:
        """A unit of work committed on exit; a database failure becomes one clear StoreError."""
        db = self._sessions()
        try:
            yield db
            db.commit()
        except (OperationalError, DBAPIError) as exc:
            db.rollback()
            raise StoreError(explain(exc, doing)) from None
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    @contextmanager
    def reading(self) -> Iterator[DbSession]:
        """A read-only unit of work: nothing is committed."""
        db = self._sessions()
        try:
            yield db
        except (OperationalError, DBAPIError) as exc:
            raise StoreError(explain(exc, "read the database")) from None
        finally:
            db.rollback()
            db.close()

    def close(self) -> None:
        self.engine.dispose()
