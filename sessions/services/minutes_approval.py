"""The minutes item's front door: earlier minutes to approve or correct, and the room's word."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import minutes_approval
from sessions.db_types import utcnow
from sessions.domain.approval import AmendmentView, MinutesStatus, awaiting_approval
from sessions.domain.approval import minutes_status as _minutes_status
from sessions.domain.lookup import session_row
from sessions.store import Store
from sessions.views import ActivityChange

__all__ = [
    "AmendmentView",
    "MinutesStatus",
    "amend",
    "approval_entries",
    "approve",
    "minutes_awaiting_approval",
    "minutes_status",
]


def approval_entries(store: Store, session_id: int) -> list[MinutesStatus]:
    """The earlier minutes this session can approve or correct, latest first."""
    with store.reading() as db:
        return minutes_approval.entries_for(db, session_row(db, session_id))


def minutes_status(store: Store, session_id: int) -> MinutesStatus:
    """Whether the session's minutes are a draft or approved, and what amends them."""
    with store.reading() as db:
        return _minutes_status(db, session_id)


def minutes_awaiting_approval(store: Store, programme_id: int) -> list[int]:
    """The numbers of the programme's finished sessions whose minutes are still drafts."""
    with store.reading() as db:
        return awaiting_approval(db, programme_id)


def approve(
    store: Store, session_id: int, minutes_of: int, now: datetime | None = None
) -> ActivityChange:
    """The room approves session `minutes_of`'s minutes as a true record, as amended so far."""
    with store.transaction("approve the minutes") as db:
        return minutes_approval.approve_minutes(db, session_id, minutes_of, now or utcnow())


def amend(
    store: Store,
    session_id: int,
    minutes_of: int,
    text: str,
    *,
    proposer_member_id: int | None = None,
    proposer: str = "",
    now: datetime | None = None,
) -> ActivityChange:
    """Keep an amendment (or, to approved minutes, an erratum) and who proposed it."""
    with store.transaction("amend the minutes") as db:
        return minutes_approval.amend_minutes(
            db,
            session_id,
            minutes_of,
            text,
            now or utcnow(),
            proposer_member_id=proposer_member_id,
            proposer=proposer,
        )
