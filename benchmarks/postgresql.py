"""The note save, the dashboard and the mirror on a PostgreSQL server, beside SQLite's.

Measured only where a server is named by FACILITATOR_TEST_POSTGRESQL, the superuser
URL the tests use (`scripts/with-postgresql` sets it), whose databases are made and
dropped as the tests' are. The large databases are the
SQLite ones the other measurements built, copied row for row onto the server, so
both databases hold the same history.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import URL

from benchmarks.mirror_lag import LagResult, measure_mirror_alone
from benchmarks.note_save import SaveResult, save_in_turn
from benchmarks.room import Room
from benchmarks.screen_open import OpenResult, open_once
from sessions.models import AgendaItem, Base, Session
from sessions.services import notes
from sessions.store import Store, database_url
from tests.postgresql import Databases

COPY_ROWS = 5_000

_RAW_INSERT = (
    "INSERT INTO note (session_id, agenda_item_id, kind, text, created_at) "
    "VALUES (%s, %s, 'deal', %s, now())"
)


def copy_database(sqlite_path: Path, url: URL) -> None:
    """Every row of the SQLite database into the empty one at `url`, ids and all."""
    Store.open(url).close()  # the schema, through the app's own migrations
    source = create_engine(database_url(sqlite_path))
    target = create_engine(url)
    try:
        with source.connect() as reading, target.begin() as writing:
            for table in Base.metadata.sorted_tables:
                rows = reading.execute(select(table)).mappings()
                while chunk := rows.fetchmany(COPY_ROWS):
                    writing.execute(table.insert(), [dict(row) for row in chunk])
                if "id" in table.c:
                    # The copied ids were given by hand: new rows must follow them.
                    writing.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                            f'coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
                        )
                    )
            writing.execute(text("ANALYZE"))
    finally:
        source.dispose()
        target.dispose()


@dataclass(frozen=True)
class ServerMeasurement:
    save: SaveResult
    save_baseline: SaveResult
    open_large: OpenResult
    open_small: OpenResult
    lag: LagResult
    version: str
    fsync: str
    """The server's own setting: "off" makes its commits wait for no disk."""


def measure_server(
    databases: Databases,
    save_db: Path,
    large: Room,
    small: Room,
    mirror: Room,
    sessions: int,
    save_samples: int,
    open_samples: int,
    lag_samples: int,
    rng: random.Random,
) -> ServerMeasurement:
    save_url = databases.create(migrated=False)
    copy_database(save_db, save_url)
    baseline_url = databases.copy_of(save_url)
    save, baseline = _measure_save(save_url, baseline_url, save_samples, rng)
    rooms = []
    for room in (large, small):
        url = databases.create(migrated=False)
        copy_database(room.db_path, url)
        # The app is launched with the URL where it would have the file's path.
        rooms.append(
            Room(
                home=room.home,
                db_path=url.render_as_string(hide_password=False),
                session_id=room.session_id,
            )
        )
    open_large, open_small = OpenResult(), OpenResult()
    turns = [(rooms[0], sessions, open_large), (rooms[1], 1, open_small)]
    for _ in range(open_samples):
        rng.shuffle(turns)
        for room, count, result in turns:
            open_once(room, count, result)
    mirror_url = databases.create(migrated=False)
    copy_database(mirror.db_path, mirror_url)
    with create_engine(mirror_url).connect() as connection:
        session_id = connection.execute(select(func.max(Session.id))).scalar_one()
    lag = measure_mirror_alone(
        mirror_url.render_as_string(hide_password=False), session_id, mirror.env(), lag_samples, rng
    )
    with create_engine(save_url).connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar_one()
        fsync = connection.execute(text("SHOW fsync")).scalar_one()
    return ServerMeasurement(save, baseline, open_large, open_small, lag, version.split()[0], fsync)


def _measure_save(
    app_url: URL, baseline_url: URL, samples: int, rng: random.Random
) -> tuple[SaveResult, SaveResult]:
    """As on SQLite: the app's save and one raw INSERT and COMMIT through psycopg, in turn."""
    import psycopg

    store = Store.open(app_url)
    app, raw = SaveResult(), SaveResult()
    try:
        with store.reading() as db:
            session_id = db.scalar(select(func.max(Session.id)))
            item_ids = list(
                db.scalars(
                    select(AgendaItem.id)
                    .where(AgendaItem.session_id == session_id)
                    .order_by(AgendaItem.position)
                )
            )
        conninfo = baseline_url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo) as connection:

            def app_save(position: int, line: str) -> None:
                notes.add_note(store, session_id, position, line, "deal")

            def raw_save(position: int, line: str) -> None:
                connection.execute(_RAW_INSERT, (session_id, item_ids[position], line))
                connection.commit()

            save_in_turn([(app, app_save), (raw, raw_save)], len(item_ids), samples, rng)
    finally:
        store.close()
    return app, raw
