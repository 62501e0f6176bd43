"""Choosing who said something: the programme's members, those present first."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.options import option_number
from sessions.views import AttendanceView
from sessions.vocabulary import AttendanceStatus

NOBODY = 0
"""Dismissed with this when the facilitator says nobody in particular said it."""


class MemberPickerScreen(ModalScreen[int | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="member_picker.cancel")]

    def __init__(
        self, attendance: list[AttendanceView], title: str = "Who said it?", nobody: bool = True
    ):
        super().__init__()
        self.attendance = attendance
        self.heading = title
        # Whether "nobody in particular" is an answer: it is for a note, not for a person's own.
        self.nobody = nobody

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="heading")
            yield OptionList(id="members")
            yield Static(
                "Enter chooses · Esc cancels · add members on the home screen (m)", classes="hint"
            )

    def on_mount(self) -> None:
        members = self.query_one("#members", OptionList)
        order: dict[str, int] = {
            AttendanceStatus.PRESENT: 0,
            AttendanceStatus.APOLOGIES: 2,
            AttendanceStatus.ABSENT: 1,
        }
        for entry in sorted(self.attendance, key=lambda a: order.get(a.status, 1)):
            line = Text(entry.member.label)
            if entry.status != AttendanceStatus.ABSENT:
                line.append(f"  {entry.status}", style="dim")
            members.add_option(Option(line, id=str(entry.member.id)))
        if self.nobody:
            members.add_option(Option(Text("Nobody in particular", style="italic"), id=str(NOBODY)))
        if members.option_count:
            members.highlighted = 0
        members.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(option_number(event.option))

    def action_cancel(self) -> None:
        self.dismiss(None)


def pick_member(
    app: FacilitatorApp,
    session_id: int,
    title: str,
    then: Callable[[int | None, str], None],
    *,
    nobody: bool = True,
) -> None:
    """Ask who, from the session's programme, and call `then(member id or None, name)` with the
    answer; nothing is called if the facilitator cancels."""
    from sessions.services.people import attendance

    everyone = app.attempt(attendance, app.store, session_id)
    if everyone is REFUSED:
        return
    names = {entry.member.id: entry.member.name for entry in everyone}

    def chosen(member_id: int | None) -> None:
        if member_id is not None:
            then(member_id or None, names.get(member_id, ""))

    app.push_screen(MemberPickerScreen(everyone, title, nobody=nobody), chosen)
