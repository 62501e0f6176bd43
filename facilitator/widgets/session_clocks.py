"""The session screen's clocks: the item's countdown, when to be back from a break, and the
session's own pace. Each redraws from the saved clock state and the time now; none counts.

Each holds the session, its clock as saved and the time now in reactives bound to the
screen's, so a clock redraws itself when any of them changes.
"""

from __future__ import annotations

from datetime import datetime

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Digits, Label, Static

from facilitator.app import FacilitatorApp
from sessions.agenda.durations import format_duration
from sessions.clock import ClockState, current_countdown, format_clock, return_time
from sessions.pacing import pace
from sessions.views import SessionView
from sessions.vocabulary import ItemKind

LATE_WARNING_SECONDS = 5 * 60


class ClockReading(Widget):
    """The three things every clock reads, bound to the session screen's own."""

    view: var[SessionView | None] = var(None, init=False)
    state: var[ClockState] = var(ClockState, init=False)
    now: var[datetime | None] = var(None, init=False)

    def watch_view(self) -> None:
        self.redraw()

    def watch_state(self) -> None:
        self.redraw()

    def watch_now(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        if self.view is not None and self.now is not None:
            self.show_time(self.view, self.state, self.now)

    def show_time(self, view: SessionView, state: ClockState, now: datetime) -> None:
        raise NotImplementedError


def item_seconds(view: SessionView) -> list[int]:
    return [item.base_seconds for item in view.items]


class ItemCountdown(ClockReading, Digits):
    """The current item's time left: green, amber near the end, red once it runs over."""

    app = getters.app(FacilitatorApp)

    level: var[str] = var("ok")
    """The countdown's reading: ok, warning or over."""
    rung_for: var[int | None] = var(None)
    """The item whose zero the bell has rung for, so it rings once an item."""

    def show_time(self, view: SessionView, state: ClockState, now: datetime) -> None:
        live = state.at(now)
        reading = current_countdown(live, item_seconds(view))
        if reading.level == "over" and live.running and self.rung_for != live.position:
            self.rung_for = live.position
            self.app.ring()
        if self.value != reading.text:  # it changes once a second; the tick comes twice
            self.update(reading.text)
        self.level = reading.level

    def watch_level(self, level: str) -> None:
        self.set_class(level == "warning", "-warning")
        self.set_class(level == "over", "-over")


class BreakReturn(ClockReading, Horizontal):
    """During a break, when to be back, in digits the facilitator can read across the room."""

    back_at: var[str] = var("")

    def compose(self) -> ComposeResult:
        yield Label("Back at", id="back-label")
        yield Digits("", id="back-at")

    def show_time(self, view: SessionView, state: ClockState, now: datetime) -> None:
        live = state.at(now)
        on_break = view.items[live.position].kind == ItemKind.BREAK
        self.display = on_break and not live.finished
        if self.display:
            self.back_at = f"{return_time(live, item_seconds(view), now).astimezone():%H:%M}"

    def watch_back_at(self, back_at: str) -> None:
        self.query_one("#back-at", Digits).update(back_at)


class PacingLine(ClockReading, Static):
    """`12:40 of 3h05 · finish 12:30 → 12:37, 7 min late · running`: the session as a whole.

    It says so once when the session is projected to finish over 5 minutes late, and again
    only if it has come back within them in between.
    """

    app = getters.app(FacilitatorApp)

    line: var[str] = var("", init=False)
    late_seconds: var[float] = var(0.0, init=False)
    """How late the session is projected to finish, at the last tick."""

    def show_time(self, view: SessionView, state: ClockState, now: datetime) -> None:
        live, planned = state.at(now), view.planned_seconds
        heading = pace(state, item_seconds(view), now, planned)

        def local(moment: datetime) -> str:
            return f"{moment.astimezone():%H:%M}"

        if heading.planned_finish is None:
            where = f"ends {local(heading.projected_finish)} if started now"
        else:
            where = (
                f"finish {local(heading.planned_finish)} → "
                f"{local(heading.projected_finish)}, {heading.verdict}"
            )
        if live.running:
            status = "running"
        elif live.started:
            status = "paused (ctrl+t)"
        else:
            status = "ctrl+t starts the clock"
        self.line = (
            f"{format_clock(live.session_elapsed)} of "
            f"{format_duration(planned)} · {where} · {status}"
        )
        self.late_seconds = heading.late_seconds

    def watch_line(self, line: str) -> None:
        # One line of fixed height: its text never changes its size, so no re-layout.
        self.update(line, layout=False)

    def watch_late_seconds(self, before: float, late: float) -> None:
        if late > LATE_WARNING_SECONDS >= before:
            self.app.say(
                f"The session is projected to finish {round(late / 60)} min late: "
                "shorten or skip what is left.",
                severity="warning",
                timeout=10,
            )
