"""Matters arising: a session's review of the actions earlier sessions left open.

The list is what was open when the session came to it, so an action stays on
the list once reviewed, showing what the room made of it, and the outcome can
be changed until the session finishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity
from sessions.activities.answers import first_item_position
from sessions.activities.document import Notice, SessionMinutes, Shown, Table
from sessions.activities.undoing import open_session, quoted, refuse
from sessions.domain.action_history import change_action, changes_since, states_at
from sessions.domain.lookup import unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import (
    Action,
    ActionReview,
    AgendaItem,
    Note,
    Session,
)
from sessions.text import markdown_text
from sessions.views import ActivityChange, ReviewState
from sessions.vocabulary import STILL_OPEN, ActionStatus, ItemKind, ReviewOutcome

OUTCOME_LABELS: dict[str | None, str] = {
    ReviewOutcome.DONE: "done",
    ReviewOutcome.KEPT: "kept open",
    ReviewOutcome.AT_RISK: "kept open, at risk",
    ReviewOutcome.DROPPED: "dropped",
}

# What each outcome makes of the action: kept open, at risk, or closed.
OUTCOME_STATUS: dict[str, ActionStatus] = {
    ReviewOutcome.DONE: ActionStatus.DONE,
    ReviewOutcome.KEPT: ActionStatus.OPEN,
    ReviewOutcome.AT_RISK: ActionStatus.AT_RISK,
    ReviewOutcome.DROPPED: ActionStatus.DROPPED,
}

KEEPING = (ReviewOutcome.KEPT, ReviewOutcome.AT_RISK)
"""The outcomes that keep an action open, and so may give it a new due date."""


def due_moved(outcome: str | None, before: date | None, after: date | None) -> bool:
    """Whether a review kept the action open with a different due date."""
    return outcome in KEEPING and after != before


@dataclass(frozen=True)
class ReviewEntry:
    action_id: int
    text: str
    owner: str
    due: date | None
    """The due date now: a new one if the review kept it open with one."""
    raised_in: int
    """The number of the session that raised it."""
    item_title: str
    outcome: str | None
    """'done', 'kept', 'at risk' or 'dropped'; None until the room has reviewed it."""
    due_before: date | None = None
    """The due date it had before this review, where one has happened."""
    due_after: date | None = None
    """The due date this session's review left it with; a later session may move it again."""
    overdue: bool = False

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, "not reviewed")

    @property
    def due_moved(self) -> bool:
        return due_moved(self.outcome, self.due_before, self.due)


def entries_for(db: DbSession, session: Session, today: date) -> list[ReviewEntry]:
    """The actions this session reviews, as they stood when it finished (while it runs, as
    they stand): those still open, and those it reviewed."""
    raised = Session.__table__.alias("raised")
    reviewed = {
        review.action_id: review
        for review in db.scalars(select(ActionReview).where(ActionReview.session_id == session.id))
    }
    rows = db.execute(
        select(Action.id, raised.c.number, AgendaItem.title)
        .join(Note, Action.note_id == Note.id)
        .join(raised, Note.session_id == raised.c.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(
            Action.programme_id == session.programme_id,
            raised.c.number < session.number,
            Note.deleted_at.is_(None),
        )
    ).all()
    # A finished session's list is what stood at its finish, so its minutes never change.
    states = states_at(db, [row[0] for row in rows], session.finished_at)
    entries = []
    for action_id, number, title in rows:
        review = reviewed.get(action_id)
        state = states[action_id]
        if review is None and state.status not in STILL_OPEN:
            continue
        entries.append(
            ReviewEntry(
                action_id=action_id,
                text=state.text,
                owner=state.owner,
                due=state.due,
                raised_in=number,
                item_title=title,
                outcome=review.outcome if review else None,
                due_before=review.due_before if review else state.due,
                due_after=review.due_after if review else None,
                overdue=state.status in STILL_OPEN and state.due is not None and state.due < today,
            )
        )
    return sorted(
        entries,
        key=lambda e: (e.due_before is None, e.due_before or date.max, e.raised_in, e.action_id),
    )


def review_said(text: str, outcome: str, new_due: date | None) -> str:
    """`“Send the draft” marked done`, `... kept open, due 15 Jan 2027`, `... dropped`."""
    said: dict[str, str] = {ReviewOutcome.DONE: "marked done", ReviewOutcome.DROPPED: "dropped"}
    if outcome in said:
        return f"{quoted(text)} {said[outcome]}"
    due = f", due {new_due.day} {new_due:%b %Y}" if new_due is not None else ""
    risk = ", at risk" if outcome == ReviewOutcome.AT_RISK else ""
    return f"{quoted(text)} kept open{risk}{due}"


def _state(action: Action, review: ActionReview | None) -> ReviewState:
    # Plain strings, not the vocabulary's members: a state compares with one read back.
    if review is None:
        return ReviewState(str(action.status), action.due_on)
    return ReviewState(
        str(action.status), action.due_on, str(review.outcome), review.due_after, review.reviewed_at
    )


def _review_of(db: DbSession, session_id: int, action_id: int) -> ActionReview | None:
    return db.scalar(
        select(ActionReview).where(
            ActionReview.session_id == session_id, ActionReview.action_id == action_id
        )
    )


def record_review(
    db: DbSession,
    session_id: int,
    action_id: int,
    outcome: str,
    new_due: date | None,
    now: datetime,
) -> ActivityChange:
    """Record what the room made of an action: done, kept open (maybe with a new date), dropped.

    The action itself changes with it, so the actions list and the next
    session agree with the minutes. Choosing again replaces the outcome and
    starts from the action as it was before this session reviewed it.
    """
    if outcome not in tuple(ReviewOutcome):
        raise InputError(f"An action is reviewed as one of: {', '.join(ReviewOutcome)}.")
    if new_due is not None and outcome not in KEEPING:
        raise InputError("Only an action kept open takes a new due date.")
    session = unfinished_session_row(db, session_id, "its review can no longer change")
    action = db.get(Action, action_id)
    if action is None or action.programme_id != session.programme_id:
        raise NotFoundError("That action is not one of this programme's.")
    raised_in = db.scalar(
        select(Session.number)
        .join(Note, Note.session_id == Session.id)
        .where(Note.id == action.note_id)
    )
    if raised_in is None or raised_in >= session.number:
        raise InputError("Only actions from earlier sessions are reviewed here.")
    review = _review_of(db, session_id, action_id)
    before = _state(action, review)
    if review is None:
        if action.status not in STILL_OPEN:
            raise InputError("That action is no longer open.")
        review = ActionReview(session_id=session_id, action_id=action_id, due_before=action.due_on)
        db.add(review)
    # Done and dropped mean the same of the action as of the review.
    change_action(
        db,
        action,
        now,
        session_id,
        status=OUTCOME_STATUS[outcome],
        due=new_due if new_due is not None else review.due_before,
    )
    review.outcome = outcome
    review.due_after = action.due_on
    review.reviewed_at = now
    return ActivityChange(
        session_id,
        first_item_position(db, session_id, ItemKind.MATTERS_ARISING),
        ItemKind.MATTERS_ARISING,
        review_said(action.note.text, outcome, new_due),
        now,
        action_id=action_id,
        before=before,
        after=_state(action, review),
    )


def undo_review(db: DbSession, change: ActivityChange, now: datetime) -> None:
    """Put the action and its review back as they were before the outcome: to review, as
    the action was, or the outcome it replaced."""
    open_session(db, change)
    if change.action_id is None or change.before is None or change.after is None:
        raise refuse(change, "it names no action")
    action = db.get(Action, change.action_id)
    review = _review_of(db, change.session_id, change.action_id)
    if action is None or review is None or _state(action, review) != change.after:
        raise refuse(change, "the action has changed since")
    later = db.scalar(
        select(ActionReview.id).where(
            ActionReview.action_id == action.id,
            ActionReview.session_id != change.session_id,
            ActionReview.reviewed_at >= change.at,
        )
    )
    if later is not None:
        raise refuse(change, "another session has reviewed the action since")
    if any(row.changed_at > change.at for row in changes_since(db, action.id, change.at)):
        raise refuse(change, "the action has changed since")
    before = change.before
    action.status = before.status
    action.due_on = before.due_on
    # The review's own changes go with it, as its review row does: undo is a slip put right
    # in the room, and the action's history then reads as though it was never made.
    for row in changes_since(db, action.id, change.at):
        if row.session_id == change.session_id and row.changed_at == change.at:
            db.delete(row)
    if before.outcome is None or before.reviewed_at is None:
        # The review row is the outcome: this change made it, and it holds nothing else.
        # Removing it leaves the action to review exactly as the session found it; a row
        # kept with no outcome would read as a review in the minutes and the export.
        db.delete(review)
        return
    review.outcome = before.outcome
    review.due_after = before.due_after
    review.reviewed_at = before.reviewed_at


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """Matters arising for the room, in the prompt's place: each action and what has been
    made of it so far."""
    entries = entries_for(db, session, today)
    if not entries:
        return "*No actions are open from earlier sessions.*"
    lines = []
    for entry in entries:
        outcome = f"**{entry.outcome_label}**" if entry.outcome else "*to review*"
        owner = f" — {markdown_text(entry.owner)}" if entry.owner else ""
        lines.append(f"- {outcome} · {markdown_text(entry.text)}{owner}")
    return "\n".join(lines)


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """What the room made of each action carried in, from the session's review, which the
    minutes hold as of the session's day."""
    if not minutes.matters_arising:
        return (Notice("No actions were open from earlier sessions."),)
    rows = tuple(
        (r.text, r.owner or "—", str(r.raised_in), r.outcome_text) for r in minutes.matters_arising
    )
    return (Table(("Action", "Owner", "From session", "Outcome"), rows),)


ACTIVITY = Activity(
    kind=ItemKind.MATTERS_ARISING,
    # The results are the reviews of actions, which the minutes give in a section of their
    # own as of the session's day, not under the item.
    minutes_part=None,
    room_markdown=room_markdown,
    document_part=document_part,
    undo=undo_review,
)
