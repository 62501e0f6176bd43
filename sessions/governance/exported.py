"""What an export's findings need from the database beyond the file itself."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.models import Note, Session


def exported_note_ids(db: DbSession, programme_id: int) -> dict[int, list[int]]:
    """Each session's (by number) notes' ids, in the order the export lists its notes."""
    ids: dict[int, list[int]] = {}
    for number, note_id in db.execute(
        select(Session.number, Note.id)
        .join(Session, Note.session_id == Session.id)
        .where(Session.programme_id == programme_id)
        .order_by(Session.number, Note.created_at, Note.id)
    ):
        ids.setdefault(number, []).append(note_id)
    return ids
