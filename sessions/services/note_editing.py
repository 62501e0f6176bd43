"""What the screens ask of a note after Enter (edit, delete, restore, attribute): the front door
to `sessions.domain.note_editing`, where the rules are."""

from __future__ import annotations

from datetime import date, datetime

from sessions.db_types import utcnow
from sessions.domain.note_editing import attribute, lines_of, revise_note, set_deleted
from sessions.domain.note_editing import note_line as note_line
from sessions.store import Store
from sessions.views import NoteView


def edit_note(
    store: Store, note_id: int, line: str, *, today: date | None = None, now: datetime | None = None
) -> NoteView:
    """Replace the note's line; the old one is kept as a revision. A blank line is refused."""
    now = now or utcnow()
    with store.transaction("save the edited note") as db:
        return revise_note(db, note_id, line, today or date.today(), now)


def delete_note(store: Store, note_id: int, now: datetime | None = None) -> NoteView:
    """Hide the note from the session and the minutes; its row stays, so undo can bring it back."""
    with store.transaction("delete the note") as db:
        return set_deleted(db, note_id, now or utcnow())


def restore_note(store: Store, note_id: int) -> NoteView:
    """Undo a delete."""
    with store.transaction("bring the note back") as db:
        return set_deleted(db, note_id, None)


def attribute_note(store: Store, note_id: int, member_id: int | None) -> NoteView:
    """Say who said it (or, with None, that nobody in particular did)."""
    with store.transaction("attribute the note") as db:
        return attribute(db, note_id, member_id)


def note_history(store: Store, note_id: int) -> list[str]:
    """Every line the note has had, oldest first, ending with the line it has now."""
    with store.reading() as db:
        return lines_of(db, note_id)
