"""Run every measurement, print the table and write it to RESULTS.md.

    python -m benchmarks.run [--quick] [--output FILE]

`--quick` takes a few samples over short windows: enough to see the benchmark
works, too few to quote.
"""

from __future__ import annotations

import argparse
import compileall
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.idle_cpu import measure_idle
from benchmarks.launch import measure_launch
from benchmarks.minutes_render import (
    FORMATS,
    GOAL_NOTES,
    GOALS_MS,
    MIN_REPEATS,
    SLOW_RENDER_SECONDS,
    MinutesMeasurement,
    measure_minutes,
)
from benchmarks.mirror_lag import measure_lag
from benchmarks.national import NATIONAL, NationalMeasurement, Scale, measure_national
from benchmarks.note_list import ITEM_NOTES, NoteListMeasurement, measure_note_list
from benchmarks.note_save import WARMUP_SAMPLES, measure_save
from benchmarks.postgresql import ServerMeasurement, measure_server
from benchmarks.ptyapp import PROJECT_ROOT
from benchmarks.report import Row, machine_line, markdown
from benchmarks.room import Room, scratch_folder
from benchmarks.screen_open import OTHER_PROGRAMMES, OTHER_SESSIONS, measure_open
from tests.postgresql import SERVER_VARIABLE, Databases, server_url

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass(frozen=True)
class Plan:
    name: str
    lag_samples: int
    idle_seconds: float
    warmup_seconds: float
    history_notes: int
    save_samples: int
    open_sessions: int
    open_notes: int
    open_samples: int
    launch_samples: int
    minutes_sizes: tuple[int, ...]
    minutes_repeats: int
    list_samples: int
    national: Scale


FULL = Plan(
    "full",
    lag_samples=40,
    idle_seconds=60.0,
    warmup_seconds=3.0,
    history_notes=100_000,
    save_samples=300,
    open_sessions=200,
    open_notes=100_000,
    open_samples=5,
    launch_samples=10,
    minutes_sizes=(10, 100, 1_000, 10_000),
    minutes_repeats=5,
    list_samples=40,
    national=NATIONAL,
)
QUICK = Plan(
    "quick",
    lag_samples=2,
    idle_seconds=1.5,
    warmup_seconds=0.3,
    history_notes=2_000,
    save_samples=20,
    open_sessions=20,
    open_notes=2_000,
    open_samples=2,
    launch_samples=2,
    minutes_sizes=(10, 100, 1_000),
    minutes_repeats=3,
    list_samples=5,
    national=Scale(programmes=20, notes=20_000, sessions_each=20, samples=2),
)


def save_rows(plan: Plan) -> tuple[str, str]:
    """The names of the two note-save rows, which say how big the database was."""
    size = f"({plan.history_notes:,} notes)"
    return f"Note saved on Enter, p50 {size}", f"Note saved on Enter, p99 {size}"


def open_rows(plan: Plan) -> tuple[str, str]:
    """The names of the home screen and dashboard rows, which say how big the programme was."""
    size = f"({plan.open_sessions:,} sessions, {plan.open_notes:,} notes)"
    return f"Home screen shown {size}", f"Dashboard shown {size}"


def note_list_rows(plan: Plan) -> tuple[str, str]:
    """The note list's two rows, which say how many notes the item and the database held."""
    size = f"({ITEM_NOTES} notes on the item, {plan.history_notes:,} in all; goal ≤ 1.2×)"
    return f"A key in the note list {size}", f"Enter until the note is listed {size}"


LAUNCH_ROW = "Launch to the home screen's first frame (goal ≤ 1.10×)"
SHAPED_ROW = "Launch to the home screen's first frame, against a bare app drawing the same widgets"
LISTED_ROW = "Launch until the home screen lists the programme"
LISTED_STACK_ROW = (
    "Launch until the home screen lists the programme, against the bare app "
    "after importing SQLAlchemy's ORM"
)


def memory_rows(plan: Plan) -> tuple[str, str]:
    """The peak memory rows: the large programme's dashboard open, and the one-session one."""
    return (
        f"Peak memory, dashboard of {plan.open_sessions:,} sessions open",
        "Peak memory, dashboard of 1 session open",
    )


def minutes_rows(minutes: MinutesMeasurement) -> list[Row]:
    """Each format at each size against the empty session, then how it grows.

    The growth row sets what a thousand notes add at the largest size against what
    they add at the one below: 1.00 is a straight line, above it each note costs
    more the more there are.
    """
    small, large = sorted(minutes.sizes)[-2:]
    rows = []
    for fmt in FORMATS:
        for count in minutes.sizes:
            goal = f" (goal ≤ {GOALS_MS[fmt]:,.0f} ms)" if count == GOAL_NOTES else ""
            rows.append(
                Row(
                    f"Minutes ready, {fmt}, {count:,} notes{goal}",
                    "ms",
                    minutes.median_ms(count, fmt),
                    minutes.median_ms(0, fmt),
                )
            )
        # At small sizes the notes' share can drown in the noise; no ratio then.
        if minutes.per_thousand_ms(small, fmt) > 0:
            rows.append(
                Row(
                    f"Minutes ready, {fmt}, growth {small:,}→{large:,} notes: ms per 1,000 notes "
                    f"at {large:,} (baseline: at {small:,}; linear ≈ 1.00)",
                    "ms",
                    minutes.per_thousand_ms(large, fmt),
                    minutes.per_thousand_ms(small, fmt),
                )
            )
    return rows


def minutes_notes(minutes: MinutesMeasurement, plan: Plan) -> list[str]:
    small, large = sorted(minutes.sizes)[-2:]
    kinds = ", ".join(f"{number:,} {kind}" for kind, number in minutes.kinds.most_common())
    fewer = (
        f" ({MIN_REPEATS} for any slower than {SLOW_RENDER_SECONDS:g} s)"
        if plan.minutes_repeats > MIN_REPEATS
        else ""
    )

    def samples(fmt: str) -> str:
        return " / ".join(
            f"{f'{count:,} notes' if count else 'empty'} {_list(minutes.samples_ms[count, fmt])}"
            for count in (0, *minutes.sizes)
        )

    growth = ", ".join(
        f"{fmt} {minutes.median_ms(large, fmt) / minutes.median_ms(small, fmt):.1f}"
        for fmt in FORMATS
    )
    documents = ", ".join(
        f"{fmt} {minutes.document_bytes[large, fmt] / 1000:,.0f} kB" for fmt in FORMATS
    )
    notes = [
        (
            "Minutes ready: wall time, in the benchmark's own process, of "
            "`sessions.services.minutes.render_minutes(store, session, fmt)`, which reads the "
            "session into the minutes model and renders it (md, html, docx); median of "
            f"{plan.minutes_repeats} renders{fewer}, every size and format taken in turn, in "
            "random order, garbage collected before each. Left out first: one render of each "
            "format (imports, templates) and one on each database (compiled statements). Each "
            f"session is the bundled agenda ({minutes.items} items) run through the services "
            f"from start to finish ({minutes.timer_events:,} timer events: a heartbeat every "
            "5 s), its notes spread over the items by the time each ran and saved through the "
            f"app's parser and models in one transaction; at {large:,} notes: {kinds}, "
            f"{minutes.mean_note_chars:.0f} characters on average, one in six with Markdown or "
            "HTML characters or text beyond ASCII, every action with an owner and a due date. "
            "Baseline: the same session (a copy of the same database) with no notes."
        ),
        "Minutes ready samples (ms), "
        + "; ".join(f"{fmt}: {samples(fmt)}" for fmt in FORMATS)
        + ".",
        (
            f"Minutes ready growth: ms per 1,000 notes is the median at a size less the empty "
            f"session's, per thousand notes; at {large:,} over at {small:,} it is 1.00 for a "
            f"straight line. Time at {large:,} notes over time at {small:,}: {growth} "
            f"({large // small} would be a straight line through zero; the empty session's fixed "
            f"cost holds it below). Documents written at {large:,} notes: {documents}."
        ),
    ]
    if GOAL_NOTES in minutes.sizes:
        verdicts = ", ".join(
            f"{fmt} {minutes.median_ms(GOAL_NOTES, fmt):,.0f} ms of {GOALS_MS[fmt]:,.0f} "
            f"({'met' if minutes.median_ms(GOAL_NOTES, fmt) <= GOALS_MS[fmt] else 'missed'})"
            for fmt in FORMATS
        )
        notes.append(
            f"Minutes ready goals, from the issue, at {GOAL_NOTES:,} notes: "
            f"{verdicts}; and growth in a straight line."
        )
    return notes


def note_list_notes(listed: NoteListMeasurement) -> list[str]:
    return [
        (
            f"Note list: the session screen open at an item holding {listed.item_notes} notes "
            f"(of {listed.notes:,} in the database), on its terminal. A key: Up in the list "
            "(after Tab from the note line, on the newest note), from the key written until the "
            "note above reached the terminal, once a note. Enter: a line typed in the note "
            "line, then Enter, until the new note's row reached the terminal. Baselines: a "
            "bare Textual app with a Header, an OptionList of the same rows, an Input and a "
            "Footer (`benchmarks/bare_apps.py notelist` with the list focused on its last "
            "row; `noteline`, where Enter adds the typed line as a row); each sample taken of "
            f"the app and its baseline in turn, in random order; medians of "
            f"{len(listed.key.samples_ms)}."
        ),
        (
            f"Note list samples (ms), key: {_list(listed.key.samples_ms)}; its baseline: "
            f"{_list(listed.key_baseline.samples_ms)}; Enter: {_list(listed.enter.samples_ms)}; "
            f"its baseline: {_list(listed.enter_baseline.samples_ms)}."
        ),
    ]


def compile_the_app() -> None:
    """Write the app's bytecode first, as installing it does, so no launch compiles it.

    The apps run from the source tree, where a changed module would otherwise be
    compiled at every launch (and every time, where PYTHONDONTWRITEBYTECODE is set).
    """
    for package in ("facilitator", "sessions", "benchmarks"):
        compileall.compile_dir(PROJECT_ROOT / package, quiet=1)


def measure(plan: Plan, say=print) -> tuple[list[Row], list[str]]:
    compile_the_app()
    # A fixed seed: the same pauses between notes from one run to the next.
    rng = random.Random(2026)
    with scratch_folder() as folder:
        say(f"mirror lag: {plan.lag_samples} samples each")
        lag, base = measure_lag(Path(folder) / "lag", plan.lag_samples, rng)
        say(f"idle CPU: {plan.idle_seconds:g} s window")
        idle = measure_idle(Path(folder) / "idle", plan.idle_seconds, plan.warmup_seconds)
        say(f"note saved on Enter: {plan.history_notes:,} notes, {plan.save_samples} samples each")
        # Its own seed: the same history and typed lines, whatever the others drew.
        save = measure_save(
            Path(folder) / "save", plan.history_notes, plan.save_samples, random.Random(2026)
        )
        say(
            f"home screen and dashboard: {plan.open_sessions} sessions, "
            f"{plan.open_notes:,} notes, {plan.open_samples} launches each"
        )
        opened = measure_open(
            Path(folder) / "open",
            plan.open_sessions,
            plan.open_notes,
            plan.open_samples,
            random.Random(2026),
        )
        say(f"launch: {plan.launch_samples} launches of each of three apps")
        launch = measure_launch(Path(folder) / "launch", plan.launch_samples, random.Random(2026))
        say(
            f"minutes ready: sessions of {', '.join(f'{n:,}' for n in plan.minutes_sizes)} "
            f"notes, {plan.minutes_repeats} renders each"
        )
        minutes = measure_minutes(
            Path(folder) / "minutes", plan.minutes_sizes, plan.minutes_repeats, random.Random(2026)
        )
        say(f"note list: {ITEM_NOTES} notes on an item, {plan.list_samples} samples each")
        listed = measure_note_list(
            Path(folder) / "list", plan.history_notes, plan.list_samples, random.Random(2026)
        )
        server = _measure_on_server(plan, Path(folder), say)
        national = _measure_national(plan, Path(folder), say) if server else None

    p50_row, p99_row = save_rows(plan)
    home_row, dashboard_row = open_rows(plan)
    large_memory_row, small_memory_row = memory_rows(plan)
    key_row, enter_row = note_list_rows(plan)
    bare_mib = launch.baseline.peak_median_mib
    rows = [
        Row(LAUNCH_ROW, "ms", launch.facilitator.median_ms, launch.baseline.median_ms),
        Row(SHAPED_ROW, "ms", launch.facilitator.median_ms, launch.shaped.median_ms),
        Row(LISTED_ROW, "ms", launch.facilitator.complete_median_ms, launch.baseline.median_ms),
        Row(LISTED_STACK_ROW, "ms", launch.facilitator.complete_median_ms, launch.stack.median_ms),
        Row("Mirror lag, median", "ms", lag.median_ms, base.median_ms),
        Row("Mirror lag, worst", "ms", lag.worst_ms, base.worst_ms),
        Row(
            "Idle CPU, session screen with the clock running",
            "% of a core",
            idle.session.cpu_percent,
            idle.baseline.cpu_percent,
            digits=2,
        ),
        Row(
            "Idle CPU, mirror of that session",
            "% of a core",
            idle.mirror.cpu_percent,
            idle.baseline.cpu_percent,
            digits=2,
        ),
        Row(p50_row, "ms", save.facilitator.p50_ms, save.baseline.p50_ms, digits=2),
        Row(p99_row, "ms", save.facilitator.p99_ms, save.baseline.p99_ms, digits=2),
        Row(home_row, "ms", opened.facilitator.home_median_ms, opened.baseline.home_median_ms),
        Row(
            dashboard_row,
            "ms",
            opened.facilitator.dashboard_median_ms,
            opened.baseline.dashboard_median_ms,
        ),
        Row(key_row, "ms", listed.key.median_ms, listed.key_baseline.median_ms),
        Row(enter_row, "ms", listed.enter.median_ms, listed.enter_baseline.median_ms),
        Row(large_memory_row, "MiB", opened.facilitator.peak_median_mib, bare_mib),
        Row(small_memory_row, "MiB", opened.baseline.peak_median_mib, bare_mib),
        *minutes_rows(minutes),
        *server_rows(plan, save, opened, lag, server),
        *national_rows(plan, national),
    ]
    missed = lag.missed + base.missed
    missed_note = (
        f" {missed} change(s) were not seen within 5 s and are left out." if missed else ""
    )
    notes = [
        machine_line(),
        (
            f"Command: `python -m benchmarks.run{' --quick' if plan is QUICK else ''}`, "
            f"from the project root. Mode: {plan.name}. The app's bytecode was written first, "
            "as installing it does. Every app ran on its own 80x24 pseudo-terminal, its output "
            "drained and discarded as it came."
        ),
        (
            f"Mirror lag: {plan.lag_samples} notes committed by another process, from the end of "
            "the commit until the note's text reached the mirror's terminal. Baseline: a bare "
            "Textual app polling a plain file's mtime at the same 0.2 s, rewritten (and fsync'd) "
            "by another process. Poll interval alone accounts for 0-200 ms." + missed_note
        ),
        (
            f"Mirror lag samples (ms), facilitator: {_list(lag.lags_ms)}; "
            f"baseline: {_list(base.lags_ms)}."
        ),
        (
            f"Idle CPU: CPU seconds per wall second over the same "
            f"{idle.session.wall_seconds:.0f} s window for all three apps, after "
            f"{plan.warmup_seconds:g} s to settle. Baseline: a bare Textual app with one Static "
            f"widget. The session committed {idle.heartbeats} heartbeat(s) in the window."
        ),
        (
            "Terminal output in that window: session "
            f"{idle.session.terminal_bytes_per_second:.0f} bytes/s, mirror "
            f"{idle.mirror.terminal_bytes_per_second:.0f} bytes/s, baseline "
            f"{idle.baseline.terminal_bytes_per_second:.0f} bytes/s."
        ),
        (
            f"Note saved on Enter: wall time, in the benchmark's own process, of the app's save "
            f"(`sessions.services.notes.add_note`, which returns once the note is committed) "
            f"for {plan.save_samples} typed lines, after {WARMUP_SAMPLES} left out while its "
            f"statements were first compiled, in a database of {save.notes:,} notes "
            f"({save.mean_note_chars:.0f} characters on average, with their action rows and "
            f"full-text index) over {save.sessions} sessions. Baseline: one INSERT into the "
            "same `note` table and a COMMIT through the `sqlite3` module, on a copy of that "
            "database file with the same pragmas (WAL, synchronous=FULL, foreign_keys=ON, "
            "busy_timeout), so the same indexes and full-text trigger fire; each line saved "
            "by both, in turn, in random order. p99 is interpolated between the samples. "
            f"Slowest sample: facilitator {max(save.facilitator.latencies_ms):.2f} ms, "
            f"baseline {max(save.baseline.latencies_ms):.2f} ms."
        ),
        (
            f"Home screen and dashboard shown: median of {plan.open_samples} launches of the app "
            "(a new process each time) on a database holding the newest programme, listed "
            f"first and highlighted, with {opened.sessions} sessions (all finished but the last, "
            f"never started), {opened.notes:,} notes with their action rows and full-text index, "
            f"and the timer log a real run leaves ({opened.timer_events:,} events: a heartbeat "
            f"every 5 s while the clock ran), beside {len(OTHER_PROGRAMMES)} programmes of "
            f"{OTHER_SESSIONS} sessions ({opened.other_notes:,} notes between them). Home: from "
            'launch until both "Programmes" and the programme\'s name reached the terminal. '
            "Dashboard: from Enter on the programme until its count of sessions by state, "
            "drawn once the programme is read, reached the terminal. Baseline: the same on a "
            "database holding one programme with one session, launched in turn with the other, "
            "in random order."
        ),
        (
            f"Home screen samples (ms), facilitator: {_list(opened.facilitator.home_ms)}; "
            f"baseline: {_list(opened.baseline.home_ms)}. Dashboard samples (ms), facilitator: "
            f"{_list(opened.facilitator.dashboard_ms)}; baseline: "
            f"{_list(opened.baseline.dashboard_ms)}. Reading alone, the services each screen "
            "calls on the large database in the benchmark's own process (median of "
            f"{plan.open_samples}): home {opened.read_home_ms:.0f} ms, dashboard "
            f"{opened.read_dashboard_ms:.0f} ms."
        ),
        (
            f"Launch: median of {plan.launch_samples} launches (a new process each time) from "
            "just before starting the app, on a database holding one programme with one "
            'session: until the home screen\'s heading "Programmes" reached the terminal (its '
            "first frame, drawn before the database layer is loaded), and until the programme's "
            "name did (listed once the database is open). Baseline: a bare Textual app with a "
            "Header, a Static and a Footer (`benchmarks/bare_apps.py framed`), until its "
            "Static's text was there. The second row's baseline draws the home screen's "
            "widgets, empty (`home-shaped`): what Textual takes for that screen. The last "
            "launch row's baseline is the bare app importing SQLAlchemy's ORM first "
            "(`framed-orm`), which the app cannot list a programme without: what lies above it "
            "is the app's own. The four launched in turn, in random order."
        ),
        (
            f"Launch samples (ms), facilitator's first frame: "
            f"{_list(launch.facilitator.shown_ms)}; programme listed: "
            f"{_list(launch.facilitator.complete_ms)}; bare app: "
            f"{_list(launch.baseline.shown_ms)}; bare app after the ORM's import: "
            f"{_list(launch.stack.shown_ms)}; bare app drawing the home screen's widgets: "
            f"{_list(launch.shaped.shown_ms)}."
        ),
        (
            "Peak memory: the kernel's high-water mark of the app's resident memory (VmHWM), "
            "read once the dashboard was shown in each launch of the home screen and dashboard "
            "measurement (median), on the large database and on the one-session one. Baseline: "
            "the same mark of the bare app with a Header, a Static and a Footer, once shown "
            f"(median of its {plan.launch_samples} launches). Samples (MiB), large: "
            f"{_mib_list(opened.facilitator.peak_kib)}; one session: "
            f"{_mib_list(opened.baseline.peak_kib)}; bare app: "
            f"{_mib_list(launch.baseline.peak_kib)}; bare app after the ORM's import: "
            f"{_mib_list(launch.stack.peak_kib)}."
        ),
        *note_list_notes(listed),
        *minutes_notes(minutes, plan),
        server_note(plan, server),
        *national_notes(national),
    ]
    return rows, notes


def _measure_on_server(plan: Plan, folder: Path, say) -> ServerMeasurement | None:
    server = server_url()
    if server is None:
        say(f"PostgreSQL: skipped, no server ({SERVER_VARIABLE} is not set)")
        return None
    say(f"PostgreSQL: the same note save, dashboard and mirror lag, on {server.host}")
    databases = Databases(server, purpose="bench")
    try:
        # Where the other measurements built their databases; session ids come from the copies.
        large = Room(
            home=folder / "open" / "large" / "home",
            db_path=folder / "open" / "large" / "facilitator.db",
            session_id=0,
        )
        small = Room(
            home=folder / "open" / "empty" / "home",
            db_path=folder / "open" / "empty" / "facilitator.db",
            session_id=0,
        )
        mirror = Room(
            home=folder / "lag" / "mirror" / "home",
            db_path=folder / "lag" / "mirror" / "facilitator.db",
            session_id=0,
        )
        return measure_server(
            databases,
            folder / "save" / "facilitator.db",
            large,
            small,
            mirror,
            plan.open_sessions,
            plan.save_samples,
            plan.open_samples,
            plan.lag_samples,
            random.Random(2026),
        )
    finally:
        databases.drop_all()


def server_row_names(plan: Plan) -> tuple[str, ...]:
    """The PostgreSQL rows: against its own baselines, then against SQLite's figures, then
    the national database against the one programme alone."""
    p50_row, p99_row = save_rows(plan)
    _, dashboard_row = open_rows(plan)
    return (
        f"{p50_row}, PostgreSQL",
        f"{p99_row}, PostgreSQL",
        f"{dashboard_row}, PostgreSQL",
        f"{p50_row}: PostgreSQL against SQLite",
        f"{dashboard_row}: PostgreSQL against SQLite",
        "Mirror lag, median: PostgreSQL against SQLite",
        *national_row_names(plan),
    )


def national_row_names(plan: Plan) -> tuple[str, str, str, str]:
    size = f"{plan.national.programmes:,} programmes, {plan.national.notes:,} notes"
    return (
        f"National database ({size}): home screen shown (goal ≤ 1.3×)",
        f"National database ({size}): dashboard shown (goal ≤ 1.3×)",
        f"National database ({size}): home screen's services, in process",
        f"National database ({size}): dashboard's service, in process",
    )


def _measure_national(plan: Plan, folder: Path, say) -> NationalMeasurement | None:
    server = server_url()
    if server is None:
        return None
    databases = Databases(server, purpose="national")
    try:
        return measure_national(databases, plan.national, folder / "national", say=say)
    finally:
        databases.drop_all()


def national_rows(plan: Plan, national: NationalMeasurement | None) -> list[Row]:
    if national is None:
        return []
    home, dashboard, read_home, read_dashboard = national_row_names(plan)
    big, alone = national.launched["national"], national.launched["alone"]
    read_big, read_alone = national.reading["national"], national.reading["alone"]
    return [
        Row(home, "ms", big.home_median_ms, alone.home_median_ms),
        Row(dashboard, "ms", big.dashboard_median_ms, alone.dashboard_median_ms),
        Row(read_home, "ms", read_big.home_median_ms, read_alone.home_median_ms, digits=1),
        Row(
            read_dashboard,
            "ms",
            read_big.dashboard_median_ms,
            read_alone.dashboard_median_ms,
            digits=1,
        ),
    ]


def national_notes(national: NationalMeasurement | None) -> list[str]:
    if national is None:
        return []
    big, alone = national.launched["national"], national.launched["alone"]
    read_big = national.reading["national"]
    counts = ", ".join(f"{number:,} {table}" for table, number in national.national.counts.items())
    return [
        (
            f"National database, on the same server: {counts} rows written with COPY (the "
            f"database built in {national.national.seconds:.0f} s; the notes' full-text index "
            "left out, which neither screen reads), the newest programme of "
            "20 sessions measured; baseline: a database holding that programme alone, row "
            "for row the same. Launched as the rows above, the two in turn; in process: the "
            "home screen's two services and the dashboard's one, the two databases in turn, "
            f"the first read left out. Statements sent: home {read_big.home_queries}, "
            f"dashboard {read_big.dashboard_queries} (the same on both). Samples (ms), home: "
            f"{_list(big.home_ms)} against {_list(alone.home_ms)}; dashboard: "
            f"{_list(big.dashboard_ms)} against {_list(alone.dashboard_ms)}."
        )
    ]


def server_rows(plan: Plan, save, opened, lag, server: ServerMeasurement | None) -> list[Row]:
    if server is None:
        return []
    names = server_row_names(plan)[:6]  # the national rows follow, from their own measurement
    p50, p99, dashboard, p50_against, dashboard_against, lag_against = names
    return [
        Row(p50, "ms", server.save.p50_ms, server.save_baseline.p50_ms, digits=2),
        Row(p99, "ms", server.save.p99_ms, server.save_baseline.p99_ms, digits=2),
        Row(
            dashboard,
            "ms",
            server.open_large.dashboard_median_ms,
            server.open_small.dashboard_median_ms,
        ),
        Row(p50_against, "ms", server.save.p50_ms, save.facilitator.p50_ms, digits=2),
        Row(
            dashboard_against,
            "ms",
            server.open_large.dashboard_median_ms,
            opened.facilitator.dashboard_median_ms,
        ),
        Row(lag_against, "ms", server.lag.median_ms, lag.median_ms),
    ]


NO_DISK = " (its commits waited for no disk, so they do not compare with SQLite's)"


def server_note(plan: Plan, server: ServerMeasurement | None) -> str:
    if server is None:
        return (
            f"PostgreSQL: not measured in this run; set {SERVER_VARIABLE} to a superuser's "
            "URL, or run `scripts/with-postgresql --durable python -m benchmarks.run`."
        )
    return (
        f"PostgreSQL {server.version} on loopback: the note-save and dashboard databases "
        "above, copied row for row onto the server (ids and all, then ANALYZE). Note saved: "
        "the same lines as on SQLite; baseline one INSERT into the same `note` table and a "
        "COMMIT through psycopg, on a copy of that database (the same indexes and change "
        "trigger). Dashboard: launched with the database's URL, against the one-session "
        'database copied the same way. The rows "against SQLite" put each PostgreSQL '
        f"figure over SQLite's from this run. The server's fsync was {server.fsync}"
        f"{NO_DISK if server.fsync == 'off' else ''}. Mirror lag: the same "
        f"{plan.lag_samples} notes' wait as on SQLite, the mirror alone (not in turn with a "
        "baseline), on a copy of its database; it hears of each commit through LISTEN/NOTIFY "
        "and redraws at its next poll. "
        "Samples (ms), the first 20 notes saved: "
        f"{_list(server.save.latencies_ms[:20])}; dashboard: "
        f"{_list(server.open_large.dashboard_ms)}; one-session dashboard: "
        f"{_list(server.open_small.dashboard_ms)}; mirror lag: {_list(server.lag.lags_ms)}."
    )


def _list(values: list[float]) -> str:
    return ", ".join(f"{value:.0f}" for value in values)


def _mib_list(kib: list[int]) -> str:
    return ", ".join(f"{value / 1024:.1f}" for value in kib)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="few samples, short windows")
    parser.add_argument(
        "--output",
        metavar="FILE",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the Markdown table (default: benchmarks/RESULTS.md)",
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    rows, notes = measure(plan, say=lambda line: print(line, file=sys.stderr))
    text = markdown("Benchmark results", rows, notes)
    args.output.write_text(text + kept_history(args.output), encoding="utf-8")
    print(text)
    return 0


HISTORY_HEADING = "## History: what was measured and changed"


def kept_history(output: Path) -> str:
    """The history section of the file being replaced: a new run replaces the table, not
    the record of what earlier runs led us to change."""
    try:
        previous = output.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    start = previous.find(HISTORY_HEADING)
    return "" if start < 0 else "\n" + previous[start:]


if __name__ == "__main__":
    raise SystemExit(main())
