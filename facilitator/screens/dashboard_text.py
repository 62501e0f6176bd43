"""What the dashboard says of a programme, line by line, and its sessions table's rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from rich.text import Text

from facilitator.dates import weekday_text
from sessions.services.dashboard import (
    DashboardView,
    SessionSummary,
    StepWork,
)
from sessions.vocabulary import SessionState

Column = tuple[str, int]

COLUMNS: tuple[Column, ...] = (
    ("No.", 4),
    ("Date", 10),
    ("State", 10),
    ("Run / plan", 11),
    ("Deal / rel", 10),
)
MINUTES_COLUMN: Column = ("Minutes", 7)
"""Whether each finished session's minutes are a draft or approved: shown after the state
where the screen leaves the agenda room beside it (the line above names those waiting)."""
AGENDA_ROOM = 20
MIN_AGENDA_WIDTH = 10


def table_frame(columns: tuple[Column, ...]) -> int:
    """Cell padding on both sides of every column and the agenda's, the page's padding and
    the scroll bar."""
    return 2 * (len(columns) + 1) + 4


TO_CONFIRM = " (to confirm)"
"""Beside the day of a session planned for a day a plan counted, not yet agreed."""
TO_CONFIRM_SHORT = " TBC"
"""The same where the long words would leave the agenda too little room: a laptop's 80
columns."""


def table_columns(
    width: int, sessions: Sequence[SessionSummary] = ()
) -> tuple[tuple[Column, ...], int]:
    """The columns before the agenda on a screen `width` wide, and the agenda's width: the
    minutes column only where the agenda keeps room enough to be read; the date's wider
    where one of `sessions` has its day still to confirm, its words shortened before the
    agenda is squeezed."""
    dates = [COLUMNS[1][1]]
    if any(date_to_confirm(summary) for summary in sessions):
        dates = [COLUMNS[1][1] + len(marker) for marker in (TO_CONFIRM, TO_CONFIRM_SHORT)]
    choices: list[tuple[Column, ...]] = []
    for date_width in dates:
        columns = (COLUMNS[0], ("Date", date_width), *COLUMNS[2:])
        choices += [(*columns[:3], MINUTES_COLUMN, *columns[3:]), columns]
    for columns in choices:
        agenda = width - table_frame(columns) - sum(w for _, w in columns)
        if agenda >= AGENDA_ROOM:
            return columns, agenda
    # The narrowest choice is the last.
    return columns, max(MIN_AGENDA_WIDTH, agenda)


def number_ranges(numbers: tuple[int, ...]) -> str:
    """`1–3, 5, 8–9`: a long programme's session numbers, short enough for one line."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def steps_text(steps: tuple[StepWork, ...]) -> Text:
    """One line a step: `Step 2: Trusted people — sessions 1, 3`, or that it is still to do."""
    width = max(len(step.label) for step in steps)
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, step in enumerate(steps):
        if index:
            text.append("\n")
        worked = bool(step.session_numbers)
        text.append(step.label.ljust(width), style="bold" if worked else "dim")
        if worked:
            noun = "session" if len(step.session_numbers) == 1 else "sessions"
            text.append(f" — {noun} {number_ranges(step.session_numbers)}")
        else:
            text.append(" — not worked on yet", style="dim italic")
    return text


def about_text(view: DashboardView) -> Text:
    """The PCN, how many sessions in each state, and the time run against the time planned."""
    text = Text()
    if view.programme.pcn_name:
        text.append(view.programme.pcn_name, style="bold")
        text.append(" · ")
    count = len(view.sessions)
    text.append(f"{count} session" + ("" if count == 1 else "s"))
    states = [
        (sum(s.state == state for s in view.sessions), label)
        for state, label in (
            (SessionState.FINISHED, "finished"),
            (SessionState.UNFINISHED, "unfinished"),
            (SessionState.PLANNED, "not started"),
            (SessionState.CANCELLED, "cancelled"),
        )
    ]
    shown = [f"{n} {label}" for n, label in states if n]
    if shown:
        text.append(": " + ", ".join(shown))
    if count:
        text.append(
            f" · run {short_time(view.actual_seconds)} of "
            f"{short_time(view.planned_seconds)} planned"
        )
    return text


def actions_text(view: DashboardView) -> Text:
    text = Text("Actions ", style="bold")
    text.append(f"{view.open_actions} open")
    if view.overdue_actions:
        text.append(" · ")
        text.append(f" {view.overdue_actions} OVERDUE ", style="bold reverse red")
    text.append("  a: see them", style="dim")
    return text


def minutes_waiting_text(view: DashboardView) -> Text:
    """`Minutes to approve: sessions 1–2`, or none: each is approved at a later session."""
    text = Text("Minutes to approve: ", style="bold")
    waiting = view.minutes_to_approve
    if not waiting:
        text.append("none", style="dim")
        return text
    noun = "session" if len(waiting) == 1 else "sessions"
    text.append(f"{noun} {number_ranges(waiting)}", style="yellow")
    return text


def minutes_cell(summary: SessionSummary) -> Text:
    """`draft` until a later session approves them, then `✓ at 2`; nothing before they exist."""
    if summary.state != SessionState.FINISHED:
        return Text("")
    if summary.minutes_approved_in is None:
        return Text("draft", style="yellow")
    return Text(f"✓ at {summary.minutes_approved_in}")


def date_to_confirm(summary: SessionSummary) -> bool:
    return (
        summary.state == SessionState.PLANNED
        and summary.planned_for is not None
        and summary.to_confirm
    )


def to_confirm_marker(summary: SessionSummary, date_width: int) -> str:
    if not date_to_confirm(summary):
        return ""
    return TO_CONFIRM if date_width >= COLUMNS[1][1] + len(TO_CONFIRM) else TO_CONFIRM_SHORT


def session_date(summary: SessionSummary) -> date:
    """The day it met; a session not started yet shows the day it is planned for."""
    if (
        summary.state in (SessionState.PLANNED, SessionState.CANCELLED)
        and summary.planned_for is not None
    ):
        return summary.planned_for
    return summary.held_at.astimezone().date()


def next_text(view: DashboardView) -> Text:
    """What the next session would be: the step to continue from and what waits for review;
    or, where one is set up and not started, that one."""
    suggestion = view.suggestion
    text = Text("Next ", style="bold")
    waiting = view.waiting
    if waiting is not None:
        # One is set up already: a second would leave the first waiting for ever.
        when = (
            f"planned for {weekday_text(waiting.planned_for)}" if waiting.planned_for else "set up"
        )
        if date_to_confirm(waiting):
            when += TO_CONFIRM
        text.append(f"session {waiting.number} is {when}, not started: {waiting.agenda_title}")
        text.append("  s: open it", style="dim")
        return text
    text.append(
        f"session {len(view.sessions) + 1}: continue from {suggestion.label} ({suggestion.reason})"
    )
    if view.sessions and view.open_actions:
        noun = "action" if view.open_actions == 1 else "actions"
        text.append(f", {view.open_actions} open {noun} reviewed first")
    text.append("  s: set it up", style="dim")
    return text


def short_time(seconds: float) -> str:
    """`1h05`, `45m`: short enough for a table cell; `–` for a clock that never ran."""
    if seconds <= 0:
        return "–"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}h{minutes:02d}" if hours else f"{minutes}m"


def session_row(
    summary: SessionSummary,
    agenda_width: int,
    minutes: bool = False,
    date_width: int = COLUMNS[1][1] + len(TO_CONFIRM),
) -> tuple[Text, ...]:
    """The session's cells; with `minutes`, whether its minutes are approved after its state;
    a day still to confirm said in the words `date_width` has room for."""
    state_style = {
        SessionState.FINISHED: "dim",
        SessionState.UNFINISHED: "bold",
        SessionState.CANCELLED: "dim strike",
    }.get(summary.state, "italic")
    over = summary.actual_seconds > summary.planned_seconds
    return (
        Text(str(summary.number), justify="right"),
        Text(f"{session_date(summary):%Y-%m-%d}{to_confirm_marker(summary, date_width)}"),
        Text(summary.state, style=state_style),
        *((minutes_cell(summary),) if minutes else ()),
        Text(
            f"{short_time(summary.actual_seconds)} / {short_time(summary.planned_seconds)}",
            style="yellow" if over else "",
        ),
        Text(f"{summary.deal_notes} / {summary.relationship_notes}"),
        Text(agenda_cell(summary.agenda_title, agenda_width), no_wrap=True),
    )


@lru_cache(maxsize=256)
def agenda_cell(title: str, width: int) -> str:
    """The agenda's title cut to `width` cells with an ellipsis: worked out once a title and
    width, since a programme's sessions mostly share a few agendas and cutting a line that
    is not plain ASCII walks it grapheme by grapheme."""
    text = Text(title, no_wrap=True)
    text.truncate(width, overflow="ellipsis")
    return text.plain
