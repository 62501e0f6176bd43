"""A checklist item: the room's votes on each option, ranked, and turned into notes.

The facilitator counts hands and types the count (or one vote a key); each
entry is its own row, so a slip is withdrawn without touching the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, ScoreRule, with_prompt
from sessions.activities.answers import activity_item, programme_answers, withdraw_latest
from sessions.activities.document import SessionMinutes, Shown, Table
from sessions.activities.undoing import quoted, undo_answers
from sessions.agenda.dots import DotBudget, budget_of
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult, AgendaItem, Session
from sessions.same_words import same_words
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
    """In the words it was last voted on in: other agendas may have written it a little
    differently (`sessions.same_words`)."""
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
    """Take back the option's latest counted entry (kept, marked withdrawn); None if it
    has none.

    Only an entry given by nobody in particular, as the keyboard counts hands: a member's
    own dots from their phone are theirs to change, not the facilitator's slip to undo.
    """
    item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
    option = option_of(item, index)
    unfinished_session_row(db, session_id, "its checklist can no longer change")
    last = withdraw_latest(db, item, option, now, nobodys=True)
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


@dataclass(frozen=True)
class Ballot:
    """What one person votes with on a checklist: its options, their budget, and the dots
    they have standing already."""

    item_id: int
    options: tuple[str, ...]
    budget: DotBudget
    mine: tuple[int, ...]
    """The person's dots on each option, in the options' order; none for the room's."""
    given: bool = False
    """Whether an anonymous phone has given its dots already, and so can give no more."""

    @property
    def left(self) -> int:
        return self.budget.dots - sum(self.mine)


def ballot(db: DbSession, item: AgendaItem, member_id: int | None) -> Ballot:
    listed = options(item.activity)
    standing = dots_by(db, item, member_id) if member_id is not None else {}
    mine = tuple(standing.get(index, 0) for index in range(len(listed)))
    return Ballot(item.id, tuple(listed), dot_budget(item), mine)


def dot_budget(item: AgendaItem) -> DotBudget:
    """How many dots each person gives on this checklist, and at most how many on one option."""
    return budget_of(item.activity)


def dots_by(db: DbSession, item: AgendaItem, member_id: int) -> dict[int, int]:
    """The member's dots standing on each option, by the option's place (counting from 0)."""
    place = {option: index for index, option in enumerate(options(item.activity))}
    given: dict[int, int] = defaultdict(int)
    for subject, score in db.execute(
        select(ActivityResult.subject, ActivityResult.score).where(
            ActivityResult.agenda_item_id == item.id,
            ActivityResult.member_id == member_id,
            ActivityResult.deleted_at.is_(None),
        )
    ):
        if subject in place:
            given[place[subject]] += score or 0
    return dict(given)


def give_dots(
    db: DbSession,
    session_id: int,
    position: int,
    dots: Mapping[int, int],
    now: datetime,
    member_id: int | None = None,
) -> ActivityChange:
    """One person's dots on the checklist at `position`: `dots` maps an option's place
    (counting from 0) to the dots put on it, within the item's budget.

    Given by name, they replace the member's earlier dots (kept, marked withdrawn), so a
    member may change their mind until the item closes; giving none takes theirs back.
    Given anonymously, they are the room's, nobody's, and add up like counted hands.
    """
    session = unfinished_session_row(db, session_id, "its checklist can no longer change")
    item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
    budget = dot_budget(item)
    chosen = {index: option_of(item, index) for index in sorted(dots)}
    if any(count < 0 for count in dots.values()):
        raise InputError("Dots are counted from 0.")
    if any(count > budget.per_option for count in dots.values()):
        raise InputError(f"At most {budget.per_option} dots on one option.")
    if sum(dots.values()) > budget.dots:
        raise InputError(f"You have {budget.dots} dots to give in all.")
    name = ""
    replaced: list[int] = []
    if member_id is not None:
        name = member_of_programme(db, member_id, session.programme_id).name
        for earlier in db.scalars(
            select(ActivityResult).where(
                ActivityResult.agenda_item_id == item.id,
                ActivityResult.member_id == member_id,
                ActivityResult.deleted_at.is_(None),
            )
        ):
            earlier.deleted_at = now
            replaced.append(earlier.id)
    elif not any(dots.values()):
        raise InputError("Put at least one dot on an option.")
    given = [
        ActivityResult(
            session_id=session_id,
            agenda_item_id=item.id,
            area="",
            subject=chosen[index],
            score=count,
            recorded_at=now,
            member_id=member_id,
        )
        for index, count in sorted(dots.items())
        if count
    ]
    db.add_all(given)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.CHECKLIST,
        dots_said(given, name),
        now,
        added=tuple(row.id for row in given),
        withdrawn=tuple(replaced),
        score=sum(row.score or 0 for row in given),
    )


def dots_said(given: list[ActivityResult], name: str) -> str:
    """`Sam's dots: 2 votes for “Time”, one vote for “Trust”`; `Sam's dots taken back`."""
    whose = f"{name}'s dots" if name else "Dots from the room"
    if not given:
        return f"{whose} taken back"
    return f"{whose}: " + ", ".join(votes_said(row.score or 0, row.subject) for row in given)


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
    programme's earlier votes on the same words, whichever agenda asked: is the top
    barrier shifting?"""
    every = _votes_by_option(db, programme_id)
    if not every:
        return ()
    latest = max(number for trend in every for number, _ in trend.points)
    # Most votes first; a tie goes alphabetically, so the dashboard does not reshuffle.
    leaders = sorted(
        (-trend.points[-1][1], trend.option, index)
        for index, trend in enumerate(every)
        if trend.points[-1][0] == latest
    )
    return tuple(every[index] for _, _, index in leaders[:top])


def option_trends_across(
    db: DbSession, programme_id: int, public: bool = False
) -> tuple[OptionTrend, ...]:
    """Every option voted on in two or more sessions, in the same words whichever agenda
    asked it, in the order options were first voted on; with `public`, leaving out votes
    given in items taken in private."""
    return tuple(
        trend for trend in _votes_by_option(db, programme_id, public) if len(trend.points) >= 2
    )


def _votes_by_option(db: DbSession, programme_id: int, public: bool = False) -> list[OptionTrend]:
    """Each option's votes session by session, gathered by the same words, in the order
    options were first voted on."""
    query = (
        programme_answers(
            select(
                ActivityResult.subject,
                Session.number,
                func.sum(ActivityResult.score),
                func.min(ActivityResult.id),
            ),
            ItemKind.CHECKLIST,
            programme_id,
        )
        .group_by(ActivityResult.subject, Session.number)
        .order_by(Session.number, func.min(ActivityResult.id))
    )
    if public:
        query = query.where(AgendaItem.confidential.is_(False))
    wording: dict[str, str] = {}
    first_id: dict[str, int] = {}
    points: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for subject, number, votes, first in db.execute(query):
        if not votes:
            continue
        key = same_words(subject)
        # Rows come in session order, so the wording kept is the latest one voted on.
        wording[key] = subject
        first_id[key] = min(first_id.get(key, first), first)
        points[key][number] += int(votes)
    return [
        OptionTrend(wording[key], tuple(sorted(points[key].items())))
        for key in sorted(points, key=lambda key: first_id[key])
    ]


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
