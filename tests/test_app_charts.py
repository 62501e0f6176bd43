"""The programme's charts, opened from the dashboard with g."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual_plotext import PlotextPlot

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.programme_charts import ProgrammeChartsScreen
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def noted(db_path: Path, clock, small_agenda) -> None:
    """One session with four deal notes and one relationship note."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, session, clock())
    for line in ("One front door", "A shared rota", "A joint bid", "rel: the trust listened"):
        notes.add_note(store, session, 0, line, "deal", now=clock.advance(60))
    store.close()


async def test_g_charts_the_notes_with_the_sentence_beneath(
    clock, noted, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgrammeChartsScreen)
        assert [chart.title for chart in screen.charts] == [
            "Deal and relationship notes by session"
        ]
        assert [series.values for series in screen.charts[0].series] == [(3.0,), (1.0,)]
        assert static_text(screen, ".chart-sentence") == screen.charts[0].sentence
        assert screen.charts[0].sentence.startswith("Over 1 session, 3 deal and 1 relationship")
        assert screen.query_one(PlotextPlot).region.height > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
