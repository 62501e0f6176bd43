"""A driver app and a read-only mirror app on one database, in one test run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Digits

from facilitator.screens import mirror as mirror_screen
from facilitator.screens.mirror import MirrorScreen
from facilitator.widgets.note_list import NoteList
from sessions.services import planning, running
from tests.pilot import add_note, create_and_start, static_text


def shown_notes(mirror) -> list[str]:
    note_list = mirror.query_one("#p-notes", NoteList)
    return [note.text for note in note_list.notes] if note_list.display else []


def clock_text(mirror) -> str:
    return mirror.query_one("#small", Digits).value


async def test_the_mirror_follows_the_driver_and_never_writes(
    clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    driver = make_facilitator_app(now=clock)
    async with driver.run_test(size=(80, 24)) as pilot:
        session = await create_and_start(pilot)
        items = session.view.items
        mirror_app = make_facilitator_mirror(now=clock)
        async with mirror_app.run_test(size=(80, 24)) as mirror_pilot:
            mirror = mirror_app.screen
            assert isinstance(mirror, MirrorScreen)
            assert mirror.session_id == session.session_id  # followed without being told
            assert static_text(mirror, "#p-title") == items[0].title
            assert clock_text(mirror) == "10:00"
            assert static_text(mirror, "#p-status") == "about to start"

            await add_note(pilot, "Seen on the wall")
            mirror.poll()
            assert shown_notes(mirror) == ["Seen on the wall"]

            await pilot.press("ctrl+t")
            clock.advance(75)
            mirror.poll()
            mirror.tick()
            assert clock_text(mirror) == "08:45"
            assert static_text(mirror, "#p-status") == ""

            await pilot.press("ctrl+n")
            mirror.poll()
            assert static_text(mirror, "#p-title") == items[1].title
            assert shown_notes(mirror) == []

            await pilot.press("ctrl+t")
            mirror.poll()
            assert static_text(mirror, "#p-status") == "paused"

            await mirror_pilot.press("n")
            await add_note(pilot, "Kept from the room")
            mirror.poll()
            assert shown_notes(mirror) == []

            # The mirror's own polling commits nothing the driver could see.
            events = running.clock_state(driver.store, session.session_id)
            for _ in range(3):
                mirror.poll()
                mirror.tick()
            assert running.clock_state(driver.store, session.session_id) == events


async def test_the_mirror_polls_by_itself_and_quits_on_q(
    clock, make_facilitator_app, make_facilitator_mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where the operating system sends no notice of a write, the poll alone finds it.
    monkeypatch.setitem(sys.modules, "inotify_simple", None)
    driver = make_facilitator_app(now=clock)
    async with driver.run_test() as pilot:
        session = await create_and_start(pilot)
        mirror_app = make_facilitator_mirror(str(session.session_id), now=clock)
        async with mirror_app.run_test() as mirror_pilot:
            mirror = mirror_app.screen
            await add_note(pilot, "Polled, not pushed")
            # How fast is measured in benchmarks/; here only that nobody has to ask.
            for _ in range(100):
                if shown_notes(mirror):
                    break
                await mirror_pilot.pause(0.05)
            assert shown_notes(mirror) == ["Polled, not pushed"]
            await mirror_pilot.press("q")
            await mirror_pilot.pause()
            assert mirror_app._exit


@pytest.mark.skipif(sys.platform != "linux", reason="notices come from inotify")
async def test_the_mirror_is_told_of_a_note_without_polling(
    clock, make_facilitator_app, make_facilitator_mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A poll an hour apart, told or not, cannot be what brings the note.
    monkeypatch.setattr(mirror_screen, "TOLD_POLL_SECONDS", 3600)
    monkeypatch.setattr(mirror_screen, "POLL_SECONDS", 3600)
    driver = make_facilitator_app(now=clock)
    async with driver.run_test() as pilot:
        session = await create_and_start(pilot)
        mirror_app = make_facilitator_mirror(str(session.session_id), now=clock)
        async with mirror_app.run_test() as mirror_pilot:
            mirror = mirror_app.screen
            assert shown_notes(mirror) == []
            await add_note(pilot, "Told, not polled")
            for _ in range(100):
                if shown_notes(mirror):
                    break
                await mirror_pilot.pause(0.05)
            assert shown_notes(mirror) == ["Told, not polled"]


async def test_the_mirror_survives_the_driver_quitting_and_coming_back(
    clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    driver = make_facilitator_app(now=clock)
    async with driver.run_test() as pilot:
        session = await create_and_start(pilot)
        session_id = session.session_id
        await pilot.press("ctrl+t")
        clock.advance(60)
    driver.store.close()  # the driver quits: its clock is paused

    mirror_app = make_facilitator_mirror(now=clock)
    async with mirror_app.run_test() as mirror_pilot:
        mirror = mirror_app.screen
        assert mirror.session_id == session_id
        assert static_text(mirror, "#p-status") == "paused"
        assert clock_text(mirror) == "09:00"

        again = make_facilitator_app(now=clock)
        async with again.run_test() as pilot:
            await pilot.press("r")  # resume the unfinished session
            await pilot.pause()
            await pilot.press("ctrl+t")
            clock.advance(30)
            mirror.poll()
            mirror.tick()
            assert static_text(mirror, "#p-status") == ""
            assert clock_text(mirror) == "08:30"

            await pilot.press("ctrl+f")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            mirror.poll()
            assert static_text(mirror, "#p-status") == "finished"
        again.store.close()
        await mirror_pilot.pause()


async def test_the_mirror_waits_for_a_first_session(
    db_path: Path, small_agenda, clock, make_facilitator_mirror
) -> None:
    from sessions.services.programmes import create_programme
    from sessions.store import Store

    Store.open(db_path).close()  # the app has been opened once; nothing run yet
    mirror_app = make_facilitator_mirror(now=clock)
    async with mirror_app.run_test():
        mirror = mirror_app.screen
        assert "Waiting for a session to start" in static_text(mirror, "#p-title")
        assert not mirror.query_one("#p-clock").display
        store = Store.open(db_path)
        programme = create_programme(store, "Harbour")
        planning.start_session(store, programme.id, small_agenda)
        mirror.poll()
        assert static_text(mirror, "#p-title") == small_agenda.items[0].title
        assert mirror.query_one("#p-clock").display
        store.close()


async def test_the_mirror_shows_the_session_the_driver_opens_before_its_clock_starts(
    db_path: Path, small_agenda, clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    from facilitator.screens.home import HomeScreen
    from facilitator.screens.session import SessionScreen
    from sessions.services.programmes import create_programme
    from sessions.store import Store

    store = Store.open(db_path)
    programme = create_programme(store, "Harbour")
    first = planning.start_session(store, programme.id, small_agenda)
    second = planning.start_session(store, programme.id, small_agenda)
    store.close()
    mirror_app = make_facilitator_mirror(now=clock)
    async with mirror_app.run_test() as mirror_pilot:
        mirror = mirror_app.screen
        assert isinstance(mirror, MirrorScreen)
        assert mirror.session_id == first  # nobody is driving: the one that meets first
        driver = make_facilitator_app(now=clock)
        async with driver.run_test() as pilot:
            await pilot.pause()
            home = driver.screen
            assert isinstance(home, HomeScreen)
            home.highlight_waiting(second)  # the facilitator picks session 2 to run today
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(driver.screen, SessionScreen)
            assert driver.screen.session_id == second
            mirror.poll()
            assert mirror.session_id == second  # opened, its clock not yet started
            assert static_text(mirror, "#p-status") == "about to start"
            await pilot.press("ctrl+q")
            await pilot.pause()
        # The driver has gone, and let the session go: the room sees the one that meets first.
        mirror.poll()
        assert mirror.session_id == first
        await mirror_pilot.pause()
