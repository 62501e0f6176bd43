"""A dialog to create a programme: its name and the PCN it serves."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.error_line import ErrorLine
from sessions.services.programmes import create_programme
from sessions.views import ProgrammeView


class NewProgrammeScreen(ModalScreen[ProgrammeView | None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("New programme", classes="heading")
            yield Label("Programme name")
            yield Input(placeholder="e.g. North Harbour partnership 2027", id="name")
            yield Label("PCN name (optional)")
            yield Input(placeholder="e.g. North Harbour PCN", id="pcn")
            yield ErrorLine()
            yield Static("Enter to create · Esc to cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "name" and not self.query_one("#pcn", Input).value:
            self.query_one("#pcn", Input).focus()
            return
        name = self.query_one("#name", Input).value
        pcn = self.query_one("#pcn", Input).value
        # What was typed stays in the fields; a refusal only adds its reason.
        programme = self.query_one(ErrorLine).attempt(create_programme, self.app.store, name, pcn)
        if programme is not REFUSED:
            self.dismiss(programme)

    def action_cancel(self) -> None:
        self.dismiss(None)
