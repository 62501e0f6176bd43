"""The session's note list, reachable with Tab: pick a note to edit, delete, attribute, or mark
as said in confidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import getters
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.note_list import NoteList, NoteOption
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
        Binding(
            "c",
            "toggle_confidential",
            # Short: with it, "Back to typing" still fits the Footer of an 80-column terminal.
            "Private",
            id="notes.confidential",
            tooltip="Mark the note confidential, or unmark it: the public minutes and the "
            "projector leave it out (ctrl+z takes the change back)",
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

    @dataclass
    class Marked(Message):
        """A note's confidential mark was changed; `was` is the mark it had before."""

        note_id: int
        was: bool

    class Left(Message):
        """Escape: back to the note line."""

    position: var[int] = var(0, init=False)
    """The item whose notes are listed."""
    deleted: var[tuple[int, ...]] = var((), init=False)
    """The notes deleted here, newest last, for ctrl+z to bring back."""

    def __init__(self, session_id: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session_id = session_id

    def show_for(self, position: int) -> None:
        """Read the notes of the item at `position` afresh and list them."""
        if position != self.position:
            # Another item's notes: nothing of the last item's highlight carries over.
            self.highlighted = None
        self.position = position
        self.show(note_service.list_notes(self.app.store, self.session_id, position))

    def show(self, notes: Sequence[NoteView]) -> None:
        super().show(notes)
        if self.has_focus and self.highlighted is None:
            self.action_last()

    def on_focus(self) -> None:
        # Coming in from the note line, the newest note is the one most likely meant.
        self.action_last()

    def on_blur(self) -> None:
        # Back on the note line no note is picked: the next Tab starts again at the newest.
        # A dialog over the list (who said it?) keeps the note it is about highlighted.
        if self.app.screen is self.screen:
            self.highlighted = None

    @property
    def highlighted_note(self) -> NoteView | None:
        """The note Enter and Delete act on: the one highlighted, and only while it shows."""
        option = self.highlighted_option
        if not self.has_focus or not isinstance(option, NoteOption):
            return None
        return option.note

    def action_move(self, step: int) -> None:
        if self.highlighted is None:
            self.action_last()
        elif step < 0:
            self.action_cursor_up()
        else:
            self.action_cursor_down()

    def action_pick(self, what: str) -> None:
        note = self.highlighted_note
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

    def action_toggle_confidential(self) -> None:
        note = self.highlighted_note
        if note is not None and self.mark(note.id, not note.confidential):
            self.post_message(self.Marked(note.id, note.confidential))

    def mark(self, note_id: int, confidential: bool) -> bool:
        """Mark the note confidential (or not), as saved; False when it was refused."""
        from sessions.services.confidential import set_note_confidential

        marked = self.app.attempt(set_note_confidential, self.app.store, note_id, confidential)
        if marked is REFUSED:
            return False
        self.show_for(self.position)
        where = "" if marked.position == self.position else f" (item {marked.position + 1})"
        if confidential:
            self.app.say(
                f"Note marked confidential{where}: the public minutes and the projector "
                "leave it out."
            )
        else:
            self.app.say(f"Note no longer confidential{where}.")
        return True

    def action_leave(self) -> None:
        self.post_message(self.Left())
