"""After the session: where the minutes went, and a preview of them."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from sessions.errors import FacilitatorError
from sessions.services.minutes import minutes_markdown


class FinishScreen(Screen[None]):
    CSS_PATH = "finish.tcss"
    BINDINGS = [
        Binding("h,escape", "home", "Home", id="finish.home"),
    ]

    def __init__(self, session_id: int, minutes_path: Path | None):
        super().__init__()
        self.session_id = session_id
        self.minutes_path = minutes_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Session finished.", id="finished", classes="heading")
        if self.minutes_path is not None:
            yield Static(Text(f"Minutes written to {self.minutes_path}"), id="minutes-path")
        else:
            yield Static("The minutes could not be written; see the message above.",
                         id="minutes-path", classes="error")
        with VerticalScroll(id="preview-box"):
            yield Markdown(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Finished"
        try:
            text = minutes_markdown(self.app.store, self.session_id)
        except FacilitatorError as exc:
            text = f"*{exc}*"
        self.query_one("#preview", Markdown).update(text)
        self.query_one("#preview-box").focus()

    def action_home(self) -> None:
        # The session was opened from the home screen, which is still underneath.
        self.app.pop_screen()
