"""Previewing and accepting a rebalance of the items not yet run."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import replay
from sessions.db_types import utcnow
from sessions.domain.lookup import session_row, unfinished_session_row
from sessions.errors import InputError
from sessions.models import AgendaItem, TimerEvent
from sessions.pacing import current_left, not_yet_run, pace
from sessions.rebalance import PlannedItem, RebalancePlan, Retime, plan_rebalance
from sessions.timer_log import load_events
from sessions.vocabulary import TimerEventKind

NOT_STARTED = "Start the clock first: a rebalance fits the rest to the planned finish."


def _base(item: AgendaItem) -> int:
    return item.planned_seconds if item.rebalanced_seconds is None else item.rebalanced_seconds


def plan_for(db: DbSession, session_id: int, now: datetime, include_breaks: bool) -> RebalancePlan:
    """New times for the items still to come, so the session finishes at its planned time."""
    session = session_row(db, session_id)
    items = [
        PlannedItem(item.position, item.title, item.kind, _base(item)) for item in session.items
    ]
    planned_total = sum(item.planned_seconds for item in session.items)
    state = replay(load_events(db, session_id))
    if not state.started:
        raise InputError(NOT_STARTED)
    live = state.at(now)
    seconds = [item.seconds for item in items]
    reading = pace(state, seconds, now, planned_total)
    to_come = [items[i] for i in not_yet_run(live, len(items))]
    if not to_come:
        raise InputError("No items are left to rebalance.")
    if reading.planned_finish is None:  # only a clock never started has no planned finish
        raise InputError(NOT_STARTED)
    available = (reading.planned_finish - now).total_seconds() - current_left(live, seconds)
    return plan_rebalance(
        [replace(item, seconds=item.seconds + live.extra_for(item.position)) for item in to_come],
        available,
        include_breaks=include_breaks,
    )


def retime_items(
    db: DbSession, session_id: int, changed: list[Retime], now: datetime | None
) -> None:
    """Give each changed item its new time, and log the rebalance on the clock."""
    unfinished_session_row(db, session_id, "its agenda can no longer change")
    state = replay(load_events(db, session_id))
    by_position = {
        item.position: item
        for item in db.scalars(select(AgendaItem).where(AgendaItem.session_id == session_id))
    }
    for retime in changed:
        # Extensions stay as they were; the rebalanced base absorbs the difference.
        by_position[retime.position].rebalanced_seconds = retime.new_seconds - state.extra_for(
            retime.position
        )
    db.add(
        TimerEvent(
            session_id=session_id,
            kind=TimerEventKind.REBALANCE,
            at=now or utcnow(),
            position=state.position,
            detail=f"{len(changed)} item(s) retimed",
        )
    )
