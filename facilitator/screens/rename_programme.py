"""A dialog to rename a programme: its name in a field, ready to edit."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.services.programmes import rename_programme
from sessions.views import ProgrammeView


class RenameProgrammeScreen(DialogScreen[ProgrammeView | None]):
    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, programme: ProgrammeView):
        super().__init__()
        self.programme = programme

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Rename the programme", classes="heading")
            yield Input(self.programme.name, id="name")
            yield ErrorLine()
            yield Static(
                Text(
                    f"Session references such as {self.programme.slug}/1 keep working.\n"
                    "Enter to rename · Esc to cancel"
                ),
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The typed name stays in the field; a refusal only adds its reason.
        renamed = self.query_one(ErrorLine).attempt(
            rename_programme, self.app.store, self.programme.id, event.value
        )
        if renamed is not REFUSED:
            self.dismiss(renamed)

    def action_cancel(self) -> None:
        self.dismiss(None)
