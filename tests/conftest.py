"""Shared fixtures: every test gets its own folders and database, never the user's."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from tests.apps import BuiltApps

if TYPE_CHECKING:
    from facilitator.app import FacilitatorApp


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder (data, config, minutes) at a temporary directory."""
    home = tmp_path / "home"
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    monkeypatch.delenv("FACILITATOR_DB", raising=False)
    monkeypatch.delenv("FACILITATOR_MINUTES_DIR", raising=False)
    return home


PLANNING_TODAY = date(2026, 11, 23)
"""The day the command line plans and confirms against in tests: the fake clock's day."""


class _PlanningDay(date):
    @classmethod
    def today(cls) -> _PlanningDay:
        return cls(PLANNING_TODAY.year, PLANNING_TODAY.month, PLANNING_TODAY.day)


@pytest.fixture(autouse=True)
def planning_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The commands that plan and confirm a session's day refuse a day that has passed, by
    the computer's date; the suite's planned programmes meet on fixed days in 2027, which
    would pass in time. Their front door is given the fake clock's day instead."""
    for module in ("sessions.services.plans", "sessions.services.calendar"):
        monkeypatch.setattr(f"{module}.date", _PlanningDay)
    return PLANNING_TODAY


@pytest.fixture
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    """Screens show local dates and times; tests that read them pin the zone to UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only: the test is about SQLite's file (permissions, damage, pragmas), so it "
        "is not run again on PostgreSQL",
    )
    config.addinivalue_line(
        "markers",
        "postgresql_only: the test is about what only a PostgreSQL server does",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test on a database runs on SQLite and again on PostgreSQL, unless marked."""
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("postgresql_only"):
        metafunc.parametrize("backend", BACKENDS[1:], indirect=True)
    elif not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgresql_databases():
    from tests.postgresql import Databases, server_url

    server = server_url()
    if server is None:
        yield None
        return
    databases = Databases(server)
    yield databases
    databases.drop_all()


@pytest.fixture
def db_path(tmp_path: Path, backend: str, postgresql_databases) -> Iterator[Path | str]:
    """Where the test's database lives: a SQLite file's path, or on PostgreSQL a URL
    (a string, which every command and Store.open take as they take a path)."""
    if backend == "sqlite":
        yield tmp_path / "db" / "facilitator.db"
        return
    from tests.postgresql import NO_SERVER

    if postgresql_databases is None:
        pytest.skip(NO_SERVER)
    url = postgresql_databases.create()
    yield url.render_as_string(hide_password=False)
    # Dropped as the test ends, as its temporary folder would be: hundreds of tests'
    # databases would otherwise fill the server's disk before the run ends.
    postgresql_databases.drop(url)


@pytest.fixture
def store(db_path: Path):
    from sessions.store import Store

    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def built_apps() -> Iterator[BuiltApps]:
    """Build apps on any database; their stores are closed as the test ends, pass or fail."""
    built = BuiltApps()
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
def make_facilitator_app(
    db_path: Path | str, built_apps: BuiltApps
) -> Callable[..., FacilitatorApp]:
    """Build the app on the test's database for a Pilot test to drive (`now=`,
    `open_later=`); its store is closed as the test ends."""
    return partial(built_apps.app, db_path)


@pytest.fixture
def make_facilitator_mirror(
    db_path: Path | str, built_apps: BuiltApps
) -> Callable[..., FacilitatorApp]:
    """Build the read-only mirror on the test's database (`ref`, `now=`); its store is
    closed as the test ends."""
    return partial(built_apps.mirror, db_path)


class FakeClock:
    """A wall clock the test moves by hand, so elapsed times are exact."""

    def __init__(self, start: datetime | None = None):
        self.current = start or datetime(2026, 11, 23, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> datetime:
        self.current += timedelta(seconds=seconds)
        return self.current


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def small_agenda() -> Agenda:
    """Three items over two sections: enough to move around and finish."""
    return Agenda(
        title="Small test agenda",
        sections=(
            Section("Welcome", None, (AgendaItem("Introductions", 600, prompt="Say hello."),)),
            Section(
                "Step 1: Set-up right — vision and partners",
                1,
                (
                    AgendaItem("What can we only do together?", 1200, prompt="Talk **purpose**."),
                    AgendaItem("Barriers", 300, kind="checklist", options=("Slow", "Unclear")),
                ),
            ),
        ),
        source="test",
    )
