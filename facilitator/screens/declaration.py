"""Declaring an interest in the meeting: one from the member's register, or a new one, and
how the meeting managed it."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, RadioButton, RadioSet, Select, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.screens.interests import register_line
from facilitator.widgets.error_line import ErrorLine
from sessions.services import interests, people
from sessions.services.interests import KIND_WORDS, InterestView
from sessions.vocabulary import Handling


class DeclarationScreen(DialogScreen[bool]):
    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="declaration.cancel")]

    def __init__(self, session_id: int, member_id: int, position: int, item_title: str):
        super().__init__()
        self.session_id = session_id
        self.member_id = member_id
        self.position = position
        self.item_title = item_title
        self.standing: list[InterestView] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="declaration"):
            yield Label("Declare an interest", classes="heading")
            yield Static("On their register: Enter declares it again", id="standing-label")
            yield OptionList(id="standing")
            yield Input(placeholder="Or a new interest: what is it? Enter saves", id="interest")
            yield Select(
                [(words, kind) for kind, words in KIND_WORDS.items()],
                prompt="Kind (a new interest with a kind joins their register)",
                id="kind",
                compact=True,
            )
            with RadioSet(id="handling"):
                yield RadioButton("Noted", value=True, id="noted")
                yield RadioButton(
                    Text(f"Took part in the discussion, not the decision: {self.item_title}"),
                    id="no-decision",
                )
                yield RadioButton(Text(f"Left the room for: {self.item_title}"), id="left-room")
            yield ErrorLine(id="declaration-status")

    def on_mount(self) -> None:
        member = self.member_id
        standing = self.app.attempt(
            interests.interests_to_offer, self.app.store, member, self.app.now().date()
        )
        self.standing = [] if standing is REFUSED else standing
        listing = self.query_one("#standing", OptionList)
        listing.add_options(Option(register_line(i), id=str(i.id)) for i in self.standing)
        for widget in (listing, self.query_one("#standing-label")):
            widget.display = bool(self.standing)
        if self.standing:
            listing.highlighted = 0
        (listing if self.standing else self.query_one("#interest", Input)).focus()

    def _handling(self) -> tuple[Handling, int | None]:
        pressed = self.query_one("#handling", RadioSet).pressed_button
        handling = Handling(pressed.id) if pressed is not None and pressed.id else Handling.NOTED
        return handling, (None if handling == Handling.NOTED else self.position)

    def _declare(self, text: str, kind: str, interest_id: int | None) -> None:
        handling, position = self._handling()
        # What was typed stays in the field; a refusal only adds its reason.
        declared = self.query_one(ErrorLine).attempt(
            people.add_declaration,
            self.app.store,
            self.session_id,
            self.member_id,
            text,
            position,
            now=self.app.now(),
            kind=kind,
            handling=handling,
            interest_id=interest_id,
        )
        if declared is not REFUSED:
            self.dismiss(True)

    @on(Input.Submitted, "#interest")
    def new_interest(self, event: Input.Submitted) -> None:
        event.stop()
        kind = self.query_one("#kind", Select).value
        self._declare(event.value, kind if isinstance(kind, str) else "", None)

    @on(OptionList.OptionSelected, "#standing")
    def standing_interest(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.standing[event.option_index]
        self._declare(chosen.description, chosen.kind, chosen.id)

    def action_cancel(self) -> None:
        self.dismiss(False)
