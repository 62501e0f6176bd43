"""Throwaway PostgreSQL databases for the tests, one per test, on a server named by URL.

FACILITATOR_TEST_POSTGRESQL names a superuser on a server the tests may fill with
databases of their own (`scripts/with-postgresql` starts one and sets it). Unset, every
test's PostgreSQL run is skipped with the reason. Each test's database is copied from
a template migrated once per run, so each starts as a fresh install would, without
paying for twelve migrations a test.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url

SERVER_VARIABLE = "FACILITATOR_TEST_POSTGRESQL"
NO_SERVER = (
    f"no PostgreSQL server for the tests: set {SERVER_VARIABLE} to a superuser's URL, "
    "or run them through scripts/with-postgresql"
)


def server_url() -> URL | None:
    value = os.environ.get(SERVER_VARIABLE, "").strip()
    return make_url(value) if value else None


class Databases:
    """Creates each test's database from one migrated template, and drops them all after."""

    def __init__(self, server: URL, purpose: str = "test"):
        self.server = server
        self._admin: Engine = create_engine(server, isolation_level="AUTOCOMMIT")
        # Unique per run, so two runs against one server never meet.
        self._prefix = f"facilitator_{purpose}_{uuid.uuid4().hex[:8]}"
        self._template: str | None = None
        self._made: list[str] = []

    def url(self, name: str) -> URL:
        return self.server.set(database=name)

    def create(self, *, migrated: bool = True) -> URL:
        """A new, empty database; `migrated` gives it the app's schema already."""
        return self._copy(self._migrated_template() if migrated else "template0")

    def copy_of(self, url: URL) -> URL:
        """A copy of a database made here, which nobody may be connected to meanwhile."""
        return self._copy(url.database)

    def _copy(self, template: str) -> URL:
        name = f"{self._prefix}_{len(self._made)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._made.append(name)
        return self.url(name)

    def _migrated_template(self) -> str:
        if self._template is None:
            from sessions.store import Store

            name = f"{self._prefix}_template"
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
            self._made.append(name)
            Store.open(self.url(name)).close()  # closes every connection: a template must have none
            self._template = name
        return self._template

    def drop(self, url: URL) -> None:
        """Drop a database made here, whoever is still connected to it."""
        self._execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        self._made.remove(url.database)

    def drop_all(self) -> None:
        for name in reversed(self._made):
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.clear()
        self._admin.dispose()

    def _execute(self, statement: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(statement))
