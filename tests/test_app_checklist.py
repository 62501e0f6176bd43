"""The bundled barriers checklist from the keyboard: votes, ranks, a barrier made an action."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown

from facilitator.widgets.checklist_panel import ChecklistPanel
from sessions.services import notes
from sessions.services.actions import list_actions
from sessions.services.checklist import checklist_results
from tests.pilot import activity_key, bundled_session_at, option_texts, resume_at_panel

pytestmark = pytest.mark.usefixtures("utc_local_time")


def at_the_barriers(db_path: Path, clock) -> tuple[int, int, int]:
    return bundled_session_at(db_path, clock, "checklist")


async def test_votes_are_counted_a_key_at_a_time_and_ranked(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, item = at_the_barriers(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, panel = await resume_at_panel(pilot, ChecklistPanel)
        assert panel.border_title.startswith("Checklist: 0 votes")

        await activity_key(pilot, "space", "5")  # one hand, then five counted at once
        await pilot.press("down", "down")  # chosen from the note line
        await activity_key(pilot, "7", "3", "backspace")  # the 3 was a slip
        await pilot.press("down")
        await activity_key(pilot, "plus", "minus", "minus")  # nothing left to take back
        await pilot.pause()
        results = checklist_results(app.store, sid, item)
        assert [(r.votes, r.rank) for r in results[:4]] == [(6, 2), (0, None), (7, 1), (0, None)]
        assert panel.border_title.startswith("Checklist: 13 votes")
        rows = option_texts(panel)
        assert rows[0].split()[1:3] == ["6", "2nd"] and rows[2].split()[1:3] == ["7", "1st"]

        await pilot.press("f5")
        await pilot.pause()
        shown = app.screen.query_one("#p-prompt", Markdown).source
        top = shown.index('- **7** · "Not invented here"')
        assert top < shown.index("- **6** · Doing it ourselves feels faster")


async def test_a_barrier_becomes_an_action_with_one_key(
    db_path, clock, make_facilitator_app
) -> None:
    programme_id, _sid, _item = at_the_barriers(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        await pilot.press("down")
        await activity_key(pilot, "a")
        note_line = screen.query_one("#note", Input)
        assert note_line.has_focus
        assert note_line.value == "a: We don't know who to work with in the other practices @"
        await pilot.press("S", "a", "m", "space", "f", "r", "i", "enter")
        await pilot.pause()
        # Nobody in the programme is called Sam: asked once, and kept as a named guest.
        await pilot.press("down", "enter")
        await pilot.pause()
        (action,) = list_actions(app.store, programme_id, today=clock().date())
        assert (action.text, action.owner) == (
            "We don't know who to work with in the other practices",
            "Sam",
        )
        assert action.due is not None


async def test_a_half_typed_note_is_never_overwritten_or_selected(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, item = at_the_barriers(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        note_line = screen.query_one("#note", Input)
        note_line.focus()
        await pilot.press("h", "a", "l", "f")
        await pilot.press("tab")  # from the note line to the checklist
        panel = screen.query_one(ChecklistPanel)
        assert panel.has_focus
        await pilot.press("n")
        await pilot.pause()
        assert note_line.value == "half"  # refused: the draft stays as typed
        note_line.focus()
        await pilot.press("w", "a", "y")  # coming back selects nothing, so nothing is replaced
        assert note_line.value == "halfway"
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in notes.list_notes(app.store, sid, item)] == ["halfway"]
