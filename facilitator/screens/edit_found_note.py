"""Editing a finished session's note from the minutes screen, to take out what looks like
patient details: its words only, the earlier ones kept in its history."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from facilitator.widgets.note_input import NoteInput
from sessions.services.governance import edit_note_text, note_words


class EditFoundNoteScreen(DialogScreen[bool]):
    """Dismissed with True once the note's new words are saved; False when cancelled."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="edit_found_note.cancel")]

    def __init__(self, note_id: int, where: str):
        super().__init__()
        self.note_id = note_id
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="edit-found-note"):
            yield Label("Edit the note: take out the patient details", classes="heading")
            yield Static(self.where, id="note-where")
            # The note line's own input: a pasted note's breaks and every character kept.
            yield NoteInput(
                placeholder="What the note should say", id="note-words", select_on_focus=False
            )
            yield ErrorLine()
            yield Static(
                "Enter saves (the earlier words are kept in the note's history) · Esc cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        words = self.query_one("#note-words", Input)
        found = self.app.attempt(note_words, self.app.store, self.note_id)
        if found is not REFUSED:
            words.value = found
        words.focus()

    @on(Input.Submitted, "#note-words")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        now = self.app.now()
        # What was typed stays in the field; a refusal only adds its reason.
        saved = self.query_one(ErrorLine).attempt(
            edit_note_text,
            self.app.store,
            self.note_id,
            event.value,
            today=now.astimezone().date(),
            now=now,
        )
        if saved is not REFUSED:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
