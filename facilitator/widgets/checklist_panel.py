"""A checklist in the session screen: votes counted a key at a time, shown as ranked bars."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets.option_list import Option

from facilitator.app import REFUSED
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.services.checklist import (
    OptionResult,
    checklist_results,
    vote,
    withdraw_last,
)
from sessions.vocabulary import ItemKind

BAR_WIDTH = 12


def ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def option_text(result: OptionResult, most: int) -> Text:
    """`████▌   5  1st  Doing it…`: the bar is the votes against the most any option has."""
    eighths = round(result.votes * BAR_WIDTH * 8 / most) if most else 0
    bar = "█" * (eighths // 8) + (" ▏▎▍▌▋▊▉"[eighths % 8] if eighths % 8 else "")
    text = Text(f"{bar:<{BAR_WIDTH}} ", style="bold")
    text.append(f"{result.votes:>3}  ")
    text.append(f"{ordinal(result.rank):<4} " if result.rank else "     ", style="dim")
    text.append(result.option)
    return text


class ChecklistPanel(ActivityPanel):
    KIND = ItemKind.CHECKLIST
    BINDINGS = [
        Binding(
            "space,plus",
            "vote(1)",
            "Vote",
            id="checklist.vote",
            tooltip="Add one vote to the highlighted option",
        ),
        *(Binding(str(n), f"vote({n})", str(n), show=False) for n in range(1, 10)),
        Binding(
            "backspace,minus",
            "withdraw",
            "Undo",
            id="checklist.withdraw",
            tooltip="Take back the highlighted option's last votes",
        ),
        Binding(
            "n",
            "to_note(False)",
            "To note",
            id="checklist.note",
            tooltip="Put the highlighted option in the note line as a note",
        ),
        Binding(
            "a",
            "to_note(True)",
            "To action",
            id="checklist.action",
            tooltip="Put the highlighted option in the note line as an action",
        ),
    ]

    @dataclass
    class ToNoteLine(Message):
        """Asks the session screen to start a note with this text."""

        text: str

    # Every read redraws, changed or not, as the panel always has: what is shown is what
    # was read last.
    results: var[tuple[OptionResult, ...]] = var((), init=False, always_update=True)
    """The item's options with their votes, in the agenda's order, as last saved."""

    @property
    def has_rows(self) -> bool:
        return bool(self.results)

    def reload(self) -> None:
        results = self.app.attempt(
            checklist_results, self.app.store, self.session_id, self.position
        )
        if results is not REFUSED:
            self.results = tuple(results)

    def watch_results(self, results: tuple[OptionResult, ...]) -> None:
        kept = self.highlighted
        most = max((result.votes for result in results), default=0)
        self.clear_options()
        # The agenda's order stays put, so the cursor does not jump as votes come in;
        # the rank says where each stands.
        self.add_options([Option(option_text(result, most)) for result in results])
        total = sum(result.votes for result in results)
        self.border_title = (
            f"Checklist: {total} vote{'s' if total != 1 else ''} · "
            "space or 1–9 adds · backspace takes back · n note · a action"
        )
        if results:
            self.highlighted = min(kept or 0, len(results) - 1)

    def action_vote(self, count: int) -> None:
        option = self.highlighted
        if option is None:
            self.acted()
            return
        self.save(
            lambda: vote(
                self.app.store,
                self.session_id,
                self.position,
                option,
                count,
                now=self.app.now(),
            )
        )

    def action_withdraw(self) -> None:
        option = self.highlighted
        if option is None:
            self.acted()
            return
        self.save(
            lambda: withdraw_last(
                self.app.store, self.session_id, self.position, option, now=self.app.now()
            ),
            nothing="That option has no votes to take back.",
        )

    def action_to_note(self, as_action: bool) -> None:
        self.acted()
        if self.highlighted is None:
            return
        result = self.results[self.highlighted]
        if as_action:
            self.post_message(self.ToNoteLine(f"a: {result.option} @"))
        else:
            plural = "s" if result.votes != 1 else ""
            votes = f" ({result.votes} vote{plural})" if result.votes else ""
            self.post_message(self.ToNoteLine(f"{result.option}{votes}"))
