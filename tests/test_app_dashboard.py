"""The programme dashboard, opened from Home with Enter and driven by its keys."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from benchmarks.ptyapp import PtyApp
from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.dashboard import DashboardScreen, NoteTrend
from facilitator.screens.home import HomeScreen
from facilitator.screens.rename_programme import RenameProgrammeScreen
from facilitator.screens.session import SessionScreen
from sessions.services import notes, planning, running
from sessions.services.dashboard import programme_dashboard
from sessions.services.minutes_approval import approve
from sessions.services.programmes import create_programme, get_programme
from sessions.store import Store
from tests.pilot import option_texts, static_text

TODAY = date(2026, 11, 23)
NAME = "Harbour [b]programme[/b]"


# Dates and times on screen are local: pin the zone so they are the same anywhere.
pytestmark = pytest.mark.usefixtures("utc_local_time")


@dataclass
class Recorded:
    programme_id: int
    finished_id: int
    unfinished_id: int


@pytest.fixture
def recorded(db_path: Path, clock, small_agenda) -> Recorded:
    """Bay (no sessions), then Harbour: session 1 run and finished, session 2 begun and left."""
    store = Store.open(db_path)
    create_programme(store, "Bay programme", "Bay PCN")
    programme = create_programme(store, NAME, "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    running.move(store, first, +1, clock.advance(600))
    for line in (
        "One front door",
        "rel: the trust listened",
        "A shared rota",
        "a: send the draft @Sam 2026-11-20",
    ):
        notes.add_note(store, first, 1, line, "deal", today=TODAY, now=clock.advance(60))
    running.finish_session(store, first, clock.advance(960))
    second = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, second, clock.advance(3600))
    notes.add_note(
        store,
        second,
        0,
        "Practices feel heard",
        "relationship",
        today=TODAY,
        now=clock.advance(300),
    )
    running.toggle_clock(store, second, clock())
    store.close()
    return Recorded(programme.id, first, second)


async def open_dashboard(pilot) -> DashboardScreen:
    await pilot.press("enter")  # on the highlighted programme: the newest, Harbour
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


def cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


def said(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def programme_names(home: HomeScreen) -> list[str]:
    return option_texts(home.query_one("#programmes", OptionList))


async def test_enter_on_home_opens_the_dashboard(clock, recorded, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(pilot)
        assert screen.title == NAME  # markup in the name is shown as typed
        assert static_text(screen, "#about").startswith(
            "Harbour PCN · 2 sessions: 1 finished, 1 unfinished · run 35m of 1h20 planned"
        )
        steps = static_text(screen, "#steps").splitlines()
        assert steps[0].startswith("Step 1: Set-up right") and steps[0].endswith("— session 1")
        assert steps[1].startswith("Step 2: Trusted people") and "not worked on yet" in steps[1]
        assert len(steps) == 4
        counts = static_text(screen, "#action-counts")
        assert "1 open" in counts and "1 OVERDUE" in counts

        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 2
        assert cells(table, 0)[:5] == ["1", "2026-11-23", "finished", "30m / 35m", "2 / 1"]
        assert cells(table, 1)[:5] == ["2", "2026-11-23", "unfinished", "5m / 45m", "0 / 1"]
        assert cells(table, 1)[5] == "Small test agenda"
        assert static_text(screen, "#minutes-waiting") == "Minutes to approve: session 1"
        assert table.cursor_row == 1  # the session still open is the one to go on with
        assert screen.query_one(NoteTrend).trend == [(1, 2, 1), (2, 0, 1)]
        assert "Deal" in str(screen.query_one(NoteTrend).render())

        # Everything fits a laptop's 80x24 above the footer.
        for selector in (
            "#about",
            "#steps",
            "#action-counts",
            "#minutes-waiting",
            "#trend",
            "#sessions",
        ):
            region = screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 23 and region.right <= 80, selector
        assert table.region.height >= 4

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_wide_terminal_puts_actions_and_trend_beside_the_steps(
    clock, recorded, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(pilot)
        steps, side = screen.query_one("#steps").region, screen.query_one("#side").region
        assert side.x >= steps.right and side.y == steps.y
        table = screen.query_one("#sessions", DataTable)
        # Wide enough for whether each session's minutes are approved, after its state.
        assert cells(table, 0)[2:4] == ["finished", "draft"]
        assert cells(table, 0)[6] == "Small test agenda"


async def test_the_dashboard_says_which_minutes_wait_for_approval(
    clock, recorded, make_facilitator_app
) -> None:
    """Session 1's minutes read draft until session 2 approves them; then none wait."""
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(pilot)
        table = screen.query_one("#sessions", DataTable)
        assert static_text(screen, "#minutes-waiting") == "Minutes to approve: session 1"
        assert cells(table, 0)[3] == "draft"

        approve(app.store, recorded.unfinished_id, recorded.finished_id, now=clock.advance(60))
        screen.refresh_view()
        await pilot.pause()
        assert static_text(screen, "#minutes-waiting") == "Minutes to approve: none"
        assert cells(table, 0)[3] == "✓ at 2"
        assert cells(table, 1)[3] == ""  # session 2 has no minutes yet

        await pilot.press("escape", "down")  # Bay, which has not met: no minutes at all
        bay = await open_dashboard(pilot)
        assert not bay.query_one("#minutes-waiting").display


async def test_coming_back_unchanged_keeps_the_table_as_it_was(
    clock, recorded, make_facilitator_app, small_agenda
) -> None:
    """Back from the actions with nothing changed, the rows stand; a new session refills them."""
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(pilot)
        table = screen.query_one("#sessions", DataTable)
        await pilot.press("up")
        rows = list(table.rows.values())

        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert list(table.rows.values()) == rows
        assert all(now is before for now, before in zip(table.rows.values(), rows, strict=True))
        assert table.cursor_row == 0 and app.focused is table

        await pilot.press("a")
        await pilot.pause()
        planning.start_session(app.store, recorded.programme_id, small_agenda)
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 3
        assert cells(table, 2)[0] == "3" and cells(table, 2)[2] == "planned"
        assert table.cursor_row == 0  # session 1 still highlighted


async def test_r_resumes_an_unfinished_session_only(clock, recorded, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(pilot)
        table = screen.query_one("#sessions", DataTable)
        table.move_cursor(row=0)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen
        assert any("Session 1 has finished" in message for message in said(app))

        table.move_cursor(row=1)
        await pilot.press("r")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.session_id == recorded.unfinished_id
        assert session.state.elapsed_for(0) == 300

        # Finishing it comes back to the dashboard, which shows it finished.
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is screen
        assert cells(table, 1)[2] == "finished"
        assert static_text(screen, "#about").startswith("Harbour PCN · 2 sessions: 2 finished")


async def test_s_starts_a_session_from_an_empty_dashboard(
    clock, recorded, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")  # Bay, which has no sessions yet
        screen = await open_dashboard(pilot)
        assert screen.title == "Bay programme"
        assert not screen.query_one("#sessions", DataTable).display
        assert "press s to set up the first one" in static_text(screen, "#sessions-hint")
        await pilot.press("r")
        assert any("No session to resume" in message for message in said(app))

        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the bundled agenda
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.view.programme_name == "Bay programme"
        assert session.view.number == 1


async def test_e_renames_the_programme_and_refuses_a_taken_name(
    clock, recorded, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RenameProgrammeScreen)
        field = dialog.query_one("#name", Input)
        assert field.value == NAME

        field.value = "bay PROGRAMME"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert field.value == "bay PROGRAMME"
        assert "already exists" in static_text(dialog, "#error")

        field.value = "Harbour and Bay [2027]"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.title == "Harbour and Bay [2027]"
        assert get_programme(app.store, recorded.programme_id).name == "Harbour and Bay [2027]"

        await pilot.press("escape")
        await pilot.pause()
        assert programme_names(app.screen)[0].startswith("Harbour and Bay [2027] · Harbour PCN")


async def test_x_archives_the_programme_after_asking(clock, recorded, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        names = programme_names(home)
        assert len(names) == 1 and names[0].startswith("Bay programme")
        assert home.query_one("#unfinished", OptionList).option_count == 0
        # Archived, not deleted: everything is still there to read.
        kept = programme_dashboard(app.store, recorded.programme_id, TODAY)
        assert [s.id for s in kept.sessions] == [recorded.finished_id, recorded.unfinished_id]
        assert kept.open_actions == 1


def test_a_long_programme_opens_with_its_latest_session_in_view(
    db_path, small_agenda, isolated_home
) -> None:
    """On a real terminal: the highlighted session, the one under way, is row 60 of 60,
    below the fold at 80x24, and is drawn without a key pressed.

    A large programme, slow enough to read that the table was filled before it had a
    height, once opened scrolled to its top with the cursor out of sight."""
    store = Store.open(db_path)
    programme = create_programme(store, "Long programme")
    for _ in range(59):
        planning.start_session(store, programme.id, small_agenda)
    latest = planning.start_session(
        store, programme.id, replace(small_agenda, title="Latest agenda")
    )
    # Under way, so it is the one the dashboard opens on, not the first still to meet.
    running.toggle_clock(store, latest, None)
    store.close()
    env = dict(os.environ, FACILITATOR_HOME=str(isolated_home))
    with PtyApp([sys.executable, "-m", "facilitator", "--db", str(db_path)], env=env) as app:
        app.wait_for("Long programme")
        app.send("\r")
        app.wait_for("Latest agenda")
