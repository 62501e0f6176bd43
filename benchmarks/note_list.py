"""The note list at size: a key in it, and Enter in the note line until the note is shown.

An item with 500 notes, in a database of 100,000, is open on the session screen, on its
own terminal. Against it, the bare apps `notelist` and `noteline` hold the same rows
in a plain OptionList: a key moves their highlight, and Enter adds a typed row.
Each sample is timed from the key written to the terminal until the row it changes
reaches it; the app and its baseline are sampled in turn, in random order.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from benchmarks.note_save import _INSERT, _SQLITE_TIME, build_history, note_line, session_start
from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import Room
from sessions.services import running
from sessions.store import Store

ITEM_NOTES = 500
RESUME = b"r"
TAB = b"\t"
UP = b"\x1b[A"
ENTER = b"\r"
# Between samples, long enough for the frame of the last to be written.
SETTLE_SECONDS = 0.15
WAIT_SECONDS = 15.0


@dataclass
class Latencies:
    samples_ms: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)


@dataclass(frozen=True)
class NoteListMeasurement:
    key: Latencies
    key_baseline: Latencies
    enter: Latencies
    enter_baseline: Latencies
    notes: int
    item_notes: int


def token(number: int) -> str:
    """What starts a note's text: unique, so its row is known when it is drawn."""
    return f"N{number:04d}"


def build_item(folder: Path, history: int, rng: random.Random) -> tuple[Room, list[str]]:
    """The history, and the open session's first discussion holding ITEM_NOTES notes of its
    own, its clock there: the note line has the focus on arrival and Tab goes to the notes."""
    folder.mkdir(parents=True, exist_ok=True)
    home = folder / "home"
    home.mkdir(exist_ok=True)
    db_path = folder / "facilitator.db"
    _sessions, session_id = build_history(db_path, history - ITEM_NOTES, rng)
    texts = [f"{token(number)} {note_line(rng)}" for number in range(ITEM_NOTES)]
    with closing(sqlite3.connect(db_path)) as connection:
        item_id, position = connection.execute(
            "SELECT id, position FROM agenda_item WHERE session_id = ? AND kind = 'discussion' "
            "ORDER BY position LIMIT 1",
            (session_id,),
        ).fetchone()
        started = session_start(10_000)
        with connection:
            # The item holds exactly these notes: the history's own on it go.
            connection.execute(
                "DELETE FROM action WHERE note_id IN "
                "(SELECT id FROM note WHERE agenda_item_id = ?)",
                (item_id,),
            )
            connection.execute("DELETE FROM note WHERE agenda_item_id = ?", (item_id,))
            connection.executemany(
                _INSERT,
                (
                    (
                        session_id,
                        item_id,
                        "deal",
                        text,
                        (started + timedelta(seconds=index)).strftime(_SQLITE_TIME),
                    )
                    for index, text in enumerate(texts)
                ),
            )
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store = Store.open(db_path)
    try:
        running.jump(store, session_id, position)
    finally:
        store.close()
    return Room(home=home, db_path=db_path, session_id=session_id), texts


def _count_notes(db_path: Path) -> int:
    store = Store.open(db_path, read_only=True)
    try:
        with store.reading() as db:
            return int(db.connection().exec_driver_sql("SELECT count(*) FROM note").scalar())
    finally:
        store.close()


def _timed(app: PtyApp, keys: bytes, shown: str) -> float:
    """Milliseconds from `keys` written until `shown` is drawn afresh."""
    sighting = app.watch_afresh(shown)
    sent = time.monotonic()
    app.send(keys)
    return 1000 * (app.seen(sighting, WAIT_SECONDS) - sent)


def _open_session(app: PtyApp, newest: str) -> None:
    app.wait_for("Sessions to start or resume", WAIT_SECONDS)
    app.send(RESUME)
    app.wait_for(newest, WAIT_SECONDS)
    time.sleep(1.0)  # past the first frames and the first reads


def measure_note_list(
    folder: Path, history: int, samples: int, rng: random.Random
) -> NoteListMeasurement:
    room, texts = build_item(folder, history, rng)
    rows_path = folder / "rows.txt"
    # The rows as the list draws them: the kind's badge, then the note.
    rows_path.write_text("".join(f" DEAL  {text}\n" for text in texts), encoding="utf-8")
    app_argv = python_module("facilitator", "--db", str(room.db_path))
    key = Latencies()
    key_baseline = Latencies()
    enter = Latencies()
    enter_baseline = Latencies()
    with ExitStack() as stack:
        facilitator = stack.enter_context(PtyApp(app_argv, env=room.env()))
        listing = stack.enter_context(
            PtyApp(python_module("benchmarks.bare_apps", "notelist", str(rows_path)))
        )
        _open_session(facilitator, token(ITEM_NOTES - 1))
        listing.wait_for(token(ITEM_NOTES - 1), WAIT_SECONDS)
        facilitator.send(TAB)
        time.sleep(0.5)
        # Up from the newest, one note a key in each, the two in turn.
        for step in range(1, samples + 1):
            above = token(ITEM_NOTES - 1 - step)
            runs = [(facilitator, key), (listing, key_baseline)]
            rng.shuffle(runs)
            for app, result in runs:
                result.samples_ms.append(_timed(app, UP, above))
                time.sleep(SETTLE_SECONDS)
        listing.close()
        facilitator.send(b"\x1b")  # back to the note line
        time.sleep(0.5)

        typing = stack.enter_context(
            PtyApp(python_module("benchmarks.bare_apps", "noteline", str(rows_path)))
        )
        typing.wait_for(token(ITEM_NOTES - 1), WAIT_SECONDS)
        for number in range(ITEM_NOTES, ITEM_NOTES + samples):
            typed = f"{token(number)} said in the room"
            runs = [(facilitator, enter), (typing, enter_baseline)]
            rng.shuffle(runs)
            for app, result in runs:
                app.send(typed)
                app.wait_for(typed, WAIT_SECONDS)  # in the note line, not yet saved
                time.sleep(SETTLE_SECONDS)
                result.samples_ms.append(_timed(app, ENTER, token(number)))
                time.sleep(SETTLE_SECONDS)
        for app in (facilitator, typing):
            app.quit()
    return NoteListMeasurement(
        key=key,
        key_baseline=key_baseline,
        enter=enter,
        enter_baseline=enter_baseline,
        notes=_count_notes(room.db_path),
        item_notes=ITEM_NOTES,
    )


if __name__ == "__main__":
    import sys

    from benchmarks.room import scratch_folder

    quick = "--quick" in sys.argv[1:]
    with scratch_folder() as scratch:
        found = measure_note_list(
            Path(scratch), 2_000 if quick else 100_000, 5 if quick else 40, random.Random(2026)
        )
    for name, result in (
        ("key", found.key),
        ("key baseline", found.key_baseline),
        ("enter", found.enter),
        ("enter baseline", found.enter_baseline),
    ):
        print(f"{name}: median {result.median_ms:.1f} ms; {result.samples_ms}")
