"""A database brought only as far as an older schema revision, as an older version left it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import create_engine

from sessions.store import database_url


def _migrated(path_or_url, step: Callable, revision: str, *statements: str) -> None:
    from alembic.config import Config

    engine = create_engine(database_url(path_or_url))
    config = Config()
    config.set_main_option("script_location", "sessions:migrations")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, revision)
            for statement in statements:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


def schema_at(path_or_url, revision: str, *statements: str) -> None:
    """Run the migrations up to `revision`, then `statements` (rows that version wrote)."""
    from alembic import command

    _migrated(path_or_url, command.upgrade, revision, *statements)


def schema_back_to(path_or_url, revision: str) -> None:
    """Take a database of the newest schema back to `revision`, by the migrations' own
    downgrades: as a database an older version left, with the rows it holds."""
    from alembic import command

    _migrated(path_or_url, command.downgrade, revision)
