"""The dashboard's highlighted session stays in sight when the terminal is resized and the
sessions table is built again for the new width."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from facilitator.screens.dashboard import DashboardScreen
from facilitator.widgets.chart_pane import ChartPane
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

SESSIONS = 60

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def long_programme(db_path: Path, clock, small_agenda) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Long programme", "Long PCN")
    for _ in range(SESSIONS):
        session = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, session, clock.advance(60))
        # Notes give the dashboard its balance chart, drawn at projector sizes.
        notes.add_note(store, session, 0, "One front door", "deal", now=clock.advance(60))
        running.finish_session(store, session, clock.advance(600))
    store.close()
    return programme.id


def in_sight(table: DataTable) -> bool:
    top = int(table.scroll_y)
    # The header row takes the first line of the table's height.
    return top <= table.cursor_row < top + table.scrollable_content_region.height - 1


@pytest.mark.parametrize(("first", "then"), [((80, 24), (160, 50)), ((160, 50), (80, 24))])
async def test_the_highlight_stays_in_sight_through_a_resize(
    clock, long_programme, make_facilitator_app, first, then
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=first) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == SESSIONS
        for _ in range(1):
            await pilot.press("up")
        await pilot.pause()
        chosen = table.cursor_row
        assert chosen == SESSIONS - 2 and in_sight(table)

        await pilot.resize_terminal(*then)
        await pilot.pause()
        await pilot.pause()
        assert table.cursor_row == chosen
        if then == (160, 50):
            assert screen.query_one(ChartPane).display  # the charts took lines from the table
        assert in_sight(table), (table.cursor_row, table.scroll_y, table.size)
