"""The read-only mirror: the room's view in a second terminal, following the driver.

It hears of a commit through the app's commit feed (`facilitator/commit_feed.py`, told
by the operating system that the database was written) and redraws at once; it looks a
few times a second as well where there are no notices, or in case one goes astray. It
redraws from what it reads; it holds no state of its own worth keeping, so the driver
can quit, crash or come back and the mirror simply shows what the database says. It
drives nothing: its only keys are its own. While it runs it lets the driver know the
room is watching, so private answers stay off the driver's screen.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from facilitator.app import FacilitatorApp
from facilitator.widgets.room_view import RoomView
from sessions.clock import HEARTBEAT_SECONDS
from sessions.errors import FacilitatorError

if TYPE_CHECKING:
    from sessions.change_watch import ChangeWatch
    from sessions.services.watching import RoomWatcher

# Poll often enough that the room sees a change within half a second of the commit.
POLL_SECONDS = 0.2
# With notices of each write the poll is only the safety net: one that went astray
# still shows within half a second.
TOLD_POLL_SECONDS = 0.5
# The clock redraws twice a second so a whole second never goes unshown.
TICK_SECONDS = 0.5


class MirrorScreen(Screen[None], inherit_bindings=False):
    """The room's view and nothing to drive it with: not even the keys every screen is born
    with (Tab between widgets, copying), so its only keys are the three below."""

    app = getters.app(FacilitatorApp)
    CSS_PATH = ["mirror.tcss", "../widgets/room_view.tcss", "../widgets/big_clock.tcss"]
    BINDINGS = [
        Binding(
            "n",
            "toggle_notes",
            "Show/hide notes",
            id="mirror.toggle_notes",
            tooltip="Show or hide the last notes on this screen",
        ),
        # It drives nothing, so there is nothing to ask before it goes.
        Binding("q", "leave", "Quit", id="mirror.quit", tooltip="Close the mirror"),
        Binding("escape", "close", "Back", id="mirror.close", tooltip="Stop watching"),
    ]

    room = getters.query_one(RoomView)

    def __init__(self, session_id: int | None, *, show_notes: bool = True, can_close: bool = False):
        super().__init__()
        self._session_id = session_id
        self._show_notes = show_notes
        # Inside the main app (watching a session another copy drives) Escape goes back;
        # as its own app, the mirror only quits.
        self.can_close = can_close
        # With no session named, the mirror follows whichever session the driver is in.
        self.follows = session_id is None
        # Its own watch, only where the feed cannot be told of commits. Not `watch`,
        # which every Textual node already has for watching a reactive.
        self.changes: ChangeWatch | None = None
        self.watcher: RoomWatcher | None = None
        # Said once: a mirror that cannot make itself known still shows the room.
        self._told_unknown = False

    @property
    def session_id(self) -> int | None:
        return self.room.session_id

    def compose(self) -> ComposeResult:
        yield RoomView(self._session_id, show_notes=self._show_notes)
        leave = "Esc goes back" if self.can_close else "q quits"
        yield Static(f"read-only mirror · n shows/hides notes · {leave}", id="m-help")

    def on_mount(self, event: events.Mount) -> None:
        from sessions.change_watch import ChangeWatch
        from sessions.services.watching import RoomWatcher

        if self.app.store.cannot_write is None:  # else no row can say the room watches
            self.watcher = RoomWatcher(self.app.store, self.app.holder)
        told = self.app.commits.subscribe(self, at_once=self.redraw)
        if told:
            self.redraw()
        else:
            self.changes = ChangeWatch(self.app.store)
            self.poll()  # its first look always sees a change, so this draws the screen
        self.beat()
        self.set_interval(TOLD_POLL_SECONDS if told else POLL_SECONDS, self.poll)
        self.set_interval(TICK_SECONDS, self.tick)
        self.set_interval(HEARTBEAT_SECONDS, self.beat)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.can_close
        return True

    def on_unmount(self) -> None:
        self.app.commits.unsubscribe(self)
        if self.changes is not None:
            self.changes.close()
        if self.watcher is not None:
            # If it cannot be taken away, its row goes stale in a few heartbeats all the same.
            with suppress(FacilitatorError):
                self.watcher.stop()

    def beat(self) -> None:
        """Let the driver know the room sees this session (any session, while following)."""
        if self.watcher is None:
            return
        try:
            self.watcher.beat(None if self.follows else self.session_id, self.app.now())
        except FacilitatorError as exc:
            if not self._told_unknown:
                self._told_unknown = True
                self.app.show_error(
                    f"{exc} The laptop cannot tell that the room sees it: keep private "
                    "answers hidden there."
                )

    def tick(self) -> None:
        self.room.tick()

    def poll(self) -> bool:
        """Redraw when someone has committed, looked for now rather than waited for.
        Whether anything was seen (a change, or the database failing to answer)."""
        if self.changes is None:
            return self.app.commits.look()  # told: the feed redraws this on what it finds
        try:
            if not self.changes.changed():
                return False
        except FacilitatorError as exc:
            self.room.waiting(str(exc))
            return True
        self.redraw()
        return True

    def redraw(self) -> None:
        """Read the room again; follow the session being run if none was named."""
        try:
            if self.follows:
                self._follow()
        except FacilitatorError as exc:
            self.room.waiting(str(exc))
            return
        self.room.reload()

    def _follow(self) -> None:
        from sessions.services.following import latest_session_id

        self.room.session_id = latest_session_id(self.app.store, self.app.now())

    def action_toggle_notes(self) -> None:
        self.room.show_notes = not self.room.show_notes

    def action_close(self) -> None:
        self.dismiss(None)

    def action_leave(self) -> None:
        self.app.exit()
