"""Which framework steps a session covered: the one rule the dashboard, the report, the
step suggestion and the minutes all ask.

A step is covered when the room worked on one of its items: the clock ran on the item
for at least a minute, or a note was taken there, and the item was not skipped. Passing
through an item on the way somewhere else, jumping over it, or skipping it does not
cover its step, however far the session went.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import ClockState
from sessions.models import AgendaItem, Note

MIN_SECONDS = 60
"""Time on the clock that counts as working on an item: less is passing through it."""


def item_covered(clock: ClockState | None, position: int, noted: bool) -> bool:
    """Whether the room worked on the item at `position`: a minute on the clock, or a
    note taken there, and not skipped."""
    if clock is None:
        return noted
    if position in clock.skipped:
        return False
    return noted or clock.elapsed_for(position) >= MIN_SECONDS


def session_steps(
    items: Iterable[tuple[int, int, int | None]], noted: set[int], clock: ClockState | None
) -> set[int]:
    """One session's framework steps covered. `items` are its (item id, position, step);
    `noted` the ids of items holding a note still standing."""
    return {
        step
        for item_id, position, step in items
        # only items of a framework step can cover it
        if step is not None and item_covered(clock, position, item_id in noted)
    }


def covered_steps(
    items: Iterable[tuple[int, int, int, int | None]],
    noted: set[int],
    clocks: dict[int, ClockState],
) -> dict[int, set[int]]:
    """Each session's framework steps covered. `items` are (item id, session id, position,
    step); `noted` the ids of items holding a note still standing."""
    by_session: dict[int, list[tuple[int, int, int | None]]] = defaultdict(list)
    for item_id, session_id, position, step in items:
        by_session[session_id].append((item_id, position, step))
    covered: dict[int, set[int]] = defaultdict(set)
    for session_id, rows in by_session.items():
        if found := session_steps(rows, noted, clocks.get(session_id)):
            covered[session_id] = found
    return covered


def items_with_notes(db: DbSession, sessions: int | Select[int]) -> set[int]:
    """The ids of the agenda items of `sessions` (one session's id, or a query for
    several) holding a note still standing.

    One look in the note index per item, rather than a walk over every note.
    """
    in_sessions = (
        AgendaItem.session_id == sessions
        if isinstance(sessions, int)
        else AgendaItem.session_id.in_(sessions)
    )
    return set(
        db.connection()
        .scalars(
            select(AgendaItem.id).where(
                in_sessions,
                exists().where(Note.agenda_item_id == AgendaItem.id, Note.deleted_at.is_(None)),
            )
        )
        .all()
    )


def step_items(
    db: DbSession, sessions: int | Select[int]
) -> list[tuple[int, int, int, int | None]]:
    """(item id, session id, position, step) of every item of `sessions` tied to a step."""
    in_sessions = (
        AgendaItem.session_id == sessions
        if isinstance(sessions, int)
        else AgendaItem.session_id.in_(sessions)
    )
    return [
        (item_id, session_id, position, step)
        for item_id, session_id, position, step in db.connection().execute(
            select(
                AgendaItem.id, AgendaItem.session_id, AgendaItem.position, AgendaItem.step
            ).where(in_sessions, AgendaItem.step.is_not(None))
        )
    ]


def session_covered_steps(db: DbSession, session_id: int, clock: ClockState) -> set[int]:
    """The framework steps one session covered, by the same rule as the programme's."""
    items = [(item_id, position, step) for item_id, _, position, step in step_items(db, session_id)]
    return session_steps(items, items_with_notes(db, session_id), clock)
