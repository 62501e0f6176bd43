"""The new-programme dialog with a plan: the programme arrives with its sessions planned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select

from facilitator.screens.home import HomeScreen
from facilitator.screens.new_programme import NewProgrammeScreen
from sessions.plan.library import bundled_plans_dir
from sessions.services.planning import outlook
from sessions.services.programmes import find_programme
from sessions.store import Store


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
