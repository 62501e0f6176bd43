"""Asking who owns an action, when its `@name` finds several members of the programme or
none: one of them, the name added as a member, or the name kept as a named guest."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.screens.dialog import DialogScreen
from sessions.services.notes import OwnerChoice, OwnerQuestion

NEW_MEMBER = "new-member"
GUEST = "guest"


class OwnerQuestionScreen(DialogScreen[OwnerChoice | None]):
    """Dismissed with the answer, or None when Esc goes back to the note line unchanged."""

    BINDINGS = [Binding("escape", "cancel", "Back to the line", id="owner_question.cancel")]

    def __init__(self, question: OwnerQuestion) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        typed = self.question.typed
        with Vertical(classes="dialog"):
            yield Label("Who owns this action?", classes="heading")
            if self.question.members:
                yield Static(Text(f"@{typed} could be more than one member:"))
            else:
                yield Static(Text(f"Nobody in this programme is called {typed!r}."))
            options = [
                Option(Text(member.label), id=f"member-{member.id}")
                for member in self.question.members
            ]
            options.append(Option(Text(f"Add {typed} as a member of the programme"), id=NEW_MEMBER))
            options.append(
                Option(Text(f"Keep {typed} as a named guest (not asked again)"), id=GUEST)
            )
            yield OptionList(*options, id="owners")
            yield Static("↑↓ and Enter choose · Esc goes back to the line as typed", classes="hint")

    def on_mount(self) -> None:
        owners = self.query_one("#owners", OptionList)
        owners.highlighted = 0
        owners.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id or ""
        if chosen == NEW_MEMBER:
            self.dismiss(OwnerChoice(new_member=True))
        elif chosen == GUEST:
            self.dismiss(OwnerChoice(guest=True))
        else:
            self.dismiss(OwnerChoice(member_id=int(chosen.removeprefix("member-"))))

    def action_cancel(self) -> None:
        self.dismiss(None)
