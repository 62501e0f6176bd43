"""What is typed or pasted into the note line is what the note says, character for character."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key

from facilitator.widgets.note_input import NoteInput, drawn_text, pasted_text, typed_text
from sessions.services import notes, planning
from sessions.services.programmes import create_programme
from sessions.store import Store

# Each kind of character Textual's own line threw away or that a careless one would.
TYPED = {
    "zero-width joiner and non-joiner": "Rebecca‍ and می‌خواهم",
    "left-to-right and right-to-left marks": "Dr ‏Patel‎ said so",
    "bidi embeddings and isolates": "‪a‬ ‫b‬ ‭c‬ ‮d‬ ⁦e⁩ ⁧f⁩ ⁨g⁩",
    "soft hyphen": "Co­ordination",
    "variation selectors": "☎︎ ☎️ 葛󠄀",
    "combining marks": "Zoe\u0308 Jose\u0301 a\u0323\u0302",
    "emoji ZWJ sequences": "👩‍💻 👨‍👩‍👧 🏳️‍🌈 👍🏽",
    "CJK": "会议记录 日本語 한국어",
    "right-to-left text": "مرحبا שלום",
    "the break mark itself": "press ↵ to save",
}


@pytest.fixture
def session_id(db_path: Path, small_agenda) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    started = planning.start_session(store, programme.id, small_agenda)
    store.close()
    return started


async def note_line_on_arrival(pilot) -> NoteInput:
    await pilot.press("r")  # resume the session from Home
    await pilot.pause()
    line = pilot.app.screen.query_one("#note", NoteInput)
    assert line.has_focus
    return line


async def type_characters(pilot, text: str) -> None:
    """Each character as the terminal sends it, a key named for it and carrying it, by the way
    Pilot's `press` sends one (which cannot name some, such as the variation selectors)."""
    for character in text:
        key = events.Key(_character_to_key(character), character)
        key.set_sender(pilot.app)
        pilot.app._driver.send_message(key)
        await pilot.pause()


def saved(app, session_id: int) -> list[str]:
    return [note.text for note in notes.list_notes(app.store, session_id)]


@pytest.mark.parametrize("text", TYPED.values(), ids=TYPED.keys())
async def test_every_character_typed_is_saved(
    text: str, session_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await note_line_on_arrival(pilot)
        await type_characters(pilot, text)
        assert line.value == text
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, session_id) == [text]
        assert line.value == ""


async def test_keys_still_act_rather_than_type(
    session_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await note_line_on_arrival(pilot)
        await type_characters(pilot, "Bay‍s")
        await pilot.press("left", "backspace", "home", "delete")
        assert line.value == "ays"  # the joiner went with backspace, the B with delete
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, session_id) == ["ays"]


async def test_a_paste_of_several_lines_is_one_note_with_its_lines(
    session_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await note_line_on_arrival(pilot)
        await type_characters(pilot, "From the chat: ")
        line.post_message(events.Paste("\r\n\nFirst line\r\nsecond  line\rthird\tline\n\n"))
        await pilot.pause()
        expected = "From the chat: First line\nsecond  line\nthird line"
        assert line.value == expected
        assert drawn_text(line.value) == "From the chat: First line↵second  line↵third line"
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, session_id) == [expected]


async def test_a_saved_note_of_several_lines_is_edited_whole_in_the_note_line(
    session_id: int, clock, make_facilitator_app
) -> None:
    from facilitator.widgets.capture_bar import CaptureBar
    from sessions.services.note_editing import note_history

    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await note_line_on_arrival(pilot)
        line.post_message(events.Paste("a: ask the practices\n\nabout the rota ↵ @Sam 2026-12-01"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # Nobody in the programme is called Sam: asked once, and kept as a named guest.
        await pilot.press("down", "enter")
        await pilot.pause()
        (note,) = notes.list_notes(app.store, session_id)
        assert (note.text, note.owner) == ("ask the practices\n\nabout the rota ↵", "Sam")
        await type_characters(pilot, "half-typed")
        line.screen.query_one(CaptureBar).edit(note)
        await pilot.pause()
        assert line.value == "a: ask the practices\n\nabout the rota ↵ @Sam 2026-12-01"
        assert line._value.plain == "a: ask the practices↵↵about the rota ↵ @Sam 2026-12-01"
        await pilot.press("enter")  # saved again as it came back: nothing changed
        await pilot.pause()
        (again,) = notes.list_notes(app.store, session_id)
        assert (again.text, again.owner, again.edited) == (note.text, "Sam", False)
        assert note_history(app.store, note.id) == [
            "a: ask the practices\n\nabout the rota ↵ @Sam 2026-12-01"
        ]
        assert line.value == "half-typed"


class OneLine(App[None]):
    """The note line alone, to hear what it says when lines are pasted."""

    def __init__(self) -> None:
        super().__init__()
        self.pasted: list[int] = []

    def compose(self) -> ComposeResult:
        yield NoteInput(id="note")

    def on_note_input_pasted(self, message: NoteInput.Pasted) -> None:
        self.pasted.append(message.lines)


async def test_a_paste_of_lines_says_how_many_wait_to_be_saved() -> None:
    app = OneLine()
    async with app.run_test() as pilot:
        line = app.query_one(NoteInput)
        line.post_message(events.Paste("one line"))
        await pilot.pause()
        assert app.pasted == []
        line.post_message(events.Paste("\nand two\nmore\n"))
        await pilot.pause()
        assert line.value == "one lineand two\nmore"
        assert app.pasted == [2]
        app.copy_to_clipboard("a\r\nb")
        await pilot.press("ctrl+v")
        assert line.value == "one lineand two\nmorea\nb"
        assert app.pasted == [2, 3]


async def test_a_break_is_drawn_as_a_mark_and_the_cursor_stays_in_step() -> None:
    app = OneLine()
    async with app.run_test() as pilot:
        line = app.query_one(NoteInput)
        line.focus()
        line.post_message(events.Paste("ab\ncd"))
        await pilot.pause()
        assert line._value.plain == "ab↵cd"
        assert line.cursor_position == 5 and line._cursor_offset == 6
        await pilot.press("left", "left")
        assert line._cursor_offset == 3  # just after the mark, which takes one cell
        await pilot.press("backspace")
        assert line.value == "abcd"


def test_what_a_paste_becomes() -> None:
    assert pasted_text("one") == "one"
    assert pasted_text("one\n") == "one"
    assert pasted_text(" ") == " "  # a space pasted between two words stays
    assert pasted_text("\n\n  \none\r\n\r\n two\r\n\n") == "one\n\n two"
    assert pasted_text("a\u2028b\u2029c\x85d\x0be") == "a\nb\nc\nd\ne"
    assert pasted_text("bell\x07 and \x1b[31mescape") == "bell and [31mescape"
    assert pasted_text("name\trole") == "name role"
    assert pasted_text("👩‍💻 ↵ ‏x‎") == "👩‍💻 ↵ ‏x‎"


def test_what_a_key_types() -> None:
    assert typed_text("a") == "a"
    assert typed_text("\u200d") == "\u200d"
    assert typed_text("\u00ad") == "\u00ad"
    assert typed_text("\u2028") == "\n"
    for control in ("\r", "\t", "\x1b", "\x7f", "\x08", "\x01", None, ""):
        assert typed_text(control) == ""


def test_a_found_note_of_several_lines_shows_its_breaks_then_all_of_it() -> None:
    from datetime import UTC, datetime

    from facilitator.screens.search import hit_detail, hit_text
    from sessions.views import SearchHit

    text = "From the chat:\n\n  two  spaces ↵ typed\n[bold]not markup[/]"
    hit = SearchHit(1, 1, 2, 0, "Introductions", "deal", text, datetime(2026, 11, 23, tzinfo=UTC))
    listed = hit_text(hit).plain.splitlines()
    assert listed[0] == " DEAL  From the chat: ↵ two spaces ↵ typed ↵ [bold]not markup[/]"
    assert hit_detail(hit).plain.endswith(f"\n{text}")
