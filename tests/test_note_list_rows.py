"""The read-only note list, as the projector and the mirror use it: rows kept, never markup."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import App, ComposeResult

from facilitator.widgets.note_list import NoteList
from sessions.views import NoteView

AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def note(number: int, text: str, kind: str = "deal") -> NoteView:
    return NoteView(id=number, position=0, kind=kind, text=text, created_at=AT)


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield NoteList(id="notes")


async def test_a_save_adds_one_row_and_keeps_the_others() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        notes = app.query_one(NoteList)
        first = [note(1, "One"), note(2, "Two")]
        notes.show(first)
        rows = list(notes.options)
        notes.show([*first, note(3, "Three")])
        assert notes.options[:2] == rows  # the same rows, not drawn afresh
        notes.append(note(4, "Four"))
        await pilot.pause()
        assert [n.text for n in notes.notes] == ["One", "Two", "Three", "Four"]
        assert notes.highlighted is None  # a read-only list picks nothing

        changed = [note(1, "One"), note(3, "Three, edited")]
        notes.show(changed)
        assert notes.notes == changed
        notes.show([])
        assert notes.notes == [] and notes.option_count == 0


async def test_nothing_a_note_says_is_read_as_markup() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        notes = app.query_one(NoteList)
        notes.show([note(1, "[bold]Zoë[/] said $50 & [link=x]more[/link]", kind="risk")])
        await pilot.pause()
        drawn = notes.render_line(0).text
        assert "[bold]Zoë[/] said $50 & [link=x]more[/link]" in drawn
