"""The room under load: forty phones answering a scorecard for two minutes while the
facilitator types notes, with the room served from inside the app as F8 serves it.

No answer a phone was told was saved is lost, every note typed is saved, the server
never fails, and the session's clock goes on being drawn throughout. And the room's
benchmark, in its quick mode, reports every figure.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
from textual import events

from benchmarks import room_answers
from facilitator.room.place import Place
from facilitator.screens.session import SessionScreen
from facilitator.widgets import room_door
from sessions.services import notes, participants, people, planning, running, scorecard
from sessions.services.programmes import create_programme
from sessions.store import Store
from sessions.utc import utcnow
from tests.pilot import settled, static_text
from tests.room_command import RoomAt
from tests.room_web import Phone
from tests.room_web import field as form_field
from tests.test_room import card_agenda, card_of

pytestmark = pytest.mark.sqlite_only

LOAD_SECONDS = 120.0
"""How long the phones answer. A local run may shorten it (never lengthen it) with
ROOM_LOAD_SECONDS; the full two minutes are the test."""
NAMED_PHONES = 20
ANONYMOUS_PHONES = 20
# A phone's pause between one answer or page and the next: people, not a flood.
THINK_SECONDS = (0.2, 1.5)
# The facilitator's steady typing: a key this often, and a pause after each note.
KEY_SECONDS = 0.05
BETWEEN_NOTES_SECONDS = 1.0


def load_seconds() -> float:
    wanted = os.environ.get("ROOM_LOAD_SECONDS")
    return LOAD_SECONDS if not wanted else min(LOAD_SECONDS, float(wanted))


async def typed_steadily(app, line: str) -> None:
    """Each key of the line, then Enter, as a terminal delivers them: one after another at
    a typist's pace, whether or not the app has finished with the one before. (The Pilot's
    own `press` waits for the whole process to go idle, which a process serving forty
    phones never is.)"""
    for char in line:
        app.post_message(events.Key("space" if char == " " else char, char))
        await asyncio.sleep(KEY_SECONDS)
    app.post_message(events.Key("enter", "\r"))


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


@dataclass
class Answers:
    """What the server told the phones: each status, and every answer acknowledged as saved."""

    statuses: Counter[int] = field(default_factory=Counter)
    # Every answer not acknowledged as saved: (status, where it was sent).
    not_saved: Counter[tuple[int, str]] = field(default_factory=Counter)
    # A named phone's last acknowledged rating of each statement, by member.
    named: dict[int, dict[int, int]] = field(default_factory=dict)
    # Each anonymous phone's ratings, acknowledged once.
    anonymous: list[dict[int, int]] = field(default_factory=list)
    posted: int = 0
    # What the server said whenever it failed: which request, and its page's words.
    failures: list[str] = field(default_factory=list)

    def seen(self, request: str, status: int, page: str) -> None:
        self.statuses[status] += 1
        if status >= 500:
            self.failures.append(
                f"{request}: {status} {' '.join(re.sub('<[^>]*>', ' ', page).split())}"
            )


class LoadPhone(Phone):
    """A phone with an address of its own on loopback, as each phone has its own on the
    venue's network: the limit on join-code tries counts each address apart."""

    def __init__(self, server: RoomAt, number: int) -> None:
        self.server = server
        self.origin = f"{server.scheme}://{server.host}:{server.port}"
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(local_addr=(f"127.0.1.{number + 1}", 0)),
        )

    async def page(self, path: str, answers: Answers) -> str:
        response, page = await self.get(path)
        answers.seen(f"GET {path}", response.status, page)
        return page

    async def rate(self, page: str, ratings: dict[int, int], answers: Answers) -> bool:
        """Post the item's form as the page does; whether it came back saved."""
        form = {"csrf": form_field(page, "csrf"), "item": form_field(page, "item")}
        form |= {f"s{index}": str(score) for index, score in ratings.items()}
        response, page = await self.post("/rate", form, allow_redirects=False)
        answers.seen("POST /rate", response.status, page)
        answers.posted += 1
        saved = response.status == 303 and response.headers.get("Location") == "/item?done=saved"
        if not saved:
            answers.not_saved[response.status, response.headers.get("Location", "")] += 1
        return saved


async def named_phone(
    phone: LoadPhone, member_id: int, statements: int, until: float, answers: Answers
) -> None:
    """Changes its member's ratings again and again until the time is up."""
    rng = random.Random(member_id)
    mine = answers.named.setdefault(member_id, {})
    page = await phone.page("/item", answers)
    while time.monotonic() < until:
        ratings = {index: rng.randint(1, 5) for index in range(statements)}
        if await phone.rate(page, ratings, answers):
            mine.update(ratings)
        await asyncio.sleep(rng.uniform(*THINK_SECONDS))
        page = await phone.page("/item", answers)


async def anonymous_phone(
    phone: LoadPhone, number: int, statements: int, until: float, answers: Answers
) -> None:
    """Rates once, at some moment in the first half, then follows the item until the time is up."""
    rng = random.Random(1000 + number)
    await asyncio.sleep(rng.uniform(0, max(0.0, until - time.monotonic()) / 2))
    ratings = {index: rng.randint(1, 5) for index in range(statements)}
    if await phone.rate(await phone.page("/item", answers), ratings, answers):
        answers.anonymous.append(ratings)
    while time.monotonic() < until:
        await asyncio.sleep(rng.uniform(*THINK_SECONDS))
        await phone.page("/item", answers)


async def joined(phone: LoadPhone, code: str, member: str, answers: Answers) -> None:
    response, page = await phone.join(code, member)
    answers.seen("joining", response.status, page)
    assert response.status == 200 and "You joined as " in page, page


def the_phones(address: str, code: str, members: list[int], statements: int, seconds: float):
    """Every phone answering, in a thread of its own: the phones are not the app's load."""
    answers = Answers()

    async def answering() -> None:
        phones = [LoadPhone(RoomAt(address), n) for n in range(NAMED_PHONES + ANONYMOUS_PHONES)]
        named, anonymous = phones[:NAMED_PHONES], phones[NAMED_PHONES:]
        try:
            await asyncio.gather(
                *(
                    joined(phone, code, str(member), answers)
                    for phone, member in zip(named, members, strict=True)
                ),
                *(joined(phone, code, "anonymous", answers) for phone in anonymous),
            )
            until = time.monotonic() + seconds
            await asyncio.gather(
                *(
                    named_phone(phone, member, statements, until, answers)
                    for phone, member in zip(named, members, strict=True)
                ),
                *(
                    anonymous_phone(phone, n, statements, until, answers)
                    for n, phone in enumerate(anonymous)
                ),
            )
        finally:
            for phone in phones:
                await phone.close()

    asyncio.run(answering())
    return answers


def meeting_on_card(db_path) -> tuple[int, int, list[int]]:
    """(session id, the scorecard's position, members' ids): twenty members, the clock
    started now and moved on to the scorecard."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme")
        members = [
            people.add_member(store, programme.id, f"Member {n:02d}").id
            for n in range(NAMED_PHONES)
        ]
        sid = planning.start_session(store, programme.id, card_agenda())
        position = card_of(store, sid).position
        running.toggle_clock(store, sid, utcnow())
        running.jump(store, sid, position, utcnow())
    finally:
        store.close()
    return sid, position, members


async def test_forty_phones_answer_for_two_minutes_while_the_facilitator_types(
    db_path, make_facilitator_app
) -> None:
    sid, position, members = meeting_on_card(db_path)
    app = make_facilitator_app()
    seconds = load_seconds()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+t")  # opening the session paused its clock: start it again
        await pilot.press("f8")
        assert await settled(pilot, lambda: screen.door.hosted is not None)
        hosted = screen.door.hosted
        assert hosted is not None
        statements = len(scorecard.scorecard_results(app.store, sid, position))

        # A thread of their own, not one of the pool the room's service calls run in.
        with ThreadPoolExecutor(1) as own_thread:
            phones = asyncio.get_running_loop().run_in_executor(
                own_thread,
                the_phones,
                hosted.address,
                hosted.shown_code,
                members,
                statements,
                seconds,
            )
            typed: list[str] = []
            clocks: list[str] = [static_text(screen, "#session-clock")]
            assert clocks[0].endswith(" · running")
            while not phones.done():
                line = f"Note {len(typed) + 1} typed while the room answers"
                await typed_steadily(app, line)
                typed.append(line)
                await asyncio.sleep(BETWEEN_NOTES_SECONDS)
                clocks.append(static_text(screen, "#session-clock"))
            answers = await phones
        saved_during = len(notes.list_notes(app.store, sid, position))

        def saved_notes() -> list[str]:
            return [note.text for note in notes.list_notes(app.store, sid, position)]

        # The last keys may still be on their way to the note line.
        await settled(pilot, lambda: len(saved_notes()) == len(typed))

    assert not answers.failures, (answers.statuses, answers.failures)
    assert not answers.not_saved  # every answer a phone sent was one the room takes
    assert len(answers.named) == NAMED_PHONES and all(answers.named.values())
    assert len(answers.anonymous) == ANONYMOUS_PHONES
    results = scorecard.scorecard_results(app.store, sid, position)
    for index, result in enumerate(results):
        for member, ratings in answers.named.items():
            assert result.rating_by(member) == ratings[index], (member, index)
        expected = [ratings[index] for ratings in answers.named.values()]
        expected += [ratings[index] for ratings in answers.anonymous]
        assert sorted(result.scores) == sorted(expected), index
    assert saved_notes() == typed
    # Saved and drawn while the phones were answering, not only once they had gone.
    assert saved_during > 0 and clocks[-1] != clocks[0]
    assert participants.room_for_session(app.store, sid) is None  # closed as the app quit


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="the benchmarks run apps on pseudo-terminals"
)
def test_the_room_benchmark_reports_every_figure_and_keeps_the_rest_of_the_file(
    tmp_path: Path,
) -> None:
    output = tmp_path / "RESULTS.md"
    output.write_text("# Benchmark results\n\n| the other benchmarks |\n", encoding="utf-8")

    assert room_answers.main(["--quick", "--output", str(output)]) == 0

    written = output.read_text(encoding="utf-8")
    assert written.startswith("# Benchmark results\n\n| the other benchmarks |\n\n")
    section = written[written.index(room_answers.SECTION_HEADING) :]
    assert room_answers.with_section(written, section) == written  # replaced, never added
    shown = [line for line in written.splitlines() if line.startswith("| Room answer")]
    assert len(shown) == 4
    for line in shown:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert all(float(cell.split()[0]) > 0 for cell in cells[1:]), line
