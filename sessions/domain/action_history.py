"""What happened to each action: every change kept, so its state on any day can be told.

Every path that changes an action (the matters-arising review and its undo, the actions
list, editing the note that raised it) changes it through `change_action`, which keeps
one `action_change` row for each field that moved. An action's state at a moment is its
state now with the changes made after that moment put back, newest first; a finished
session's minutes ask for the state at its finish, and so say the same however late they
are written.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.models import Action, ActionChange, ActionReview, Note, Session
from sessions.vocabulary import ActionField, ActionStatus, ReviewOutcome


class Keep(Enum):
    """A due date left as it is (None means no date)."""

    DUE = "keep"


KEEP = Keep.DUE


@dataclass(frozen=True)
class ActionState:
    """An action's words, owner, due date and status at one moment."""

    text: str
    owner: str
    due: date | None
    status: str


@dataclass(frozen=True)
class ActionUpdate:
    """The latest thing that happened to an action: a change, or a session's review."""

    at: datetime
    words: str
    """What happened, in the facilitator's words, without its date."""


def _due_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _due_value(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def change_action(
    db: DbSession,
    action: Action,
    now: datetime,
    session_id: int | None,
    *,
    status: str | None = None,
    owner: str | None = None,
    text: str | None = None,
    due: date | Keep | None = KEEP,
) -> list[ActionField]:
    """Change what is given, keeping a change row for each field that moved; the fields
    that moved, in the order kept."""
    moved: list[ActionField] = []

    def keep(field: ActionField, before: str | None, after: str | None) -> None:
        if before != after:
            db.add(
                ActionChange(
                    action_id=action.id,
                    field=field,
                    before=before,
                    after=after,
                    changed_at=now,
                    session_id=session_id,
                )
            )
            moved.append(field)

    if text is not None:
        keep(ActionField.TEXT, action.note.text, text)
        action.note.text = text
    if owner is not None:
        keep(ActionField.OWNER, action.owner, owner)
        action.owner = owner
    if not isinstance(due, Keep):
        keep(ActionField.DUE, _due_text(action.due_on), _due_text(due))
        action.due_on = due
    if status is not None:
        keep(ActionField.STATUS, str(action.status), str(status))
        action.status = status
    return moved


def changes_since(db: DbSession, action_id: int, moment: datetime) -> list[ActionChange]:
    """The action's changes made at `moment` or later, oldest first."""
    return list(
        db.scalars(
            select(ActionChange)
            .where(ActionChange.action_id == action_id, ActionChange.changed_at >= moment)
            .order_by(ActionChange.id)
        )
    )


def states_at(
    db: DbSession, action_ids: Collection[int], moment: datetime | None
) -> dict[int, ActionState]:
    """Each action's state at `moment` (None: as it is now)."""
    if not action_ids:
        return {}
    ids = list(action_ids)
    states = {
        action_id: ActionState(text, owner, due, str(status))
        for action_id, text, owner, due, status in db.execute(
            select(Action.id, Note.text, Action.owner, Action.due_on, Action.status)
            .join(Note, Action.note_id == Note.id)
            .where(Action.id.in_(ids))
        )
    }
    if moment is None:
        return states
    later = db.scalars(
        select(ActionChange)
        .where(ActionChange.action_id.in_(ids), ActionChange.changed_at > moment)
        .order_by(ActionChange.changed_at.desc(), ActionChange.id.desc())
    )
    for change in later:
        state = states[change.action_id]
        states[change.action_id] = _put_back(state, change)
    return states


def _put_back(state: ActionState, change: ActionChange) -> ActionState:
    if change.field == ActionField.TEXT:
        return replace(state, text=change.before or "")
    if change.field == ActionField.OWNER:
        return replace(state, owner=change.before or "")
    if change.field == ActionField.DUE:
        return replace(state, due=_due_value(change.before))
    return replace(state, status=change.before or ActionStatus.OPEN)


def change_words(field: str, after: str | None) -> str:
    """A change as the action log says it: 'Marked done', 'Owner now Sam'."""
    if field == ActionField.STATUS:
        said: dict[str, str] = {
            ActionStatus.OPEN: "Reopened",
            ActionStatus.DONE: "Marked done",
            ActionStatus.DROPPED: "Dropped",
        }
        return said.get(after or "", f"Marked {after}")
    if field == ActionField.DUE:
        due = _due_value(after)
        return f"Due date moved to {due.day} {due:%B %Y}" if due else "Due date taken off"
    if field == ActionField.OWNER:
        return f"Owner now {after}" if after else "Owner taken off"
    return "Wording changed"


REVIEW_WORDS: dict[str, str] = {
    ReviewOutcome.DONE: "done",
    ReviewOutcome.KEPT: "kept open",
    ReviewOutcome.AT_RISK: "kept open, at risk",
    ReviewOutcome.DROPPED: "dropped",
}


def latest_updates(
    db: DbSession, action_ids: Collection[int], moment: datetime | None
) -> dict[int, ActionUpdate]:
    """The latest change or review of each action up to `moment` (None: to now), in words.

    A review that changed the action is told as the review, once; a review that kept an
    action as it was is an update too."""
    if not action_ids:
        return {}
    ids = list(action_ids)
    found: dict[int, ActionUpdate] = {}

    def offer(action_id: int, update: ActionUpdate) -> None:
        if action_id not in found or update.at >= found[action_id].at:
            found[action_id] = update

    changes = select(ActionChange).where(ActionChange.action_id.in_(ids))
    reviews = (
        select(ActionReview, Session.number)
        .join(Session, ActionReview.session_id == Session.id)
        .where(ActionReview.action_id.in_(ids))
    )
    if moment is not None:
        changes = changes.where(ActionChange.changed_at <= moment)
        reviews = reviews.where(ActionReview.reviewed_at <= moment)
    by_moment: dict[tuple[int, datetime], list[ActionChange]] = {}
    for change in db.scalars(changes.order_by(ActionChange.id)):
        by_moment.setdefault((change.action_id, change.changed_at), []).append(change)
    for (action_id, at), group in by_moment.items():
        offer(action_id, ActionUpdate(at, "; ".join(change_words(c.field, c.after) for c in group)))
    for review, number in db.execute(reviews):
        said = REVIEW_WORDS.get(review.outcome, review.outcome)
        keeping = review.outcome in (ReviewOutcome.KEPT, ReviewOutcome.AT_RISK)
        if keeping and review.due_after != review.due_before:
            due = review.due_after
            said += f", due {due.day} {due:%B %Y}" if due else ", no due date"
        offer(
            review.action_id, ActionUpdate(review.reviewed_at, f"Session {number} review: {said}")
        )
    return found
