"""Where a programme's next session should pick up: the framework step it stopped at."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
from sessions.domain.summaries import SessionFacts, programme_facts, with_summaries
from sessions.models import Session

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
        with_summaries(
            select(Session.id, Session.number, Session.created_at, Session.finished_at).where(
                Session.programme_id == programme_id
            )
        )
    ).all()
    facts = programme_facts(db, programme_id, sessions)
    return pick_step((row.number, facts[row.id]) for row in sessions)


def pick_step(sessions: Iterable[tuple[int, SessionFacts]]) -> StepSuggestion:
    """The step to continue from, judged by the latest session that covered a step.

    `sessions` are each session's number and facts (`sessions.domain.summaries`), whose
    steps covered follow the one rule (`sessions.domain.coverage`), so the suggestion never
    names a step the dashboard, the report and the minutes say was not covered. The
    furthest step the session covered is taken up again if the session stopped inside it;
    if it went past the step's last item (or finished on it) the next step is suggested.
    """
    for number, facts in sorted(sessions, key=lambda row: -row[0]):
        if not facts.steps_covered:
            continue
        step = max(facts.steps_covered)
        if facts.stopped_in_step:
            return StepSuggestion(step, f"session {number} stopped in step {step}")
        if step < LAST_STEP:
            return StepSuggestion(step + 1, f"session {number} went through step {step}")
        return StepSuggestion(step, f"session {number} reached step {step}, the last")
    return StepSuggestion(1, "no session has worked on a step yet")
