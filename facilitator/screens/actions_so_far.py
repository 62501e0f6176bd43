"""The actions raised so far in the session, to read back to the room before it closes:
each with its owner and due date, and the item that raised it."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import FacilitatorApp
from facilitator.dates import long_day
from facilitator.screens.dialog import DialogScreen
from sessions.views import NoteView
from sessions.vocabulary import NoteKind


def action_line(number: int, action: NoteView, item_title: str) -> Text:
    """`3. Draft the paper · Siobhán O'Neill · due Thursday 14 January 2027 · Item title`."""
    line = Text(f"{number}. ")
    line.append(action.text.replace("\n", " "), style="bold")
    line.append(" · ")
    line.append(action.owner or "no owner yet", style="" if action.owner else "italic")
    line.append(" · ")
    if action.due:
        line.append(f"due {long_day(action.due)}")
    else:
        line.append("no due date yet", style="italic")
    line.append(f" · {item_title}", style="dim")
    return line


class ActionsSoFarScreen(DialogScreen[None]):
    """Read-only: Esc goes back to the session, where an action is edited from the notes."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "close", "Close", id="actions_so_far.close")]

    def __init__(self, session_id: int, item_titles: dict[int, str]) -> None:
        super().__init__()
        self.session_id = session_id
        self.item_titles = item_titles

    def compose(self) -> ComposeResult:
        from sessions.services.notes import list_notes

        raised = [
            note
            for note in list_notes(self.app.store, self.session_id)
            if note.kind == NoteKind.ACTION
        ]
        with Vertical(classes="dialog"):
            yield Label("Actions raised so far", classes="heading")
            if raised:
                yield OptionList(
                    *(
                        Option(action_line(n, a, self.item_titles.get(a.position, "")))
                        for n, a in enumerate(raised, start=1)
                    ),
                    id="actions-so-far",
                )
            missing = sum(1 for a in raised if not a.owner or not a.due)
            summary = f"{len(raised)} action{'s' if len(raised) != 1 else ''} this session"
            if not raised:
                summary = "No actions yet this session: type one as  a: what @owner when"
            elif missing:
                summary += (
                    f" · {missing} still need{'s' if missing == 1 else ''} an owner or a date"
                )
            yield Static(summary, id="actions-so-far-summary")
            yield Static("Esc goes back to the session", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
