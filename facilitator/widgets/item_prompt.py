"""The current item's prompt, for the facilitator to read out to the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import Markdown


class ItemPrompt(VerticalScroll):
    """The prompt as Markdown, from its top each time an item's prompt is shown."""

    text: var[str] = var("", init=False)

    def compose(self) -> ComposeResult:
        yield Markdown(id="prompt")

    def watch_text(self, text: str) -> None:
        self.query_one("#prompt", Markdown).update(text or "*No prompt for this item.*")
        self.scroll_home(animate=False)
