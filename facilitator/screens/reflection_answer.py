"""A person's private answer to a reflection: typed in a box over the session, then hidden."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from facilitator.app import Refused
from facilitator.screens.typed_words import LEAVE_HINT, TypedWordsScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.services.reflection import answer
from sessions.views import ActivityChange


class ReflectionAnswerScreen(TypedWordsScreen):
    """Dismissed with the change once the answer is on disk (for ctrl+z to take back), or
    None when left without saving."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reflection_answer.cancel")]
    INPUT_ID = "answer"
    PLACEHOLDER = "Their answer, in their words"
    NOT_SAVED = "Their answer is not saved: Enter saves it, Esc again leaves it."

    def __init__(
        self, session_id: int, position: int, member_id: int | None, name: str, prompt: str
    ):
        super().__init__()
        self.session_id = session_id
        self.position = position
        self.member_id = member_id
        self.person = name
        self.prompt = prompt

    def heading(self) -> str:
        return f"{self.person or 'Someone not named'}: a private answer"

    def above(self) -> ComposeResult:
        # The agenda wraps its paragraphs at its own width; the box wraps them at its own.
        paragraphs = (" ".join(block.split()) for block in self.prompt.split("\n\n"))
        yield Static(Text("\n\n".join(paragraphs)), id="reflection-prompt")

    def hint(self) -> Static:
        return Static(
            "Not shown on the projector, and kept out of the minutes unless you "
            f"choose otherwise.\n{LEAVE_HINT}",
            id="hint",
            classes="hint",
        )

    def save(self, line: ErrorLine, text: str) -> ActivityChange | Refused:
        return line.attempt(
            answer,
            self.app.store,
            self.session_id,
            self.position,
            self.member_id,
            text,
            now=self.app.now(),
        )
