"""The session screen's clocks: the item's countdown, when to be back from a break, and the
session's own pace. Each redraws from the saved clock state and the time now; none counts."""

from __future__ import annotations

from datetime import datetime

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.widgets import Digits, Label, Static

from facilitator.app import FacilitatorApp
from sessions.agenda.durations import format_duration
from sessions.clock import ClockState, current_countdown, format_clock, return_time
from sessions.pacing import pace

LATE_WARNING_SECONDS = 5 * 60


class ItemCountdown(Digits):
    """The current item's time left: green, amber near the end, red once it runs over."""

    app = getters.app(FacilitatorApp)

    level: var[str] = var("ok")
    """The countdown's reading: ok, warning or over."""
    rung_for: var[int | None] = var(None)
    """The item whose zero the bell has rung for, so it rings once an item."""

    def show(self, live: ClockState, seconds: list[int]) -> None:
        reading = current_countdown(live, seconds)
        if reading.level == "over" and live.running and self.rung_for != live.position:
            self.rung_for = live.position
            self.app.ring()
        if self.value != reading.text:  # it changes once a second; the tick comes twice
            self.update(reading.text)
        self.level = reading.level

    def watch_level(self, level: str) -> None:
        self.set_class(level == "warning", "-warning")
        self.set_class(level == "over", "-over")


class BreakReturn(Horizontal):
    """During a break, when to be back, in digits the facilitator can read across the room."""

    back_at: var[str] = var("")

    def compose(self) -> ComposeResult:
        yield Label("Back at", id="back-label")
        yield Digits("", id="back-at")

    def show(self, live: ClockState, seconds: list[int], now: datetime, on_break: bool) -> None:
        self.display = on_break and not live.finished
        if self.display:
            self.back_at = f"{return_time(live, seconds, now).astimezone():%H:%M}"

    def watch_back_at(self, back_at: str) -> None:
        self.query_one("#back-at", Digits).update(back_at)


class PacingLine(Static):
    """`12:40 of 3h05 · finish 12:30 → 12:37, 7 min late · running`: the session as a whole.

    It says so once when the session is projected to finish over 5 minutes late, and again
    only if it has come back within them in between.
    """

    app = getters.app(FacilitatorApp)

    line: var[str] = var("", init=False)
    late_seconds: var[float] = var(0.0, init=False)
    """How late the session is projected to finish, at the last tick."""

    def show(self, state: ClockState, seconds: list[int], now: datetime, planned: int) -> None:
        live = state.at(now)
        heading = pace(state, seconds, now, planned)

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
