"""Setting up the next session from Home, planning one ahead, and its matters-arising review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Markdown, OptionList, Select, SelectionList

from facilitator.screens.home import HomeScreen
from facilitator.screens.keep_action import KeepActionScreen
from facilitator.screens.next_session import NextSessionScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets.action_review import ActionReview
from facilitator.widgets.editable_note_list import EditableNoteList
from sessions.agenda.library import find_agenda
from sessions.services import notes, people, planning, running
from sessions.services.actions import list_actions
from sessions.services.matters_arising import review_entries
from sessions.services.programmes import create_programme
from sessions.store import Store
from sessions.vocabulary import ItemKind
from tests.pilot import activity_key, static_text, type_text

TODAY = date(2026, 11, 23)  # the test clock's day


# Dates and times on screen are local: pin the zone so they are the same anywhere.
pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def programme_id(db_path: Path, clock) -> int:
    """Session 1 of the bundled agenda stopped in step 2, three actions; Sam came, Ana didn't."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sam = people.add_member(store, programme.id, "Sam")
    ana = people.add_member(store, programme.id, "Ana")
    first = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    people.set_attendance(store, first, sam.id, "present")
    people.set_attendance(store, first, ana.id, "apologies")
    running.toggle_clock(store, first, clock())
    for line in (
        "a: send the data sharing draft @Sam 2026-12-01",
        "a: book the <b>room</b> @Priya 2026-11-20",
        "a: ask the LMC",
    ):
        notes.add_note(store, first, 0, line, "deal", today=TODAY, now=clock.advance(30))
    step_two = next(
        item.position for item in running.get_session(store, first).items if item.step == 2
    )
    running.jump(store, first, step_two, clock.advance(60))
    running.toggle_clock(store, first, clock.advance(60))
    store.close()
    return programme.id


async def open_dialog(pilot) -> NextSessionScreen:
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("s")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, NextSessionScreen)
    return dialog


async def test_the_dialog_suggests_the_step_and_the_usual_people(
    clock, programme_id, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert str(dialog.query_one("#next-heading", Label).render()) == "Session 2"
        assert dialog.query_one("#from-step", Select).value == 2
        assert static_text(dialog, "#suggestion") == (
            "Suggested: Step 2: Trusted people (session 1 stopped in step 2)"
        )
        expected = dialog.query_one("#expected", SelectionList)
        options = [expected.get_option_at_index(i) for i in range(expected.option_count)]
        ticked = {str(option.prompt) for option in options if option.value in expected.selected}
        assert ticked == {"Sam"}  # present last time; Ana sent apologies


async def test_a_later_date_plans_the_session_and_home_offers_it(
    clock, programme_id, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#date", Input).focus()
        await type_text(pilot, "2026-12-08")
        await pilot.press("enter")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)  # planned, not started
        waiting = home.query_one("#unfinished", OptionList)
        # The session under way stays first, to be resumed; the one planned follows it.
        assert str(waiting.get_option_at_index(0).prompt).startswith(
            "Harbour programme / session 1 · item"
        )
        assert str(waiting.get_option_at_index(1).prompt).startswith(
            "Harbour programme / session 2 · planned for Tue 8 Dec 2026 · not started"
        )
        assert any("Session planned" in n.message for n in app._notifications)

        second = running.list_unfinished(app.store)[1]
        view = running.get_session(app.store, second.session_id)
        assert [item.kind for item in view.items[:2]] == [
            ItemKind.MINUTES_APPROVAL,
            ItemKind.MATTERS_ARISING,
        ]
        assert view.items[2].title == "Introductions and hopes for today"  # still welcomed
        # It continues from step 2: step 1 is left out.
        assert next(item.step for item in view.items if item.step) == 2
        marked = {e.member.name: e.status for e in people.attendance(app.store, view.id)}
        assert marked == {"Ana": "absent", "Sam": "expected"}

        # Pressing s again says session 2 is waiting, so it is not set up twice.
        dialog = await open_dialog(pilot)
        assert str(dialog.query_one("#next-heading", Label).render()) == "Session 3"
        assert static_text(dialog, "#suggestion").splitlines()[1] == (
            "Session 2 is already planned for Tue 8 Dec 2026: Esc, then r on Home starts it."
        )
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("r")  # starting a planned session is resuming it
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session_id == view.id


async def test_a_date_that_cannot_be_read_is_refused_and_nothing_made(
    clock, programme_id, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#date", Input).value = "someday"
        dialog.query_one("#date", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert static_text(dialog, "#error").startswith("'someday' is not a date")
        assert dialog.query_one("#date", Input).value == "someday"  # kept to correct
        dialog.query_one("#date", Input).value = "2026-11-01"
        await pilot.press("enter")
        await pilot.pause()
        assert static_text(dialog, "#error") == "That date has passed: give today or a later date."
        assert len(running.list_unfinished(app.store)) == 1  # only session 1


async def test_matters_arising_settles_each_action_with_one_key(
    clock, programme_id, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press("enter")  # the bundled agenda, today: straight in
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+n")  # past the last minutes, to matters arising
        await pilot.pause()
        review = screen.query_one(ActionReview)
        assert review.display and screen.query_one("#note", Input).has_focus
        assert not screen.query_one("#prompt-box").display
        assert review.border_title.startswith("Matters arising: 0 of 3 reviewed")
        listed = [entry.text for entry in review.entries]
        assert listed == ["book the <b>room</b>", "send the data sharing draft", "ask the LMC"]

        await activity_key(pilot, "d")  # the room: done; the highlight moves on to the draft
        await activity_key(pilot, "k")
        keep = app.screen
        assert isinstance(keep, KeepActionScreen)
        await type_text(pilot, "whenever")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is keep and "not a date" in static_text(keep, "#error")
        keep.query_one("#due", Input).value = "2027-01-15"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#note", Input).has_focus
        await activity_key(pilot, "x")  # the LMC: dropped
        assert review.border_title.startswith("Matters arising: 3 of 3 reviewed")

        outcomes = {
            e.text: (e.outcome, e.due) for e in review_entries(app.store, screen.session_id)
        }
        assert outcomes == {
            "book the <b>room</b>": ("done", date(2026, 11, 20)),
            "send the data sharing draft": ("kept", date(2027, 1, 15)),
            "ask the LMC": ("dropped", None),
        }
        assert {a.text: a.status for a in list_actions(app.store, screen.view.programme_id)} == {
            "book the <b>room</b>": "done",
            "send the data sharing draft": "open",
            "ask the LMC": "dropped",
        }

        # The room sees the list and each outcome on the projector, markup in a note kept as text.
        await pilot.press("f5")
        await pilot.pause()
        shown = app.screen.query_one("#p-prompt", Markdown).source
        assert shown.splitlines() == [
            "- **done** · book the \\<b\\>room\\</b\\> — Priya",
            "- **kept open** · send the data sharing draft — Sam",
            "- **dropped** · ask the LMC",
        ]
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is screen

        # Tab goes round: note line → review (for one key) → note list → note line.
        await pilot.press("tab")
        assert review.has_focus
        await pilot.press("tab")
        assert screen.query_one(EditableNoteList).has_focus
        await pilot.press("tab")
        assert screen.query_one("#note", Input).has_focus
        # The next item shows its prompt again, with the note line ready.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not review.display and screen.query_one("#prompt-box").display
        assert screen.query_one("#note", Input).has_focus


async def test_with_nothing_to_review_the_note_line_keeps_the_cursor(
    db_path, clock, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Quiet programme")
    first = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, first, clock())
    running.finish_session(store, first, clock.advance(60))
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+n")  # past the last minutes, to matters arising
        await pilot.pause()
        review = screen.query_one(ActionReview)
        assert review.display and review.entries == []
        assert str(review.get_option_at_index(0).prompt) == "No open actions from earlier sessions."
        assert screen.query_one("#note", Input).has_focus
        await type_text(pilot, "Nothing carried over")
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in notes.list_notes(app.store, screen.session_id, 1)] == [
            "Nothing carried over"
        ]
