"""Changing a note after Enter: editing its line, deleting and restoring it, saying who said it.

Nothing typed is ever lost: an edit keeps the line it replaces as a revision, a
delete only marks the note (so it can be undone), and an action that stops
being one is marked dropped rather than removed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_history import change_action
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.domain.notes import note_view
from sessions.domain.owners import settle_owner
from sessions.errors import InputError, NotFoundError
from sessions.models import Action, AgendaItem, Note, NoteRevision
from sessions.note_syntax import PREFIXES, parse_note_line
from sessions.views import NoteView
from sessions.vocabulary import CAPTURE_KINDS, STILL_OPEN, ActionStatus, NoteKind

# The shortest prefix for each kind, to write a note back as a line that parses the same.
_SHORT_PREFIX: dict[str, str] = {
    NoteKind.DECISION: "d",
    NoteKind.ACTION: "a",
    NoteKind.RISK: "r",
    NoteKind.QUESTION: "q",
    NoteKind.DEAL: "deal",
    NoteKind.RELATIONSHIP: "rel",
}


def _starts_with_prefix(text: str) -> bool:
    head, colon, _ = text.partition(":")
    return bool(colon) and head.strip().lower() in PREFIXES


def note_line(note: NoteView) -> str:
    """The note as a line the facilitator can edit and Enter again: prefix, owner and date."""
    if note.kind in CAPTURE_KINDS:
        # A deal note that reads like a prefix ("q: …") keeps its kind only with its own prefix.
        if _starts_with_prefix(note.text):
            return f"{_SHORT_PREFIX[note.kind]}: {note.text}"
        return note.text
    line = f"{_SHORT_PREFIX[note.kind]}: {note.text}"
    if note.owner:
        line += f" @{note.owner}"
    if note.due:
        line += f" {note.due.isoformat()}"
    return line


def _editable(db: DbSession, note_id: int, refused: str) -> tuple[Note, int, int]:
    """The note, its item's position and its programme, if its session can still change."""
    note = db.get(Note, note_id)
    if note is None:
        raise NotFoundError("That note no longer exists.")
    programme_id = unfinished_session_row(db, note.session_id, refused).programme_id
    position = db.get_one(AgendaItem, note.agenda_item_id).position
    return note, position, programme_id


def revise_note(db: DbSession, note_id: int, line: str, today: date, now: datetime) -> NoteView:
    """Replace the note's line; the old one is kept as a revision. A blank line is refused."""
    note, position, programme_id = _editable(db, note_id, "its notes can no longer be edited")
    return apply_line(db, note, position, programme_id, line, today, now)


def apply_line(
    db: DbSession,
    note: Note,
    position: int,
    programme_id: int,
    line: str,
    today: date,
    now: datetime,
) -> NoteView:
    """Give the note `line`, keeping the one it replaces as a revision; whoever calls this
    has settled that the note may still change."""
    default_kind = note.kind if note.kind in CAPTURE_KINDS else NoteKind.DEAL
    parsed = parse_note_line(line, default_kind, today)
    if parsed is None:
        raise InputError("A note can't be empty: delete it instead (its text is kept).")
    before = note_line(note_view(note, position))
    if line.strip() == before and parsed.kind == note.kind:
        return note_view(note, position)
    db.add(NoteRevision(note_id=note.id, line=before, replaced_at=now))
    note.kind, note.edited_at = parsed.kind, now
    if note.action is None:
        note.text = parsed.text
        if parsed.kind == NoteKind.ACTION:
            owner, member_id = settle_owner(db, programme_id, parsed.owner, None, ask=False)
            note.action = Action(
                programme_id=programme_id,
                status=ActionStatus.OPEN,
                owner=owner,
                owner_member_id=member_id,
                due_on=parsed.due,
            )
    elif parsed.kind == NoteKind.ACTION:
        # An existing action changes through its history, so its state on any day can be told.
        reopened = ActionStatus.OPEN if note.action.status == ActionStatus.DROPPED else None
        owner, member_id = note.action.owner, note.action.owner_member_id
        if parsed.owner != owner:  # an owner left as it was keeps its member
            owner, member_id = settle_owner(db, programme_id, parsed.owner, None, ask=False)
        change_action(
            db,
            note.action,
            now,
            note.session_id,
            text=parsed.text,
            owner=owner,
            due=parsed.due,
            status=reopened,
        )
        note.action.owner_member_id = member_id
    else:
        dropped = ActionStatus.DROPPED if note.action.status in STILL_OPEN else None
        change_action(db, note.action, now, note.session_id, text=parsed.text, status=dropped)
    db.flush()
    return note_view(note, position)


def set_deleted(db: DbSession, note_id: int, deleted_at: datetime | None) -> NoteView:
    """Hide the note (or, with None, bring it back); its row always stays."""
    note, position, _programme_id = _editable(db, note_id, "its notes can no longer change")
    note.deleted_at = deleted_at
    db.flush()
    return note_view(note, position)


def attribute(db: DbSession, note_id: int, member_id: int | None) -> NoteView:
    """Say who said it (or, with None, that nobody in particular did)."""
    note, position, programme_id = _editable(db, note_id, "its notes can no longer change")
    if member_id is not None:
        member_of_programme(db, member_id, programme_id)
    note.member_id = member_id
    db.flush()
    db.refresh(note, ["member"])
    return note_view(note, position)


def set_confidential(db: DbSession, note_id: int, confidential: bool) -> NoteView:
    """Mark the note as said in confidence (or, with False, as not); the minutes are a record,
    so once the session has finished the mark stays as it was."""
    note, position, _programme_id = _editable(
        db,
        note_id,
        "the minutes are a record, so a note can no longer be marked or unmarked confidential",
    )
    note.confidential = confidential
    db.flush()
    return note_view(note, position)


def lines_of(db: DbSession, note_id: int) -> list[str]:
    """Every line the note has had, oldest first, ending with the line it has now."""
    note = db.get(Note, note_id)
    if note is None:
        raise NotFoundError("That note no longer exists.")
    position = db.get_one(AgendaItem, note.agenda_item_id).position
    return [revision.line for revision in note.revisions] + [note_line(note_view(note, position))]
