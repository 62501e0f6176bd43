"""The new-programme dialog with a plan: the programme arrives with its sessions planned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.home import HomeScreen
from facilitator.screens.new_programme import NewProgrammeScreen
from sessions.plan.library import bundled_plans_dir, find_plan
from sessions.services.planning import outlook
from sessions.services.plans import programme_from_plan
from sessions.services.programmes import find_programme
from sessions.store import Store
from tests.pilot import static_text

START = date(2027, 1, 11)


async def test_a_plan_chosen_in_the_dialog_sets_up_its_sessions(
    db_path: Path, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewProgrammeScreen)
        dialog.query_one("#name", Input).value = "Harbour programme"
        dialog.query_one("#pcn", Input).value = "Harbour PCN"
        dialog.query_one("#plan", Select).value = str(bundled_plans_dir() / "pcn-development.md")
        start = dialog.query_one("#start", Input)
        start.value = "11 Jan 2027"
        start.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    store = Store.open(db_path)
    try:
        waiting = outlook(store, find_programme(store, "Harbour programme").id).waiting
    finally:
        store.close()
    assert len(waiting) == 6
    assert (waiting[0][1], waiting[1][1]) == (date(2027, 1, 11), date(2027, 2, 8))


async def test_the_plan_line_lines_up_and_stands_for_the_next_line(
    db_path: Path, clock, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    try:
        programme_from_plan(store, "Harbour programme", find_plan("pcn-development"), START)
    finally:
        store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        plan, about = screen.query_one("#plan"), screen.query_one("#about")
        assert plan.display and not screen.query_one("#next").display
        assert plan.content_region.x == about.content_region.x
        assert static_text(screen, "#plan").startswith(
            "Plan: PCN development programme · session 1 of 6 · next: Kick-off, 11 Jan 2027 "
            "(to confirm)"
        )
