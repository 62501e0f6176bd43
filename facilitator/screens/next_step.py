"""An area's next step, typed in a box over the session once its owner is chosen."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

from facilitator.app import Refused
from facilitator.screens.typed_words import LEAVE_HINT, TypedWordsScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.services.rag import next_step
from sessions.views import ActivityChange


class NextStepScreen(TypedWordsScreen):
    """Dismissed with the change once the next step is an action on disk (for ctrl+z to take
    back), or None when left without saving."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="next_step.cancel")]
    INPUT_ID = "step"
    PLACEHOLDER = "What is to be done next, in a few words"
    NOT_SAVED = "The next step is not saved: Enter saves it, Esc again leaves it."

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

    def heading(self) -> str:
        return f"{self.area}: the next step, owned by {self.owner}"

    def hint(self) -> Static:
        return Static(
            "It becomes an action in the action log, followed up at matters arising.\n"
            + LEAVE_HINT,
            classes="hint",
        )

    def save(self, line: ErrorLine, text: str) -> ActivityChange | Refused:
        return line.attempt(
            next_step,
            self.app.store,
            self.session_id,
            self.position,
            self.index,
            self.member_id,
            text,
            now=self.app.now(),
        )
