"""A break shows the time to be back, on the facilitator's screen and to the room."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Digits, Static

from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets.big_clock import BigClock
from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.clock import return_time
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

AGENDA = Agenda(
    title="With a break",
    sections=(
        Section("Welcome", None, (AgendaItem("Introductions", 600),)),
        Section("Break", None, (AgendaItem("Tea", 900, kind="break", prompt="Tea is served."),)),
    ),
    source="test",
)


def test_the_return_time_is_now_plus_what_is_left_and_never_past(store, clock) -> None:
    programme = create_programme(store, "Timing")
    sid = planning.start_session(store, programme.id, AGENDA)
    running.toggle_clock(store, sid, clock())
    state = running.clock_state(store, sid)
    seconds = [600, 900]
    now = clock.advance(240)
    assert return_time(state.at(now), seconds, now) == now + timedelta(seconds=360)
    now = clock.advance(3600)  # overrun: the time to be back is now, not in the past
    assert return_time(state.at(now), seconds, now) == now


def at_the_break(db_path: Path, clock) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme")
    sid = planning.start_session(store, programme.id, AGENDA)
    running.toggle_clock(store, sid, clock())
    running.move(store, sid, +1, clock.advance(600))
    store.close()
    return sid


async def test_the_break_shows_when_to_be_back(db_path, clock, make_facilitator_app) -> None:
    at_the_break(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        # Reopened four minutes after the break began at 09:40: the clock waits, paused at the
        # last moment it was known to run, so the whole break is still ahead.
        clock.advance(240)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.query_one("#break-box").display
        assert screen.query_one("#back-at", Digits).value == "09:59"
        await pilot.press("ctrl+t")
        clock.advance(60)
        await pilot.pause(0.6)  # a tick redraws from the clock
        assert screen.query_one("#back-at", Digits).value == "09:59"

        await pilot.press("f5")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert projector.query_one("#p-clock", BigClock).text == "09:59"
        assert str(projector.query_one("#p-status", Static).render()) == "Back at 09:59"
        await pilot.press("f5")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not screen.query_one("#break-box").display
