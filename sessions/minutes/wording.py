"""How minutes say times, dates and results, in words every format shares.

The Markdown template and the Word writer both read these, so a Word copy and a
Markdown copy of the same minutes say the same thing in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

# How a kind's results are worded belongs to the kind, whose part of the Word minutes says
# them too; the templates read them from here, as filters, by the names they always had.
from sessions.activities.reflection import private_answers as private_answers
from sessions.activities.scorecard import score_change as score_change
from sessions.activities.scorecard import score_mean as score_mean
from sessions.activities.scorecard import score_range as score_range
from sessions.agenda.durations import format_duration
from sessions.vocabulary import AmendmentKind

if TYPE_CHECKING:
    from sessions.domain.approval import AmendmentView
    from sessions.minutes.model import MinutesItem, MinutesPerson


class Review(Protocol):
    """What a review's wording reads: the minutes' and the report's reviews alike."""

    @property
    def outcome_label(self) -> str: ...
    @property
    def due_moved(self) -> bool: ...
    @property
    def due_before(self) -> date | None: ...
    @property
    def due(self) -> date | None: ...


def spoken_duration(seconds: float) -> str:
    """A time as minutes read it: whole minutes, '<1 min' for a moment, '0 min' for none."""
    if seconds <= 0:
        return "0 min"
    if seconds < 60:
        return "<1 min"
    return format_duration(round(seconds / 60) * 60)


def clock_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%H:%M") if value else "—"


WRITTEN_DATE = re.compile(r"\d{1,2} [A-Z][a-z]{2,8} \d{4}")
"""A date as `long_date` and `short_date` write it (the weekday aside): one unit a
document never breaks across lines."""


def long_date(value: date | None) -> str:
    """A date in running text, as a board's papers write it: 'Tuesday 1 December 2026'."""
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "—"


def short_date(value: date | None, missing: str = "—") -> str:
    """A date in a table column or beside an action: '1 Dec 2026'. Still the UK order and
    a month in words, never ISO, but short enough that a column of them never wraps."""
    return f"{value.day} {value:%b %Y}" if value else missing


def iso_date(value: date | None, missing: str = "—") -> str:
    """A date as the export file and the note line write it; never in a document."""
    return value.isoformat() if value else missing


def item_timing(item: MinutesItem) -> str:
    """One sentence: what the item was planned, given and took, or that it was skipped."""
    planned = f"Planned {spoken_duration(item.planned_seconds)}"
    rebalanced = (
        f", rebalanced to {spoken_duration(item.rebalanced_seconds)}"
        if item.rebalanced_seconds is not None
        else ""
    )
    if item.skipped:
        after = f" after {spoken_duration(item.actual_seconds)}" if item.actual_seconds > 0 else ""
        return f"{planned}; skipped{after}."
    if not item.reached:
        return f"{planned}{rebalanced}; not reached."
    base = item.planned_seconds if item.rebalanced_seconds is None else item.rebalanced_seconds
    given = f", given {spoken_duration(base + item.extra_seconds)}" if item.extra_seconds else ""
    return f"{planned}{rebalanced}{given}, took {spoken_duration(item.actual_seconds)}."


def review_outcome(review: Review) -> str:
    """'Done', or 'Kept open, due moved 5 Jan 2026 → 2 Feb 2026', as the review left it."""
    if not review.due_moved:
        return review.outcome_label
    if review.due_before:
        return (
            f"{review.outcome_label}, due moved {short_date(review.due_before)} → "
            f"{short_date(review.due, 'no date')}"
        )
    return f"{review.outcome_label}, now due {short_date(review.due)}"


def people_line(people: Iterable[MinutesPerson]) -> str:
    return "; ".join(person.label for person in people) or "—"


def record_status(approved_in: int | None, approved_on: date | None, amended: bool) -> str:
    """The line minutes open with: a draft, or the record as a later session approved it."""
    if approved_in is None:
        return "DRAFT: to be approved at the next session."
    # Where and when lead, as a board's minutes say it and a reader looks for it.
    with_amendments = ", with the amendments below" if amended else ""
    return (
        f"Approved at session {approved_in} on {long_date(approved_on)} as a true "
        f"record{with_amendments}."
    )


def amendment_credit(change: AmendmentView) -> str:
    """Who proposed an amendment; for an erratum, also where and when the room agreed it."""
    said = f"proposed by {change.proposer}"
    if change.kind == AmendmentKind.ERRATUM:
        said += f"; agreed at session {change.made_in} on {long_date(change.made_on)}"
    return said
