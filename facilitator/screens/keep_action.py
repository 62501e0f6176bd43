"""Keeping an action open in matters arising: the new due date, in the note line's date forms."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.dates import day_text
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.services.matters_arising import ReviewEntry, review_action
from sessions.views import ActivityChange
from sessions.vocabulary import ReviewOutcome


class KeepActionScreen(DialogScreen[ActivityChange | None]):
    """Dismissed with the change once the action is recorded as kept open (for ctrl+z to
    take back), or None when cancelled."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, session_id: int, entry: ReviewEntry, now: datetime):
        super().__init__()
        self.session_id = session_id
        self.entry = entry
        self.now = now

    def compose(self) -> ComposeResult:
        due = self.entry.due_before
        with Vertical(classes="dialog"):
            yield Label("Keep the action open", classes="heading")
            yield Static(Text(self.entry.text))
            yield Label(f"New due date (it was {day_text(due)})" if due else "Due date")
            yield Input(placeholder="e.g. +14d, 2027-01-15, next week", id="due")
            yield ErrorLine()
            yield Static(
                "Enter keeps it open · an empty date keeps the date it had · Esc cancels",
                classes="hint",
            )

    def _today(self) -> date:
        return self.now.astimezone().date()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        # What was typed stays in the field; a refusal only adds its reason.
        change = self.query_one(ErrorLine).attempt(self._keep, typed)
        if change is not REFUSED:
            self.dismiss(change)

    def _keep(self, typed: str) -> ActivityChange:
        new_due = None
        if typed:
            new_due = parse_date(typed, self._today())
            if new_due is None:
                raise InputError(f"{typed!r} is not a date: {DATE_HELP}.")
        return review_action(
            self.app.store,
            self.session_id,
            self.entry.action_id,
            ReviewOutcome.KEPT,
            new_due=new_due,
            now=self.now,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
