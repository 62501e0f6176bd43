"""Who has joined the room from their phones: names only, and whether each has answered
the item the meeting is on, never what.

The facilitator can turn a phone out: it stops answering at once, and can join again
only with the room's code. The list follows the door's count of the phones, every few
seconds, with no watch of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from sessions.services import participants, room_reveal
from sessions.services.participants import DeviceView
from sessions.services.room_reveal import RoomAnswers

if TYPE_CHECKING:
    from facilitator.widgets.room_door import RoomDoor

HINT = "Delete: turn the highlighted phone out · Esc: back to the session"
NOBODY = "No phone has joined yet."


def phone_line(device: DeviceView, answered: bool | None = None) -> Text:
    """`Ann Ode · joined 10:42 · answered`, or `not yet`, where the item is one phones
    answer; once turned out, when: an anonymous phone is "Anonymous", and nothing more."""
    line = Text(device.name, style="dim strike" if device.removed_at else "bold")
    line.append(f" · joined {device.joined_at.astimezone():%H:%M}", style="dim")
    if device.removed_at is not None:
        line.append(f" · turned out {device.removed_at.astimezone():%H:%M}", style="dim")
    elif answered is not None:
        line.append(" · answered" if answered else " · not yet", style="" if answered else "dim")
    return line


def count_line(devices: list[DeviceView], answered: int | None = None) -> str:
    """`3 phones in the room · 2 answered · 1 turned out`."""
    if not devices:
        return NOBODY
    inside = sum(1 for device in devices if device.removed_at is None)
    words = f"{inside} phone{'' if inside == 1 else 's'} in the room"
    if inside and answered is not None:
        words += f" · {answered} answered"
    if inside < len(devices):
        words += f" · {len(devices) - inside} turned out"
    return words


class RoomPhonesScreen(DialogScreen[None]):
    app = getters.app(FacilitatorApp)
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

    def __init__(self, session_id: int, door: RoomDoor | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        # The session's door, which counts the phones every few seconds: the list follows it.
        self.door = door

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Phones in the room", classes="heading")
            yield OptionList(id="room-phones")
            yield Static(id="room-phones-count")
            yield Static(HINT, classes="hint")

    def on_mount(self) -> None:
        self.list_phones()
        if self.door is not None:
            self.watch(self.door, "answers", self.recounted, init=False)

    def recounted(self, answers: RoomAnswers | None) -> None:
        """The door has counted again: the list shows it, the highlight where it was."""
        if answers is not None:
            self.show_phones(answers, at=self.phone_list.highlighted or 0)

    def list_phones(self, at: int = 0) -> None:
        """Every phone that joined, those turned out included; the highlight kept `at`."""
        answers = self.app.attempt(room_reveal.room_answers, self.app.store, self.session_id)
        self.show_phones(RoomAnswers(False) if answers is REFUSED else answers, at)

    def show_phones(self, answers: RoomAnswers, at: int = 0) -> None:
        # Whether each has answered only where the item is one phones answer.
        shown = answers.takes_answers
        devices = [phone.device for phone in answers.phones]
        self.phone_list.clear_options()
        self.phone_list.add_options(
            Option(
                phone_line(phone.device, phone.answered if shown else None),
                id=str(phone.device.device_id),
            )
            for phone in answers.phones
        )
        count = count_line(devices, answers.answered if shown else None)
        self.query_one("#room-phones-count", Static).update(count)
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
