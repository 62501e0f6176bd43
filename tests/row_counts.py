"""Counting a database's rows from outside the app, on a SQLite file or a server alike."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from sessions.store import database_url


def row_counts(path_or_url, tables) -> dict[str, int]:
    """Each table's rows, read through a connection of the test's own."""
    engine = create_engine(database_url(path_or_url))
    try:
        with engine.connect() as connection:
            return {
                table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
                for table in tables
            }
    finally:
        engine.dispose()
