"""A person's private answer to a reflection: typed in a box over the session, then hidden."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.error_line import ErrorLine
from sessions.services.reflection import answer
from sessions.views import ActivityChange

LEAVE_HINT = "Enter saves · Esc leaves without saving"


class ReflectionAnswerScreen(ModalScreen[ActivityChange | None]):
    """Dismissed with the change once the answer is on disk (for ctrl+z to take back), or
    None when left without saving."""

    app = getters.app(FacilitatorApp)
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reflection_answer.cancel")]

    def __init__(
        self, session_id: int, position: int, member_id: int | None, name: str, prompt: str
    ):
        super().__init__()
        self.session_id = session_id
        self.position = position
        self.member_id = member_id
        self.person = name
        self.prompt = prompt
        self._warned = False

    def compose(self) -> ComposeResult:
        who = self.person or "Someone not named"
        with Vertical(classes="dialog"):
            yield Label(f"{who}: a private answer", classes="heading")
            # The agenda wraps its paragraphs at its own width; the box wraps them at its own.
            paragraphs = (" ".join(block.split()) for block in self.prompt.split("\n\n"))
            yield Static(Text("\n\n".join(paragraphs)), id="reflection-prompt")
            yield Input(placeholder="Their answer, in their words", id="answer")
            yield ErrorLine()
            yield Static(
                "Not shown on the projector, and kept out of the minutes unless you "
                f"choose otherwise.\n{LEAVE_HINT}",
                id="hint",
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The answer stays in the box; a refusal only adds its reason.
        change = self.query_one(ErrorLine).attempt(
            answer,
            self.app.store,
            self.session_id,
            self.position,
            self.member_id,
            event.value,
            now=self.app.now(),
        )
        if change is not REFUSED:
            self.dismiss(change)

    def action_cancel(self) -> None:
        # What someone typed is theirs: a first Esc over typed words only warns.
        if self.query_one("#answer", Input).value.strip() and not self._warned:
            self._warned = True
            self.query_one(ErrorLine).refuse(
                "Their answer is not saved: Enter saves it, Esc again leaves it."
            )
            return
        self.dismiss(None)
