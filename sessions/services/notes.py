"""Recording notes: a typed line becomes a committed note (and an action, where it is one)."""

from __future__ import annotations

from datetime import date, datetime

from sessions.domain.notes import item_notes, record_note
from sessions.domain.notes import other_capture_kind as other_capture_kind
from sessions.names import OwnerChoice as OwnerChoice
from sessions.names import OwnerQuestion as OwnerQuestion
from sessions.note_syntax import parse_note_line
from sessions.store import Store
from sessions.views import NoteView
from sessions.vocabulary import CAPTURE_KINDS


def add_note(
    store: Store,
    session_id: int,
    position: int,
    line: str,
    default_kind: str,
    today: date | None = None,
    now: datetime | None = None,
    member_id: int | None = None,
    owner: OwnerChoice | None = None,
    ask_owner: bool = False,
) -> NoteView | None:
    """Commit the typed line as a note of the current item; None for a blank line.

    `member_id` attributes the note to someone in the programme. An action's `@owner` that
    finds one member is that member, under their full name; with `ask_owner`, one that
    finds several or none raises OwnerQuestion (nothing saved) until `owner` answers it.

    Returns only once the note is on disk; a line that cannot be read raises
    InputError, and a database that cannot be written raises StoreError, so the
    caller keeps the text where it was typed.
    """
    if default_kind not in CAPTURE_KINDS:
        raise ValueError(f"notes default to deal or relationship, not {default_kind!r}")
    parsed = parse_note_line(line, default_kind, today or date.today())
    if parsed is None:
        return None
    with store.transaction("save the note") as db:
        return record_note(db, session_id, position, parsed, now, member_id, owner, ask_owner)


def list_notes(store: Store, session_id: int, position: int | None = None) -> list[NoteView]:
    """The session's notes (or one item's), oldest first, leaving out deleted ones."""
    with store.reading() as db:
        return item_notes(db, session_id, position)
