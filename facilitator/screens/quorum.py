"""A dialog to set the programme's quorum: how many must be present for a meeting to decide."""

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
from sessions.services.quorum import QUORUM_HELP, Quorum, set_quorum


class QuorumScreen(DialogScreen[Quorum | None | bool]):
    """Dismissed with the new quorum (None: no quorum), or False when cancelled."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, programme_id: int, quorum: Quorum | None):
        super().__init__()
        self.programme_id = programme_id
        self.quorum = quorum

    def compose(self) -> ComposeResult:
        typed = "" if self.quorum is None else self.quorum.describe().replace("member ", "")
        with Vertical(classes="dialog"):
            yield Label("Quorum", classes="heading")
            yield Input(typed, placeholder="e.g. 4, or 3 organisations", id="quorum")
            yield ErrorLine()
            yield Static(
                Text(
                    f"How many must be present for the meeting to decide: {QUORUM_HELP}. "
                    "Finished sessions keep the quorum they were held to.\n"
                    "Enter to set · Esc to cancel"
                ),
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        quorum = self.query_one(ErrorLine).attempt(
            set_quorum, self.app.store, self.programme_id, event.value
        )
        if quorum is not REFUSED:
            self.dismiss(quorum)

    def action_cancel(self) -> None:
        self.dismiss(False)
