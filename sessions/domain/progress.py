"""How far a programme has gone: its sessions, the framework steps worked on, the notes' trend.

The dashboard and the report both read it. It is read in a fixed handful of grouped
queries however many sessions and notes the programme has: a programme a year into its
work has hundreds of sessions and tens of thousands of notes, and the dashboard opens on
every Enter from home.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
from sessions.clock import ClockState, replay
from sessions.domain.balance import session_balances
from sessions.domain.coverage import covered_steps, items_with_notes
from sessions.domain.suggestion import StepSuggestion, pick_step
from sessions.models import AgendaItem, Session
from sessions.timer_log import load_logs
from sessions.views import NoteBalance
from sessions.vocabulary import SessionState

# (id, number, agenda title, created at, finished at, planned for, minutes approved in,
# cancelled at): what a summary reads.
SessionRow = Row[
    int, int, str, datetime, datetime | None, date | None, int | None, datetime | None, bool
]


@dataclass(frozen=True)
class SessionSummary:
    id: int
    number: int
    held_at: datetime
    """When the clock first started; the day it was set up if it never has."""
    planned_for: date | None
    """The day it was planned for, when it was set up with one."""
    agenda_title: str
    state: SessionState
    planned_seconds: int
    """The agenda's plan, before any extension or rebalance."""
    actual_seconds: float
    """Time the clock ran, replayed from the timer log."""
    steps_worked: tuple[int, ...]
    """Framework steps covered, by the one rule (`sessions.domain.coverage`)."""
    deal_notes: int
    relationship_notes: int
    minutes_approved_in: int | None = None
    """The number of the session that approved its minutes; None while they are a draft."""
    to_confirm: bool = False
    """Planned for a day a plan counted, not yet agreed with the room."""

    @property
    def resumable(self) -> bool:
        return self.state in (SessionState.PLANNED, SessionState.UNFINISHED)


@dataclass(frozen=True)
class StepWork:
    step: int
    name: str
    session_numbers: tuple[int, ...]
    """The sessions that worked on the step, in order."""

    @property
    def label(self) -> str:
        return f"Step {self.step}: {self.name}"


@dataclass(frozen=True)
class Progress:
    """How far a programme's sessions have gone: each session, each step, the next step."""

    sessions: tuple[SessionSummary, ...]
    """In session order."""
    steps: tuple[StepWork, ...]
    """Every framework step, 1 to 4, worked on or not."""
    suggestion: StepSuggestion
    """The framework step the next session should continue from."""


def programme_progress(db: DbSession, programme_id: int) -> Progress:
    """The programme's sessions summed up, read in a fixed handful of grouped queries."""
    sessions = db.execute(
        select(
            Session.id,
            Session.number,
            Session.agenda_title,
            Session.created_at,
            Session.finished_at,
            Session.planned_for,
            Session.minutes_approved_in,
            Session.cancelled_at,
            Session.date_to_confirm,
        )
        .where(Session.programme_id == programme_id)
        .order_by(Session.number)
    ).all()
    in_programme = select(Session.id).where(Session.programme_id == programme_id)
    # The bulk reads go through the connection: plain rows need none of the ORM's loading.
    rows = db.connection()
    items = rows.execute(
        select(
            AgendaItem.id,
            AgendaItem.session_id,
            AgendaItem.position,
            AgendaItem.step,
            AgendaItem.planned_seconds,
        ).where(AgendaItem.session_id.in_(in_programme))
    ).all()
    clocks = _replay_all(db, in_programme)
    # Counted from the (session, kind, deleted) index alone, never reading a note.
    balances = session_balances(db, in_programme)
    noted = items_with_notes(db, in_programme)

    planned: dict[int, int] = defaultdict(int)
    for _, session_id, _, _, seconds in items:
        planned[session_id] += seconds
    worked = covered_steps(
        [(item_id, session_id, position, step) for item_id, session_id, position, step, _ in items],
        noted,
        clocks,
    )
    summaries = tuple(
        _summary(
            row,
            clocks.get(row.id, ClockState()),
            planned[row.id],
            worked[row.id],
            balances.get(row.id, NoteBalance()),
        )
        for row in sessions
    )
    step_items = [(session_id, position, step) for _, session_id, position, step, _ in items]
    runs = [(row.id, row.number, row.finished_at) for row in sessions]
    return Progress(
        sessions=summaries,
        steps=tuple(
            StepWork(step, name, tuple(s.number for s in summaries if step in s.steps_worked))
            for step, name in sorted(STEP_NAMES.items())
        ),
        suggestion=pick_step(runs, clocks, step_items, worked),
    )


def session_state(
    finished_at: datetime | None, clock: ClockState, cancelled_at: datetime | None = None
) -> SessionState:
    """Finished, unfinished (its clock has started), planned, or cancelled before it met."""
    if finished_at is not None:
        return SessionState.FINISHED
    if cancelled_at is not None:
        return SessionState.CANCELLED
    return SessionState.UNFINISHED if clock.started else SessionState.PLANNED


def _replay_all(db: DbSession, session_ids: Select[int]) -> dict[int, ClockState]:
    """Every session's clock from one read of the log."""
    return {session_id: replay(log) for session_id, log in load_logs(db, session_ids).items()}


def _summary(
    row: SessionRow, state: ClockState, planned: int, worked: set[int], balance: NoteBalance
) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        number=row.number,
        held_at=state.first_started_at or row.created_at,
        planned_for=row.planned_for,
        agenda_title=row.agenda_title,
        state=session_state(row.finished_at, state, row.cancelled_at),
        planned_seconds=planned,
        actual_seconds=state.session_elapsed,
        steps_worked=tuple(sorted(worked)),
        deal_notes=balance.deal,
        relationship_notes=balance.relationship,
        minutes_approved_in=row.minutes_approved_in,
        to_confirm=row.date_to_confirm,
    )
