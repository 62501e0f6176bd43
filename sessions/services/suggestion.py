"""Where the next session should pick up, as the screens ask it: the front door to
`sessions.domain.suggestion`."""

from __future__ import annotations

from sessions.domain.suggestion import StepSuggestion as StepSuggestion
from sessions.domain.suggestion import next_step
from sessions.store import Store


def suggest_step(store: Store, programme_id: int) -> StepSuggestion:
    """The step the programme's next session should continue from."""
    with store.reading() as db:
        return next_step(db, programme_id)
