"""Where a programme's next session should pick up: the framework step it stopped at."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
from sessions.clock import ClockState, replay
from sessions.domain.coverage import covered_steps, items_with_notes, step_items
from sessions.models import Session
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
    in_programme = select(Session.id).where(Session.programme_id == programme_id)
    items = step_items(db, in_programme)
    clocks = {row.id: replay(logs.get(row.id, [])) for row in sessions}
    covered = covered_steps(items, items_with_notes(db, in_programme), clocks)
    return pick_step(
        sessions, clocks, [(sid, position, step) for _, sid, position, step in items], covered
    )


def pick_step(
    sessions: Iterable[tuple[int, int, datetime | None]],
    clocks: dict[int, ClockState],
    step_items: Iterable[tuple[int, int, int | None]],
    covered: dict[int, set[int]],
) -> StepSuggestion:
    """The step to continue from, judged by the latest session that covered a step.

    `sessions` are rows of (id, number, finished_at), `step_items` of (session_id,
    position, step) for the items that belong to a step, and `covered` each session's
    steps covered (`sessions.domain.coverage`), so the suggestion never names a step the
    dashboard, the report and the minutes say was not covered. The furthest step the
    session covered is taken up again if the session stopped inside it; if it went past
    the step's last item (or finished on it) the step is done and the next is suggested.
    """
    steps_of: dict[int, dict[int, int]] = {}
    for session_id, position, step in step_items:
        if step is not None:
            steps_of.setdefault(session_id, {})[position] = step
    for session_id, number, finished_at in sorted(sessions, key=lambda row: -row[1]):
        done = covered.get(session_id)
        if not done:
            continue
        state = clocks.get(session_id) or ClockState()
        step = max(done)
        last_of_step = max(
            position for position, s in steps_of.get(session_id, {}).items() if s == step
        )
        # Finishing on the step's last item counts as going through it; finishing
        # earlier leaves items of the step never reached.
        finished_on_it = finished_at is not None and state.position == last_of_step
        if state.position <= last_of_step and not finished_on_it:
            return StepSuggestion(step, f"session {number} stopped in step {step}")
        if step < LAST_STEP:
            return StepSuggestion(step + 1, f"session {number} went through step {step}")
        return StepSuggestion(step, f"session {number} reached step {step}, the last")
    return StepSuggestion(1, "no session has worked on a step yet")
