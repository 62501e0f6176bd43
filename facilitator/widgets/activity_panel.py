"""What an item of a special kind shows in place of its prompt, with its own one-key entries."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import getters
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp


class ActivityPanel(OptionList):
    """A list the session screen shows for items of `KIND`; each key is saved as it is pressed."""

    app = getters.app(FacilitatorApp)
    KIND = ""
    KEEPS_PROMPT = False
    """Whether the item's prompt stays on screen above the panel."""

    def __init__(self, session_id: int, **kwargs):
        super().__init__(**kwargs)
        self.session_id = session_id
        self.position = 0
        self.prompt = ""
        """The item's prompt, set by the screen before `show_for`."""
        # What each option stands for: an index into the panel's own results, or None for
        # a heading or a notice the cursor passes over.
        self._rows: list[int | None] = []

    def show_for(self, position: int) -> None:
        """Read the item at `position` afresh and redraw."""
        self.position = position
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def save(self, change: Callable[[], object], nothing: str = "") -> bool:
        """Make a change to the item's answers, then redraw from what was saved; whether it
        was made. A refusal is shown and changes nothing; with `nothing`, a change that found
        nothing to do (it returned None) says so instead."""
        result = self.app.attempt(change)
        if result is REFUSED:
            return False
        if nothing and result is None:
            self.app.say(nothing)
            return False
        self.reload()
        return True

    def clear_rows(self) -> None:
        self.clear_options()
        self._rows = []

    def add_row(self, prompt: Text, index: int | None = None) -> None:
        """An option standing for result `index`; without one, a heading the cursor skips."""
        self.add_option(Option(prompt, disabled=index is None))
        self._rows.append(index)

    @property
    def row_index(self) -> int | None:
        """The result the highlighted option stands for, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._rows):
            return None
        return self._rows[self.highlighted]

    def highlight_row(self, index: int) -> None:
        if index in self._rows:
            self.highlighted = self._rows.index(index)

    @property
    def has_rows(self) -> bool:
        """Whether there is anything to act on, so the panel should take the cursor."""
        raise NotImplementedError
