"""The Textual application: it holds the open store and starts on the home screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App
from textual.binding import Binding

from facilitator.commands import ScreenKeysProvider
from sessions.db_types import utcnow
from sessions.store import Store


class FacilitatorApp(App[None]):
    TITLE = "facilitator"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ScreenKeysProvider}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, store: Store, *, now: Callable[[], datetime] | None = None):
        super().__init__()
        self.store = store
        # The time source for the clock; tests hand in their own.
        self.now: Callable[[], datetime] = now or utcnow

    def on_mount(self) -> None:
        from facilitator.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def show_error(self, message: str) -> None:
        """One place that tells the facilitator something went wrong, in their words."""
        self.say(message, severity="error", timeout=8)

    def say(self, message: str, **kwargs) -> None:
        """A notification whose text may hold names and notes: never read as markup."""
        self.notify(message, markup=False, **kwargs)
