"""Editing a note once its session has finished, to take out what should never have been
typed: allowed while the session's minutes are still a draft, as an edit during the
session is, with the words it replaces kept as a revision."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session as DbSession

from sessions.domain.approval import refuse_if_approved
from sessions.domain.note_editing import apply_line, note_line
from sessions.domain.notes import note_view
from sessions.errors import InputError, NotFoundError
from sessions.models import AgendaItem, Note
from sessions.views import NoteView


def correct_note(db: DbSession, note_id: int, text: str, today: date, now: datetime) -> NoteView:
    """Give the note new words, keeping its kind; refused once its minutes are approved."""
    note = db.get(Note, note_id)
    if note is None:
        raise NotFoundError("That note no longer exists.")
    session = refuse_if_approved(db, note.session_id, "its notes can no longer be edited")
    if note.action is not None and session.finished_at is not None:
        # The minutes give an action as it stood when its session finished, so new words
        # would not reach them.
        raise InputError(
            "An action's words stand in the minutes as they were when the session finished, "
            "so editing it now would not change them: redact it in this document instead."
        )
    if not text.strip():
        raise InputError("A note can't be empty: delete it instead (its text is kept).")
    position = db.get_one(AgendaItem, note.agenda_item_id).position
    line = note_line(replace(note_view(note, position), text=text.strip()))
    return apply_line(db, note, position, session.programme_id, line, today, now)
