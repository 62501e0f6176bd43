"""An area's next step, typed in a box over the session once its owner is chosen."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.error_line import ErrorLine
from sessions.services.rag import next_step
from sessions.views import ActivityChange


class NextStepScreen(ModalScreen[ActivityChange | None]):
    """Dismissed with the change once the next step is an action on disk (for ctrl+z to take
    back), or None when left without saving."""

    app = getters.app(FacilitatorApp)
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="next_step.cancel")]

    def __init__(
        self, session_id: int, position: int, index: int, area: str, member_id: int, owner: str
    ):
        super().__init__()
        self.session_id = session_id
        self.position = position
        self.index = index
        self.area = area
        self.member_id = member_id
        self.owner = owner
        self._warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"{self.area}: the next step, owned by {self.owner}", classes="heading")
            yield Input(placeholder="What is to be done next, in a few words", id="step")
            yield ErrorLine()
            yield Static(
                "It becomes an action in the action log, followed up at matters arising.\n"
                "Enter saves · Esc leaves without saving",
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The words stay in the box; a refusal only adds its reason.
        change = self.query_one(ErrorLine).attempt(
            next_step,
            self.app.store,
            self.session_id,
            self.position,
            self.index,
            self.member_id,
            event.value,
            now=self.app.now(),
        )
        if change is not REFUSED:
            self.dismiss(change)

    def action_cancel(self) -> None:
        # What was typed is the room's: a first Esc over typed words only warns.
        if self.query_one("#step", Input).value.strip() and not self._warned:
            self._warned = True
            self.query_one(ErrorLine).refuse(
                "The next step is not saved: Enter saves it, Esc again leaves it."
            )
            return
        self.dismiss(None)
