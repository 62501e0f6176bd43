"""A scorecard item: the room rates each statement 1 to 5; means, spread and change since last time.

Each rating is its own row, typed one digit a person as the room calls them
out, so the spread is real and a slip is withdrawn without touching the rest.
A rating can also be given by a named member, who then has one rating a statement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, with_prompt
from sessions.activities.answers import activity_item, withdraw_latest
from sessions.activities.document import SessionMinutes, Shown, Table
from sessions.activities.scorecard_trends import previous_means
from sessions.activities.undoing import quoted, undo_answers
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.means import change_text, mean_text
from sessions.models import SCORE_RANGE, ActivityResult, AgendaItem, Session
from sessions.same_words import same_words
from sessions.text import markdown_text
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class StatementResult:
    area: str
    statement: str
    scores: tuple[int, ...]
    """This session's ratings, in the order they were given."""
    previous_mean: float | None = None
    """The mean the last time the programme rated this statement in the same words
    (`sessions.same_words`), in whichever agenda, if it has; in an item taken in public,
    the last time it was rated in public."""
    previous_session: int | None = None
    by_member: tuple[tuple[int, int], ...] = ()
    """(member id, rating) for the ratings given by name; the rest were the room's."""

    def rating_by(self, member_id: int) -> int | None:
        return next((score for member, score in self.by_member if member == member_id), None)

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def spread(self) -> tuple[int, int] | None:
        return (min(self.scores), max(self.scores)) if self.scores else None

    @property
    def change(self) -> float | None:
        if self.mean is None or self.previous_mean is None:
            return None
        return self.mean - self.previous_mean


def statements(activity: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(area, statement) pairs of a scorecard item, in the agenda's order."""
    areas = (activity or {}).get("areas") or []
    return [(area.get("name", ""), text) for area in areas for text in area.get("statements", [])]


def scorecard_item(db: DbSession, session_id: int, position: int) -> AgendaItem:
    return with_statements(activity_item(db, session_id, position, ItemKind.SCORECARD))


def with_statements(item: AgendaItem) -> AgendaItem:
    """The scorecard item, refused if it has nothing to rate."""
    if not statements(item.activity):
        raise InputError("This scorecard has no statements.")
    return item


def statement_of(item: AgendaItem, index: int) -> tuple[str, str]:
    pairs = statements(item.activity)
    if not 0 <= index < len(pairs):
        raise NotFoundError(f"The scorecard has no statement {index + 1}.")
    return pairs[index]


def rating_said(score: int | None, statement: str, name: str = "") -> str:
    """`a rating of 4 for “We trust each other”`, or `Ann Ode's rating of ...` by name."""
    whose = f"{name}'s" if name else "a"
    return f"{whose} rating of {score} for {quoted(statement)}"


def add_rating(
    db: DbSession,
    session_id: int,
    position: int,
    index: int,
    score: int,
    now: datetime,
    member_id: int | None = None,
) -> ActivityChange:
    """Add one rating of statement `index` (counting from 0) of the scorecard at `position`.

    A rating from a named member replaces their earlier one of the same statement (kept,
    marked withdrawn): each person has one say. The room's ratings are nobody's and add up.
    """
    if score not in SCORE_RANGE:
        raise InputError("A statement is rated from 1 (not at all) to 5 (completely).")
    session = unfinished_session_row(db, session_id, "its scorecard can no longer change")
    item = scorecard_item(db, session_id, position)
    area, text = statement_of(item, index)
    name = ""
    replaced: list[int] = []
    if member_id is not None:
        name = member_of_programme(db, member_id, session.programme_id).name
        for earlier in db.scalars(
            select(ActivityResult).where(
                ActivityResult.agenda_item_id == item.id,
                ActivityResult.subject == text,
                ActivityResult.member_id == member_id,
                ActivityResult.deleted_at.is_(None),
            )
        ):
            earlier.deleted_at = now
            replaced.append(earlier.id)
    rating = ActivityResult(
        session_id=session_id,
        agenda_item_id=item.id,
        area=area,
        subject=text,
        score=score,
        recorded_at=now,
        member_id=member_id,
    )
    db.add(rating)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.SCORECARD,
        rating_said(score, text, name),
        now,
        added=(rating.id,),
        withdrawn=tuple(replaced),
        score=score,
    )


def withdraw_rating(
    db: DbSession,
    session_id: int,
    position: int,
    index: int,
    now: datetime,
    member_id: int | None = None,
) -> ActivityChange | None:
    """Take back the statement's latest rating (the member's, if given), kept but marked
    withdrawn; None if it has none."""
    item = scorecard_item(db, session_id, position)
    _, text = statement_of(item, index)
    unfinished_session_row(db, session_id, "its scorecard can no longer change")
    last = withdraw_latest(db, item, text, now, member_id)
    if last is None:
        return None
    name = last.member.name if last.member is not None else ""
    return ActivityChange(
        session_id,
        position,
        ItemKind.SCORECARD,
        f"{rating_said(last.score, text, name)} taken back",
        now,
        withdrawn=(last.id,),
        score=last.score,
    )


def results_for(db: DbSession, session: Session, item: AgendaItem) -> list[StatementResult]:
    scores: dict[str, list[int]] = defaultdict(list)
    named: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for subject, score, member_id in db.execute(
        select(ActivityResult.subject, ActivityResult.score, ActivityResult.member_id)
        .where(ActivityResult.agenda_item_id == item.id, ActivityResult.deleted_at.is_(None))
        .order_by(ActivityResult.id)
    ):
        # rate() saves every rating with its score; only a reflection's answers have none.
        rating = cast(int, score)
        scores[subject].append(rating)
        if member_id is not None:
            named[subject].append((member_id, rating))
    pairs = statements(item.activity)
    # An item taken in public compares only with ratings given in public: what was said in
    # private stays there, even as a change since last time.
    before = previous_means(db, session, [text for _, text in pairs], public=not item.confidential)
    results = []
    for area, text in pairs:
        previous_mean, previous_session = before.get(same_words(text), (None, None))
        results.append(
            StatementResult(
                area,
                text,
                tuple(scores[text]),
                previous_mean,
                previous_session,
                by_member=tuple(named[text]),
            )
        )
    return results


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> list[StatementResult] | None:
    """The statements with their ratings, once any statement is rated."""
    if not statements(item.activity):
        return None
    results = results_for(db, session, item)
    return results if any(result.scores for result in results) else None


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """Each statement with the room's mean so far, so the room sees where it stands."""
    lines = []
    for result in results_for(db, session, with_statements(item)):
        where = f"{markdown_text(result.area)} · " if result.area else ""
        score = (
            f"**{mean_text(result.mean)}** ({len(result.scores)})"
            if result.mean is not None
            else "*not rated yet*"
        )
        lines.append(f"- {where}{markdown_text(result.statement)} — {score}")
    return with_prompt(item, "\n".join(lines))


def score_mean(result: StatementResult) -> str:
    mean = result.mean  # None only when nobody rated
    return mean_text(mean) if mean is not None else "—"


def score_range(result: StatementResult) -> str:
    spread = result.spread  # None only when nobody rated
    return f"{spread[0]}–{spread[1]}" if spread is not None else "—"


def score_change(result: StatementResult) -> str:
    if result.mean is None or result.previous_mean is None:
        return "—"
    return f"{change_text(result.mean, result.previous_mean)} (session {result.previous_session})"


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """Each statement with its ratings, their mean and range, and the change since the
    programme last rated it, once any statement is rated."""
    results = cast(list[StatementResult] | None, part)
    if not results:
        return ()
    headers = ("Area", "Statement", "Ratings", "Mean", "Range", "Since last time")
    rows = tuple(
        (
            r.area or "—",
            r.statement,
            str(len(r.scores)),
            score_mean(r),
            score_range(r),
            score_change(r),
        )
        for r in results
    )
    return (Table(headers, rows),)


ACTIVITY = Activity(
    kind=ItemKind.SCORECARD,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    undo=undo_answers,
)
