"""Writing a checked exchange file into the database: all of it in one unit of work, or none.

Rows go in the order the file lists them, so ties in time keep the order the
room saw, and the clock's log replays exactly as it did where it was recorded.
Notes are inserted through the models so the database's search index sees them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.programmes import MAX_NAME, free_slug
from sessions.domain.summaries import keep_summaries
from sessions.errors import InputError
from sessions.exchange import proposals
from sessions.exchange.document import ProgrammeRecord, SessionRecord
from sessions.exchange.parse import NOTHING
from sessions.models import (
    Action,
    ActionChange,
    ActionReview,
    ActivityResult,
    AgendaItem,
    Attendance,
    Declaration,
    Interest,
    Member,
    MinutesAmendment,
    Note,
    NoteRevision,
    Programme,
    RoomQuestion,
    Session,
    TimerEvent,
    new_calendar_uid,
)


@dataclass(frozen=True)
class ImportedProgramme:
    name: str
    slug: str
    session_count: int
    note_count: int


def load_programme(
    db: DbSession, record: ProgrammeRecord, new_name: str | None = None
) -> ImportedProgramme:
    """Add the programme; its name and slug must be free unless `new_name` renames it."""
    name = record.name if new_name is None else _clean_name(new_name)
    taken = db.execute(select(Programme.name, Programme.slug)).all()
    _refuse_clash(taken, name, None if new_name is not None else record.slug)
    slug = record.slug if new_name is None else free_slug(name, {s for _, s in taken})
    programme = Programme(**{**record.columns, "name": name, "slug": slug})
    db.add(programme)
    db.flush()
    members = {
        columns["name"]: Member(programme_id=programme.id, **columns) for columns in record.members
    }
    db.add_all(members.values())
    registers: dict[str, list[Interest]] = {name: [] for name in members}
    for interest in record.interests:
        row = Interest(member=members[interest.member], **interest.columns)
        registers[interest.member].append(row)
        db.add(row)
    notes = {
        session.columns["number"]: _add_session(db, programme.id, session, members, registers)
        for session in record.sessions
    }
    # Reviews and changes come last: one may name an action from any session before its own.
    for session in record.sessions:
        _add_reviews(db, session, notes)
    db.flush()
    for session in record.sessions:
        _add_changes(db, session, notes)
    # Summed up as the app sums up a session as it finishes: the dashboard reads these.
    keep_summaries(db, select(Session.id).where(Session.programme_id == programme.id))
    return ImportedProgramme(name, slug, len(record.sessions), record.note_count)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InputError("The new programme name cannot be empty.")
    if len(name) > MAX_NAME:
        raise InputError(
            f"The new programme name is too long: keep it under {MAX_NAME} characters."
        )
    return name


def _refuse_clash(taken: Iterable[Sequence[str]], name: str, slug: str | None) -> None:
    """Refuse a name anyone has (ignoring case) or, when keeping the file's slug, that slug."""
    for other_name, other_slug in taken:
        if other_name.casefold() == name.casefold():
            hint = (
                "choose another name"
                if slug is None
                else "import it under another name with --as NEW_NAME"
            )
            raise InputError(
                f"A programme called {other_name!r} already exists here: {hint}. {NOTHING}"
            )
        if slug is not None and other_slug == slug:
            raise InputError(
                f"The programme {other_name!r} here already has the slug {slug!r}: "
                f"import it under another name with --as NEW_NAME. {NOTHING}"
            )


def _calendar_identity(db: DbSession, columns: dict[str, Any]) -> dict[str, Any]:
    """The session's columns, keeping the calendar UID it came with, so a programme moved to
    another computer goes on updating the invitations already sent. A second copy of a
    programme already here is a new meeting in calendars: it gets a UID of its own, from
    sequence 0, rather than move or cancel the first copy's meetings."""
    uid = columns.get("calendar_uid")
    if uid is None or db.scalar(select(Session.id).where(Session.calendar_uid == uid)) is None:
        return columns
    return {**columns, "calendar_uid": new_calendar_uid(), "calendar_sequence": 0}


def _add_session(
    db: DbSession,
    programme_id: int,
    record: SessionRecord,
    members: dict[str, Member],
    registers: dict[str, list[Interest]],
) -> tuple[Session, list[Note]]:
    """The session's rows; it and its notes in file order, for the reviews that name them."""
    session = Session(programme_id=programme_id, **_calendar_identity(db, record.columns))
    session.items = [AgendaItem(**columns) for columns in record.items]
    db.add(session)
    db.flush()
    items = session.items
    notes = []
    for note_record in record.notes:
        note = Note(
            session_id=session.id,
            agenda_item_id=items[note_record.item].id,
            member=members[note_record.member] if note_record.member is not None else None,
            **note_record.columns,
        )
        note.revisions = [NoteRevision(**columns) for columns in note_record.revisions]
        if note_record.action is not None:
            note.action = Action(
                programme_id=programme_id,
                owner_member=(
                    members[note_record.owner_member] if note_record.owner_member else None
                ),
                **note_record.action,
            )
        db.add(note)
        notes.append(note)
    for name, status in record.attendance:
        db.add(Attendance(session_id=session.id, member=members[name], status=status))
    for declaration in record.declarations:
        left = declaration.left_room_item
        db.add(
            Declaration(
                session_id=session.id,
                member=members[declaration.member],
                left_room_item=items[left] if left is not None else None,
                interest_id=(
                    registers[declaration.member][declaration.interest].id
                    if declaration.interest is not None
                    else None
                ),
                **declaration.columns,
            )
        )
    db.add_all(TimerEvent(session_id=session.id, **columns) for columns in record.timer_events)
    db.add_all(
        ActivityResult(
            session_id=session.id,
            agenda_item_id=items[result.item].id,
            member=members[result.member] if result.member is not None else None,
            **result.columns,
        )
        for result in record.results
    )
    # The session's flush above gave its members their ids.
    db.add_all(
        MinutesAmendment(
            session_id=session.id,
            proposer_member_id=(
                members[amendment.proposer_member].id
                if amendment.proposer_member is not None
                else None
            ),
            **amendment.columns,
        )
        for amendment in record.amendments
    )
    db.add_all(
        RoomQuestion(
            session_id=session.id,
            agenda_item_id=items[question.item].id,
            member=members[question.member] if question.member is not None else None,
            note=notes[question.note] if question.note is not None else None,
            **question.columns,
        )
        for question in record.questions
    )
    proposals.add(db, session.id, items, members, record.proposals)
    return session, notes


def _add_changes(
    db: DbSession, record: SessionRecord, notes: dict[int, tuple[Session, list[Note]]]
) -> None:
    _, rows = notes[record.columns["number"]]
    for note_record, note in zip(record.notes, rows, strict=True):
        if note.action is None:
            continue
        for change in note_record.changes:
            made_in = notes[change.session][0].id if change.session is not None else None
            db.add(ActionChange(action_id=note.action.id, session_id=made_in, **change.columns))


def _add_reviews(
    db: DbSession, record: SessionRecord, notes: dict[int, tuple[Session, list[Note]]]
) -> None:
    session, _ = notes[record.columns["number"]]
    for review in record.reviews:
        action = notes[review.session][1][review.note].action
        db.add(ActionReview(session_id=session.id, action=action, **review.columns))
