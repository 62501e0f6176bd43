"""The top of the session screen: where the session is, the item and its times, its countdown."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import Static

from facilitator.widgets.session_clocks import ItemCountdown
from sessions.agenda.durations import format_duration
from sessions.clock import ClockState
from sessions.views import ItemView, SessionView
from sessions.vocabulary import ItemKind


def item_meta(item: ItemView, count: int, state: ClockState) -> str:
    """`Item 3 of 12 · planned 10m, now 15m · checklist · skipped`."""
    kind = "" if item.kind == ItemKind.DISCUSSION else f" · {item.kind.replace('-', ' ')}"
    now_seconds = item.base_seconds + state.extra_for(item.position)
    given = f", now {format_duration(now_seconds)}" if now_seconds != item.planned_seconds else ""
    skipped = " · skipped" if item.position in state.skipped else ""
    return (
        f"Item {item.position + 1} of {count} · planned "
        f"{format_duration(item.planned_seconds)}{given}{kind}{skipped}"
    )


class ItemHeading(Horizontal):
    """The item's step and title, how long it has, and beside them its countdown."""

    view: var[SessionView | None] = var(None, init=False)
    state: var[ClockState] = var(ClockState, init=False)
    now: var[datetime | None] = var(None, init=False)
    """The session, its clock and the time: bound to the screen's, passed on to the countdown."""
    item: var[ItemView | None] = var(None, init=False)
    meta: var[str] = var("", init=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="where"):
            yield Static(id="step")
            yield Static(id="item-title")
            yield Static(id="item-meta")
        yield ItemCountdown("00:00", id="countdown").data_bind(
            ItemHeading.view, ItemHeading.state, ItemHeading.now
        )

    def watch_view(self) -> None:
        self._read()

    def watch_state(self) -> None:
        self._read()

    def _read(self) -> None:
        if self.view is not None:
            self.item = self.view.items[self.state.position]
            self.meta = item_meta(self.item, len(self.view.items), self.state)

    def watch_item(self, item: ItemView | None) -> None:
        if item is None:
            return
        self.query_one("#step", Static).update(Text(item.where, style="bold"))
        title = Text(item.title, style="bold")
        if item.confidential:
            # Taken in private: the room's screens and the public minutes leave it out.
            title.append(" (confidential)")
        self.query_one("#item-title", Static).update(title)

    def watch_meta(self, meta: str) -> None:
        self.query_one("#item-meta", Static).update(meta)
