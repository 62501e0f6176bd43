"""F1: how to capture what the room says, and the keys, in one page the facilitator can skim.

The page is written from the keys and the note syntax themselves (see `help_page`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static

from facilitator.screens.dialog import DialogScreen
from facilitator.screens.help_page import help_markdown


class HelpScreen(DialogScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            with VerticalScroll():
                yield Markdown(help_markdown())
            # The page is longer than any screen: say how to read on and how to leave.
            yield Static("↑ ↓ PgUp PgDn read on · Esc closes", classes="hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
