"""Fist of five: a proposal put to the room, its running spread, and its outcome.

With no proposal open the dialog asks for one, put to the room at the item the meeting
is on; phones show it at that item. With one open it shows how many have answered and the
spread (the room's screen does not, until it closes), counts hands shown in the room, and
closes it: carried, not carried or deferred. The minutes keep the outcome and the spread
as a decision of the item.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.commit_feed import Committed
from facilitator.screens.dialog import DialogScreen
from sessions.services import proposals
from sessions.services.proposals import FINGER_WORDS, FINGERS, ProposalOutcome, ProposalView

PUT_HINT = "Enter: put it to the room · Esc: back to the session"
OPEN_HINT = (
    "0-5: count a hand shown in the room · c: carried · n: not carried · d: deferred · "
    "Esc: back, leaving it open"
)
REFRESH_SECONDS = 2.0
BAR_WIDTH = 20


def spread_text(proposal: ProposalView) -> Text:
    """One line for each answer, 5 down to 0: its words, a bar, how many; then the count
    and the lowest."""
    counts = proposal.spread.counts
    most = max(counts) or 1
    text = Text()
    for fingers in reversed(FINGERS):
        bar = "█" * round(BAR_WIDTH * counts[fingers] / most)
        text.append(
            f"{fingers} {FINGER_WORDS[fingers]:<42.42}", style="bold" if counts[fingers] else "dim"
        )
        text.append(f" {bar:<{BAR_WIDTH}} ", style="green" if fingers else "red")
        text.append(f"{counts[fingers]}\n")
    answered = proposal.spread.answered
    text.append(
        f"{answered} answer{'' if answered == 1 else 's'}"
        + (f" · lowest {proposal.spread.lowest}" if answered else ""),
        style="bold",
    )
    return text


class ProposalScreen(DialogScreen[ProposalView | None]):
    """Dismissed with the proposal once it is put or closed; None when left as it was."""

    app = getters.app(FacilitatorApp)
    CSS_PATH = ["dialog.tcss", "proposal.tcss"]
    BINDINGS = [
        Binding("escape", "close", "Close", id="proposal.close"),
        Binding(
            "c",
            "decide('carried')",
            "Carried",
            id="proposal.carried",
            tooltip="Close the proposal: carried",
        ),
        Binding(
            "n",
            "decide('not_carried')",
            "Not carried",
            id="proposal.not_carried",
            tooltip="Close the proposal: not carried",
        ),
        Binding(
            "d",
            "decide('deferred')",
            "Deferred",
            id="proposal.deferred",
            tooltip="Close the proposal: deferred to a later meeting",
        ),
        *(
            Binding(str(fingers), f"count({fingers})", str(fingers), show=False)
            for fingers in FINGERS
        ),
    ]

    def __init__(self, session_id: int, position: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.position = position
        self.proposal: ProposalView | None = None

    spread = getters.query_one("#proposal-spread", Static)

    def compose(self) -> ComposeResult:
        found = self.app.attempt(proposals.open_proposal, self.app.store, self.session_id)
        self.proposal = None if found is REFUSED else found
        with Vertical(classes="dialog", id="proposal"):
            if self.proposal is None:
                yield Label("Put a proposal to the room", classes="heading")
                yield Input(
                    placeholder="The proposal, as the room will read it", id="proposal-text"
                )
                yield Static(PUT_HINT, classes="hint")
                return
            # Nothing to type while it is open: the keys count hands and close it.
            yield Label(Text(f"Proposal: {self.proposal.text}"), classes="heading")
            yield Static(id="proposal-spread")
            yield Static(OPEN_HINT, classes="hint")

    def on_mount(self) -> None:
        if self.proposal is not None:
            self.show_spread()
            # Told of each commit (a phone's answer among them); the timer is the net.
            self.app.commits.subscribe(self)
            self.set_interval(self.app.commits.fallback(REFRESH_SECONDS), self.read_spread)

    def on_unmount(self) -> None:
        self.app.commits.unsubscribe(self)

    @on(Committed)
    def _committed(self) -> None:
        self.read_spread()

    def show_spread(self) -> None:
        if self.proposal is not None:
            self.spread.update(spread_text(self.proposal))

    def read_spread(self) -> None:
        """Phones answer meanwhile: read the spread again."""
        found = self.app.attempt(proposals.open_proposal, self.app.store, self.session_id)
        if found is not REFUSED and found is not None:
            self.proposal = found
            self.show_spread()

    @on(Input.Submitted, "#proposal-text")
    def put(self, event: Input.Submitted) -> None:
        put = self.app.attempt(
            proposals.put_proposal, self.app.store, self.session_id, self.position, event.value
        )
        if put is REFUSED:
            return
        self.app.say("The proposal is put to the room: ctrl+e shows its spread and closes it.")
        self.dismiss(put)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letters and digits belong to the proposal's words until it is put.
        if action in ("decide", "count"):
            return self.proposal is not None
        return True

    def action_count(self, fingers: int) -> None:
        counted = self.app.attempt(proposals.count_hands, self.app.store, self.session_id, fingers)
        if counted is not REFUSED:
            self.proposal = counted
            self.show_spread()

    def action_decide(self, outcome: str) -> None:
        closed = self.app.attempt(
            proposals.close_proposal, self.app.store, self.session_id, ProposalOutcome(outcome)
        )
        if closed is REFUSED:
            return
        self.app.say(f"{closed.outcome_label}: the minutes keep it as a decision, with its spread.")
        self.dismiss(closed)

    def action_close(self) -> None:
        self.dismiss(None)
