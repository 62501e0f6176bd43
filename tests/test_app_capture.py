"""Capturing in the room: editing, deleting, attributing, attendance and the balance meter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, RadioButton

from facilitator.screens.attendance import AttendanceScreen, DeclarationScreen
from facilitator.screens.member_picker import MemberPickerScreen
from facilitator.widgets.editable_note_list import EditableNoteList
from sessions.services import notes, people, planning
from sessions.services.note_editing import note_history
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import add_note, option_texts, static_text


@pytest.fixture
def prepared(db_path: Path, small_agenda) -> tuple[int, dict[str, int]]:
    """A session ready to resume, in a programme with two members."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    members = {
        name: people.add_member(store, programme.id, name, organisation, kind).id
        for name, organisation, kind in (
            ("Dr Asha Patel", "Harbour Surgery", "practice"),
            ("[bold]Zoë[/] Hughes", "Bay Pharmacy", "pharmacy"),
        )
    }
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()
    return session_id, members


async def resume(pilot):
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


def listed(screen) -> list[str]:
    return [note.text for note in screen.query_one(EditableNoteList).notes]


async def test_tab_to_a_note_edit_it_and_keep_the_old_text(
    prepared, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await add_note(pilot, "First thought")
        await add_note(pilot, "Second thought")
        screen.query_one("#note", Input).value = "half-typed"
        await pilot.press("tab")
        assert screen.query_one(EditableNoteList).has_focus
        await pilot.press("up", "enter")  # the list starts on the newest note
        note_line = screen.query_one("#note", Input)
        assert note_line.has_focus and note_line.value == "First thought"
        note_line.value = "First thought, refined"
        await pilot.press("enter")
        await pilot.pause()
        assert listed(screen) == ["First thought, refined", "Second thought"]
        assert note_line.value == "half-typed"  # the draft came back
        first = notes.list_notes(app.store, screen.session_id)[0]
        assert first.edited
        assert note_history(app.store, first.id) == ["First thought", "First thought, refined"]

        await pilot.press("tab", "enter")
        note_line.value = "Never saved"
        await pilot.press("escape")
        await pilot.pause()
        assert listed(screen) == ["First thought, refined", "Second thought"]
        assert note_line.value == "half-typed"


async def test_delete_and_undo(prepared, clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await add_note(pilot, "Keep me")
        await add_note(pilot, "Delete me")
        await pilot.press("tab", "delete")
        await pilot.pause()
        assert listed(screen) == ["Keep me"]
        await pilot.press("escape")
        assert screen.query_one("#note", Input).has_focus
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert listed(screen) == ["Keep me", "Delete me"]
        await pilot.press("ctrl+z")  # nothing more to bring back: nothing changes
        await pilot.pause()
        assert listed(screen) == ["Keep me", "Delete me"]


async def test_the_speaker_and_attribution_from_the_list(
    prepared, clock, make_facilitator_app
) -> None:
    _session_id, members = prepared
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await pilot.press("ctrl+y")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MemberPickerScreen)
        options = picker.query_one("#members", OptionList)
        labels = option_texts(options)
        assert "[bold]Zoë[/] Hughes (Bay Pharmacy)" in labels  # shown as typed, never as markup
        await pilot.press("enter")  # the first: Dr Asha Patel
        await pilot.pause()
        assert "Dr Asha Patel" in static_text(screen, "#speaker")
        await add_note(pilot, "We could share a pharmacist")
        saved = notes.list_notes(app.store, screen.session_id)
        assert [n.member_name for n in saved] == ["Dr Asha Patel"]

        await pilot.press("tab", "a")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        saved = notes.list_notes(app.store, screen.session_id)
        assert [n.member_id for n in saved] == [members["[bold]Zoë[/] Hughes"]]


async def test_attendance_and_a_declaration(prepared, clock, make_facilitator_app) -> None:
    session_id, _members = prepared
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        await resume(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("p", "a")  # the cursor moves on after each mark
        await pilot.pause()
        status = {a.member.name: a.status for a in people.attendance(app.store, session_id)}
        assert status == {"Dr Asha Patel": "present", "[bold]Zoë[/] Hughes": "apologies"}
        await pilot.press("up", "i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeclarationScreen)
        await pilot.press("enter")  # nothing typed: refused, the form stays
        await pilot.pause()
        assert app.screen is form
        form.query_one("#interest", Input).value = "Partner in the hub's bidding practice"
        form.query_one("#left-room", RadioButton).value = True
        form.query_one("#interest", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "Partner in the hub's bidding practice" in static_text(app.screen, "#declarations")
        [declared] = people.list_declarations(app.store, session_id)
        assert (declared.member.name, declared.left_room_position) == ("Dr Asha Patel", 0)

        await pilot.press("escape")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        written = Path(app.screen.written["md"]).read_text(encoding="utf-8")
        assert "**Present:** Dr Asha Patel (Harbour Surgery)" in written
        assert "**Apologies:** \\[bold\\]Zoë\\[/\\] Hughes (Bay Pharmacy)" in written
        assert (
            "- Dr Asha Patel: Partner in the hub's bidding practice. Left the room for item 1 ("
            in written
        )


async def test_the_balance_meter_nudges_the_thin_side(
    prepared, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        assert "session: deal 0 · rel 0" in static_text(screen, "#balance")
        for text in ("One", "Two", "Three"):
            await add_note(pilot, text)
        meter = static_text(screen, "#balance")
        assert "Welcome: deal 3 ████████ rel 0" in meter and "little on the relationship" in meter
        assert screen.query_one("#balance").has_class("-lagging")
        await add_note(pilot, "rel: we trust each other more")
        await add_note(pilot, "rel: the pharmacy felt heard")
        assert not screen.query_one("#balance").has_class("-lagging")
        assert "deal 3 █████░░░ rel 2" in static_text(screen, "#balance")


async def test_f1_explains_the_prefixes_and_keys(prepared, clock, make_facilitator_app) -> None:
    from textual.widgets import Markdown

    from facilitator.screens.help import HelpScreen

    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        screen.query_one("#note", Input).value = "kept while reading the help"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert "`a:` | action" in source and "next week" in source and "ctrl+z" in source
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#note", Input).value == "kept while reading the help"


async def test_f3_searches_the_programme_from_the_session(
    prepared, clock, make_facilitator_app
) -> None:
    from facilitator.screens.search import SearchScreen

    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await add_note(pilot, "One front door for patients")
        await pilot.press("f3")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        search.query_one(Input).value = "front"
        await pilot.press("enter")
        await pilot.pause()
        hits = search.query_one(OptionList)
        assert hits.option_count == 1
        assert "One front door for patients" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_the_note_line_keeps_a_steady_cursor_while_the_clock_runs(
    prepared, clock, make_facilitator_app
) -> None:
    """A blinking cursor would redraw the framed note line twice a second all session."""
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        screen = await resume(pilot)
        await pilot.press("ctrl+t")
        note_line = screen.query_one("#note", Input)
        assert note_line.has_focus and not note_line.cursor_blink
