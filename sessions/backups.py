"""Copies of a SQLite database, kept beside it without the facilitator having to think of it.

Every copy goes through SQLite's online backup, which reads a consistent state
even while another copy of the app writes, and lands in a folder beside the
database (`facilitator.db.backups/`), 0700, each copy 0600 and a single file of
its own (no write-ahead log beside it). Names say when (UTC) and why:

- `…-daily.db`, one a day when the app opens a database with work in it; the
  newest DAILY_COPIES are kept and older ones removed;
- `…-schema-0024.db`, taken before an upgrade, named for the schema it held;
- `…-manual.db`, taken with `facilitator backup`;
- `…-before-restore.db`, the database as it was before a restore, so a restore
  can itself be undone.

Only daily copies are ever removed: the others are rare, and each was taken at a
moment someone may want to go back to.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sessions.private_files import FILE_MODE, make_private_folder

DAILY_COPIES = 7
STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\dT\d{6}Z)-(?P<kind>daily|manual|before-restore|schema-\d+)"
    r"(?:-(?P<count>\d+))?\.db$"
)


class BackupFailed(Exception):
    """A copy could not be taken; str() says why in one sentence."""


@dataclass(frozen=True)
class Backup:
    """One copy in the backups folder."""

    path: Path
    taken_at: datetime
    kind: str
    """daily, manual, before-restore, or schema-NNNN (taken before an upgrade)."""
    count: int = 1
    """The second and later copies taken within one second are numbered."""

    @property
    def reason(self) -> str:
        """Why it was taken, in the facilitator's words."""
        if self.kind.startswith("schema-"):
            return f"before an upgrade (schema {self.kind.removeprefix('schema-')})"
        return {
            "daily": "daily",
            "manual": "taken by hand",
            "before-restore": "before a restore",
        }[self.kind]


def backups_folder(database: Path) -> Path:
    """Where the copies of `database` are kept: a folder beside it, named for it."""
    return database.with_name(f"{database.name}.backups")


def list_backups(database: Path) -> list[Backup]:
    """The copies kept beside `database`, oldest first."""
    return sorted(_copies(backups_folder(database)), key=lambda b: (b.taken_at, b.count))


def _copies(folder: Path) -> Iterable[Backup]:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if match := _NAME.match(entry.name):
            taken_at = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
            yield Backup(Path(entry.path), taken_at, match["kind"], int(match["count"] or 1))


def has_daily_copy(database: Path, today: date) -> bool:
    """Whether a daily copy was already taken on `today` (a UTC date): one look at the folder."""
    prefix = today.strftime("%Y-%m-%dT")
    return any(b.kind == "daily" and b.path.name.startswith(prefix) for b in list_backups(database))


def take_backup(
    source: sqlite3.Connection | Path, database: Path, kind: str, now: datetime
) -> Path:
    """Copy the database into its backups folder as a `kind` copy taken at `now`.

    `source` is an open connection to it, or its path. Raises BackupFailed.
    """
    folder = backups_folder(database)
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise BackupFailed(f"cannot make the folder {folder}: {exc.strerror or exc}") from None
    stamp = now.astimezone(UTC).strftime(STAMP)
    target = folder / f"{stamp}-{kind}.db"
    count = 1
    while target.exists():  # two copies within a second: both are kept
        count += 1
        target = folder / f"{stamp}-{kind}-{count}.db"
    copy_database(source, target)
    return target


def copy_database(source: sqlite3.Connection | Path, target: Path) -> None:
    """Copy through the online backup into a new file `target`, 0600, whole or not at all.

    The copy is written beside the target under a temporary name and renamed over it
    only once complete, so a full disk leaves no half copy looking like a good one.
    """
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        os.close(descriptor)
        reader = _connect(source) if isinstance(source, Path) else source
        try:
            destination = sqlite3.connect(temporary)
            try:
                reader.backup(destination)
                # A copy stands alone: one file, with no write-ahead log to travel beside it.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            if reader is not source:
                reader.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise BackupFailed(_why(exc)) from None


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise BackupFailed(f"there is no database at {path}")
    return sqlite3.connect(path)


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    detail = str(exc)
    if "full" in detail.lower():
        return "the disk is full"
    return detail


def remove_old_daily_copies(database: Path, keep: int = DAILY_COPIES) -> list[Path]:
    """Remove all but the newest `keep` daily copies; the others are never removed."""
    daily = [b for b in list_backups(database) if b.kind == "daily"]
    removed = []
    for old in daily[: max(len(daily) - keep, 0)]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def take_daily_copy(source: sqlite3.Connection, database: Path, now: datetime) -> Path | None:
    """Today's copy, unless one was already taken today; older daily copies are removed."""
    if has_daily_copy(database, now.astimezone(UTC).date()):
        return None
    taken = take_backup(source, database, "daily", now)
    with contextlib.suppress(OSError):  # an old copy kept a day longer harms nothing
        remove_old_daily_copies(database)
    return taken
