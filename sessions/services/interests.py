"""The register of standing interests: the front door to `sessions.domain.interests`."""

from __future__ import annotations

from datetime import date, datetime

from sessions.domain.interests import (
    KIND_WORDS,
    InterestView,
    end_interest,
    member_interests,
    register_interest,
    withdraw_interest,
)
from sessions.store import Store

__all__ = [
    "KIND_WORDS",
    "InterestView",
    "add_interest",
    "end",
    "interests",
    "interests_to_offer",
    "withdraw",
]


def interests(store: Store, member_id: int) -> list[InterestView]:
    with store.reading() as db:
        return member_interests(db, member_id)


def interests_to_offer(store: Store, member_id: int, today: date) -> list[InterestView]:
    """The member's interests current today, to ask whether each is declared again."""
    with store.reading() as db:
        return [i for i in member_interests(db, member_id) if i.current_on(today)]


def add_interest(
    store: Store,
    member_id: int,
    description: str,
    kind: str,
    from_on: date | None,
    to_on: date | None = None,
    now: datetime | None = None,
) -> InterestView:
    with store.transaction("add the interest to the register") as db:
        return register_interest(db, member_id, description, kind, from_on, to_on, now)


def end(store: Store, interest_id: int, on: date) -> InterestView:
    with store.transaction("end the interest") as db:
        return end_interest(db, interest_id, on)


def withdraw(store: Store, interest_id: int, now: datetime | None = None) -> None:
    with store.transaction("withdraw the interest") as db:
        withdraw_interest(db, interest_id, now)
