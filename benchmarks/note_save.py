"""Note saved on Enter: how long the app's save path takes, in a database with a long history.

When the facilitator presses Enter the line goes to `add_note`, which returns only
once the note is committed (WAL, synchronous=FULL), so the room's words are on disk
before the input clears. Its baseline is the least any durable save can cost: one
plain INSERT and COMMIT through the `sqlite3` module, into a byte-for-byte copy of
the same database with the same pragmas, so the same indexes and full-text
triggers fire and the same size of file is written to.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from sqlalchemy import select

from sessions.agenda.library import BUNDLED_PREFIX, DEFAULT_AGENDA, find_agenda
from sessions.clock import HEARTBEAT_SECONDS
from sessions.domain.summaries import keep_summaries
from sessions.models import Session
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import BUSY_TIMEOUT_MS, Store

# A few hundred notes is a long session; the history is many such sessions.
NOTES_PER_SESSION = 250

# The first saves compile and cache the app's statements; a session of notes
# pays that once, so it is left out of what the room waits for at every Enter.
WARMUP_SAMPLES = 5

# SQLite keeps a UTC time as text in this form; the bulk-loaded rows must read
# back exactly as the app's own do.
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"

_FIRST_SESSION = datetime(2024, 1, 8, 9, 30, tzinfo=UTC)

_INSERT = (
    "INSERT INTO note (session_id, agenda_item_id, kind, text, created_at, "
    "deleted_at, edited_at, member_id) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)"
)

# What a partnership says, roughly in order of how often; no word carries a colon,
# so no line reads as a prefixed decision, action or risk.
_VOCABULARY = (
    "the we to and of practice a for will in pcn is on with funding need data care "
    "it board that agreed patients from share staff by hub not be clinical winter "
    "network are ARRS roles pharmacist access gp list budget federation ICB contract "
    "referrals at this pathway frailty out-of-hours waiting estates rota social "
    "prescriber digital clinic meeting team pressure discuss review proposal trust "
    "community hospital discharge physio mental health capacity workforce leads "
    "weekend cover appointments enhanced service locum nurse paramedic dashboard "
    "targets population risk stratification outcome report quarter bid pilot costs "
    "savings sharing agreement governance partners Dr Patel Okafor Nguyen Hughes "
    "Begum Kowalski Mensah surgery Riverside Millbrook Eastgate Northfield Hollins "
    "practices housebound visits vaccination flu covid respiratory diabetes "
    "hypertension cancer screening uptake deprivation inequalities translator "
    "interpreter transport parking reception telephony online consultation "
    "backlog demand signposting care-navigators coordinator minutes follow-up"
)
_WORDS = _VOCABULARY.split()
# Accumulated once: `choices` would otherwise add the weights up again at every line,
# which dominates building millions of notes (the lines drawn are the same).
_CUM_WEIGHTS = list(accumulate(1 / rank for rank in range(1, len(_WORDS) + 1)))

# Most of what is typed is the two capture kinds; the prefixed kinds are rarer.
_KINDS = ("deal", "relationship", "decision", "action", "risk", "question")
_KIND_CUM_WEIGHTS = list(accumulate((55, 25, 8, 7, 3, 2)))


@dataclass
class SaveResult:
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p99_ms(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[98]


@dataclass(frozen=True)
class SaveMeasurement:
    facilitator: SaveResult
    baseline: SaveResult
    notes: int
    sessions: int
    mean_note_chars: float


def note_line(rng: random.Random) -> str:
    """A line as typed in the room: mostly a short sentence, now and then a paragraph."""
    words = min(60, max(2, round(rng.lognormvariate(2.3, 0.6))))
    return " ".join(rng.choices(_WORDS, cum_weights=_CUM_WEIGHTS, k=words)).capitalize()


def note_kind(rng: random.Random) -> str:
    """What kind of note a line is, in the proportions a room types them."""
    return rng.choices(_KINDS, cum_weights=_KIND_CUM_WEIGHTS)[0]


def _history(
    session_ids: list[int], items: dict[int, list[int]], count: int, rng: random.Random
) -> Iterator[tuple[int, int, str, str, str]]:
    per_session = -(-count // len(session_ids))
    for index in range(count):
        number = min(index // per_session, len(session_ids) - 1)
        session_id = session_ids[number]
        # Sessions fortnightly, notes through the two hours of each, item by item.
        into = (index % per_session) / per_session
        item_ids = items[session_id]
        at = session_start(number) + timedelta(seconds=7200 * into + rng.random())
        kind = note_kind(rng)
        yield (
            session_id,
            item_ids[int(into * len(item_ids))],
            kind,
            note_line(rng),
            at.strftime(_SQLITE_TIME),
        )


def session_start(number: int) -> datetime:
    """When the clock of the programme's session `number` (from 0) first started."""
    return _FIRST_SESSION + timedelta(weeks=2 * number)


def _clock_log(
    session_ids: list[int], planned: dict[int, list[int]], rng: random.Random
) -> Iterator[tuple[int, str, str, int]]:
    """Each session's timer log as the app leaves it: start, a heartbeat every few
    seconds while the clock runs, next at each item, finish."""
    for number, session_id in enumerate(session_ids):
        at = session_start(number)
        yield session_id, "start", at.strftime(_SQLITE_TIME), 0
        last = len(planned[session_id]) - 1
        for position, seconds in enumerate(planned[session_id]):
            # Items run a little under or over their plan, as in any room.
            end = at + timedelta(seconds=seconds * rng.uniform(0.8, 1.2))
            beat = at + timedelta(seconds=HEARTBEAT_SECONDS)
            while beat < end:
                yield session_id, "heartbeat", beat.strftime(_SQLITE_TIME), position
                beat += timedelta(seconds=HEARTBEAT_SECONDS)
            at = end
            yield (
                session_id,
                "next" if position < last else "finish",
                at.strftime(_SQLITE_TIME),
                min(position + 1, last),
            )


def build_history(
    db_path: Path,
    count: int,
    rng: random.Random,
    *,
    sessions: int | None = None,
    programme_name: str = "Benchmark programme",
    pcn_name: str = "Benchmark PCN",
    clock_log: bool = False,
) -> tuple[int, int]:
    """`count` notes over sessions all finished but the last: (how many sessions, the last).

    Sessions default to one per NOTES_PER_SESSION notes. The database may already hold
    other programmes: this one is added beside them. With `clock_log`, every finished
    session also gets the timer log a real run writes (see `_clock_log`); without it,
    their clocks never ran.
    """
    store = Store.open(db_path)
    try:
        programme = create_programme(store, programme_name, pcn_name)
        # Named as bundled, so an agenda of the same name in a user's folder cannot stand in.
        agenda = find_agenda(BUNDLED_PREFIX + DEFAULT_AGENDA)
        session_ids: list[int] = []
        for _ in range(sessions or max(1, count // NOTES_PER_SESSION)):
            if session_ids:
                running.finish_session(store, session_ids[-1])
            session_ids.append(planning.start_session(store, programme.id, agenda))
    finally:
        store.close()
    with closing(sqlite3.connect(db_path)) as connection:
        items: dict[int, list[int]] = defaultdict(list)
        planned: dict[int, list[int]] = defaultdict(list)
        for item_id, session_id, seconds in connection.execute(
            "SELECT agenda_item.id, session_id, planned_seconds FROM agenda_item "
            "JOIN session ON session.id = session_id WHERE programme_id = ? "
            "ORDER BY session_id, position",
            (programme.id,),
        ):
            items[session_id].append(item_id)
            planned[session_id].append(seconds)
        # One transaction: the triggers index every note as it goes in, as they would
        # have one Enter at a time.
        with connection:
            if count:
                connection.executemany(_INSERT, _history(session_ids, items, count, rng))
            # Each action note has its action row, as the app writes them: most long done.
            connection.execute(
                "INSERT INTO action (programme_id, note_id, owner, due_on, status) "
                "SELECT ?, note.id, 'Dr Patel', date(note.created_at, '+14 days'), "
                "CASE WHEN note.id % 5 = 0 THEN 'open' ELSE 'done' END "
                "FROM note JOIN session ON session.id = note.session_id "
                "WHERE note.kind = 'action' AND session.programme_id = ?",
                (programme.id, programme.id),
            )
            if clock_log and len(session_ids) > 1:
                _write_clock_log(connection, session_ids[:-1], planned, rng)
    # The sessions were finished before their history was written in: summed up again now,
    # as the app sums up a session that finishes with its history in it.
    store = Store.open(db_path)
    try:
        with store.transaction("sum up the finished sessions") as db:
            keep_summaries(db, select(Session.id).where(Session.programme_id == programme.id))
    finally:
        store.close()
    with closing(sqlite3.connect(db_path)) as connection:
        # Everything into the main file, so its copy holds the same database.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(session_ids), session_ids[-1]


def _write_clock_log(
    connection: sqlite3.Connection,
    finished: list[int],
    planned: dict[int, list[int]],
    rng: random.Random,
) -> None:
    # The finish the services logged a moment ago would come first in the log and
    # stop the replay before the history starts: the history's own finish replaces it.
    connection.executemany(
        "DELETE FROM timer_event WHERE session_id = ?", [(session_id,) for session_id in finished]
    )
    finished_at: dict[int, str] = {}
    rows = []
    for session_id, kind, at, position in _clock_log(finished, planned, rng):
        rows.append((session_id, kind, at, position))
        finished_at[session_id] = at
    connection.executemany(
        "INSERT INTO timer_event (session_id, kind, at, position, detail, seconds) "
        "VALUES (?, ?, ?, ?, '', 0)",
        rows,
    )
    connection.executemany(
        "UPDATE session SET finished_at = ? WHERE id = ?",
        [(at, session_id) for session_id, at in finished_at.items()],
    )


def _open_baseline(db_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path)
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "foreign_keys = ON",
        "synchronous = FULL",
        "journal_mode = WAL",
    ):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def save_in_turn(
    saves: list[tuple[SaveResult, Callable[[int, str], None]]],
    items: int,
    samples: int,
    rng: random.Random,
) -> None:
    """Each typed line saved by every way in `saves`, in a random order each time, timed.

    Taking turns puts them all under the same conditions (disk, page cache, the WAL's
    checkpoints) for the whole run.
    """
    for number in range(WARMUP_SAMPLES + samples):
        position = rng.randrange(items)
        line = note_line(rng)
        rng.shuffle(saves)
        for result, save in saves:
            started = time.perf_counter()
            save(position, line)
            elapsed_ms = (time.perf_counter() - started) * 1000
            if number >= WARMUP_SAMPLES:
                result.latencies_ms.append(elapsed_ms)


def measure_save(folder: Path, count: int, samples: int, rng: random.Random) -> SaveMeasurement:
    """The app's save and the raw insert, sampled in turn on copies of one database."""
    folder.mkdir(parents=True, exist_ok=True)
    app_db = folder / "facilitator.db"
    baseline_db = folder / "baseline.db"
    sessions, session_id = build_history(app_db, count, rng)
    shutil.copyfile(app_db, baseline_db)
    with closing(sqlite3.connect(app_db)) as connection:
        item_ids = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM agenda_item WHERE session_id = ? ORDER BY position", (session_id,)
            )
        ]
        mean_chars = connection.execute("SELECT avg(length(text)) FROM note").fetchone()[0]

    results = {"facilitator": SaveResult(), "baseline": SaveResult()}
    store = Store.open(app_db)
    try:
        with closing(_open_baseline(baseline_db)) as connection:

            def app_save(position: int, line: str) -> None:
                notes.add_note(store, session_id, position, line, "deal")

            def raw_save(position: int, line: str) -> None:
                connection.execute(
                    _INSERT,
                    (
                        session_id,
                        item_ids[position],
                        "deal",
                        line,
                        datetime.now(UTC).strftime(_SQLITE_TIME),
                    ),
                )
                connection.commit()

            save_in_turn(
                [(results["facilitator"], app_save), (results["baseline"], raw_save)],
                len(item_ids),
                samples,
                rng,
            )
    finally:
        store.close()
    return SaveMeasurement(
        facilitator=results["facilitator"],
        baseline=results["baseline"],
        notes=count,
        sessions=sessions,
        mean_note_chars=mean_chars,
    )
