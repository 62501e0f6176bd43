"""A national team's database: every PCN in England on one PostgreSQL server.

    scripts/with-postgresql python -m benchmarks.national [--quick] [--explain] [--search-index]

The national database holds 1,259 programmes (one a PCN), about twenty sessions each
with their agendas, notes varying session by session (five million in all), members,
actions and the timer log the dashboard reads; some programmes are archived. The
newest programme, listed first and highlighted, is the one measured. Its baseline is
a database on the same server holding that programme alone, row for row the same:
what the other 1,258 programmes cost the home screen and the dashboard.

Rows are written with COPY through psycopg, not the ORM a row at a time, with the
secondary indexes built once after the load (as a restore does) and the tables
vacuumed and analysed, as a long-lived database is. The shapes are the 200-session
measurement's: the bundled agenda as `start_session` writes it, lines from the same
vocabulary, kinds in the same proportions, each action note with its action row.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import URL

from benchmarks.home_and_dashboard import HomeAndDashboard
from benchmarks.note_save import NOTES_PER_SESSION, note_kind, note_line
from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import Room, scratch_folder
from benchmarks.screen_open import PROGRAMME, SHOWN_WITHIN_SECONDS, OpenResult, dashboard_line
from sessions.agenda.library import BUNDLED_PREFIX, DEFAULT_AGENDA, find_agenda
from sessions.clock import HEARTBEAT_SECONDS
from sessions.services import planning
from sessions.services.dashboard import programme_dashboard
from sessions.services.programmes import create_programme, list_programmes
from sessions.services.running import list_unfinished
from sessions.store import Store
from sessions.vocabulary import OrganisationKind
from tests.postgresql import SERVER_VARIABLE, Databases, server_url
from tests.sent_statements import sent_statements


@dataclass(frozen=True)
class Scale:
    programmes: int
    notes: int
    sessions_each: int
    """The mean: each programme has a few more or fewer."""
    samples: int


# England's primary care networks, each with about a year of fortnightly sessions.
NATIONAL = Scale(programmes=1_259, notes=5_000_000, sessions_each=20, samples=5)
QUICK = Scale(programmes=60, notes=200_000, sessions_each=20, samples=2)

ARCHIVED_SHARE = 0.05
MEMBERS_EACH = (8, 16)
_ROLES = ("Clinical director", "Practice manager", "GP partner", "Pharmacist", "Nurse lead")
_ORGANISATION_KINDS = tuple(kind.value for kind in OrganisationKind)
_FIRST_PROGRAMME = datetime(2024, 1, 8, 9, 30, tzinfo=UTC)
COPY_CHUNK = 20_000

# The measured programme: the same shape in both databases, drawn from its own seed.
MEASURED_SESSIONS = 20
MEASURED_SEED = 26

# Indexes the load would otherwise keep up row by row; built once after it.
SEARCH_INDEX = "ix_note_search"
_LOADED_TABLES = ("programme", "member", "session", "agenda_item", "note", "action", "timer_event")


def _time(at: datetime) -> str:
    return at.isoformat(sep=" ")


@dataclass
class _Template:
    """The bundled agenda's session and items as the services write them, in COPY's text form."""

    session_columns: list[str]
    session: list[str]
    item_columns: list[str]
    items: list[list[str]]
    planned_seconds: list[int]


@dataclass
class _Ids:
    programme: int = 0
    member: int = 0
    session: int = 0
    item: int = 0
    note: int = 0
    action: int = 0
    event: int = 0

    def next(self, kind: str) -> int:
        value = getattr(self, kind) + 1
        setattr(self, kind, value)
        return value


@dataclass
class _Rows:
    """The text COPY reads, table by table, flushed in chunks as it grows."""

    write: Callable[[str, list[str]], None]
    pending: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, table: str, values: list[str]) -> None:
        lines = self.pending.setdefault(table, [])
        lines.append("\t".join(values))
        self.counts[table] += 1
        if len(lines) >= COPY_CHUNK:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.pending):
            lines = self.pending.pop(name, [])
            if lines:
                self.write(name, lines)


def _template(conninfo: str) -> _Template:
    """One session of the bundled agenda, written by the services, read back and removed."""
    import psycopg

    store = Store.open(conninfo_url(conninfo))
    try:
        programme = create_programme(store, "Template programme", "Template PCN")
        agenda = find_agenda(BUNDLED_PREFIX + DEFAULT_AGENDA)
        session_id = planning.start_session(store, programme.id, agenda)
    finally:
        store.close()
    with psycopg.connect(conninfo) as connection:

        def rows(query: str) -> tuple[list[str], list[list[str]]]:
            with connection.cursor() as cursor:
                cursor.execute(query + " LIMIT 0")
                columns = [column.name for column in cursor.description or ()]
                lines = []
                with cursor.copy(f"COPY ({query}) TO STDOUT") as copy:
                    for chunk in copy:
                        lines.extend(bytes(chunk).decode().splitlines())
            return columns, [line.split("\t") for line in lines]

        session_columns, (session,) = rows(f"SELECT * FROM session WHERE id = {session_id}")
        item_columns, items = rows(
            f"SELECT * FROM agenda_item WHERE session_id = {session_id} ORDER BY position"
        )
        for table in ("timer_event", "agenda_item", "session_lease", "session"):
            column = "id" if table == "session" else "session_id"
            connection.execute(f"DELETE FROM {table} WHERE {column} = %s", (session_id,))
        connection.execute("DELETE FROM programme WHERE id = %s", (programme.id,))
    planned = [int(item[item_columns.index("planned_seconds")]) for item in items]
    return _Template(session_columns, session, item_columns, items, planned)


def conninfo_url(conninfo: str) -> URL:
    from sqlalchemy.engine import make_url

    return make_url(conninfo.replace("postgresql://", "postgresql+psycopg://", 1))


def _programme_rows(
    rows: _Rows,
    ids: _Ids,
    template: _Template,
    rng: random.Random,
    *,
    name: str,
    pcn: str,
    created: datetime,
    sessions: int,
    notes_per_session: float,
    archived: bool,
    heartbeats: bool,
) -> None:
    """One programme: its members, sessions (all finished but the last), items, notes, log."""
    programme_id = ids.next("programme")
    slug = name.lower().replace(" ", "-")
    archived_at = _time(created + timedelta(weeks=2 * sessions + 1)) if archived else r"\N"
    rows.add(
        "programme",
        [str(programme_id), name, slug, pcn, _time(created), archived_at, r"\N", "members", "", ""],
    )
    members = []
    for number in range(rng.randint(*MEMBERS_EACH)):
        member_id = ids.next("member")
        members.append(member_id)
        rows.add(
            "member",
            [
                str(member_id),
                str(programme_id),
                f"Member {number + 1} of {pcn}",
                f"Practice {number % 6 + 1}",
                _ORGANISATION_KINDS[number % len(_ORGANISATION_KINDS)],
                _ROLES[number % len(_ROLES)],
                _time(created),
                r"\N",
                "",
            ],
        )
    s_columns = template.session_columns
    for number in range(1, sessions + 1):
        session_id = ids.next("session")
        start = created + timedelta(weeks=2 * (number - 1), days=1)
        finished = number < sessions
        session = list(template.session)
        session[s_columns.index("id")] = str(session_id)
        session[s_columns.index("programme_id")] = str(programme_id)
        session[s_columns.index("number")] = str(number)
        session[s_columns.index("created_at")] = _time(start - timedelta(hours=1))
        session[s_columns.index("calendar_uid")] = f"{rng.getrandbits(64):016x}"
        item_ids = []
        for template_item in template.items:
            item = list(template_item)
            item_ids.append(ids.next("item"))
            item[template.item_columns.index("id")] = str(item_ids[-1])
            item[template.item_columns.index("session_id")] = str(session_id)
            rows.add("agenda_item", item)
        if finished:
            end = _session_log(
                rows, ids, session_id, start, template.planned_seconds, rng, heartbeats
            )
            session[s_columns.index("finished_at")] = _time(end)
            count = max(1, round(rng.lognormvariate(0, 0.5) * notes_per_session))
            _session_notes(
                rows, ids, programme_id, session_id, item_ids, members, start, count, rng
            )
        rows.add("session", session)


def _session_log(
    rows: _Rows,
    ids: _Ids,
    session_id: int,
    start: datetime,
    planned: list[int],
    rng: random.Random,
    heartbeats: bool,
) -> datetime:
    """The timer log a run leaves: start, next at each item, finish; heartbeats if asked."""

    def event_row(kind: str, at: datetime, position: int) -> None:
        values = [str(ids.next("event")), str(session_id), kind, _time(at), str(position), "", "0"]
        rows.add("timer_event", values)

    at = start
    event_row("start", at, 0)
    last = len(planned) - 1
    for position, seconds in enumerate(planned):
        # Items run a little under or over their plan, as in any room.
        end = at + timedelta(seconds=seconds * rng.uniform(0.8, 1.2))
        if heartbeats:
            beat = at + timedelta(seconds=HEARTBEAT_SECONDS)
            while beat < end:
                event_row("heartbeat", beat, position)
                beat += timedelta(seconds=HEARTBEAT_SECONDS)
        at = end
        event_row("next" if position < last else "finish", at, min(position + 1, last))
    return at


def _session_notes(
    rows: _Rows,
    ids: _Ids,
    programme_id: int,
    session_id: int,
    item_ids: list[int],
    members: list[int],
    start: datetime,
    count: int,
    rng: random.Random,
) -> None:
    """Notes through the two hours, item by item; each action note with its action row."""
    for index in range(count):
        into = index / count
        at = start + timedelta(seconds=7200 * into + rng.random())
        kind = note_kind(rng)
        note_id = ids.next("note")
        rows.add(
            "note",
            [
                str(note_id),
                str(session_id),
                str(item_ids[int(into * len(item_ids))]),
                kind,
                note_line(rng),
                _time(at),
                r"\N",
                r"\N",
                r"\N",
                "f",
            ],
        )
        if kind == "action":
            action_id = ids.next("action")
            rows.add(
                "action",
                [
                    str(action_id),
                    str(programme_id),
                    str(note_id),
                    "Dr Patel",
                    (at.date() + timedelta(days=14)).isoformat(),
                    "open" if action_id % 5 == 0 else "done",
                    str(rng.choice(members)) if members else r"\N",
                ],
            )


_COLUMNS = {
    "programme": "id, name, slug, pcn_name, created_at, archived_at, quorum_count, quorum_of, "
    "plan_source, plan_title",
    "member": "id, programme_id, name, organisation, organisation_kind, role, created_at, "
    "archived_at, email",
    "note": "id, session_id, agenda_item_id, kind, text, created_at, deleted_at, edited_at, "
    "member_id, confidential",
    "action": "id, programme_id, note_id, owner, due_on, status, owner_member_id",
    "timer_event": 'id, session_id, kind, at, "position", detail, seconds',
}


@dataclass(frozen=True)
class Built:
    url: URL
    seconds: float
    counts: Counter[str]


def build(
    databases: Databases, scale: Scale, *, alone: bool, search_index: bool = False, say=print
) -> Built:
    """The national database, or (`alone`) the measured programme by itself.

    Without `search_index` the notes' full-text index is left out, in both databases:
    neither screen reads it (see the plans in benchmarks/README.md), and building it costs
    about half a millisecond of the server's time a note, most of an hour for five million.
    """
    import psycopg

    started = time.perf_counter()
    url = databases.create()
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    template = _template(conninfo)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("SET maintenance_work_mem = '512MB'")
        # Foreign keys are checked by triggers, which a restore skips as this load does: every
        # id is given here, and the keys hold by construction.
        connection.execute("SET session_replication_role = replica")
        indexes = _drop_secondary_indexes(connection)

        def write(table: str, lines: list[str]) -> None:
            columns = _COLUMNS.get(table) or ", ".join(
                f'"{name}"'
                for name in (
                    template.session_columns if table == "session" else template.item_columns
                )
            )
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                copy.write("\n".join(lines) + "\n")

        rows = _Rows(write)
        ids = _Ids(programme=1, session=1, item=100, event=100)
        rng = random.Random(2026)
        others = 0 if alone else scale.programmes - 1
        notes_per_session = scale.notes / (scale.programmes * scale.sessions_each)
        for number in range(others):
            sessions = max(2, round(rng.gauss(scale.sessions_each, 4)))
            _programme_rows(
                rows,
                ids,
                template,
                rng,
                name=f"PCN {number + 1:04d} partnership",
                pcn=f"PCN {number + 1:04d}",
                created=_FIRST_PROGRAMME + timedelta(hours=number),
                sessions=sessions,
                notes_per_session=notes_per_session,
                archived=rng.random() < ARCHIVED_SHARE,
                heartbeats=False,
            )
            if number % 100 == 99:
                say(f"  {number + 1:,} programmes, {rows.counts['note']:,} notes")
        # The newest, so the home screen lists it first and highlights it.
        _programme_rows(
            rows,
            ids,
            template,
            random.Random(MEASURED_SEED),
            name=PROGRAMME,
            pcn="Benchmark PCN",
            created=_FIRST_PROGRAMME + timedelta(days=120),
            sessions=MEASURED_SESSIONS,
            notes_per_session=NOTES_PER_SESSION,
            archived=False,
            heartbeats=True,
        )
        rows.flush()
        connection.execute("SET session_replication_role = origin")
        for table in _LOADED_TABLES:
            connection.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
            )
        say(f"  rows written in {time.perf_counter() - started:.0f} s; building indexes")
        for statement in indexes:
            if SEARCH_INDEX in statement and not search_index:
                continue
            began = time.perf_counter()
            connection.execute(statement)
            say(f"  {time.perf_counter() - began:.1f} s: {statement}")
        began = time.perf_counter()
        summed_up = _keep_summaries(url)
        say(f"  {time.perf_counter() - began:.1f} s: {summed_up:,} finished sessions summed up")
        began = time.perf_counter()
        connection.execute(f"VACUUM ANALYZE {', '.join(_LOADED_TABLES)}, finished_summary")
        say(f"  {time.perf_counter() - began:.1f} s: VACUUM ANALYZE")
    return Built(url, time.perf_counter() - started, rows.counts)


def _keep_summaries(url: URL) -> int:
    """Each finished session summed up, as the app keeps it when a session finishes."""
    from sessions.domain.summaries import keep_every_summary

    store = Store.open(url)
    try:
        with store.transaction("sum up the finished sessions") as db:
            return keep_every_summary(db)
    finally:
        store.close()


def _drop_secondary_indexes(connection) -> list[str]:
    """Drop the loaded tables' indexes that no constraint owns; their CREATE statements."""
    found = connection.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
        "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conname = i.indexname)",
        (list(_LOADED_TABLES),),
    ).fetchall()
    for name, _ in found:
        connection.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


@dataclass
class Reading(HomeAndDashboard):
    home_queries: int = 0
    dashboard_queries: int = 0


def _home(store: Store) -> None:
    list_programmes(store)
    list_unfinished(store)


def _dashboard(store: Store, programme_id: int) -> None:
    programme_dashboard(store, programme_id, date.today())


def read_in_turn(urls: dict[str, URL], samples: int, rng: random.Random) -> dict[str, Reading]:
    """The services each screen calls, in the benchmark's own process, the databases in turn.

    The first call on each store is left out: it compiles the statements and fills the
    connection pool, which a long-running app pays once.
    """
    stores = {name: Store.open(url) for name, url in urls.items()}
    readings = {name: Reading() for name in urls}
    try:
        ids = {}
        for name, store in stores.items():
            ids[name] = list_programmes(store)[0].id
            with sent_statements(store.engine) as seen:
                _home(store)
            readings[name].home_queries = len(seen)
            with sent_statements(store.engine) as seen:
                _dashboard(store, ids[name])
            readings[name].dashboard_queries = len(seen)
        order = list(urls)
        for _ in range(samples):
            rng.shuffle(order)
            for name in order:
                started = time.perf_counter()
                _home(stores[name])
                between = time.perf_counter()
                _dashboard(stores[name], ids[name])
                readings[name].home_ms.append((between - started) * 1000)
                readings[name].dashboard_ms.append((time.perf_counter() - between) * 1000)
    finally:
        for store in stores.values():
            store.close()
    return readings


def explain(url: URL, say=print) -> None:
    """EXPLAIN ANALYZE of every statement the home screen and the dashboard send."""
    store = Store.open(url)
    try:
        programme_id = list_programmes(store)[0].id
        for screen, call in (
            ("home", lambda: _home(store)),
            ("dashboard", lambda: _dashboard(store, programme_id)),
        ):
            with sent_statements(store.engine) as seen:
                call()
            say(f"== {screen}: {len(seen)} statements")
            shapes = Counter(statement for statement, _ in seen)
            with store.engine.connect() as connection:
                cursor = connection.connection.driver_connection.cursor()
                for statement, parameters in {s: p for s, p in seen}.items():
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                    say(f"-- sent {shapes[statement]}x\n{statement}\n{plan}\n")
    finally:
        store.close()


def launch_in_turn(urls: dict[str, URL], home: Path, samples: int, rng: random.Random):
    """The app launched on its own terminal: home shown, Enter, dashboard shown."""
    results = {name: OpenResult() for name in urls}
    rooms = {
        name: Room(home=home, db_path=url.render_as_string(hide_password=False), session_id=0)
        for name, url in urls.items()
    }
    order = list(urls)
    for _ in range(samples):
        rng.shuffle(order)
        for name in order:
            _open(rooms[name], results[name])
    return results


def _open(room: Room, result: OpenResult) -> None:
    app = PtyApp(python_module("facilitator", "--db", str(room.db_path)), env=room.env())
    heading = app.watch("Programmes")
    name = app.watch(PROGRAMME)
    launched = time.monotonic()
    with app:
        shown = max(app.seen(heading, SHOWN_WITHIN_SECONDS), app.seen(name, SHOWN_WITHIN_SECONDS))
        result.home_ms.append((shown - launched) * 1000)
        figures = app.watch(dashboard_line(MEASURED_SESSIONS))
        pressed = time.monotonic()
        app.send(b"\r")
        result.dashboard_ms.append((app.seen(figures, SHOWN_WITHIN_SECONDS) - pressed) * 1000)
        result.peak_kib.append(app.peak_memory_kib())


@dataclass(frozen=True)
class NationalMeasurement:
    scale: Scale
    national: Built
    alone: Built
    reading: dict[str, Reading]
    launched: dict[str, OpenResult]


def measure_national(
    databases: Databases, scale: Scale, folder: Path, *, search_index: bool = False, say=print
) -> NationalMeasurement:
    say(f"national database: {scale.programmes:,} programmes, {scale.notes:,} notes")
    national = build(databases, scale, alone=False, search_index=search_index, say=say)
    say(f"  built in {national.seconds:.0f} s: {dict(national.counts)}")
    alone = build(databases, scale, alone=True, search_index=search_index, say=say)
    urls = {"national": national.url, "alone": alone.url}
    reading = read_in_turn(urls, max(5, scale.samples * 4), random.Random(2026))
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    launched = launch_in_turn(urls, home, scale.samples, random.Random(2026))
    return NationalMeasurement(scale, national, alone, reading, launched)


def report(result: NationalMeasurement, say=print) -> None:
    for what, reading in result.reading.items():
        say(
            f"{what}: in process, home {reading.home_median_ms:.1f} ms "
            f"({reading.home_queries} statements), dashboard {reading.dashboard_median_ms:.1f} ms "
            f"({reading.dashboard_queries} statements)"
        )
    for what, opened in result.launched.items():
        say(
            f"{what}: launched, home {opened.home_median_ms:.0f} ms {opened.home_ms}, "
            f"dashboard {opened.dashboard_median_ms:.0f} ms {opened.dashboard_ms}"
        )
    n, a = result.reading["national"], result.reading["alone"]
    ln, la = result.launched["national"], result.launched["alone"]
    say(
        f"ratios: in process home {n.home_median_ms / a.home_median_ms:.2f}x, dashboard "
        f"{n.dashboard_median_ms / a.dashboard_median_ms:.2f}x; launched home "
        f"{ln.home_median_ms / la.home_median_ms:.2f}x, dashboard "
        f"{ln.dashboard_median_ms / la.dashboard_median_ms:.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.national", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="60 programmes, 200,000 notes")
    parser.add_argument(
        "--explain", action="store_true", help="print each statement's plan on both databases"
    )
    parser.add_argument(
        "--search-index",
        action="store_true",
        help="build the notes' full-text index too (most of an hour at the national scale)",
    )
    args = parser.parse_args(argv)
    server = server_url()
    if server is None:
        print(f"no server: set {SERVER_VARIABLE}, or run through scripts/with-postgresql")
        return 69
    scale = QUICK if args.quick else NATIONAL
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    databases = Databases(server, purpose="national")
    try:
        with scratch_folder() as folder:
            result = measure_national(
                databases, scale, Path(folder), search_index=args.search_index, say=say
            )
            if args.explain:
                for url in (result.national.url, result.alone.url):
                    say(f"=== {url.database}")
                    explain(url, say)
        report(result)
    finally:
        databases.drop_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
