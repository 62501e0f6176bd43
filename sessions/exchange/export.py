"""A programme, everything recorded in it, as the exchange file's JSON.

Lists are ordered by what the data itself says (number, position, time, name),
with ties left in the order they were recorded, which an import keeps; so an
exported import is byte for byte the file it came from.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from sessions.exchange import proposals
from sessions.exchange.format import FORMAT, VERSION, clock_text, date_text, time_text
from sessions.models import (
    Action,
    ActionChange,
    ActionReview,
    ActivityResult,
    Attendance,
    Declaration,
    Interest,
    Member,
    MinutesAmendment,
    Note,
    Programme,
    RoomQuestion,
    Session,
    TimerEvent,
)


def programme_document(db: DbSession, programme: Programme) -> dict[str, Any]:
    members = db.scalars(
        select(Member).where(Member.programme_id == programme.id).order_by(Member.name)
    ).all()
    notes = {session.id: _notes(db, session.id) for session in programme.sessions}
    # An action is named in the file by the note that raised it: (session number, place).
    action_refs = {
        note.action.id: {"session": session.number, "note": index}
        for session in programme.sessions
        for index, note in enumerate(notes[session.id])
        if note.action is not None
    }
    numbers = {session.id: session.number for session in programme.sessions}
    changes: dict[int, list[dict[str, Any]]] = {}
    for change in db.scalars(
        select(ActionChange)
        .join(Action, ActionChange.action_id == Action.id)
        .where(Action.programme_id == programme.id)
        .order_by(ActionChange.changed_at, ActionChange.id)
    ):
        changes.setdefault(change.action_id, []).append(_change(change, numbers))
    registers: dict[int, list[Interest]] = {member.id: [] for member in members}
    for interest in db.scalars(
        select(Interest)
        .where(Interest.member_id.in_(registers))
        .order_by(Interest.created_at, Interest.id)
    ):
        registers[interest.member_id].append(interest)
    # A declaration names the standing interest it declares by its place in the register.
    names = {member.id: member.name for member in members}
    interest_refs = {
        interest.id: index
        for register in registers.values()
        for index, interest in enumerate(register)
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "programme": {
            "name": programme.name,
            "slug": programme.slug,
            "pcn_name": programme.pcn_name,
            "created_at": time_text(programme.created_at),
            "archived_at": time_text(programme.archived_at),
            "quorum_count": programme.quorum_count,
            "quorum_of": programme.quorum_of,
            "plan_source": programme.plan_source,
            "plan_title": programme.plan_title,
        },
        "members": [_member(member, registers[member.id]) for member in members],
        "sessions": [
            _session(
                db,
                session,
                notes[session.id],
                action_refs,
                changes,
                interest_refs,
                names,
            )
            for session in programme.sessions
        ],
    }


def _member(member: Member, register: list[Interest]) -> dict[str, Any]:
    return {
        "name": member.name,
        "organisation": member.organisation,
        "organisation_kind": member.organisation_kind,
        "role": member.role,
        "email": member.email,
        "created_at": time_text(member.created_at),
        "archived_at": time_text(member.archived_at),
        "interests": [
            {
                "description": interest.description,
                "kind": interest.kind,
                "from_on": date_text(interest.from_on),
                "to_on": date_text(interest.to_on),
                "created_at": time_text(interest.created_at),
                "deleted_at": time_text(interest.deleted_at),
            }
            for interest in register
        ],
    }


def _session(
    db: DbSession,
    session: Session,
    notes: list[Note],
    action_refs: dict[int, dict[str, int]],
    changes: dict[int, list[dict[str, Any]]],
    interest_refs: dict[int, int],
    member_names: dict[int, str],
) -> dict[str, Any]:
    # Where the minutes were written is a path on this machine: it stays behind.
    positions = {item.id: item.position for item in session.items}
    return {
        "number": session.number,
        "agenda_title": session.agenda_title,
        "agenda_source": session.agenda_source,
        "agenda_notes": session.agenda_notes,
        "agenda_text": session.agenda_text,
        "created_at": time_text(session.created_at),
        "finished_at": time_text(session.finished_at),
        "planned_for": date_text(session.planned_for),
        "start_time": clock_text(session.start_time),
        "end_time": clock_text(session.end_time),
        "place": session.place,
        "calendar_uid": session.calendar_uid,
        "calendar_sequence": session.calendar_sequence,
        "cancelled_at": time_text(session.cancelled_at),
        "facilitator": session.facilitator,
        "plan_place": session.plan_place,
        "planned_as": session.planned_as,
        "date_to_confirm": session.date_to_confirm,
        "quorum_count": session.quorum_count,
        "quorum_of": session.quorum_of,
        "minutes_approved_in": session.minutes_approved_in,
        "minutes_approved_at": time_text(session.minutes_approved_at),
        "minutes_amendments": _amendments(db, session.id, member_names),
        "items": [
            {
                "position": item.position,
                "section_title": item.section_title,
                "step": item.step,
                "title": item.title,
                "kind": item.kind,
                "prompt": item.prompt,
                "planned_seconds": item.planned_seconds,
                "rebalanced_seconds": item.rebalanced_seconds,
                "activity": item.activity,
                "answers_in_minutes": item.answers_in_minutes,
                "confidential": item.confidential,
            }
            for item in session.items
        ],
        "notes": [_note(note, positions, changes) for note in notes],
        "attendance": _attendance(db, session.id),
        "declarations": [
            {
                "member": row.member.name,
                "interest": row.interest,
                "left_room_item": (
                    None if row.left_room_item_id is None else positions.get(row.left_room_item_id)
                ),
                "created_at": time_text(row.created_at),
                "deleted_at": time_text(row.deleted_at),
                "kind": row.kind,
                "handling": row.handling,
                "standing_interest": (
                    None if row.interest_id is None else interest_refs[row.interest_id]
                ),
            }
            for row in db.scalars(
                select(Declaration)
                .where(Declaration.session_id == session.id)
                .options(selectinload(Declaration.member))
                .order_by(Declaration.created_at, Declaration.id)
            )
        ],
        "action_reviews": _reviews(db, session.id, action_refs),
        "proposals": proposals.exported(db, session.id, positions),
        "activity_results": [
            {
                "item": positions[row.agenda_item_id],
                "member": row.member.name if row.member else None,
                "area": row.area,
                "subject": row.subject,
                "score": row.score,
                "recorded_at": time_text(row.recorded_at),
                "deleted_at": time_text(row.deleted_at),
            }
            # Ratings are read in the order they were given, which the file keeps.
            for row in db.scalars(
                select(ActivityResult)
                .where(ActivityResult.session_id == session.id)
                .options(selectinload(ActivityResult.member))
                .order_by(ActivityResult.id)
            )
        ],
        "room_questions": _questions(db, session.id, positions, notes),
        "timer_events": [
            {
                "kind": event.kind,
                "at": time_text(event.at),
                "position": event.position,
                "detail": event.detail,
                "seconds": event.seconds,
            }
            # The clock is replayed in log order, so the log keeps its own order.
            for event in db.scalars(
                select(TimerEvent)
                .where(TimerEvent.session_id == session.id)
                .order_by(TimerEvent.id)
            )
        ],
    }


def _amendments(db: DbSession, session_id: int, names: dict[int, str]) -> list[dict[str, Any]]:
    """The changes agreed to the session's minutes, in the order they were agreed, those
    withdrawn as well."""
    return [
        {
            "kind": row.kind,
            "text": row.text,
            "proposer": row.proposer,
            # The proposer as the room named them; the member too, where they were one.
            "proposer_member": (
                None if row.proposer_member_id is None else names[row.proposer_member_id]
            ),
            "made_in": row.made_in,
            "made_at": time_text(row.made_at),
            "deleted_at": time_text(row.deleted_at),
        }
        for row in db.scalars(
            select(MinutesAmendment)
            .where(MinutesAmendment.session_id == session_id)
            .order_by(MinutesAmendment.made_at, MinutesAmendment.id)
        )
    ]


def _questions(
    db: DbSession, session_id: int, positions: dict[int, int], notes: list[Note]
) -> list[dict[str, Any]]:
    """What phones sent to the queue, in the order it came; an accepted one names its
    note by its place in the session's notes list."""
    places = {note.id: index for index, note in enumerate(notes)}
    return [
        {
            "item": positions[row.agenda_item_id],
            "member": row.member.name if row.member else None,
            "text": row.text,
            "asked_at": time_text(row.asked_at),
            "state": row.state,
            "decided_at": time_text(row.decided_at),
            "note": None if row.note_id is None else places[row.note_id],
        }
        for row in db.scalars(
            select(RoomQuestion)
            .where(RoomQuestion.session_id == session_id)
            .options(selectinload(RoomQuestion.member))
            .order_by(RoomQuestion.asked_at, RoomQuestion.id)
        )
    ]


def _notes(db: DbSession, session_id: int) -> list[Note]:
    return list(
        db.scalars(
            select(Note)
            .where(Note.session_id == session_id)
            .options(
                selectinload(Note.action), selectinload(Note.member), selectinload(Note.revisions)
            )
            .order_by(Note.created_at, Note.id)
        )
    )


def _note(
    note: Note, positions: dict[int, int], changes: dict[int, list[dict[str, Any]]]
) -> dict[str, Any]:
    return {
        "item": positions[note.agenda_item_id],
        "kind": note.kind,
        "text": note.text,
        "member": note.member.name if note.member else None,
        "created_at": time_text(note.created_at),
        "edited_at": time_text(note.edited_at),
        "deleted_at": time_text(note.deleted_at),
        "confidential": note.confidential,
        "revisions": [
            {"line": revision.line, "replaced_at": time_text(revision.replaced_at)}
            for revision in note.revisions
        ],
        "action": _action(note.action, changes),
    }


def _action(
    action: Action | None, changes: dict[int, list[dict[str, Any]]]
) -> dict[str, Any] | None:
    if action is None:
        return None
    return {
        "owner": action.owner,
        "owner_member": action.owner_member.name if action.owner_member else None,
        "due_on": date_text(action.due_on),
        "status": action.status,
        "changes": changes.get(action.id, []),
    }


def _change(change: ActionChange, numbers: dict[int, int]) -> dict[str, Any]:
    return {
        "field": change.field,
        "before": change.before,
        "after": change.after,
        "changed_at": time_text(change.changed_at),
        # The session by its number; None where the change was made outside one.
        "session": numbers[change.session_id] if change.session_id is not None else None,
    }


def _reviews(
    db: DbSession, session_id: int, action_refs: dict[int, dict[str, int]]
) -> list[dict[str, Any]]:
    rows = db.scalars(select(ActionReview).where(ActionReview.session_id == session_id))

    def order(row: ActionReview) -> tuple[Any, ...]:
        # By the time itself, not its text: the text drops a zero fraction of a second,
        # which would put 10:00:00.5 before 10:00:00.
        ref = action_refs[row.action_id]
        return row.reviewed_at, ref["session"], ref["note"]

    return [
        {
            # review_action only accepts this programme's actions, so every one has a name here.
            "action": action_refs[row.action_id],
            "outcome": row.outcome,
            "due_before": date_text(row.due_before),
            "due_after": date_text(row.due_after),
            "reviewed_at": time_text(row.reviewed_at),
        }
        for row in sorted(rows, key=order)
    ]


def _attendance(db: DbSession, session_id: int) -> list[dict[str, str]]:
    rows = db.scalars(
        select(Attendance)
        .where(Attendance.session_id == session_id)
        .options(selectinload(Attendance.member))
    )
    marked = [{"member": row.member.name, "status": row.status} for row in rows]
    return sorted(marked, key=lambda row: row["member"])
