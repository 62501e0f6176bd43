"""A RAG item in the session screen: r, a or g rates the highlighted area; n gives it an owner
and a next step."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import var

from facilitator.app import REFUSED
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.services.rag import RATINGS, AreaRating, rag_results, rate_area, withdraw_rating
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

STYLES = {1: "bold white on red", 2: "bold black on dark_orange", 3: "bold white on green"}
"""A rating's colour, always beside its word: the colour never says it alone."""
RATING_WIDTH = max(len(word) for word in RATINGS.values())


def area_text(result: AreaRating) -> Text:
    """`Amber  Trust`, then the area's owners and next steps beneath it."""
    text = Text()
    if result.rating is None:
        text.append(f"{'—':<{RATING_WIDTH}}", style="dim")
    else:
        text.append(f"{RATINGS[result.rating]:<{RATING_WIDTH}}", style=STYLES[result.rating])
    text.append(f"  {result.area}", style="bold")
    for step in result.steps:
        text.append(f"\n{'':<{RATING_WIDTH}}  → {step.owner or 'no owner'}: {step.text}")
    return text


class RagPanel(ActivityPanel):
    KIND = ItemKind.RAG
    # Taken only while the panel holds the keyboard, for one key: in the note line these
    # letters are words.
    BINDINGS = [
        Binding("r", "rate(1)", "Red", id="rag.red", tooltip="Rate the highlighted area red"),
        Binding("a", "rate(2)", "Amber", id="rag.amber", tooltip="Rate the area amber"),
        Binding("g", "rate(3)", "Green", id="rag.green", tooltip="Rate the area green"),
        Binding(
            "n",
            "next_step",
            "Next step",
            id="rag.next_step",
            tooltip="Give the highlighted area an owner and a next step (an action)",
        ),
        Binding(
            "backspace",
            "withdraw",
            "Take back",
            id="rag.withdraw",
            tooltip="Take back the highlighted area's rating",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    results: var[tuple[AreaRating, ...]] = var((), init=False, always_update=True)
    """The item's areas with their ratings and next steps, as last saved."""

    @property
    def has_rows(self) -> bool:
        return bool(self.results)

    def reload(self) -> None:
        results = self.app.attempt(rag_results, self.app.store, self.session_id, self.position)
        if results is not REFUSED:
            self.results = tuple(results)

    def watch_results(self) -> None:
        results, kept = self.results, self.row_index
        self.clear_rows()
        for index, result in enumerate(results):
            self.add_row(area_text(result), index)
        rated = sum(result.rating is not None for result in results)
        self.border_title = (
            f"RAG: {rated} of {len(results)} rated · r red · a amber · g green · "
            "n next step · backspace takes back"
        )
        self.highlight_row(kept if kept is not None else 0)

    def action_rate(self, score: int) -> None:
        index = self.row_index
        if index is None:
            self.acted()
            return
        self.save(
            lambda: rate_area(
                self.app.store, self.session_id, self.position, index, score, now=self.app.now()
            )
        )

    def action_withdraw(self) -> None:
        index = self.row_index
        if index is None:
            self.acted()
            return
        self.save(
            lambda: withdraw_rating(
                self.app.store, self.session_id, self.position, index, now=self.app.now()
            ),
            nothing="That area has no rating to take back.",
        )

    def action_next_step(self) -> None:
        from facilitator.screens.member_picker import pick_member
        from facilitator.screens.next_step import NextStepScreen

        index = self.row_index
        if index is None:
            self.acted()
            return
        area = self.results[index].area

        def done(change: ActivityChange | None) -> None:
            if change is not None:
                self.reload()
                self.app.say(f"The next step for {area} is an action now.")
            self.acted(change)

        def owned_by(member_id: int | None, name: str) -> None:
            if member_id is None:
                self.acted()
                return
            self.app.push_screen(
                NextStepScreen(self.session_id, self.position, index, area, member_id, name), done
            )

        pick_member(
            self.app, self.session_id, f"Who owns the next step for {area}?", owned_by, nobody=False
        )
