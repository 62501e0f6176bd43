"""The session's note list, reachable with Tab: pick a note to edit, delete or attribute."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from facilitator.widgets.note_list import NoteLine, NoteList
from sessions.services.views import NoteView


class EditableNoteList(NoteList, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding(
            "enter,e",
            "pick('edit')",
            "Edit",
            id="notes.edit",
            tooltip="Put the note back in the note line to change it",
        ),
        Binding(
            "delete,d",
            "pick('delete')",
            "Delete",
            id="notes.delete",
            tooltip="Delete the note (ctrl+z brings it back)",
        ),
        Binding(
            "a",
            "pick('attribute')",
            "Who said it",
            id="notes.attribute",
            tooltip="Attribute the note to a member",
        ),
        Binding("escape", "leave", "Back to typing", id="notes.leave"),
    ]

    class Picked(Message):
        """The facilitator chose `what` ('edit', 'delete' or 'attribute') for `note`."""

        def __init__(self, note: NoteView, what: str):
            super().__init__()
            self.note = note
            self.what = what

    class Left(Message):
        """Escape: back to the note line."""

    cursor: int = -1

    def on_focus(self) -> None:
        # Coming in from the note line, the newest note is the one most likely meant.
        self._highlight(len(self.notes) - 1 if self.cursor < 0 else self.cursor)

    def on_blur(self) -> None:
        for line in self.query(NoteLine):
            line.remove_class("-highlighted")

    def _highlight(self, index: int) -> None:
        lines = list(self.query(NoteLine))
        if not lines:
            self.cursor = -1
            return
        self.cursor = max(0, min(index, len(lines) - 1))
        for number, line in enumerate(lines):
            line.set_class(number == self.cursor and self.has_focus, "-highlighted")
        lines[self.cursor].scroll_visible(animate=False)

    def show(self, notes: list[NoteView]) -> None:
        super().show(notes)
        self.cursor = -1
        if self.has_focus:
            self.call_after_refresh(self._highlight, len(notes) - 1)

    @property
    def highlighted(self) -> NoteView | None:
        notes = self.notes
        return notes[self.cursor] if 0 <= self.cursor < len(notes) else None

    def action_move(self, step: int) -> None:
        self._highlight(self.cursor + step)

    def action_pick(self, what: str) -> None:
        note = self.highlighted
        if note is not None:
            self.post_message(self.Picked(note, what))

    def action_leave(self) -> None:
        self.post_message(self.Left())
