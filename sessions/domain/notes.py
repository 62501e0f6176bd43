"""Notes: a parsed line saved as a note (and an action, where it is one), and read back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from sessions.db_types import utcnow
from sessions.domain.lookup import member_of_programme, open_item_ids
from sessions.domain.owners import settle_owner
from sessions.models import Action, AgendaItem, Note
from sessions.names import OwnerChoice
from sessions.note_syntax import ParsedNote
from sessions.views import NoteView
from sessions.vocabulary import ActionStatus, NoteKind

# Table inserts built once, with their values bound at each save: the ORM's insert, or a
# statement built per note, cost Enter more than the disk's sync.
# The tables looked up by name in the metadata, which types them as the tables they are.
_NOTE_TABLE = Note.metadata.tables[Note.__tablename__]
_NOTE_INSERT = insert(_NOTE_TABLE).returning(_NOTE_TABLE.c.id)
_ACTION_INSERT = insert(Action.metadata.tables[Action.__tablename__])


def other_capture_kind(kind: str) -> NoteKind:
    return NoteKind.RELATIONSHIP if kind == NoteKind.DEAL else NoteKind.DEAL


def note_view(note: Note, position: int) -> NoteView:
    action = note.action
    return NoteView(
        id=note.id,
        position=position,
        kind=note.kind,
        text=note.text,
        created_at=note.created_at,
        owner=action.owner if action else "",
        due=action.due_on if action else None,
        member_id=note.member_id,
        member_name=note.member.name if note.member else "",
        edited=note.edited_at is not None,
        confidential=note.confidential,
    )


def record_note(
    db: DbSession,
    session_id: int,
    position: int,
    parsed: ParsedNote,
    now: datetime | None,
    member_id: int | None,
    owner_choice: OwnerChoice | None = None,
    ask_owner: bool = False,
) -> NoteView:
    """The parsed line saved as a note of the item at `position` (and its action, if one).

    An action's owner is settled first (`settle_owner`): with `ask_owner`, an owner that
    finds several members or none raises OwnerQuestion and nothing is saved.
    """
    is_action = parsed.kind == NoteKind.ACTION
    # One read and two plain inserts, not the ORM's unit of work: Enter waits on this.
    programme_id, item_id = open_item_ids(db, session_id, position, "notes can no longer be added")
    owner, owner_member_id = "", None
    if is_action:
        owner, owner_member_id = settle_owner(
            db, programme_id, parsed.owner, owner_choice, ask_owner
        )
    member_name = ""
    if member_id is not None:
        member_name = member_of_programme(db, member_id, programme_id).name
    created_at = now or utcnow()
    note_id = db.scalar(
        _NOTE_INSERT,
        {
            "session_id": session_id,
            "agenda_item_id": item_id,
            "kind": parsed.kind,
            "text": parsed.text,
            "created_at": created_at,
            "member_id": member_id,
        },
    )
    if is_action:
        db.execute(
            _ACTION_INSERT,
            {
                "programme_id": programme_id,
                "note_id": note_id,
                "owner": owner,
                "owner_member_id": owner_member_id,
                "due_on": parsed.due,
                "status": ActionStatus.OPEN,
            },
        )
    return NoteView(
        id=note_id,
        position=position,
        kind=parsed.kind,
        text=parsed.text,
        created_at=created_at,
        owner=owner,
        due=parsed.due if is_action else None,
        member_id=member_id,
        member_name=member_name,
        edited=False,
    )


def item_notes(db: DbSession, session_id: int, position: int | None) -> list[NoteView]:
    """The session's notes (or one item's), oldest first, leaving out deleted ones."""
    query = (
        select(Note, AgendaItem.position)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(Note.session_id == session_id, Note.deleted_at.is_(None))
        .options(selectinload(Note.action), selectinload(Note.member))
        .order_by(Note.created_at, Note.id)
    )
    if position is not None:
        query = query.where(AgendaItem.position == position)
    return [note_view(note, pos) for note, pos in db.execute(query).all()]
