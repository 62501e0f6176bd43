"""An amendment the room agrees to earlier minutes (an erratum, once they are approved): its
words, and who proposed it, a member found by typing or any name typed."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.screens.member_picker import member_options
from facilitator.widgets.error_line import ErrorLine
from sessions.services.minutes_approval import MinutesStatus, amend
from sessions.views import ActivityChange, AttendanceView

TYPED = "typed"
"""The id of the option that stands for the name as typed, for someone not a member."""


def amendment_title(entry: MinutesStatus) -> str:
    if entry.approved_in is None:
        return f"An amendment to the minutes of session {entry.number}"
    return (
        f"An erratum to the minutes of session {entry.number} "
        f"(approved at session {entry.approved_in})"
    )


class AmendMinutesScreen(DialogScreen[ActivityChange | None]):
    """Dismissed with the change once the amendment is saved (for ctrl+z to take back), or
    None when cancelled, with nothing saved."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="amend_minutes.cancel"),
        # Neither line has a use for the arrows: they choose the proposer in the list.
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]

    def __init__(
        self,
        session_id: int,
        entry: MinutesStatus,
        attendance: list[AttendanceView],
    ):
        super().__init__()
        self.session_id = session_id
        self.entry = entry
        self.attendance = attendance

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="amend-minutes"):
            yield Label(amendment_title(self.entry), classes="heading")
            yield Input(placeholder="What the minutes should say", id="words")
            yield Input(
                placeholder="Proposed by: part of a member's name, or any name", id="proposer"
            )
            yield OptionList(id="proposers")
            yield ErrorLine()
            yield Static(
                "Tab moves · ↑↓ choose the proposer · Enter saves · Esc cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        self._list("")
        self.query_one("#words", Input).focus()

    def _list(self, typed: str) -> None:
        """The members the typing finds, then the name as typed, for someone not a member."""
        proposers = self.query_one("#proposers", OptionList)
        proposers.clear_options()
        name = " ".join(typed.split())
        if not name:
            proposers.add_option(
                Option(Text("Type who proposed it to find them", style="dim"), disabled=True)
            )
            return
        proposers.add_options(member_options(self.attendance, name))
        line = Text(name)
        line.append("  not a member", style="dim italic")
        proposers.add_option(Option(line, id=TYPED))
        proposers.highlighted = 0

    @on(Input.Changed, "#proposer")
    def _typed(self, event: Input.Changed) -> None:
        self._list(event.value)

    def action_move(self, step: int) -> None:
        proposers = self.query_one("#proposers", OptionList)
        if step < 0:
            proposers.action_cursor_up()
        else:
            proposers.action_cursor_down()

    def _proposer(self) -> tuple[int | None, str]:
        """(member id, or None for a name typed; the name typed)."""
        proposers = self.query_one("#proposers", OptionList)
        typed = self.query_one("#proposer", Input).value
        at = proposers.highlighted
        if at is None or not typed.strip():
            return None, typed
        chosen = proposers.get_option_at_index(at).id
        return (None if chosen == TYPED or chosen is None else int(chosen)), typed

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        member_id, name = self._proposer()
        # What was typed stays in the fields; a refusal only adds its reason.
        change = self.query_one(ErrorLine).attempt(
            amend,
            self.app.store,
            self.session_id,
            self.entry.session_id,
            self.query_one("#words", Input).value,
            proposer_member_id=member_id,
            proposer="" if member_id is not None else name,
            now=self.app.now(),
        )
        if change is not REFUSED:
            self.dismiss(change)

    def action_cancel(self) -> None:
        self.dismiss(None)
