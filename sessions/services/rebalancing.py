"""What the rebalance dialog asks: the front door to `sessions.domain.rebalancing`."""

from __future__ import annotations

from datetime import datetime

from sessions.db_types import utcnow
from sessions.domain.rebalancing import plan_for, retime_items
from sessions.rebalance import RebalancePlan
from sessions.store import Store


def preview_rebalance(
    store: Store, session_id: int, now: datetime | None = None, include_breaks: bool = False
) -> RebalancePlan:
    """New times for the items still to come, so the session finishes at its planned time."""
    now = now or utcnow()
    with store.reading() as db:
        return plan_for(db, session_id, now, include_breaks)


def apply_rebalance(
    store: Store, session_id: int, plan: RebalancePlan, now: datetime | None = None
) -> int:
    """Give each changed item its new time; returns how many changed. The plan stays on record."""
    changed = [retime for retime in plan.items if retime.changed]
    if not changed:
        return 0
    with store.transaction("rebalance the agenda") as db:
        retime_items(db, session_id, changed, now)
    return len(changed)
