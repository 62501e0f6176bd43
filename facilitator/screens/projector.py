"""The projector view: what the room sees, large and uncluttered, with one quiet note line.

The facilitator's own toggle (F5) over the session screen, which it drives: the clock
keys and deal/relationship act on that screen, and a note typed here is saved there,
exactly as its own note line would save it. What was taken in private stays off it
unless the facilitator shows it, each time the view opens. While the session's room is
open, it shows the room where phones join: the address, the code and, where it fits, the
QR code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Static

from facilitator.app import FacilitatorApp
from facilitator.screens.session_keys import SESSION_KEYS
from facilitator.widgets.note_input import NoteInput
from facilitator.widgets.room_view import RoomView

if TYPE_CHECKING:
    from facilitator.screens.session import SessionScreen

# The clock redraws twice a second so a whole second never goes unshown.
TICK_SECONDS = 0.5
TYPING = "Type a note and press Enter"

# The session's keys the facilitator keeps while the room watches: the clock, the item's
# time, and the kind of the next note. Those that open a dialog stay on the session screen.
DRIVING = (
    "session.toggle_clock",
    "session.next_item",
    "session.previous_item",
    "session.extend_1",
    "session.extend_5",
    "session.shorten_1",
    "session.toggle_kind",
    "session.reveal",
)


def driving_keys() -> list[BindingType]:
    """The session's own driving keys, each passed on to the session screen beneath."""
    session = {b.id: b for b in SESSION_KEYS if isinstance(b, Binding)}
    return [
        Binding(
            session[key].key,
            f"drive({session[key].action!r})",
            session[key].description,
            id=key.replace("session.", "projector."),
            priority=True,
            show=False,
            tooltip=session[key].tooltip,
        )
        for key in DRIVING
    ]


class ProjectorScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = ["projector.tcss", "../widgets/room_view.tcss", "../widgets/big_clock.tcss"]
    BINDINGS = [
        Binding("f5,escape", "close", "Back to the session", id="projector.close"),
        Binding(
            "f6",
            "toggle_notes",
            "Show/hide notes",
            id="projector.toggle_notes",
            tooltip="Show or hide the last notes from the room",
        ),
        Binding(
            "f7",
            "toggle_confidential",
            "Show/hide confidential",
            id="projector.toggle_confidential",
            tooltip="Show confidential notes on the projector, and the items taken in private; "
            "hidden again each time the projector view opens",
        ),
        *driving_keys(),
    ]

    room = getters.query_one(RoomView)
    note_line = getters.query_one("#p-note", Input)

    def __init__(self, session_id: int, *, show_notes: bool = True, driver: SessionScreen):
        super().__init__()
        self.session_id = session_id
        # The session screen underneath: the clock keys and the notes act on it.
        self.driver = driver
        self._show_notes = show_notes

    @property
    def show_notes(self) -> bool:
        """Whether the room sees the last notes: kept by the session for the next time."""
        return self._show_notes

    def compose(self) -> ComposeResult:
        yield RoomView(self.session_id, show_notes=self._show_notes)
        # One quiet line: the room sees it too, as the laptop is mirrored.
        with Horizontal(id="p-capture"):
            yield Static(id="p-kind")
            yield NoteInput(placeholder=TYPING, id="p-note", select_on_focus=False)
            yield Static(id="p-said")

    def on_mount(self, event: events.Mount) -> None:
        self.note_line.cursor_blink = False  # as the session's: no redraw twice a second
        self.reload()
        self.set_interval(TICK_SECONDS, self.tick)
        self.note_line.focus()

    def tick(self) -> None:
        """Move the clock on, and show how to join while the session's room is open."""
        self.room.joining = self.driver.door.joining
        self.room.tick()

    def reload(self) -> None:
        """Read the session afresh after a key, and show whose the next note is."""
        self.room.joining = self.driver.door.joining
        self.room.reload()
        capture = self.driver.capture
        speaker = f" · {capture.speaker[1]}" if capture.speaker else ""
        self.query_one("#p-kind", Static).update(Text(f"{capture.kind}{speaker} ›"))

    async def action_drive(self, action: str) -> None:
        await self.driver.run_action(action)
        self.reload()

    def action_toggle_notes(self) -> None:
        # Kept here too: the session asks once this screen, and its parts, have gone.
        self._show_notes = self.room.show_notes = not self._show_notes

    def action_toggle_confidential(self) -> None:
        # Not kept for the next time: what was said in private is shown only on purpose.
        self.room.show_confidential = not self.room.show_confidential
        if self.room.show_confidential:
            self.app.say("Confidential notes are shown on the projector: F7 hides them.")
        else:
            self.app.say("Confidential notes are hidden from the projector.")

    @on(Input.Submitted, "#p-note")
    def note_typed(self, event: Input.Submitted) -> None:
        event.stop()
        said = self.query_one("#p-said", Static)
        if not self.driver.capture.take_note(event.value):
            # Refused: the text stays in the line, and the reason is shown beside it.
            said.update(Text(str(self.driver.capture.status)))
            said.add_class("-error")
            return
        saved = bool(event.value.strip())
        event.input.value = ""
        said.remove_class("-error")
        said.update(f"saved {self.app.now().astimezone():%H:%M}" if saved else "")
        self.reload()

    def action_close(self) -> None:
        draft = self.note_line.value
        # What was half-typed goes on in the session's own note line, never lost.
        if draft.strip() and not self.driver.capture.begin(draft):
            said = self.query_one("#p-said", Static)
            said.update("The session's note line has text too: Enter saves this one first.")
            said.add_class("-error")
            return
        self.dismiss(None)
