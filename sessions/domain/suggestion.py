"""Where a programme's next session should pick up: the framework step it stopped at."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
from sessions.clock import ClockState, replay
from sessions.models import AgendaItem, Session
from sessions.timer_log import load_logs

LAST_STEP = max(STEP_NAMES)


@dataclass(frozen=True)
class StepSuggestion:
    step: int
    reason: str
    """Why, in a line: 'session 2 stopped in step 3'."""

    @property
    def label(self) -> str:
        return f"Step {self.step}: {STEP_NAMES[self.step]}"


def next_step(db: DbSession, programme_id: int) -> StepSuggestion:
    """The step the programme's next session should continue from."""
    sessions = db.execute(
        select(Session.id, Session.number, Session.finished_at).where(
            Session.programme_id == programme_id
        )
    ).all()
    logs = load_logs(db, [row.id for row in sessions])
    items = db.execute(
        select(AgendaItem.session_id, AgendaItem.position, AgendaItem.step)
        .join(Session, AgendaItem.session_id == Session.id)
        .where(Session.programme_id == programme_id, AgendaItem.step.is_not(None))
    ).all()
    clocks = {row.id: replay(logs.get(row.id, [])) for row in sessions}
    return pick_step(sessions, clocks, items)


def pick_step(
    sessions: Iterable[tuple[int, int, datetime | None]],
    clocks: dict[int, ClockState],
    step_items: Iterable[tuple[int, int, int | None]],
) -> StepSuggestion:
    """The step to continue from, judged by the latest session that reached a step's item.

    `sessions` are rows of (id, number, finished_at) and `step_items` of
    (session_id, position, step), for the items that belong to a step. A step
    the session left part way is taken up again; one it went past (or finished
    on) is done, so the next step is suggested.
    """
    steps_of: dict[int, dict[int, int]] = {}
    for session_id, position, step in step_items:
        if step is not None:
            steps_of.setdefault(session_id, {})[position] = step
    for session_id, number, finished_at in sorted(sessions, key=lambda row: -row[1]):
        state = clocks.get(session_id) or ClockState()
        steps = steps_of.get(session_id, {})
        reached = [position for position in steps if position <= state.position]
        if not state.started or not reached:
            continue
        step = steps[max(reached)]
        last_of_step = max(position for position, s in steps.items() if s == step)
        # Finishing on the step's last item counts as going through it; finishing
        # earlier leaves items of the step never reached.
        finished_on_it = finished_at is not None and state.position == last_of_step
        if state.position <= last_of_step and not finished_on_it:
            return StepSuggestion(step, f"session {number} stopped in step {step}")
        if step < LAST_STEP:
            return StepSuggestion(step + 1, f"session {number} went through step {step}")
        return StepSuggestion(step, f"session {number} reached step {step}, the last")
    return StepSuggestion(1, "no session has worked on a step yet")
