"""The action log as an NHS board keeps it: each action's number, where it was raised, its
due date then and now, its status with RAG, and the latest update, as of any moment.

The minutes ask as of their session's finish and the actions list as of now, so both
read the same log.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_history import ActionUpdate, latest_updates, states_at
from sessions.models import Action, AgendaItem, Note, Session
from sessions.vocabulary import ActionRag, ActionStatus


@dataclass(frozen=True)
class LogEntry:
    action_id: int
    note_id: int
    number: str
    """'2.3': the third action raised in session 2, the same in every document."""
    session_id: int
    session_number: int
    item_title: str
    raised_at: datetime
    text: str
    owner: str
    due_as_raised: date | None
    """The due date as its session left it."""
    due: date | None
    """The due date as it stands at the log's moment."""
    status: str
    rag: str
    update: ActionUpdate | None

    @property
    def revised_due(self) -> date | None:
        """The due date as it stands, where it moved since the action was raised."""
        return self.due if self.due != self.due_as_raised else None

    @property
    def due_moved(self) -> bool:
        return self.due != self.due_as_raised


def rag(status: str, due: date | None, today: date) -> ActionRag:
    """Done and dropped say so; an open action past its date is overdue, whatever else."""
    if status == ActionStatus.DONE:
        return ActionRag.DONE
    if status == ActionStatus.DROPPED:
        return ActionRag.DROPPED
    if due is not None and due < today:
        return ActionRag.OVERDUE
    return ActionRag.AT_RISK if status == ActionStatus.AT_RISK else ActionRag.ON_TRACK


def log_entries(
    db: DbSession,
    programme_id: int,
    moment: datetime | None,
    today: date,
    wanted: Collection[int] | None = None,
) -> dict[int, LogEntry]:
    """The log of the programme's actions (or of the `wanted` ones) as they stood at `moment`
    (None: now); deleted notes left out. `today` is the day overdue is counted from."""
    rows = db.execute(
        select(
            Action.id,
            Note.id,
            Note.session_id,
            Session.number,
            Session.finished_at,
            AgendaItem.title,
            Note.created_at,
        )
        .join(Note, Action.note_id == Note.id)
        .join(Session, Note.session_id == Session.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(Action.programme_id == programme_id, Note.deleted_at.is_(None))
        .order_by(Session.number, Note.created_at, Note.id)
    ).all()
    numbers: dict[int, str] = {}
    counted: dict[int, int] = {}
    for row in rows:
        counted[row.number] = counted.get(row.number, 0) + 1
        numbers[row[0]] = f"{row.number}.{counted[row.number]}"
    if wanted is not None:
        rows = [row for row in rows if row[0] in wanted]
    ids = [row[0] for row in rows]
    now_states = states_at(db, ids, moment)
    raised: dict[int, date | None] = {}
    by_finish: dict[datetime | None, list[int]] = {}
    for row in rows:
        # As raised means as its session left it; a session still running, as it is.
        finish = row.finished_at
        if moment is not None and (finish is None or finish > moment):
            finish = moment
        by_finish.setdefault(finish, []).append(row[0])
    for finish, some in by_finish.items():
        raised.update({i: s.due for i, s in states_at(db, some, finish).items()})
    updates = latest_updates(db, ids, moment)
    entries = {}
    for action_id, note_id, session_id, number, _finished, title, created_at in rows:
        state = now_states[action_id]
        entries[action_id] = LogEntry(
            action_id=action_id,
            note_id=note_id,
            number=numbers[action_id],
            session_id=session_id,
            session_number=number,
            item_title=title,
            raised_at=created_at,
            text=state.text,
            owner=state.owner,
            due_as_raised=raised[action_id],
            due=state.due,
            status=state.status,
            rag=rag(state.status, state.due, today),
            update=updates.get(action_id),
        )
    return entries
