"""Changing an action from the actions list: what is to be done, who owns it, when it is due.

Each change is kept in the action's history; the minutes of a session already finished
keep saying what stood when it finished.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.services.actions import update_action
from sessions.views import ActionView


class EditActionScreen(DialogScreen[list[str] | None]):
    """Dismissed with the fields that changed (empty when nothing did), or None when
    cancelled."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, action: ActionView, now: datetime):
        super().__init__()
        self.action = action
        self.now = now

    def compose(self) -> ComposeResult:
        action = self.action
        with Vertical(classes="dialog"):
            yield Label(f"Change action {action.number}", classes="heading")
            yield Label("What is to be done")
            yield Input(action.text, id="text")
            yield Label("Owner")
            yield Input(action.owner, placeholder="who will do it", id="owner")
            yield Label("Due date")
            yield Input(
                action.due.isoformat() if action.due else "",
                placeholder="e.g. +14d, 2027-01-15, fri; empty for none",
                id="due",
            )
            yield ErrorLine()
            yield Static(
                Text("Enter on the last field saves · Tab moves on · Esc cancels"),
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "due":
            self.focus_next()
            return
        typed = [self.query_one(f"#{name}", Input).value for name in ("text", "owner", "due")]
        # What was typed stays in the fields; a refusal only adds its reason.
        moved = self.query_one(ErrorLine).attempt(self._save, *typed)
        if moved is not REFUSED:
            self.dismiss(moved)

    def _save(self, text: str, owner: str, typed_due: str) -> list[str]:
        due: date | None = None
        if typed_due.strip():
            due = parse_date(typed_due, self.now.astimezone().date())
            if due is None:
                raise InputError(f"{typed_due.strip()!r} is not a date: {DATE_HELP}.")
        return [
            str(field)
            for field in update_action(
                self.app.store, self.action.id, text=text, owner=owner, due=due, now=self.now
            )
        ]

    def action_cancel(self) -> None:
        self.dismiss(None)
