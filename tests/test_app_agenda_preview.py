"""The next session's dialog previews the highlighted agenda, and follows the highlight."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from facilitator.screens.home import HomeScreen
from facilitator.screens.next_session import NextSessionScreen
from sessions.agenda.durations import format_duration
from sessions.agenda.library import list_agendas
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text


async def test_the_preview_shows_the_highlighted_agenda_and_moves_with_it(
    db_path: Path, clock, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    create_programme(store, "Harbour programme", "Harbour PCN")
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 50)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NextSessionScreen)
        agendas = dialog.query_one("#agendas", OptionList)
        summaries = {summary.path: summary for summary in list_agendas()}

        seen = []
        for _ in range(2):
            highlighted = agendas.get_option_at_index(agendas.highlighted or 0).id
            summary = summaries[highlighted or ""]
            preview = static_text(dialog, "#agenda-preview")
            facts, purpose, items = preview.split("\n", 2)
            assert facts.startswith(format_duration(summary.planned_seconds) + " · steps ")
            assert ", ".join(summary.activities) in facts
            assert purpose == summary.purpose and purpose
            for title, seconds in summary.outline:
                assert f"{title} ({format_duration(seconds)})" in items
            seen.append(preview)
            await pilot.press("down")
            await pilot.pause()
        assert seen[0] != seen[1]
