"""A checklist item: the room's votes on each option, ranked, and turned into notes.

The facilitator counts hands and types the count (or one vote a key); each
entry is its own row, so a slip is withdrawn without touching the rest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.answers import activity_item, programme_answers
from sessions.db_types import utcnow
from sessions.domain.lookup import unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult, AgendaItem, Session
from sessions.services.answers import withdraw_last as withdraw_answer
from sessions.store import Store
from sessions.vocabulary import ItemKind

MAX_VOTES_AT_ONCE = 99


@dataclass(frozen=True)
class OptionResult:
    option: str
    votes: int
    rank: int | None
    """1 for the most votes (ties share a rank); None with no votes."""


@dataclass(frozen=True)
class OptionTrend:
    option: str
    points: tuple[tuple[int, int], ...]
    """(session number, votes), for each session that voted on the option."""


def options(activity: dict[str, Any] | None) -> list[str]:
    return list((activity or {}).get("options") or [])


def _option(item: AgendaItem, index: int) -> str:
    listed = options(item.activity)
    if not 0 <= index < len(listed):
        raise NotFoundError(f"The checklist has no option {index + 1}.")
    return listed[index]


def vote(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    count: int = 1,
    now: datetime | None = None,
) -> None:
    """Add `count` votes for option `index` (counting from 0) of the checklist at `position`."""
    if not 1 <= count <= MAX_VOTES_AT_ONCE:
        raise InputError(f"Add from 1 to {MAX_VOTES_AT_ONCE} votes at a time.")
    with store.transaction("save the votes") as db:
        unfinished_session_row(db, session_id, "its checklist can no longer change")
        item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
        db.add(
            ActivityResult(
                session_id=session_id,
                agenda_item_id=item.id,
                area="",
                subject=_option(item, index),
                score=count,
                recorded_at=now or utcnow(),
            )
        )


def withdraw_last(
    store: Store, session_id: int, position: int, index: int, now: datetime | None = None
) -> int | None:
    """Take back the option's latest entry (kept, marked withdrawn); its votes, or None."""
    with store.reading() as db:
        option = _option(activity_item(db, session_id, position, ItemKind.CHECKLIST), index)
    return withdraw_answer(store, session_id, position, ItemKind.CHECKLIST, option, now)


def checklist_results(store: Store, session_id: int, position: int) -> list[OptionResult]:
    """Every option in the agenda's order, with its votes and rank."""
    with store.reading() as db:
        return results_for(db, activity_item(db, session_id, position, ItemKind.CHECKLIST))


def results_for(db: DbSession, item: AgendaItem) -> list[OptionResult]:
    votes: dict[str, int] = defaultdict(int)
    for subject, score in db.execute(
        select(ActivityResult.subject, ActivityResult.score).where(
            ActivityResult.agenda_item_id == item.id, ActivityResult.deleted_at.is_(None)
        )
    ):
        votes[subject] += score or 0
    listed = options(item.activity)
    counts = sorted({votes[option] for option in listed if votes[option]}, reverse=True)
    # Competition ranking: two options on 5 votes are both 1st, the next is 3rd.
    rank_of = {}
    place = 1
    for count in counts:
        rank_of[count] = place
        place += sum(1 for option in listed if votes[option] == count)
    return [OptionResult(option, votes[option], rank_of.get(votes[option])) for option in listed]


def ranked(results: list[OptionResult]) -> list[OptionResult]:
    """Most votes first; options nobody chose last, in the agenda's order."""
    return sorted(results, key=lambda result: (result.rank is None, result.rank or 0))


def option_trends(db: DbSession, programme_id: int, top: int = 3) -> tuple[OptionTrend, ...]:
    """The options the latest checklist vote put first, each followed back through the
    programme's earlier votes on the same wording: is the top barrier shifting?"""
    rows = db.execute(
        programme_answers(
            select(ActivityResult.subject, Session.number, func.sum(ActivityResult.score)),
            ItemKind.CHECKLIST,
            programme_id,
        )
        .group_by(ActivityResult.subject, Session.number)
        .order_by(Session.number)
    ).all()
    points: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for subject, number, votes in rows:
        if votes:
            points[subject].append((number, int(votes)))
    if not points:
        return ()
    latest = max(number for series in points.values() for number, _ in series)
    # Most votes first; a tie goes alphabetically, so the dashboard does not reshuffle.
    leaders = sorted(
        (-series[-1][1], option) for option, series in points.items() if series[-1][0] == latest
    )
    chosen = [option for _, option in leaders[:top]]
    return tuple(OptionTrend(option, tuple(points[option])) for option in chosen)
