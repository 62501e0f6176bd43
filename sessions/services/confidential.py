"""Marking a single note as said in confidence, so the public minutes leave it out."""

from __future__ import annotations

from sessions.domain.note_editing import set_confidential
from sessions.store import Store
from sessions.views import NoteView


def set_note_confidential(store: Store, note_id: int, confidential: bool) -> NoteView:
    """Mark the note confidential (or, with False, not); allowed while the session can change,
    refused once it has finished, as the minutes are then a record."""
    with store.transaction("change whether the note is confidential") as db:
        return set_confidential(db, note_id, confidential)
