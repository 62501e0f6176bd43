"""A dialog to set when and where a planned session meets, or to call it off.

Opened from the dashboard on a session not yet started. Enter saves the day, start, end
and place as typed (an empty end is the agenda's length from the start, to the quarter
hour); ctrl+t cancels the session, once confirmed. Each change makes the next invitation
update the one already in people's calendars.
"""

from __future__ import annotations

import re
from datetime import date, time

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.services import calendar

_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


def typed_time(typed: str, what: str) -> time | None:
    """`14:30`, `9.30`; None for nothing typed."""
    typed = typed.strip()
    if not typed:
        return None
    if (match := _CLOCK.fullmatch(typed)) is not None:
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InputError(f"{typed!r} is not a time for the {what}: write it like 14:30.")


class PlanSessionScreen(DialogScreen[str | None]):
    """Dismissed with a line saying what changed, or None where nothing did."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [
        Binding("escape", "close", "Close", id="plan_session.close"),
        Binding(
            "ctrl+t",
            "cancel_session",
            "Cancel the session",
            id="plan_session.cancel_session",
            tooltip="Call the session off: it stays in the record, and never starts",
        ),
    ]

    def __init__(self, planned: calendar.PlannedMeeting, today: date):
        super().__init__()
        self.planned = planned
        self.today = today

    def compose(self) -> ComposeResult:
        meeting = self.planned.meeting
        with Vertical(classes="dialog", id="plan-session"):
            yield Label(
                Text(f"Session {self.planned.number}: {self.planned.agenda_title}"),
                classes="heading",
            )
            with Grid(id="plan-fields"):
                yield Label("Date")
                yield Input(meeting.on.isoformat() if meeting.on else "", id="date")
                yield Label("Start")
                yield Input(f"{meeting.start:%H:%M}" if meeting.start else "", id="start")
                yield Label("End")
                yield Input(
                    f"{meeting.end:%H:%M}" if meeting.end else "",
                    placeholder="the agenda's length after the start",
                    id="end",
                )
                yield Label("Place")
                yield Input(meeting.place, placeholder="a room and address, or Teams", id="place")
            yield ErrorLine()
            yield Static(
                "Enter: save · Tab: next field · ctrl+t: cancel the session · Esc: close",
                classes="hint",
            )

    def _meeting(self) -> calendar.Meeting:
        typed_day = self.query_one("#date", Input).value.strip()
        on = None
        if typed_day:
            on = parse_date(typed_day, self.today)
            if on is None:
                raise InputError(f"{typed_day!r} is not a date: {DATE_HELP}.")
        return calendar.Meeting(
            on=on,
            start=typed_time(self.query_one("#start", Input).value, "start"),
            end=typed_time(self.query_one("#end", Input).value, "end"),
            place=self.query_one("#place", Input).value,
        )

    def _save(self) -> bool:
        meeting = self._meeting()
        return calendar.replan_session(self.app.store, self.planned.session_id, meeting, self.today)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        changed = self.query_one(ErrorLine).attempt(self._save)
        if changed is REFUSED:
            return
        if not changed:
            self.dismiss(None)
            return
        planned = calendar.meeting(self.app.store, self.planned.session_id)
        self.dismiss(
            f"Session {planned.number} re-planned: press i to write its invitation again, "
            "so calendars update."
        )

    def action_cancel_session(self) -> None:
        from facilitator.screens.confirm import ConfirmScreen

        number = self.planned.number

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = self.query_one(ErrorLine).attempt(
                calendar.cancel_session, self.app.store, self.planned.session_id, self.app.now()
            )
            if done is not REFUSED:
                self.dismiss(
                    f"Session {number} is cancelled: press i to write the cancellation, "
                    "so calendars take it off."
                )

        self.app.push_screen(
            ConfirmScreen(
                f"Cancel session {number}?",
                "It stays in the record, marked cancelled, and can never be started. "
                "Its invitation becomes a cancellation.",
            ),
            answered,
        )

    def action_close(self) -> None:
        self.dismiss(None)
