"""Taking turns at a SQLite file: the write lock held before reading what is about to change.

Beside the store, where SQLite's other specifics live. The SQLite driver begins a
transaction only at its first write, so whatever a unit of work read before then was
read outside it, and two copies can both read "nobody holds this" and both write.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.orm import Session as DbSession


def wait_for_the_write_lock(db: DbSession) -> None:
    """On SQLite, begin this unit of work's transaction holding the file's write lock,
    waiting for another copy's as long as the busy timeout allows; whatever it reads
    from here on stays true until it commits. A unit of work that has written already
    holds the lock. A database server needs none of this: rows are locked as they are
    read (FOR UPDATE), and other writers go on alongside."""
    connection = db.connection()
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection) and not driver.in_transaction:
        # BEGIN IMMEDIATE, not a deferred BEGIN: a WAL transaction that reads first and
        # writes later is refused outright if another wrote in between; this one waits.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
