"""The session's note list, reachable with Tab: pick a note to edit, delete or attribute."""

from __future__ import annotations

from dataclasses import dataclass

from textual import getters
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.note_list import NoteLine, NoteList
from sessions.services import notes as note_service
from sessions.views import NoteView


class EditableNoteList(NoteList, can_focus=True):
    """The current item's notes as saved; a note deleted here can be brought back."""

    app = getters.app(FacilitatorApp)
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

    @dataclass
    class Picked(Message):
        """The facilitator chose to change this note's text, in the note line."""

        note: NoteView

    @dataclass
    class Changed(Message):
        """A note was deleted or brought back: the counts of the notes have changed."""

    class Left(Message):
        """Escape: back to the note line."""

    cursor: int = -1
    position: var[int] = var(0, init=False)
    """The item whose notes are listed."""
    deleted: var[tuple[int, ...]] = var((), init=False)
    """The notes deleted here, newest last, for ctrl+z to bring back."""

    def __init__(self, session_id: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session_id = session_id

    def show_for(self, position: int) -> None:
        """Read the notes of the item at `position` afresh and list them."""
        self.position = position
        self.show(note_service.list_notes(self.app.store, self.session_id, position))

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
        if note is None:
            return
        if what == "edit":
            self.post_message(self.Picked(note))
        elif what == "delete":
            self._delete(note)
        else:
            self._attribute(note)

    def _delete(self, note: NoteView) -> None:
        from sessions.services.note_editing import delete_note

        if self.app.attempt(delete_note, self.app.store, note.id, self.app.now()) is REFUSED:
            return
        self.deleted = (*self.deleted, note.id)
        self.show_for(self.position)
        self.post_message(self.Changed())
        self.app.say("Note deleted: ctrl+z brings it back.")

    def bring_back(self) -> None:
        """The note deleted last, back in its item."""
        from sessions.services.note_editing import restore_note

        if not self.deleted:
            self.app.say("No deleted note to bring back.")
            return
        restored = self.app.attempt(restore_note, self.app.store, self.deleted[-1])
        if restored is REFUSED:
            return
        self.deleted = self.deleted[:-1]
        self.show_for(self.position)
        self.post_message(self.Changed())
        where = (
            ""
            if restored.position == self.position
            else (f" (it belongs to item {restored.position + 1})")
        )
        self.app.say(f"Note brought back{where}.")

    def _attribute(self, note: NoteView) -> None:
        from facilitator.screens.member_picker import pick_member
        from sessions.services.note_editing import attribute_note

        def chosen(member_id: int | None, _name: str) -> None:
            if self.app.attempt(attribute_note, self.app.store, note.id, member_id) is REFUSED:
                return
            self.show_for(self.position)

        pick_member(self.app, self.session_id, "Who said it?", chosen)

    def action_leave(self) -> None:
        self.post_message(self.Left())
