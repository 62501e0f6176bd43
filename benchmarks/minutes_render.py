"""Minutes ready: how long the minutes of a session take to write, in each format, as notes grow.

After the session the facilitator writes its minutes (`render_minutes`, which
reads the session from the database into the minutes model and renders it as
Markdown, HTML or Word). Sessions of the same agenda and the same clock log,
holding from ten to ten thousand notes, are each rendered in every format. The
baseline is the same session with no notes: reading the session and its clock,
and writing a document's fixed parts. So the ratio says what the notes add, and
the cost per thousand notes at two sizes says whether that grows in a straight
line.

No terminal here: it is a library call, made in the benchmark's own process.
"""

from __future__ import annotations

import gc
import random
import shutil
import sqlite3
import statistics
import time
from collections import Counter
from contextlib import ExitStack, closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.note_save import note_line
from sessions.agenda.library import BUNDLED_PREFIX, DEFAULT_AGENDA, find_agenda
from sessions.clock import HEARTBEAT_SECONDS
from sessions.models import Action, Note
from sessions.note_syntax import parse_note_line
from sessions.services import planning, running
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.store import Store

FORMATS = ("md", "html", "docx")

# The goals the issue sets, at a long session's thousand notes; and growth in a
# straight line, so no format costs more per note as sessions grow.
GOAL_NOTES = 1_000
GOALS_MS = {"md": 100.0, "html": 150.0, "docx": 1_000.0}

# A render slower than this is sampled only MIN_REPEATS times: its median is
# steady enough, and the full run stays within minutes.
SLOW_RENDER_SECONDS = 2.0
MIN_REPEATS = 3

_SESSION_START = datetime(2026, 11, 9, 9, 30, tzinfo=UTC)

# What the room says, roughly how often: mostly the two capture kinds, the prefixed
# kinds rarer. Deal and relationship are typed without a prefix, on the kind the
# screen is switched to.
_KINDS = ("deal", "relationship", "decision", "action", "risk", "question")
_KIND_WEIGHTS = (55, 25, 8, 7, 3, 2)
_PREFIXES = {"decision": "d", "risk": "r", "question": "q"}
_OWNERS = ("Dr Patel", "Okafor", "Nguyen", "Zoë Hughes", "Begum", "Practice manager")
_DUE = ("2026-12-01", "1/12/2026", "2027-01-15", "+14d")

# About one line in six carries something a writer must escape or keep whole:
# Markdown and HTML syntax, template braces, and text beyond ASCII.
_MARKED_SHARE = 1 / 6
_MARKS_INSIDE = (
    "**not bold**",
    "_not italic_",
    "`code`",
    "<b>bold?</b>",
    "<script>alert(1)</script>",
    "A & E",
    "x < y > z",
    "[link](https://example.org)",
    "50% of £12,000",
    "Zoë Ngô",
    "café naïve",
    "Łódź",
    "→ next",
    "“quoted”",
    "— dash",
    "✓ done",
    "🙂",
    "中文",
    "back\\slash",
    "pipe | table",
    "{{ braces }}",
    "{% tag %}",
    "&amp;",
    "3 * 4",
)
_MARKS_LEADING = ("# ", "- ", "> ", "1. ", "* ", "| ", "--- ")


@dataclass(frozen=True)
class MinutesMeasurement:
    sizes: tuple[int, ...]
    """The sessions' note counts, without the empty session (0) that is the baseline."""
    samples_ms: dict[tuple[int, str], list[float]]
    """Every timed render, by (notes, format); 0 notes is the baseline."""
    document_bytes: dict[tuple[int, str], int]
    kinds: Counter[str]
    """The kinds of the largest session's notes."""
    items: int
    timer_events: int
    mean_note_chars: float

    def median_ms(self, notes: int, fmt: str) -> float:
        return statistics.median(self.samples_ms[notes, fmt])

    def per_thousand_ms(self, notes: int, fmt: str) -> float:
        """What each thousand notes add over the empty session, at this size."""
        return (self.median_ms(notes, fmt) - self.median_ms(0, fmt)) * 1000 / notes


def _typed_line(rng: random.Random) -> tuple[str, str]:
    """A line as the facilitator types it, and the capture kind the screen is on."""
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    text = note_line(rng)
    if rng.random() < _MARKED_SHARE:
        words = text.split()
        words.insert(rng.randrange(len(words) + 1), rng.choice(_MARKS_INSIDE))
        text = " ".join(words)
        if rng.random() < 0.3:
            text = rng.choice(_MARKS_LEADING) + text
    if kind in ("deal", "relationship"):
        return text, kind
    capture = rng.choice(("deal", "relationship"))
    if kind == "action":
        return f"a: {text} @{rng.choice(_OWNERS)} {rng.choice(_DUE)}", capture
    return f"{_PREFIXES[kind]}: {text}", capture


def _run_session(db_path: Path, rng: random.Random) -> tuple[int, list[tuple[datetime, datetime]]]:
    """A session of the bundled agenda run from start to finish through the services.

    Returns its id and when each item ran. The clock log is a real run's: start,
    a heartbeat every few seconds while the clock runs, next at each item, finish.
    """
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Benchmark programme", "Benchmark PCN")
        # Named as bundled, so an agenda of the same name in a user's folder cannot stand in.
        agenda = find_agenda(BUNDLED_PREFIX + DEFAULT_AGENDA)
        session_id = planning.start_session(store, programme.id, agenda)
        items = running.get_session(store, session_id).items
        at = _SESSION_START
        running.toggle_clock(store, session_id, at)
        spans = []
        for item in items:
            # Items run a little under or over their plan, as in any room.
            end = at + timedelta(seconds=item.planned_seconds * rng.uniform(0.8, 1.2))
            spans.append((at, end))
            beat = at + timedelta(seconds=HEARTBEAT_SECONDS)
            while beat < end:
                running.heartbeat(store, session_id, beat)
                beat += timedelta(seconds=HEARTBEAT_SECONDS)
            at = end
            if item.position < len(items) - 1:
                running.move(store, session_id, +1, at)
        running.finish_session(store, session_id, at)
    finally:
        store.close()
    return session_id, spans


def _add_notes(
    db_path: Path,
    session_id: int,
    spans: list[tuple[datetime, datetime]],
    count: int,
    rng: random.Random,
) -> None:
    """`count` typed lines over the session's items, saved as `add_note` saves them.

    Each line is read by the app's own parser and becomes the same note and action
    rows, but all go in one transaction: ten thousand synced commits would take most
    of a minute and leave the same rows. Longer items collect more notes.
    """
    lengths = [(end - start).total_seconds() for start, end in spans]
    typed = []
    for _ in range(count):
        position = rng.choices(range(len(spans)), lengths)[0]
        start, end = spans[position]
        typed.append((start + (end - start) * rng.random(), position, *_typed_line(rng)))
    # Oldest first, so ids rise with time as when typed.
    typed.sort(key=lambda line: line[0])
    store = Store.open(db_path)
    try:
        session = running.get_session(store, session_id)
        item_ids = {item.position: item.id for item in session.items}
        with store.transaction("load the notes") as db:
            for at, position, line, capture in typed:
                parsed = parse_note_line(line, capture, at.date())
                note = Note(
                    session_id=session_id,
                    agenda_item_id=item_ids[position],
                    kind=parsed.kind,
                    text=parsed.text,
                    created_at=at,
                )
                note.action = (
                    Action(
                        programme_id=session.programme_id,
                        owner=parsed.owner,
                        due_on=parsed.due,
                        status="open",
                    )
                    if parsed.kind == "action"
                    else None
                )
                db.add(note)
    finally:
        store.close()


def _checkpointed(db_path: Path) -> None:
    # Everything into the main file, so a copy of it holds the whole database.
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def build_sessions(
    folder: Path, sizes: tuple[int, ...], rng: random.Random
) -> tuple[int, dict[int, Path]]:
    """One database a size, each a copy of one run session with that many notes added.

    The copies share the agenda, the clock log and the ids: only the notes differ,
    and the empty one (0 notes) is the baseline.
    """
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "notes-0.db"
    session_id, spans = _run_session(empty, rng)
    _checkpointed(empty)
    paths = {0: empty}
    for count in sizes:
        path = folder / f"notes-{count}.db"
        shutil.copyfile(empty, path)
        _add_notes(path, session_id, spans, count, rng)
        _checkpointed(path)
        paths[count] = path
    return session_id, paths


def measure_minutes(
    folder: Path, sizes: tuple[int, ...], repeats: int, rng: random.Random
) -> MinutesMeasurement:
    """Every size and the empty session, each format, in turn and in random order.

    Taking turns puts every size and its baseline under the same conditions for
    the whole run. A render slower than SLOW_RENDER_SECONDS stops at MIN_REPEATS.
    """
    session_id, paths = build_sessions(folder, sizes, rng)
    samples: dict[tuple[int, str], list[float]] = {}
    lengths: dict[tuple[int, str], int] = {}
    with ExitStack() as stack:
        stores: dict[int, Store] = {}
        for count, path in paths.items():
            stores[count] = Store.open(path)
            stack.callback(stores[count].close)
        # Left out, as the app pays them once and not at every set of minutes: the
        # first render of a format imports its writer and reads its templates (once a
        # process), the first read of a store compiles its statements (once a store).
        for fmt in FORMATS:
            render_minutes(stores[0], session_id, fmt)
        for store in stores.values():
            render_minutes(store, session_id, "md")
        turns = [(count, fmt) for count in stores for fmt in FORMATS]
        for turn in turns:
            samples[turn] = []
        for number in range(repeats):
            rng.shuffle(turns)
            for count, fmt in turns:
                done = samples[count, fmt]
                # Judged on the first few alone, so every render gets either all its
                # repeats or MIN_REPEATS, never a count in between.
                if (
                    number >= MIN_REPEATS
                    and statistics.median(done[:MIN_REPEATS]) > SLOW_RENDER_SECONDS * 1000
                ):
                    continue
                # A render leaves tens of thousands of objects behind; collected here,
                # they are not charged to whichever render comes next.
                gc.collect()
                started = time.perf_counter()
                document = render_minutes(stores[count], session_id, fmt)
                done.append((time.perf_counter() - started) * 1000)
                lengths[count, fmt] = len(document)

    largest = paths[max(sizes)]
    with closing(sqlite3.connect(largest)) as connection:
        kinds = Counter(
            dict(connection.execute("SELECT kind, count(*) FROM note GROUP BY kind").fetchall())
        )
        items, events, mean_chars = (
            connection.execute(query).fetchone()[0]
            for query in (
                "SELECT count(*) FROM agenda_item",
                "SELECT count(*) FROM timer_event",
                "SELECT avg(length(text)) FROM note",
            )
        )
    return MinutesMeasurement(
        sizes=tuple(sizes),
        samples_ms=samples,
        document_bytes=lengths,
        kinds=kinds,
        items=items,
        timer_events=events,
        mean_note_chars=mean_chars,
    )


def main(argv: list[str] | None = None) -> int:
    """This question alone, its rows printed as the full run would write them."""
    import argparse

    # Here, not at the top: run.py, which holds the plans and the rows, imports this module.
    from benchmarks.report import machine_line, markdown
    from benchmarks.room import scratch_folder
    from benchmarks.run import FULL, QUICK, minutes_notes, minutes_rows

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.minutes_render", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="the quick run's sizes and repeats")
    plan = QUICK if parser.parse_args(argv).quick else FULL
    with scratch_folder() as folder:
        result = measure_minutes(
            Path(folder), plan.minutes_sizes, plan.minutes_repeats, random.Random(2026)
        )
    print(
        markdown(
            "Minutes ready",
            minutes_rows(result),
            [machine_line(), f"Mode: {plan.name}.", *minutes_notes(result, plan)],
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
