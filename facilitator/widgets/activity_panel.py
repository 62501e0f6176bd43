"""What an item of a special kind shows in place of its prompt, with its own one-key entries.

The note line keeps the keyboard: a panel takes the focus for one key at a time
(Tab), so a sentence typed in the room can never be read as votes or ratings.
After its one key, or any key that is not its own, the panel hands the keyboard
back, and a key that was not its own is typed into the note line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events, getters
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.note_input import typed_text
from sessions.views import ActivityChange

ARMED = "ACTIVITY KEY: press one of the panel's keys · Esc goes back to typing"
"""What the capture bar says while a panel holds the keyboard for one key."""


class ActivityPanel(OptionList):
    """A list the session screen shows for items of `KIND`; each key is saved as it is pressed."""

    app = getters.app(FacilitatorApp)
    KIND = ""
    KEEPS_PROMPT = False
    """Whether the item's prompt stays on screen above the panel."""
    BINDINGS = [
        Binding("escape", "back", "Back to typing", id="panel.back", show=False),
    ]

    position: var[int] = var(0, init=False)
    """The item the panel answers for, by its place in the agenda."""
    prompt: var[str] = var("", init=False)
    """The item's prompt, set by the screen before `show_for`."""

    @dataclass
    class Acted(Message):
        """The panel's one key was used: the keyboard goes back to the note line. `change` is
        what the key changed, for ctrl+z to undo; None when it changed no result."""

        change: ActivityChange | None = None

    @dataclass
    class Typed(Message):
        """A printable key that is not one of the panel's: it belongs in the note line."""

        text: str

    def __init__(self, session_id: int, **kwargs):
        super().__init__(**kwargs)
        self.session_id = session_id
        # What each option stands for: an index into the panel's own results, or None for
        # a heading or a notice the cursor passes over.
        self._rows: list[int | None] = []

    def show_for(self, position: int) -> None:
        """Read the item at `position` afresh and redraw."""
        self.position = position
        self.reload()

    def reload(self) -> None:
        """Read the item's answers afresh into the panel's reactives, whose watchers redraw
        what it shows: a panel keeps what it shows in reactives, never in plain attributes."""
        raise NotImplementedError

    def save(self, change: Callable[[], object], nothing: str = "") -> bool:
        """Make a change to the item's answers, then redraw from what was saved; whether it
        was made. A refusal is shown and changes nothing; with `nothing`, a change that found
        nothing to do (it returned None) says so instead. Either way the key is used."""
        result = self.app.attempt(change)
        if result is REFUSED:
            self.acted()
            return False
        if nothing and result is None:
            self.app.say(nothing)
            self.acted()
            return False
        self.reload()
        self.acted(result if isinstance(result, ActivityChange) else None)
        return True

    def acted(self, change: ActivityChange | None = None) -> None:
        """The one key is spent: hand the keyboard back to the note line."""
        self.post_message(self.Acted(change))

    def action_back(self) -> None:
        self.acted()

    def on_focus(self) -> None:
        self.add_class("-armed")

    def on_blur(self) -> None:
        self.remove_class("-armed")

    def _own_keys(self) -> set[str]:
        return {key for key, bindings in self._bindings.key_to_bindings.items() if bindings}

    async def _on_key(self, event: events.Key) -> None:
        # A key the panel does not use, typed while it holds the keyboard, was meant as text:
        # any character the note line itself would take, joiners and marks included.
        text = typed_text(event.character)
        if text and event.key not in self._own_keys():
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(text))
            return
        await super()._on_key(event)

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

    def move(self, step: int) -> None:
        """Move the highlight from the note line, without taking the keyboard."""
        if step < 0:
            self.action_cursor_up()
        else:
            self.action_cursor_down()

    @property
    def has_rows(self) -> bool:
        """Whether there is anything to act on."""
        raise NotImplementedError
