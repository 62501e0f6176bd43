"""The live balance meter: the deal and the relationship in the current part of the session."""

from __future__ import annotations

from sessions.domain.meter import balance_meter
from sessions.store import Store
from sessions.views import BalanceMeter


def balance(store: Store, session_id: int, position: int) -> BalanceMeter:
    """Deal and relationship notes in the current item's step (or section) and in the session."""
    with store.reading() as db:
        return balance_meter(db, session_id, position)
