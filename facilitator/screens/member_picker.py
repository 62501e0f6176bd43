"""Choosing who said something: the programme's members, those present first, found by
typing any part of a name."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.options import option_number
from facilitator.screens.dialog import DialogScreen
from sessions.text import folded
from sessions.views import AttendanceView
from sessions.vocabulary import AttendanceStatus

NOBODY = 0
"""Dismissed with this when the facilitator says nobody in particular said it."""


def member_options(attendance: list[AttendanceView], typed: str) -> list[Option]:
    """An option a member whose name or organisation holds every word typed, present first;
    each option's id is the member's."""
    order: dict[str, int] = {
        AttendanceStatus.PRESENT: 0,
        AttendanceStatus.APOLOGIES: 2,
        AttendanceStatus.ABSENT: 1,
    }
    words = folded(typed).split()
    options = []
    for entry in sorted(attendance, key=lambda a: order.get(a.status, 1)):
        label = folded(entry.member.label)
        if not all(word in label for word in words):
            continue
        line = Text(entry.member.label)
        if entry.status != AttendanceStatus.ABSENT:
            line.append(f"  {entry.status}", style="dim")
        options.append(Option(line, id=str(entry.member.id)))
    return options


class MemberPickerScreen(DialogScreen[int | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="member_picker.cancel"),
        # The find line has no use for the arrows: they choose in the list below it.
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]

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
            yield Input(placeholder="Type any part of a name to find it", id="find")
            yield OptionList(id="members")
            yield Static(
                "↑↓ and Enter choose · Esc cancels · add members on the home screen (m)",
                classes="hint",
            )

    def on_mount(self) -> None:
        self._list("")
        self.query_one("#find", Input).focus()

    def _list(self, typed: str) -> None:
        """Those whose name or organisation holds every word typed, present first."""
        members = self.query_one("#members", OptionList)
        members.clear_options()
        words = folded(typed).split()
        members.add_options(member_options(self.attendance, typed))
        if self.nobody and not words:
            members.add_option(Option(Text("Nobody in particular", style="italic"), id=str(NOBODY)))
        if members.option_count:
            members.highlighted = 0
        else:
            members.add_option(Option(Text("No one of that name", style="dim"), disabled=True))

    @on(Input.Changed, "#find")
    def _typed(self, event: Input.Changed) -> None:
        self._list(event.value)

    @on(Input.Submitted, "#find")
    def _chosen_by_enter(self, event: Input.Submitted) -> None:
        event.stop()
        members = self.query_one("#members", OptionList)
        if members.highlighted is not None:
            members.action_select()

    def action_move(self, step: int) -> None:
        members = self.query_one("#members", OptionList)
        if step < 0:
            members.action_cursor_up()
        else:
            members.action_cursor_down()

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
