"""The projector view: what the room sees, large and uncluttered.

It reads everything from the store, so the same screen serves the facilitator's
own toggle (F5) and the read-only mirror in a second terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from facilitator.app import FacilitatorApp
from facilitator.widgets.big_clock import BigClock
from facilitator.widgets.note_list import NoteList
from sessions.clock import ClockState, current_countdown, return_time
from sessions.errors import FacilitatorError
from sessions.services import notes as note_service
from sessions.services import running
from sessions.services.room import room_markdown
from sessions.views import SessionView
from sessions.vocabulary import ItemKind

LAST_NOTES = 5
# The clock redraws twice a second so a whole second never goes unshown.
TICK_SECONDS = 0.5


class ProjectorScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = ["projector.tcss", "../widgets/big_clock.tcss"]
    BINDINGS = [
        Binding("f5,escape", "close", "Back to the session", id="projector.close"),
        Binding(
            "n",
            "toggle_notes",
            "Show/hide notes",
            id="projector.toggle_notes",
            tooltip="Show or hide the last notes from the room",
        ),
        # The facilitator keeps the clock keys while the room watches.
        Binding("ctrl+t", "drive('toggle_clock')", "Start/pause", id="projector.toggle_clock"),
        Binding("ctrl+n", "drive('next_item')", "Next", id="projector.next_item"),
        Binding("ctrl+b", "drive('previous_item')", "Back", id="projector.previous_item"),
    ]

    def __init__(
        self, session_id: int | None, *, show_notes: bool = True, driver: Screen | None = None
    ):
        super().__init__()
        self.session_id = session_id
        # The session screen underneath, when this view is the facilitator's own toggle;
        # None in the read-only mirror.
        self.driver = driver
        self.show_notes = show_notes
        self.view: SessionView | None = None
        self.state = ClockState()
        # What each part of the screen shows now, by name.
        self._drawn: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="p-where")
        yield Static(id="p-title")
        yield BigClock(id="p-clock")
        with VerticalScroll(id="p-prompt-box"):
            yield Markdown(id="p-prompt")
        yield NoteList(id="p-notes")
        yield Static(id="p-status")

    def on_mount(self, event: events.Mount) -> None:
        self.reload()
        self.set_interval(TICK_SECONDS, self.tick)

    def reload(self) -> None:
        """Read the session afresh: after a key in the app, or a change seen by the mirror."""
        if self.session_id is None:
            self._waiting("Waiting for a session to start…")
            return
        try:
            self.view = running.get_session(self.app.store, self.session_id)
            self.state = running.clock_state(self.app.store, self.session_id)
            notes = note_service.list_notes(self.app.store, self.session_id, self.state.position)
        except FacilitatorError as exc:
            self._waiting(str(exc))
            return
        item = self.view.items[self.state.position]
        # What the item's activity lets the room see: never anyone's private answers.
        prompt = room_markdown(
            self.app.store, self.session_id, item, self.app.now().astimezone().date()
        )
        # The mirror reloads on every heartbeat: redraw only what has changed, so a
        # quiet room costs next to nothing.
        if self._changed("where", item.where):
            self.query_one("#p-where", Static).update(Text(item.where))
        if self._changed("title", item.title):
            self.query_one("#p-title", Static).update(Text(item.title))
        if self._changed("prompt", prompt):
            self.query_one("#p-prompt", Markdown).update(prompt)
            self.query_one("#p-prompt-box").display = bool(prompt)
        shown = tuple(notes[-LAST_NOTES:]) if self.show_notes else ()
        if self._changed("notes", shown):
            note_list = self.query_one("#p-notes", NoteList)
            note_list.display = bool(shown)
            if shown:
                note_list.show(list(shown))
        self.tick()

    def _changed(self, part: str, value: object) -> bool:
        """True, and remembered, when `part` is about to show something new."""
        if part in self._drawn and self._drawn[part] == value:
            return False
        self._drawn[part] = value
        return True

    def _waiting(self, message: str) -> None:
        self.view = None
        self._drawn.clear()
        self.query_one("#p-where", Static).update("")
        self.query_one("#p-title", Static).update(Text(message))
        self.query_one("#p-prompt-box").display = False
        self.query_one("#p-notes").display = False
        self.query_one("#p-clock", BigClock).display = False
        self.query_one("#p-status", Static).update("")

    def tick(self) -> None:
        if self.view is None:
            return
        clock = self.query_one("#p-clock", BigClock)
        clock.display = True
        now = self.app.now()
        live = self.state.at(now)
        seconds = [item.base_seconds for item in self.view.items]
        reading = current_countdown(live, seconds)
        on_break = self.view.items[live.position].kind == ItemKind.BREAK and not live.finished
        if on_break:
            # The room needs the time to be back, not a countdown to watch.
            back = return_time(live, seconds, now).astimezone()
            clock.show(f"{back:%H:%M}", "ok")
        else:
            clock.show(reading.text, reading.level)
        if live.finished:
            status = "finished"
        elif on_break:
            status = f"Back at {back:%H:%M}" + ("" if live.running else " · paused")
        elif live.running:
            status = ""
        else:
            status = "paused" if live.started else "about to start"
        if self._changed("status", status):
            self.query_one("#p-status", Static).update(status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.driver is not None if action == "drive" else True

    async def action_drive(self, action: str) -> None:
        if self.driver is None:  # the mirror has no session screen to drive
            return
        await self.driver.run_action(action)
        self.reload()

    def action_toggle_notes(self) -> None:
        self.show_notes = not self.show_notes
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
