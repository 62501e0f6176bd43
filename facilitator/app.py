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
        from facilitator.themes import THEMES
        from sessions.settings import load_settings

        for theme in THEMES:
            self.register_theme(theme)
        chosen = load_settings().get("theme")
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen

    def _remember_theme(self, theme) -> None:
        from sessions.settings import save_setting

        try:
            save_setting("theme", theme.name)
        except OSError as exc:
            self.show_error(f"Could not remember the theme: {exc.strerror or exc}.")

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from facilitator.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def show_error(self, message: str) -> None:
        """One place that tells the facilitator something went wrong, in their words."""
        self.say(message, severity="error", timeout=8)

    def say(self, message: str, **kwargs) -> None:
        """A notification whose text may hold names and notes: never read as markup."""
        self.notify(message, markup=False, **kwargs)
