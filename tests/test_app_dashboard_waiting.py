"""The dashboard never offers to set up a session while one is set up and waiting: it
offers to open that one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.session import SessionScreen
from sessions.services import planning, running
from sessions.services.dashboard import programme_dashboard
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def waiting(db_path: Path, clock, small_agenda) -> tuple[int, int]:
    """Session 1 run and finished, session 2 planned for 1 December 2026: their ids."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    running.move(store, first, +1, clock.advance(600))
    running.finish_session(store, first, clock.advance(1200))
    second = planning.start_session(
        store, programme.id, small_agenda, planned_for=date(2026, 12, 1)
    )
    assert programme_dashboard(store, programme.id, date(2026, 11, 23)).waiting is not None
    store.close()
    return first, second


async def test_s_opens_the_session_already_waiting(clock, waiting, make_facilitator_app) -> None:
    _, second = waiting
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        line = static_text(screen, "#next")
        assert "session 2 is planned for Tue 1 Dec 2026, not started" in line
        assert "s: open it" in line
        assert "session 3" not in line and "set it up" not in line

        await pilot.press("s")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.view.id == second
        assert session.view.number == 2


def test_once_it_has_started_the_next_one_can_be_set_up(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda)
    assert programme_dashboard(store, programme.id, date(2026, 11, 23)).waiting is not None
    running.toggle_clock(store, sid, clock())
    assert programme_dashboard(store, programme.id, date(2026, 11, 23)).waiting is None
