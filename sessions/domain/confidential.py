"""Which of a programme's actions were raised in confidence: in an item taken in private,
or as a note marked confidential. The public minutes and report leave them out."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session as DbSession

from sessions.models import Action, AgendaItem, Note


def confidential_action_ids(db: DbSession, programme_id: int) -> set[int]:
    """The ids of the programme's actions raised in confidence, deleted notes included:
    a note deleted and restored later is still confidential."""
    return set(
        db.scalars(
            select(Action.id)
            .join(Note, Action.note_id == Note.id)
            .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
            .where(
                Action.programme_id == programme_id,
                or_(Note.confidential, AgendaItem.confidential),
            )
        )
    )
