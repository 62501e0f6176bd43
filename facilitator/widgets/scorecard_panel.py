"""A scorecard in the session screen: a digit a rating, as the room calls them out."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import var

from facilitator.app import REFUSED
from facilitator.widgets.activity_panel import ActivityPanel
from sessions import means
from sessions.services.answers import people_asked
from sessions.services.scorecard import (
    StatementResult,
    rate,
    scorecard_results,
    withdraw_last,
)
from sessions.vocabulary import ItemKind


def change_text(result: StatementResult) -> str:
    """`+0.5 since session 2`: only where the programme rated the statement before."""
    if result.mean is None or result.previous_mean is None:
        return ""
    moved = means.change_text(result.mean, result.previous_mean)
    return f" · {moved} since session {result.previous_session}"


def result_text(result: StatementResult, rater: tuple[int, str] | None = None) -> Text:
    """The statement, then its ratings; with a person rating, theirs leads the second line."""
    text = Text(result.statement)
    text.append("\n   ")
    if rater is not None:
        given = result.rating_by(rater[0])
        text.append(f"{rater[1]}: {given if given is not None else '–'}", style="bold reverse")
        text.append(" · ")
    if result.spread is not None and result.mean is not None:  # rated at least once
        low, high = result.spread
        text.append(" ".join(str(s) for s in result.scores), style="bold")
        mean = means.mean_text(result.mean)
        text.append(f" · mean {mean} ({low}–{high}){change_text(result)}", style="dim")
    else:
        text.append("not rated yet", style="dim")
        if result.previous_mean is not None:
            before = means.mean_text(result.previous_mean)
            text.append(f" · {before} in session {result.previous_session}", style="dim")
    return text


class ScorecardPanel(ActivityPanel):
    KIND = ItemKind.SCORECARD
    BINDINGS = [
        *(Binding(str(n), f"rate({n})", str(n), show=False) for n in range(1, 6)),
        Binding(
            "backspace",
            "withdraw",
            "Undo rating",
            id="scorecard.withdraw",
            tooltip="Take back the highlighted statement's last rating",
        ),
        Binding(
            "right_square_bracket",
            "next_rater(1)",
            "Who rates",
            id="scorecard.next_rater",
            tooltip="Rate as the next person present, or as the whole room",
        ),
        Binding(
            "left_square_bracket",
            "next_rater(-1)",
            "Previous rater",
            show=False,
            id="scorecard.previous_rater",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    results: var[tuple[StatementResult, ...]] = var((), init=False, always_update=True)
    """The item's statements with their ratings so far, as last saved."""
    rater: var[tuple[int, str] | None] = var(None, init=False)
    """Whose ratings the digits are, (member id, name): None for the room's, a show of hands
    nobody owns."""

    @property
    def has_rows(self) -> bool:
        return bool(self.results)

    def reload(self) -> None:
        results = self.app.attempt(
            scorecard_results, self.app.store, self.session_id, self.position
        )
        if results is not REFUSED:
            self.results = tuple(results)

    def watch_results(self) -> None:
        self._draw()

    def watch_rater(self) -> None:
        self._draw()

    def _draw(self) -> None:
        results, kept = self.results, self.row_index
        self.clear_rows()
        area = None
        for index, result in enumerate(results):
            if result.area != area and result.area:
                self.add_row(Text(result.area, style="bold underline"))
            area = result.area
            self.add_row(result_text(result, self.rater), index)
        rated = sum(bool(result.scores) for result in results)
        who = f"{self.rater[1]} rating" if self.rater else "room ratings"
        self.border_title = (
            f"Scorecard: {rated} of {len(results)} rated · {who} · 1–5 rates · "
            "] who · backspace takes back"
        )
        self.highlight_row(kept if kept is not None else 0)

    def action_rate(self, score: int) -> None:
        index = self.row_index
        if index is None:
            self.acted()
            return
        saved = self.save(
            lambda: rate(
                self.app.store,
                self.session_id,
                self.position,
                index,
                score,
                now=self.app.now(),
                member_id=self.rater[0] if self.rater else None,
            )
        )
        # One person goes down the list in one go; the room's hands are counted in place.
        if saved and self.rater is not None and index + 1 < len(self.results):
            self.highlight_row(index + 1)

    def action_next_rater(self, step: int) -> None:
        self.acted()
        people = self.app.attempt(people_asked, self.app.store, self.session_id)
        if people is REFUSED:
            return
        if not people:
            self.app.say("Add the programme's members to rate by name; the room can still rate.")
            return
        # The room is a stop on the round, between the last person and the first.
        stops: list[tuple[int, str] | None] = [None, *people]
        at = stops.index(self.rater) if self.rater in stops else 0
        self.rater = stops[(at + step) % len(stops)]
        self.reload()
        self.highlight_row(0)

    def action_withdraw(self) -> None:
        index = self.row_index
        if index is None:
            self.acted()
            return
        self.save(
            lambda: withdraw_last(
                self.app.store,
                self.session_id,
                self.position,
                index,
                now=self.app.now(),
                member_id=self.rater[0] if self.rater else None,
            ),
            nothing="That statement has no rating to take back.",
        )
