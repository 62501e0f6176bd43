"""The note list in the session: the highlight shows, and Enter and Delete act on it alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.widgets.editable_note_list import EditableNoteList
from sessions.services import notes, people, planning
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import add_note


@pytest.fixture
def prepared(db_path: Path, small_agenda) -> int:
    """A session ready to resume."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()
    return session_id


async def resume(pilot):
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


def listed(screen) -> list[str]:
    return [note.text for note in screen.query_one(EditableNoteList).notes]


def rows_drawn(note_list: EditableNoteList) -> list[tuple[str, set[object]]]:
    """Each line of the list as drawn: its text and the backgrounds behind its cells."""
    lines = []
    for y in range(note_list.scrollable_content_region.height):
        strip = note_list.render_line(y)
        backgrounds = {segment.style.bgcolor for segment in strip if segment.style}
        lines.append((strip.text.rstrip(), backgrounds))
    return [line for line in lines if line[0]]


async def test_tab_into_the_list_shows_the_newest_note_highlighted(
    prepared, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        for text in ("First thought", "Second thought", "Third thought"):
            await add_note(pilot, text)
        note_list = screen.query_one(EditableNoteList)
        assert note_list.highlighted is None  # typing in the note line: nothing picked
        await pilot.press("tab")
        await pilot.pause()
        assert note_list.has_focus
        assert note_list.highlighted == 2
        assert note_list.highlighted_note is not None
        assert note_list.highlighted_note.text == "Third thought"
        drawn = rows_drawn(note_list)
        assert [text.split(maxsplit=1)[1] for text, _ in drawn] == [
            "First thought",
            "Second thought",
            "Third thought",
        ]
        # Drawn on a background of its own, unlike every other row.
        (*others, newest) = [backgrounds for _, backgrounds in drawn]
        assert all(newest - backgrounds for backgrounds in others)

        await pilot.press("up")
        await pilot.pause()
        drawn = rows_drawn(note_list)
        first, second, third = [backgrounds for _, backgrounds in drawn]
        assert second - first and second - third

        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#note", Input).has_focus
        assert note_list.highlighted is None  # back on the note line: nothing picked
        await pilot.press("tab")
        assert note_list.highlighted == 2  # and the next visit starts at the newest again


async def test_delete_takes_the_highlighted_note_and_no_other(
    prepared, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        for text in ("One", "Two", "Three", "Four"):
            await add_note(pilot, text)
        await pilot.press("tab", "up", "up", "delete")
        await pilot.pause()
        assert listed(screen) == ["One", "Three", "Four"]
        saved = notes.list_notes(app.store, screen.session_id)
        assert [note.text for note in saved] == ["One", "Three", "Four"]
        note_list = screen.query_one(EditableNoteList)
        # The highlight stays where the deleted note was, on the note after it.
        assert note_list.has_focus and note_list.highlighted_note is not None
        assert note_list.highlighted_note.text == "Three"
        await pilot.press("d")
        await pilot.pause()
        assert listed(screen) == ["One", "Four"]
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert listed(screen) == ["One", "Three", "Four"]


async def test_enter_edits_the_highlighted_note(prepared, clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        for text in ("One", "Two", "Three"):
            await add_note(pilot, text)
        await pilot.press("tab", "up", "up", "enter")
        await pilot.pause()
        note_line = screen.query_one("#note", Input)
        assert note_line.has_focus and note_line.value == "One"
        note_line.value = "One, refined"
        await pilot.press("enter")
        await pilot.pause()
        assert listed(screen) == ["One, refined", "Two", "Three"]


async def test_with_no_notes_enter_and_delete_do_nothing(
    prepared, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await pilot.press("tab")
        await pilot.pause()
        note_list = screen.query_one(EditableNoteList)
        assert note_list.has_focus and note_list.highlighted is None
        await pilot.press("enter", "e", "delete", "d", "a")
        await pilot.pause()
        assert note_list.has_focus  # no edit began, no dialog opened
        assert screen.query_one("#note", Input).value == ""
        assert screen.notes.deleted == ()
        assert notes.list_notes(app.store, screen.session_id) == []


async def test_a_note_of_several_lines_shows_every_line(
    prepared, db_path: Path, clock, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    note = notes.add_note(
        store, prepared, 0, "Agreed:\n[b]shared rota[/b]\nreview in May", "deal", now=clock()
    )
    store.close()
    assert note is not None and note.text.count("\n") == 2
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 50)) as pilot:  # room for every line
        screen = await resume(pilot)
        await add_note(pilot, "After it")
        note_list = screen.query_one(EditableNoteList)
        texts = [text.strip() for text, _ in rows_drawn(note_list)]
        assert texts[0].endswith("Agreed:")
        assert texts[1:] == ["[b]shared rota[/b]", "review in May", "DEAL  After it"]


async def test_who_said_it_goes_to_the_highlighted_note(
    db_path: Path, small_agenda, clock, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    asha = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery", "practice")
    planning.start_session(store, programme.id, small_agenda)
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        for text in ("One", "Two", "Three"):
            await add_note(pilot, text)
        await pilot.press("tab", "up", "a")
        await pilot.pause()
        await pilot.press("enter")  # the first member: Dr Asha Patel
        await pilot.pause()
        saved = notes.list_notes(app.store, screen.session_id)
        assert [(note.text, note.member_id) for note in saved] == [
            ("One", None),
            ("Two", asha.id),
            ("Three", None),
        ]
        note_list = screen.query_one(EditableNoteList)
        # Back from the dialog, the list still holds the note it was about.
        assert note_list.has_focus and note_list.highlighted_note is not None
        assert note_list.highlighted_note.text == "Two"
