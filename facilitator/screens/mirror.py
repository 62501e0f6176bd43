"""The read-only mirror: the projector view in a second terminal, following the driver.

It polls the database for changes a few times a second and redraws from what it
reads; it holds no state of its own worth keeping, so the driver can quit, crash
or come back and the mirror simply shows what the database says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from facilitator.screens.projector import TICK_SECONDS, ProjectorScreen
from sessions.errors import FacilitatorError

if TYPE_CHECKING:
    from sessions.change_watch import ChangeWatch

# Poll often enough that the room sees a change within half a second of the commit.
POLL_SECONDS = 0.2


class MirrorScreen(ProjectorScreen):
    CSS_PATH = ["projector.tcss", "mirror.tcss", "../widgets/big_clock.tcss"]
    inherit_bindings = False
    BINDINGS = [
        Binding(
            "n",
            "toggle_notes",
            "Show/hide notes",
            id="mirror.toggle_notes",
            tooltip="Show or hide the last notes on this screen",
        ),
        Binding("q", "app.quit", "Quit", id="mirror.quit", tooltip="Close the mirror"),
        Binding("escape", "close", "Back", id="mirror.close", tooltip="Stop watching"),
    ]

    def __init__(self, session_id: int | None, *, show_notes: bool = True, can_close: bool = False):
        super().__init__(session_id, show_notes=show_notes)
        # Inside the main app (watching a session another copy drives) Escape goes back;
        # as its own app, the mirror only quits.
        self.can_close = can_close
        # With no session named, the mirror follows whichever session the driver is in.
        self.follows = session_id is None
        # Not `watch`, which every Textual node already has for watching a reactive.
        self.changes: ChangeWatch | None = None

    def compose(self) -> ComposeResult:
        yield from super().compose()
        leave = "Esc goes back" if self.can_close else "q quits"
        yield Static(f"read-only mirror · n shows/hides notes · {leave}", id="m-help")

    def on_mount(self, event: events.Mount) -> None:
        from sessions.change_watch import ChangeWatch

        # Everything is drawn through poll(), so the projector's own mount is not wanted.
        event.prevent_default()
        self.changes = ChangeWatch(self.app.store)
        self.poll()  # the first poll always sees a change, so this draws the screen
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(TICK_SECONDS, self.tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.can_close
        return super().check_action(action, parameters)

    def on_unmount(self) -> None:
        if self.changes is not None:
            self.changes.close()

    def poll(self) -> None:
        """Redraw when someone has committed; follow the latest session if none was named."""
        try:
            if self.changes is None or not self.changes.changed():
                return
            if self.follows:
                self._follow()
        except FacilitatorError as exc:
            self._waiting(str(exc))
            return
        self.reload()

    def _follow(self) -> None:
        from sessions.services.following import latest_session_id

        self.session_id = latest_session_id(self.app.store)
