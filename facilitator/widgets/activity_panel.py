"""What an item of a special kind shows in place of its prompt, with its own one-key entries."""

from __future__ import annotations

from textual.widgets import OptionList


class ActivityPanel(OptionList):
    """A list the session screen shows for items of `KIND`; each key is saved as it is pressed."""

    KIND = ""
    KEEPS_PROMPT = False
    """Whether the item's prompt stays on screen above the panel."""

    def __init__(self, session_id: int, **kwargs):
        super().__init__(**kwargs)
        self.session_id = session_id
        self.position = 0
        self.prompt = ""
        """The item's prompt, set by the screen before `show_for`."""

    def show_for(self, position: int) -> None:
        """Read the item at `position` afresh and redraw."""
        self.position = position
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    @property
    def has_rows(self) -> bool:
        """Whether there is anything to act on, so the panel should take the cursor."""
        raise NotImplementedError
