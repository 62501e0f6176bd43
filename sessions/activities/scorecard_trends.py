"""A scorecard's ratings across the programme's sessions: by area, by statement, and the
last time a statement was rated before now.

A statement is followed wherever it is asked in the same words (`sessions.same_words`),
whichever agenda asked it and under whichever area. Areas are each agenda's own headings,
so they are followed by their name. Both come from one read of the ratings, so the
dashboard and the report stay a fixed handful of queries however long the programme.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.answers import programme_answers
from sessions.domain.meetings import MEETS
from sessions.models import ActivityResult, AgendaItem, Session
from sessions.same_words import same_words
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class AreaTrend:
    area: str
    points: tuple[tuple[int, float], ...]
    """(session number, the mean of every rating in the area that session), in session order."""

    @property
    def label(self) -> str:
        return self.area or "Scorecard"


@dataclass(frozen=True)
class StatementTrend:
    statement: str
    """In the words it was last asked in: other agendas may have written it a little
    differently (`sessions.same_words`)."""
    points: tuple[tuple[int, float], ...]
    """(session number, the statement's mean rating that session), in session order."""


Rated = tuple[str, str, int, int | None, int, int]
"""Area, statement, session number, the sum of its ratings there, how many, the first's id."""


@dataclass
class _Sums:
    """Ratings gathered session by session, however many rows they were read in."""

    name: str
    first_id: int
    sums: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Session number: (the sum of its ratings, how many)."""

    def add(self, number: int, total: int | None, count: int, first_id: int) -> None:
        before = self.sums.get(number, (0, 0))
        self.sums[number] = (before[0] + (total or 0), before[1] + count)
        self.first_id = min(self.first_id, first_id)

    def mean(self, number: int) -> float:
        total, count = self.sums[number]
        return total / count

    @property
    def points(self) -> tuple[tuple[int, float], ...]:
        return tuple((number, self.mean(number)) for number in sorted(self.sums))


def _ratings(programme_id: int, public: bool = False) -> Select[*Rated]:
    """Each wording's ratings in each area and session of the programme, in session order;
    with `public`, only those given in items taken in public."""
    query = (
        programme_answers(
            select(
                ActivityResult.area,
                ActivityResult.subject,
                Session.number,
                func.sum(ActivityResult.score),
                func.count(ActivityResult.score),
                func.min(ActivityResult.id),
            ),
            ItemKind.SCORECARD,
            programme_id,
        )
        .where(ActivityResult.score.is_not(None))
        .group_by(ActivityResult.area, ActivityResult.subject, Session.number)
        .order_by(Session.number, func.min(ActivityResult.id))
    )
    return query.where(AgendaItem.confidential.is_(False)) if public else query


def _gathered(rows: Iterable[Rated], by_statement: bool) -> list[_Sums]:
    """The rows gathered by area, or by statement in the same words, in the order first rated."""
    found: dict[str, _Sums] = {}
    for area, subject, number, total, count, first_id in rows:
        name = subject if by_statement else area
        key = same_words(subject) if by_statement else area
        sums = found.setdefault(key, _Sums(name, first_id))
        # Rows come in session order, so a statement is named as it was last asked.
        sums.name = name
        sums.add(number, total, count, first_id)
    return sorted(found.values(), key=lambda sums: sums.first_id)


def scorecard_trends(
    db: DbSession, programme_id: int, public: bool = False
) -> tuple[tuple[AreaTrend, ...], tuple[StatementTrend, ...]]:
    """Each area's mean rating session by session, in the order areas first appear; and
    each statement rated in two or more sessions, whichever agenda asked it, in the order
    statements were first rated. With `public`, leaving out ratings given in items taken
    in private."""
    rated = db.execute(_ratings(programme_id, public)).all()
    return (
        tuple(AreaTrend(sums.name, sums.points) for sums in _gathered(rated, by_statement=False)),
        tuple(
            StatementTrend(sums.name, sums.points)
            for sums in _gathered(rated, by_statement=True)
            if len(sums.sums) >= 2
        ),
    )


def area_trends(db: DbSession, programme_id: int, public: bool = False) -> tuple[AreaTrend, ...]:
    """Each scorecard area's mean rating, session by session, in the order areas first
    appear; with `public`, leaving out ratings given in items taken in private."""
    return scorecard_trends(db, programme_id, public)[0]


def statement_trends(
    db: DbSession, programme_id: int, public: bool = False
) -> tuple[StatementTrend, ...]:
    """Each statement rated in two or more sessions, in the same words whichever agenda
    asked it, with its mean session by session."""
    return scorecard_trends(db, programme_id, public)[1]


def previous_means(
    db: DbSession, session: Session, subjects: list[str], public: bool = False
) -> dict[str, tuple[float, int]]:
    """For each statement, by its same-words key, the mean and number of the latest earlier
    session that rated it, whichever agenda asked it there; with `public`, the latest that
    rated it in an item taken in public."""
    wanted = {same_words(subject) for subject in subjects}
    # A session cancelled never met, whatever was typed into it before it was called off.
    earlier = db.execute(
        _ratings(session.programme_id, public).where(Session.number < session.number, MEETS)
    ).all()
    latest: dict[str, tuple[float, int]] = {}
    for sums in _gathered(earlier, by_statement=True):
        key = same_words(sums.name)
        if key in wanted:
            number = max(sums.sums)
            latest[key] = (sums.mean(number), number)
    return latest
