"""The room under load: answers per second sustained, the slowest answers, and the time
from a phone's answer to the room's screen showing it, each against a bare aiohttp
handler writing the same row, measured in one run.

    python -m benchmarks.room_answers [--quick] [--output FILE]

The servers run in a process of their own (`benchmarks/room_servers.py`): the room as F8
serves it, and the bare handler on a copy of the same database. The phones run here, each
with its own cookies and its own address on loopback, named members of the meeting
changing their rating of a scorecard statement. Each screen is the read-only mirror
(`facilitator --db DB present SESSION`) on a pseudo-terminal of its own, one on each
database: it is what the room sees of the item, and it reads the database as soon as it
changes. The section it writes goes at the end of RESULTS.md, which the other benchmarks
keep when they write theirs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from benchmarks.ptyapp import PROJECT_ROOT, PtyApp, python_module
from benchmarks.report import Row, machine_line
from benchmarks.room import Room, scratch_folder
from benchmarks.room_servers import BARE_PATH
from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.services import people, planning
from sessions.services.programmes import create_programme
from sessions.store import Store

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "RESULTS.md"
SECTION_HEADING = "## The room under load"
# Far beyond any lag worth measuring; an answer not seen by then counts as missed.
SEEN_WITHIN_SECONDS = 5.0


@dataclass(frozen=True)
class Plan:
    name: str
    phones: int
    """Phones answering at once, each as fast as the server lets it: a meeting of twenty."""
    rounds: int
    window_seconds: float
    """Each round times the room and the baseline for this long each, in random order."""
    lag_samples: int


FULL = Plan("full", phones=20, rounds=3, window_seconds=8.0, lag_samples=20)
QUICK = Plan("quick", phones=4, rounds=1, window_seconds=1.0, lag_samples=2)


def card_agenda() -> Agenda:
    """One scorecard statement, short enough that the mirror shows its count at 80x24."""
    areas = (ScorecardArea("Purpose", ("We agree why we exist",)),)
    item = AgendaItem("Network health check", 900, kind="scorecard", areas=areas)
    return Agenda(title="Health check", sections=(Section("Step 1", 1, (item,)),), source="bench")


def prepare(folder: Path, members: int) -> tuple[Room, Path]:
    """The meeting on its scorecard, its members, and a copy of it for the baseline."""
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    db_path = folder / "room.db"
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Benchmark programme", "Benchmark PCN")
        for number in range(members):
            people.add_member(store, programme.id, f"Member {number:02d}")
        session_id = planning.start_session(store, programme.id, card_agenda())
    finally:
        store.close()
    bare_path = folder / "bare.db"
    with sqlite3.connect(db_path) as source, sqlite3.connect(bare_path) as copy:
        source.backup(copy)
    return Room(home=home, db_path=db_path, session_id=session_id), bare_path


class Phone:
    """One phone's browser: its own cookies, its own address, forms as the page sends them."""

    def __init__(self, number: int) -> None:
        self.member_id = number + 1
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(local_addr=(f"127.0.1.{number + 1}", 0)),
        )
        self.form: dict[str, str] = {}
        self.score = 0

    async def join(self, address: str, code: str) -> None:
        """The code, then the member's name, as a participant joins; then the item's form."""
        headers = {"Origin": address}
        page = await self._text(self.http.get(f"{address}/"))
        page = await self._text(
            self.http.post(
                f"{address}/join",
                data={"csrf": _field(page, "csrf"), "code": code},
                headers=headers,
            )
        )
        page = await self._text(
            self.http.post(
                f"{address}/join",
                data={"csrf": _field(page, "csrf"), "code": code, "member": str(self.member_id)},
                headers=headers,
            )
        )
        self.form = {"csrf": _field(page, "csrf"), "item": _field(page, "item")}

    def next_score(self) -> str:
        """A rating other than the member's last, so each answer changes what is saved."""
        self.score = self.score % 5 + 1
        return str(self.score)

    async def answer(self, url: str, form: dict[str, str]) -> tuple[float, bool]:
        """Post one answer; (seconds until the server answered, whether it said saved)."""
        origin = url.rsplit("/", 1)[0]
        started = time.perf_counter()
        async with self.http.post(
            url, data=form, headers={"Origin": origin}, allow_redirects=False
        ) as response:
            await response.read()
            saved = response.status == 303 and response.headers["Location"] == "/item?done=saved"
        return time.perf_counter() - started, saved

    async def close(self) -> None:
        await self.http.close()

    @staticmethod
    async def _text(request) -> str:
        async with request as response:
            if response.status != 200:
                raise RuntimeError(f"the room answered {response.status} while joining")
            return await response.text()


def _field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    if found is None:
        raise RuntimeError(f"no {name} field on the room's page")
    return found.group(1)


@dataclass
class Side:
    """One server's figures: answers saved in the timed windows, and how long each took."""

    saved: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    refused: int = 0
    lags_ms: list[float] = field(default_factory=list)
    missed: int = 0

    @property
    def per_second(self) -> float:
        return self.saved / self.seconds

    @property
    def p99_ms(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=100)[98]

    @property
    def lag_median_ms(self) -> float:
        return statistics.median(self.lags_ms)


@dataclass
class RoomLoad:
    plan: Plan
    room: Side
    bare: Side
    load_average: float = 0.0
    """The machine's one-minute load average as the run began: what else was running."""


class Target:
    """Where one side's answers go: the room's form, or the bare handler's."""

    def __init__(self, name: str, address: str, side: Side, screen: PtyApp) -> None:
        self.name, self.address, self.side, self.screen = name, address, side, screen

    def sent(self, phone: Phone) -> tuple[str, dict[str, str]]:
        if self.name == "room":
            return f"{self.address}/rate", {**phone.form, "s0": phone.next_score()}
        form = {"member": str(phone.member_id), "s0": phone.next_score()}
        return f"{self.address}{BARE_PATH}", form


async def _window(target: Target, phones: list[Phone], seconds: float) -> None:
    """Every phone answering as fast as it is answered, for `seconds`."""
    until = time.perf_counter() + seconds

    async def answering(phone: Phone) -> None:
        while time.perf_counter() < until:
            took, saved = await phone.answer(*target.sent(phone))
            if saved:
                target.side.saved += 1
                target.side.latencies_ms.append(took * 1000)
            else:
                target.side.refused += 1

    started = time.perf_counter()
    await asyncio.gather(*(answering(phone) for phone in phones))
    target.side.seconds += time.perf_counter() - started


async def _lag_sample(target: Target, phone: Phone, count: int) -> None:
    """A member's first rating, until the screen shows the statement's new count."""
    sighting = target.screen.watch(f"({count})")
    started = time.monotonic()
    _, saved = await phone.answer(*target.sent(phone))
    seen = await asyncio.to_thread(sighting.wait, SEEN_WITHIN_SECONDS)
    if not saved:
        raise RuntimeError(f"{target.name}: a first rating was not saved")
    if seen is None:
        target.side.missed += 1
    else:
        target.side.lags_ms.append((seen - started) * 1000)


async def _measure(
    plan: Plan, servers: dict[str, str], screens: dict[str, PtyApp], rng: random.Random
) -> RoomLoad:
    room, bare = Side(), Side()
    targets = [
        Target("room", servers["room"], room, screens["room"]),
        Target("bare", servers["bare"], bare, screens["bare"]),
    ]
    phones = {target.name: [Phone(n) for n in range(plan.phones)] for target in targets}
    try:
        for phone in phones["room"]:
            await phone.join(servers["room"], servers["code"])
        # Each member's first rating adds one to the statement's count on the screen.
        for number in range(plan.lag_samples):
            rng.shuffle(targets)
            for target in targets:
                await asyncio.sleep(rng.uniform(0.25, 0.65))  # every point of the poll cycle
                await _lag_sample(target, phones[target.name][number], number + 1)
        for _ in range(plan.rounds):
            rng.shuffle(targets)
            for target in targets:
                await _window(target, phones[target.name], plan.window_seconds)
    finally:
        for each in phones.values():
            for phone in each:
                await phone.close()
    return RoomLoad(plan, room, bare)


def measure_room(folder: Path, plan: Plan, rng: random.Random) -> RoomLoad:
    """The room and the bare handler under the same phones, in turn, in random order."""
    load_average = os.getloadavg()[0]
    room, bare_db = prepare(folder, plan.phones)
    servers = subprocess.Popen(
        python_module(
            "benchmarks.room_servers", str(room.db_path), str(bare_db), str(room.session_id)
        ),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env=room.env(),
    )
    try:
        line = servers.stdout.readline() if servers.stdout else ""
        if not line:
            raise RuntimeError("the servers did not start")
        where = json.loads(line)
        mirrors = {
            name: python_module("facilitator", "--db", str(db), "present", str(room.session_id))
            for name, db in (("room", room.db_path), ("bare", bare_db))
        }
        with (
            PtyApp(mirrors["room"], env=room.env()) as room_screen,
            PtyApp(mirrors["bare"], env=room.env()) as bare_screen,
        ):
            for screen in (room_screen, bare_screen):
                screen.wait_for("read-only mirror")
            screens = {"room": room_screen, "bare": bare_screen}
            load = asyncio.run(_measure(plan, where, screens, rng))
            load.load_average = load_average
            room_screen.quit()
            bare_screen.quit()
    finally:
        if servers.stdin:
            servers.stdin.close()
        try:
            servers.wait(10)
        except subprocess.TimeoutExpired:
            servers.kill()
            servers.wait()
    for name, side in (("room", load.room), ("baseline", load.bare)):
        if not side.lags_ms or not side.latencies_ms:
            raise RuntimeError(f"{name}: no answer was measured")
    return load


def rows(load: RoomLoad) -> list[Row]:
    phones = f"({load.plan.phones} phones answering at once)"
    room, bare = load.room, load.bare
    return [
        Row(f"Room answers saved per second {phones}", "/s", room.per_second, bare.per_second),
        Row(f"Room answer latency, p99 {phones}", "ms", room.p99_ms, bare.p99_ms),
        Row(
            "Room answer until the screen shows it, median",
            "ms",
            room.lag_median_ms,
            bare.lag_median_ms,
        ),
        Row(
            "Room answer until the screen shows it, worst",
            "ms",
            max(room.lags_ms),
            max(bare.lags_ms),
        ),
    ]


def notes(load: RoomLoad) -> list[str]:
    room, bare, plan = load.room, load.bare, load.plan
    missed = room.missed + bare.missed
    return [
        f"{machine_line()} Load average as the run began: {load.load_average:.1f}.",
        (
            f"Command: `python -m benchmarks.room_answers{' --quick' if plan is QUICK else ''}`. "
            f"Mode: {plan.name}. The servers ran in a process of their own: the room opened and "
            "served as F8 serves it (`HostedRoom`, its service calls in threads), and the "
            "baseline, a bare aiohttp handler reading the form and inserting one ActivityResult "
            "through SQLAlchemy's ORM in a thread, on a copy of the same SQLite file with the "
            "same pragmas (WAL, synchronous=FULL). The phones ran in the benchmark's process, "
            "each with its own cookies and its own loopback address."
        ),
        (
            f"Answers: {plan.phones} named members, each posting a rating of one statement "
            "different from their last as soon as the one before was answered, without "
            f"following the redirect; {plan.rounds} round(s) of {plan.window_seconds:g} s for "
            "the room and for the baseline, in random order. Answers per second: answers the "
            "server said were saved (303 to the item), over the time they took. Latency: from "
            "sending the form to the server's answer; p99 interpolated between the samples. "
            f"Answers saved: room {room.saved:,} ({room.refused} not saved), baseline "
            f"{bare.saved:,} ({bare.refused} not saved); slowest: room "
            f"{max(room.latencies_ms):.1f} ms, baseline {max(bare.latencies_ms):.1f} ms."
        ),
        (
            f"The screen: {plan.lag_samples} members' first ratings each, room and baseline "
            "in turn, in random order, a random pause before each; from sending the form until "
            "the statement's new count of ratings reached the terminal of the read-only "
            "mirror of that database (`facilitator present`, 80x24, which reads the database "
            "within 0.2 s of a change: 0-200 ms of every figure is that poll). Samples (ms), "
            f"room: {_list(room.lags_ms)}; baseline: {_list(bare.lags_ms)}."
            + (f" {missed} answer(s) not seen within 5 s are left out." if missed else "")
        ),
    ]


def section(load: RoomLoad) -> str:
    lines = [
        SECTION_HEADING,
        "",
        "Written by `python -m benchmarks.room_answers`; the other benchmarks keep it.",
        "",
        "| measurement | facilitator | baseline | ratio |",
        "|---|--:|--:|--:|",
        *("| " + " | ".join(row.cells()) + " |" for row in rows(load)),
        "",
        *(f"- {note}" for note in notes(load)),
        "",
    ]
    return "\n".join(lines)


def with_section(previous: str, new: str) -> str:
    """The file with this benchmark's section put in place of its last one, at the end."""
    start = previous.find(SECTION_HEADING)
    kept = previous if start < 0 else previous[:start]
    return kept.rstrip("\n") + "\n\n" + new if kept.strip() else new


def _list(samples: list[float]) -> str:
    return ", ".join(f"{sample:.0f}" for sample in samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.room_answers")
    parser.add_argument("--quick", action="store_true", help="a few seconds: checks it works")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    with scratch_folder() as folder:
        load = measure_room(Path(folder), plan, random.Random(2026))
    written = section(load)
    print(written)
    previous = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    args.output.write_text(with_section(previous, written), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
