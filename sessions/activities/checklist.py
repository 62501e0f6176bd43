"""A checklist item: the room's votes on each option, ranked, and turned into notes.

The facilitator counts hands and types the count (or one vote a key); each
entry is its own row, so a slip is withdrawn without touching the rest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, ScoreRule, with_prompt
from sessions.activities.answers import activity_item, programme_answers, withdraw_latest
from sessions.activities.document import SessionMinutes, Shown, Table
from sessions.activities.undoing import quoted, undo_answers
from sessions.domain.lookup import unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult, AgendaItem, Session
from sessions.text import markdown_text
from sessions.views import ActivityChange
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


def option_of(item: AgendaItem, index: int) -> str:
    listed = options(item.activity)
    if not 0 <= index < len(listed):
        raise NotFoundError(f"The checklist has no option {index + 1}.")
    return listed[index]


def votes_said(count: int, option: str) -> str:
    """`one vote for “Shared vision”`, `3 votes for “Shared vision”`."""
    votes = "one vote" if count == 1 else f"{count} votes"
    return f"{votes} for {quoted(option)}"


def add_votes(
    db: DbSession, session_id: int, position: int, index: int, count: int, now: datetime
) -> ActivityChange:
    """Add `count` votes for option `index` (counting from 0) of the checklist at `position`."""
    if not 1 <= count <= MAX_VOTES_AT_ONCE:
        raise InputError(f"Add from 1 to {MAX_VOTES_AT_ONCE} votes at a time.")
    unfinished_session_row(db, session_id, "its checklist can no longer change")
    item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
    option = option_of(item, index)
    votes = ActivityResult(
        session_id=session_id,
        agenda_item_id=item.id,
        area="",
        subject=option,
        score=count,
        recorded_at=now,
    )
    db.add(votes)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.CHECKLIST,
        votes_said(count, option),
        now,
        added=(votes.id,),
        score=count,
    )


def withdraw_votes(
    db: DbSession, session_id: int, position: int, index: int, now: datetime
) -> ActivityChange | None:
    """Take back the option's latest entry (kept, marked withdrawn); None if it has none."""
    item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
    option = option_of(item, index)
    unfinished_session_row(db, session_id, "its checklist can no longer change")
    last = withdraw_latest(db, item, option, now)
    if last is None:
        return None
    count = last.score or 0
    return ActivityChange(
        session_id,
        position,
        ItemKind.CHECKLIST,
        f"{votes_said(count, option)} taken back",
        now,
        withdrawn=(last.id,),
        score=last.score,
    )


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


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> list[OptionResult] | None:
    """The options, most votes first, once anyone has voted."""
    if not options(item.activity):
        return None
    votes = results_for(db, item)
    return ranked(votes) if any(result.votes for result in votes) else None


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """The options the room has voted for, most votes first, the rest after."""
    lines = []
    for result in ranked(results_for(db, item)):
        if result.votes:
            lines.append(f"- **{result.votes}** · {markdown_text(result.option)}")
        else:
            lines.append(f"- {markdown_text(result.option)}")
    return with_prompt(item, "\n".join(lines))


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """The options with their votes and rank, most votes first, once anyone has voted."""
    results = cast(list[OptionResult] | None, part)
    if not results:
        return ()
    rows = tuple((r.option, str(r.votes), str(r.rank or "—")) for r in results)
    return (Table(("Option", "Votes", "Rank"), rows),)


ACTIVITY = Activity(
    kind=ItemKind.CHECKLIST,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    # A score is a count of hands, as many as the facilitator may add at once.
    score_rule=ScoreRule(minimum=1, most=MAX_VOTES_AT_ONCE, unit="votes at once"),
    undo=undo_answers,
)
