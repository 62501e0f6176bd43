"""How far a programme has gone: its sessions, the framework steps worked on, the notes' trend.

The dashboard and the report both read it. It is read in a fixed handful of grouped
queries however many sessions and notes the programme has: a programme a year into its
work has hundreds of sessions and tens of thousands of notes, and the dashboard opens on
every Enter from home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
from sessions.domain.suggestion import StepSuggestion, pick_step
from sessions.domain.summaries import SessionFacts, programme_facts, with_summaries
from sessions.models import Session
from sessions.vocabulary import SessionState

# (id, number, agenda title, created at, finished at, planned for, minutes approved in,
# cancelled at, date to confirm), then the kept summary's columns: what a summary reads.
SessionRow = Row[Any]


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
    """The programme's sessions summed up: finished ones as kept when they finished, the
    rest from their logs, agendas and notes (`sessions.domain.summaries`)."""
    sessions = db.execute(
        with_summaries(
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
        )
    ).all()
    facts = programme_facts(db, programme_id, sessions)
    summaries = tuple(_summary(row, facts[row.id]) for row in sessions)
    return Progress(
        sessions=summaries,
        steps=tuple(
            StepWork(step, name, tuple(s.number for s in summaries if step in s.steps_worked))
            for step, name in sorted(STEP_NAMES.items())
        ),
        suggestion=pick_step((row.number, facts[row.id]) for row in sessions),
    )


def session_state(
    finished_at: datetime | None, started: bool, cancelled_at: datetime | None = None
) -> SessionState:
    """Finished, unfinished (its clock has started), planned, or cancelled before it met."""
    if finished_at is not None:
        return SessionState.FINISHED
    if cancelled_at is not None:
        return SessionState.CANCELLED
    return SessionState.UNFINISHED if started else SessionState.PLANNED


def _summary(row: SessionRow, facts: SessionFacts) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        number=row.number,
        held_at=facts.held_at,
        planned_for=row.planned_for,
        agenda_title=row.agenda_title,
        state=session_state(row.finished_at, facts.started, row.cancelled_at),
        planned_seconds=facts.planned_seconds,
        actual_seconds=facts.run_seconds,
        steps_worked=facts.steps_covered,
        deal_notes=facts.balance.deal,
        relationship_notes=facts.balance.relationship,
        minutes_approved_in=row.minutes_approved_in,
        to_confirm=row.date_to_confirm,
    )
