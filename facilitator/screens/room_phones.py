"""Who has joined the room from their phones: names only, never what anyone answered.

The facilitator can turn a phone out: it stops answering at once, and can join again
only with the room's code.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from sessions.services import participants
from sessions.services.participants import DeviceView

HINT = "Delete: turn the highlighted phone out · Esc: back to the session"
NOBODY = "No phone has joined yet."


def phone_line(device: DeviceView) -> Text:
    """`Ann Ode · joined 10:42`, and once turned out, when: an anonymous phone is
    "Anonymous", and nothing more."""
    line = Text(device.name, style="dim strike" if device.removed_at else "bold")
    line.append(f" · joined {device.joined_at.astimezone():%H:%M}", style="dim")
    if device.removed_at is not None:
        line.append(f" · turned out {device.removed_at.astimezone():%H:%M}", style="dim")
    return line


def count_line(devices: list[DeviceView]) -> str:
    """`3 phones in the room · 1 turned out`."""
    if not devices:
        return NOBODY
    inside = sum(1 for device in devices if device.removed_at is None)
    words = f"{inside} phone{'' if inside == 1 else 's'} in the room"
    if inside < len(devices):
        words += f" · {len(devices) - inside} turned out"
    return words


class RoomPhonesScreen(ModalScreen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding(
            "delete",
            "remove",
            "Turn out",
            id="room_phones.remove",
            tooltip="Turn the highlighted phone out of the room: it stops answering at once",
        ),
        Binding("escape", "close", "Close", id="room_phones.close"),
    ]

    phone_list = getters.query_one("#room-phones", OptionList)

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Phones in the room", classes="heading")
            yield OptionList(id="room-phones")
            yield Static(id="room-phones-count")
            yield Static(HINT, classes="hint")

    def on_mount(self) -> None:
        self.list_phones()

    def list_phones(self, at: int = 0) -> None:
        """Every phone that joined, those turned out included; the highlight kept `at`."""
        devices = self.app.attempt(participants.list_devices, self.app.store, self.session_id)
        if devices is REFUSED:
            devices = []
        self.phone_list.clear_options()
        self.phone_list.add_options(
            Option(phone_line(device), id=str(device.device_id)) for device in devices
        )
        self.query_one("#room-phones-count", Static).update(count_line(devices))
        self.phone_list.display = bool(devices)
        if devices:
            self.phone_list.highlighted = min(at, len(devices) - 1)
            self.phone_list.focus()

    def action_remove(self) -> None:
        index = self.phone_list.highlighted
        if index is None or not self.phone_list.option_count:
            return
        option = self.phone_list.get_option_at_index(index)
        assert option.id is not None  # every row is made with its device's id
        removed = self.app.attempt(
            participants.remove_device, self.app.store, self.session_id, int(option.id)
        )
        if removed is not REFUSED and removed:
            self.app.say("The phone was turned out of the room: it can no longer answer.")
        self.list_phones(at=index)

    def action_close(self) -> None:
        self.dismiss(None)
