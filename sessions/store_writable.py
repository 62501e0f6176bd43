"""Whether a database can be written, asked once as it opens rather than at the first note.

A file the user may only read, a folder SQLite cannot put its journal in, a server in
read-only mode or a database user without the right to write: each opens for reading
all the same, and would refuse only the first change. Asked first, the app can say at
once that it is watching only.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError


def why_not_writable(engine: Engine, path: Path | None) -> str | None:
    """None when a change would be accepted; otherwise why not, in a few words."""
    if engine.url.get_backend_name() == "postgresql":
        return _server_refuses(engine)
    if engine.url.get_backend_name() != "sqlite":
        return None
    try:
        with engine.connect() as connection:
            # A change that changes nothing, then taken back: SQLite asks for the write
            # lock and the file's permission, and nothing reaches the disk.
            connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
            connection.rollback()
    except DBAPIError as exc:
        detail = str(exc.orig).lower()
        if "readonly" not in detail and "read-only" not in detail:
            return None  # busy with another writer, say: that is for the first save to tell
        if path is not None and not os.access(path, os.W_OK):
            return "the file is read-only"
        if path is not None and not os.access(path.parent, os.W_OK):
            return "its folder is read-only"
        return "SQLite opens it read-only"
    return None


def _server_refuses(engine: Engine) -> str | None:
    with engine.connect() as connection:
        read_only, may_write = connection.execute(
            text(
                "SELECT current_setting('transaction_read_only'), "
                "has_table_privilege('note', 'INSERT')"
            )
        ).one()
    if read_only == "on":
        return "the server takes no changes"
    if not may_write:
        return "its user may not change it"
    return None
