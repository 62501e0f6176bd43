"""A box over the session for a few typed words: Enter saves them, Esc leaves.

What was typed is the room's: a refusal only adds its reason beneath the box, and a first
Esc over typed words only warns, so a slip of the finger loses nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp, Refused
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.views import ActivityChange

LEAVE_HINT = "Enter saves · Esc leaves without saving"


class TypedWordsScreen(DialogScreen[ActivityChange | None]):
    """Dismissed with the change once the words are on disk (for ctrl+z to take back), or
    None when left without saving. A dialog says what it asks for and saves the words."""

    app = getters.app(FacilitatorApp)

    INPUT_ID: ClassVar[str]
    PLACEHOLDER: ClassVar[str]
    NOT_SAVED: ClassVar[str]
    """The warning at the first Esc over typed words."""

    def __init__(self) -> None:
        super().__init__()
        self._warned = False

    def heading(self) -> str:
        raise NotImplementedError

    def above(self) -> ComposeResult:
        """What stands between the heading and the box; nothing unless a dialog says."""
        yield from ()

    def hint(self) -> Static:
        raise NotImplementedError

    def save(self, line: ErrorLine, text: str) -> ActivityChange | Refused:
        """Save `text` through the front door, by `line.attempt`, so a refusal shows there."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading(), classes="heading")
            yield from self.above()
            yield Input(placeholder=self.PLACEHOLDER, id=self.INPUT_ID)
            yield ErrorLine()
            yield self.hint()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The words stay in the box; a refusal only adds its reason.
        change = self.save(self.query_one(ErrorLine), event.value)
        if change is not REFUSED:
            self.dismiss(change)

    def action_cancel(self) -> None:
        if self.query_one(f"#{self.INPUT_ID}", Input).value.strip() and not self._warned:
            self._warned = True
            self.query_one(ErrorLine).refuse(self.NOT_SAVED)
            return
        self.dismiss(None)
