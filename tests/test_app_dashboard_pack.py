"""The dashboard's p writes the papers for the next planned session, in every format,
beside the minutes, and says where in one line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from facilitator.screens.dashboard import DashboardScreen
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def planned(db_path: Path, clock, small_agenda) -> None:
    """Session 1 held with an action; session 2 planned."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        first = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, first, clock())
        notes.add_note(store, first, 1, "a: send the draft @Sam", "deal", now=clock.advance(60))
        running.finish_session(store, first, clock.advance(600))
        planning.start_session(store, programme.id, small_agenda)
    finally:
        store.close()


async def test_p_writes_the_next_planned_sessions_papers_in_every_format(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await pilot.press("p")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        folder = isolated_home / "minutes"
        names = [f"harbour-programme-session-2-papers.{s}" for s in ("md", "html", "docx")]
        for name in names:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        said = [notification.message for notification in app._notifications]
        assert f"Papers for session 2 written to {folder}: {names[0]}, .html and .docx." in said
