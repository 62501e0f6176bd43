"""A member's register of standing interests: added once, offered at every meeting while they
last, ended when they end, withdrawn when entered by mistake."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.services import interests
from sessions.services.interests import KIND_WORDS, InterestView
from sessions.views import MemberView


def register_line(interest: InterestView) -> Text:
    line = Text(interest.description)
    line.append(f" · {interest.kind}", style="dim")
    since = f"{interest.from_on:%-d %b %Y}" if interest.from_on else ""
    until = f"{interest.to_on:%-d %b %Y}" if interest.to_on else ""
    if until:
        line.append(f" · {since + ' to ' if since else 'ended '}{until}", style="dim")
    elif since:
        line.append(f" · since {since}", style="dim")
    return line


class InterestsScreen(DialogScreen[None]):
    app = getters.app(FacilitatorApp)
    BINDINGS = [
        Binding("escape", "close", "Close", id="interests.close"),
        Binding("e", "end", "Ended today", id="interests.end"),
        Binding("x,delete", "withdraw", "Withdraw", id="interests.withdraw"),
        Binding("n", "new", "New interest", id="interests.new"),
    ]

    def __init__(self, member: MemberView):
        super().__init__()
        self.member = member
        self.register: list[InterestView] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="interests"):
            yield Label(Text(f"Register of interests: {self.member.name}"), classes="heading")
            yield OptionList(id="register")
            yield Input(placeholder="A new interest: what is it?", id="what")
            yield Select(
                [(words, kind) for kind, words in KIND_WORDS.items()],
                prompt="Kind of interest",
                id="kind",
                compact=True,
            )
            yield Input(placeholder="Since when? e.g. 1/4/2026 (blank: not said)", id="since")
            yield ErrorLine()
            yield Static(
                "Enter adds · on the list: e ended today, x withdraw (entered by mistake) · "
                "Esc closes",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_register()
        self.query_one("#what", Input).focus()

    def refresh_register(self) -> None:
        listed = self.app.attempt(interests.interests, self.app.store, self.member.id)
        self.register = [] if listed is REFUSED else listed
        listing = self.query_one("#register", OptionList)
        listing.clear_options()
        listing.add_options(Option(register_line(i), id=str(i.id)) for i in self.register)
        if not self.register:
            listing.add_option(
                Option(Text("Nothing on the register yet.", style="dim"), disabled=True)
            )

    def _highlighted(self) -> InterestView | None:
        index = self.query_one("#register", OptionList).highlighted
        if index is None or not 0 <= index < len(self.register):
            return None
        return self.register[index]

    @on(Input.Submitted)
    def add(self, event: Input.Submitted) -> None:
        event.stop()
        what = self.query_one("#what", Input)
        kind = self.query_one("#kind", Select).value
        since_text = self.query_one("#since", Input).value.strip()
        errors = self.query_one(ErrorLine)
        today = self.app.now().date()
        since = parse_date(since_text, today) if since_text else None
        if since_text and since is None:
            errors.refuse(str(InputError(f"Could not read the date {since_text!r}: {DATE_HELP}.")))
            return
        if not isinstance(kind, str):
            errors.refuse("Choose the kind of interest: it goes on the register with it.")
            self.query_one("#kind", Select).focus()
            return
        added = errors.attempt(
            interests.add_interest,
            self.app.store,
            self.member.id,
            what.value,
            kind,
            since,
            now=self.app.now(),
        )
        if added is REFUSED:
            return
        what.value = ""
        self.query_one("#since", Input).value = ""
        self.refresh_register()
        self.app.say(f"Added to {self.member.name}'s register.")
        what.focus()

    def action_new(self) -> None:
        self.query_one("#what", Input).focus()

    def action_end(self) -> None:
        interest = self._highlighted()
        if interest is None:
            return
        ended = self.query_one(ErrorLine).attempt(
            interests.end, self.app.store, interest.id, self.app.now().date()
        )
        if ended is not REFUSED:
            self.refresh_register()
            self.app.say("Ended today: no longer offered at meetings, kept on the register.")

    def action_withdraw(self) -> None:
        interest = self._highlighted()
        if interest is None:
            return
        withdrawn = self.query_one(ErrorLine).attempt(
            interests.withdraw, self.app.store, interest.id, self.app.now()
        )
        if withdrawn is not REFUSED:
            self.refresh_register()
            self.app.say("Withdrawn from the register; past minutes keep what was declared.")

    def action_close(self) -> None:
        self.dismiss(None)
