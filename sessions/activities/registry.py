"""Every activity kind, found by its kind: what the minutes, projector and export ask."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import cast

from sqlalchemy.orm import Session as DbSession

from sessions.activities import (
    breaks,
    checklist,
    matters_arising,
    minutes_approval,
    rag,
    reflection,
    roles,
    scorecard,
)
from sessions.activities.activity import RATING_OR_NONE, Activity, ScoreRule
from sessions.activities.answers import activity_item
from sessions.activities.undoing import refuse
from sessions.errors import FacilitatorError
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

ACTIVITIES: Mapping[ItemKind, Activity] = MappingProxyType(
    {
        module.ACTIVITY.kind: module.ACTIVITY
        for module in (
            minutes_approval,
            matters_arising,
            scorecard,
            checklist,
            roles,
            rag,
            reflection,
            breaks,
        )
    }
)
"""A discussion is the one kind with no activity: its notes are all it has."""


def activity_for(kind: str) -> Activity | None:
    """The activity of an item of `kind` (as stored), or None for a discussion."""
    # A stored kind is a plain string; a StrEnum member hashes and compares as its value.
    return ACTIVITIES.get(cast(ItemKind, kind))


def room_part(db: DbSession, session_id: int, position: int, kind: str, today: date) -> str | None:
    """What the room sees of the item's activity, or None when the item is not (or no longer)
    of `kind`, or its activity cannot show it: the item's own prompt is shown instead."""
    activity = activity_for(kind)
    if activity is None:
        return None
    try:
        item = activity_item(db, session_id, position, ItemKind(kind))
        return activity.room_markdown(db, item.session, item, today)
    except FacilitatorError:
        return None


def score_rule(kind: str) -> ScoreRule:
    """What an exported answer's score may be in an item of `kind`."""
    activity = activity_for(kind)
    return activity.score_rule if activity is not None else RATING_OR_NONE


def undo(db: DbSession, change: ActivityChange, now: datetime) -> None:
    """Put the item back as it was before `change`, by the rules of the item's kind."""
    activity = activity_for(change.kind)
    if activity is None or activity.undo is None:
        raise refuse(change, f"nothing in a {change.kind} is undone")
    activity.undo(db, change, now)
