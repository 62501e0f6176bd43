"""Every activity kind, found by its kind: what the minutes, projector and export ask."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

from sqlalchemy.orm import Session as DbSession

from sessions.activities import breaks, checklist, matters_arising, reflection, roles, scorecard
from sessions.activities.activity import RATING_OR_NONE, Activity, ScoreRule
from sessions.activities.undoing import refuse
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

ACTIVITIES: Mapping[ItemKind, Activity] = MappingProxyType(
    {
        module.ACTIVITY.kind: module.ACTIVITY
        for module in (matters_arising, scorecard, checklist, roles, reflection, breaks)
    }
)
"""A discussion is the one kind with no activity: its notes are all it has."""


def activity_for(kind: str) -> Activity | None:
    """The activity of an item of `kind` (as stored), or None for a discussion."""
    return next((activity for known, activity in ACTIVITIES.items() if known == kind), None)


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
