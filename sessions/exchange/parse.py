"""An exchange file's text, read and checked in full before anything is written.

Every refusal is one sentence naming the file and what is wrong with it, and
every reference (a member's name, an item's position) is checked here, so the
import that follows cannot fail half way on a bad file.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any, Literal, overload

from sessions.activities.minutes_approval import PROPOSER_MAX, TEXT_MAX
from sessions.activities.registry import score_rule
from sessions.agenda.model import STEP_NAMES
from sessions.domain.questions import QUESTION_MAX, QuestionState
from sessions.errors import InputError
from sessions.exchange import proposals
from sessions.exchange.document import (
    AmendmentRecord,
    ChangeRecord,
    Columns,
    DeclarationRecord,
    InterestRecord,
    NoteRecord,
    ProgrammeRecord,
    QuestionRecord,
    ResultRecord,
    ReviewRecord,
    SessionRecord,
)
from sessions.exchange.fields import Broken, Fields, shown
from sessions.exchange.format import FORMAT, VERSION
from sessions.exchange.holds import EVERY, Holds
from sessions.exchange.lengths import fitted
from sessions.models import (
    Action,
    ActionChange,
    ActionReview,
    ActivityResult,
    AgendaItem,
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
)
from sessions.vocabulary import (
    ActionField,
    ActionStatus,
    AmendmentKind,
    AttendanceStatus,
    Handling,
    InterestKind,
    ItemKind,
    NoteKind,
    OrganisationKind,
    QuorumOf,
    ReviewOutcome,
    TimerEventKind,
)

NOTHING = "Nothing was imported."


def read_document(text: str, source: str, holds: Holds = EVERY) -> ProgrammeRecord:
    """The file's programme, checked against what the database it goes into `holds`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source} is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}). {NOTHING}"
        ) from None
    except RecursionError:
        raise InputError(
            f"{source} is not JSON this can read: it is nested too deeply. {NOTHING}"
        ) from None
    except ValueError:
        # Python refuses to read a whole number of thousands of digits.
        raise InputError(
            f"{source} is not JSON this can read: it holds a number too long to read. {NOTHING}"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(
            f'{source} is not a facilitator programme export (no "format": "{FORMAT}"). {NOTHING}'
        )
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise InputError(
            f'{source} has no usable "version": it should be a whole number. {NOTHING}'
        )
    if version > VERSION:
        raise InputError(
            f"{source} was written by a newer facilitator (format version {version}; this one "
            f"reads version {VERSION}): upgrade facilitator to import it. {NOTHING}"
        )
    try:
        return _programme(Fields(data, "the file", holds=holds), version)
    except Broken as exc:
        raise InputError(f"{source} is damaged or incomplete: {exc}. {NOTHING}") from None


def _programme(root: Fields, version: int) -> ProgrammeRecord:
    programme = root.child("programme", "the programme")
    columns = fitted(
        programme,
        Programme,
        {
            "name": programme.text("name", blank=False),
            "slug": programme.text("slug", blank=False),
            "pcn_name": programme.text("pcn_name"),
            "created_at": programme.time("created_at"),
            "archived_at": programme.time("archived_at", nullable=True),
            **_quorum(programme, version, default_of=QuorumOf.MEMBERS),
            **_plan(programme, version),
        },
    )
    members = tuple(_member(entry, version) for entry in root.objects("members", "member"))
    names = [member["name"] for member in members]
    if len(set(names)) < len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise root.fail(f"{shown(twice)} is in the members list twice")
    interests = (
        tuple(
            _interest(interest, name)
            for entry, name in zip(root.objects("members", "member"), names, strict=True)
            for interest in entry.objects("interests", "interest")
        )
        if version >= 5
        else ()
    )
    registers = {name: sum(1 for i in interests if i.member == name) for name in names}
    entries = root.objects("sessions", "session")
    sessions = tuple(_session(entry, registers, version) for entry in entries)
    numbers = [session.columns["number"] for session in sessions]
    if len(set(numbers)) < len(numbers):
        twice = next(number for number in numbers if numbers.count(number) > 1)
        raise root.fail(f"there are two sessions numbered {twice}")
    _check_reviews(entries, sessions)
    _check_changes(root, sessions)
    _check_approvals(entries, sessions)
    return ProgrammeRecord(columns, members, sessions, interests)


def _check_changes(root: Fields, sessions: tuple[SessionRecord, ...]) -> None:
    """Every change made in a session names one the file has."""
    numbers = {session.columns["number"] for session in sessions}
    for session in sessions:
        for note in session.notes:
            for change in note.changes:
                if change.session is not None and change.session not in numbers:
                    raise root.fail(
                        f"session {session.columns['number']} has an action changed in "
                        f"session {change.session}, which is not in this file"
                    )


def _check_approvals(entries: list[Fields], sessions: tuple[SessionRecord, ...]) -> None:
    """Minutes are approved, and amended, only by a later session the file has, once
    finished; an erratum corrects only minutes already approved, and an amendment only
    minutes not approved before it was agreed."""
    by_number = {session.columns["number"]: session for session in sessions}
    for entry, session in zip(entries, sessions, strict=True):
        number = session.columns["number"]
        approved_in = session.columns["minutes_approved_in"]
        if approved_in is not None:
            if session.columns["finished_at"] is None:
                raise entry.fail("its minutes are approved, but it never finished")
            if approved_in <= number or approved_in not in by_number:
                raise entry.fail(
                    f'"minutes_approved_in" is {approved_in}, not a later session in this file'
                )
        changes = (
            entry.objects("minutes_amendments", "minutes amendment") if session.amendments else []
        )
        for fields, amendment in zip(changes, session.amendments, strict=True):
            made_in = amendment.columns["made_in"]
            if made_in <= number or made_in not in by_number:
                raise fields.fail(f'"made_in" is {made_in}, not a later session in this file')
            if session.columns["finished_at"] is None:
                raise fields.fail("it amends the minutes of a session that never finished")
            if amendment.columns["deleted_at"] is not None:
                # Withdrawn, it may predate an approval since taken back and given again.
                continue
            erratum = amendment.columns["kind"] == AmendmentKind.ERRATUM
            if erratum and (approved_in is None or made_in < approved_in):
                raise fields.fail("it is an erratum, but the minutes were not yet approved")
            if not erratum and approved_in is not None and made_in > approved_in:
                raise fields.fail(
                    "it is an amendment, but the minutes were approved at an earlier session"
                )


def _check_reviews(entries: list[Fields], sessions: tuple[SessionRecord, ...]) -> None:
    """Every review names an action the file has, raised before the session reviewing it."""
    by_number = {session.columns["number"]: session for session in sessions}
    for entry, session in zip(entries, sessions, strict=True):
        reviews = entry.objects("action_reviews", "action review") if session.reviews else []
        seen = set()
        for fields, review in zip(reviews, session.reviews, strict=True):
            raised = by_number.get(review.session)
            notes = raised.notes if raised is not None else ()
            if not 0 <= review.note < len(notes) or notes[review.note].action is None:
                raise fields.fail(
                    f"its action (session {review.session}, note {review.note}) is not an "
                    "action in this file"
                )
            if review.session >= session.columns["number"]:
                raise fields.fail("it reviews an action raised in the same or a later session")
            if (review.session, review.note) in seen:
                raise fields.fail("the session reviews that action twice")
            seen.add((review.session, review.note))


def _interest(interest: Fields, member: str) -> InterestRecord:
    columns = fitted(
        interest,
        Interest,
        {
            "description": interest.text("description", blank=False),
            "kind": interest.choice("kind", tuple(InterestKind)),
            "from_on": interest.day("from_on", nullable=True),
            "to_on": interest.day("to_on", nullable=True),
            "created_at": interest.time("created_at"),
            "deleted_at": interest.time("deleted_at", nullable=True),
        },
    )
    return InterestRecord(columns, member)


def _member(member: Fields, version: int) -> Columns:
    return fitted(
        member,
        Member,
        {
            "name": member.text("name", blank=False),
            "organisation": member.text("organisation"),
            "organisation_kind": member.choice("organisation_kind", tuple(OrganisationKind)),
            "role": member.text("role"),
            "email": member.text("email") if version >= 9 else "",
            "created_at": member.time("created_at"),
            "archived_at": member.time("archived_at", nullable=True),
        },
    )


@overload
def _member_name(
    entry: Fields, key: str, names: set[str], *, nullable: Literal[False] = False
) -> str: ...
@overload
def _member_name(entry: Fields, key: str, names: set[str], *, nullable: bool) -> str | None: ...
def _member_name(entry: Fields, key: str, names: set[str], *, nullable: bool = False) -> str | None:
    name = entry.text(key, nullable=nullable)
    if name is not None and name not in names:
        raise entry.fail(f'"{key}" is {shown(name)}, who is not in the members list')
    return name


@overload
def _position(
    entry: Fields, key: str, item_count: int, *, nullable: Literal[False] = False
) -> int: ...
@overload
def _position(entry: Fields, key: str, item_count: int, *, nullable: bool) -> int | None: ...
def _position(entry: Fields, key: str, item_count: int, *, nullable: bool = False) -> int | None:
    position = entry.whole_number(key, nullable=nullable)
    if position is not None and not 0 <= position < item_count:
        raise entry.fail(
            f'"{key}" is {position}, but the session\'s items are 0 to {item_count - 1}'
        )
    return position


def _declaration(
    entry: Fields, registers: dict[str, int], item_count: int, version: int
) -> DeclarationRecord:
    member = _member_name(entry, "member", set(registers))
    left = _position(entry, "left_room_item", item_count, nullable=True)
    columns = {
        "interest": entry.text("interest"),
        "created_at": entry.time("created_at"),
        "deleted_at": entry.time("deleted_at", nullable=True),
    }
    if version < 5:
        # Before version 5 leaving the room was the one way an interest was managed.
        handling = Handling.NOTED if left is None else Handling.LEFT_ROOM
        columns = fitted(entry, Declaration, {**columns, "handling": handling})
        return DeclarationRecord(columns, member, left)
    columns["kind"] = entry.choice("kind", ("", *InterestKind))
    columns["handling"] = entry.choice("handling", tuple(Handling))
    if (columns["handling"] == Handling.NOTED) != (left is None):
        raise entry.fail('"left_room_item" names an item exactly when it was not only noted')
    interest = entry.whole_number("standing_interest", nullable=True, minimum=0)
    if interest is not None and interest >= registers[member]:
        raise entry.fail(
            f'"standing_interest" is {interest}, but {member!r} has {registers[member]} on the '
            "register"
        )
    return DeclarationRecord(fitted(entry, Declaration, columns), member, left, interest)


def _quorum(fields: Fields, version: int, default_of: QuorumOf | None) -> dict[str, Any]:
    """Files before version 5 knew no quorum: none was set."""
    if version < 5:
        return {"quorum_count": None, "quorum_of": default_of}
    count = fields.whole_number("quorum_count", nullable=True, minimum=1)
    of = fields.choice("quorum_of", tuple(QuorumOf), nullable=default_of is None)
    return {"quorum_count": count, "quorum_of": of}


def _session(session: Fields, registers: dict[str, int], version: int) -> SessionRecord:
    """`registers` gives each member's name, and how many standing interests they have."""
    names = set(registers)
    columns = fitted(
        session,
        Session,
        {
            "number": session.whole_number("number", minimum=1),
            "agenda_title": session.text("agenda_title"),
            "agenda_source": session.text("agenda_source"),
            "agenda_notes": session.text("agenda_notes"),
            "agenda_text": session.text("agenda_text"),
            "created_at": session.time("created_at"),
            "finished_at": session.time("finished_at", nullable=True),
            # Version 1 files were written before sessions could be planned ahead.
            "planned_for": session.day("planned_for", nullable=True) if version >= 2 else None,
            "facilitator": session.text("facilitator") if version >= 3 else "",
            **_quorum(session, version, default_of=None),
            **_approval(session, version),
            **_planned(session, version),
            **_calendar(session, version),
        },
    )
    items = tuple(
        _item(entry, expected, version)
        for expected, entry in enumerate(session.objects("items", "item"))
    )
    if not items:
        raise session.fail("it has no agenda items")
    count = len(items)
    notes = tuple(_note(entry, count, names, version) for entry in session.objects("notes", "note"))
    attendance = tuple(
        (_member_name(entry, "member", names), entry.choice("status", tuple(AttendanceStatus)))
        for entry in session.objects("attendance", "attendance entry")
    )
    marked = [name for name, _ in attendance]
    if len(set(marked)) < len(marked):
        twice = next(name for name in marked if marked.count(name) > 1)
        raise session.fail(f"{shown(twice)} has two attendance entries")
    declarations = tuple(
        _declaration(entry, registers, count, version)
        for entry in session.objects("declarations", "declaration")
    )
    timer_events = tuple(
        fitted(
            entry,
            TimerEvent,
            {
                "kind": entry.choice("kind", tuple(TimerEventKind)),
                "at": entry.time("at"),
                "position": _position(entry, "position", count),
                "detail": entry.text("detail"),
                "seconds": entry.whole_number("seconds"),
            },
        )
        for entry in session.objects("timer_events", "timer event")
    )
    reviews = (
        tuple(_review(entry) for entry in session.objects("action_reviews", "action review"))
        if version >= 2
        else ()
    )
    results = (
        tuple(
            _result(entry, items, names)
            for entry in session.objects("activity_results", "activity result")
        )
        if version >= 2
        else ()
    )
    amendments = (
        tuple(
            _amendment(entry, names)
            for entry in session.objects("minutes_amendments", "minutes amendment")
        )
        if version >= 6
        else ()
    )
    questions = (
        tuple(
            _question(entry, count, names, len(notes))
            for entry in session.objects("room_questions", "room question")
        )
        if version >= 8
        else ()
    )
    became = [question.note for question in questions if question.note is not None]
    if len(set(became)) < len(became):
        same = next(place for place in became if became.count(place) > 1)
        raise session.fail(f"two questions became note {same}")
    return SessionRecord(
        columns,
        items,
        notes,
        attendance,
        declarations,
        timer_events,
        reviews,
        results,
        amendments,
        questions,
        proposals.parsed(session, count, names, version),
    )


def _plan(programme: Fields, version: int) -> dict[str, Any]:
    """Files before version 9 kept no plan: the programme follows none."""
    if version < 9:
        return {"plan_source": "", "plan_title": ""}
    return {
        "plan_source": programme.text("plan_source"),
        "plan_title": programme.text("plan_title"),
    }


def _planned(session: Fields, version: int) -> dict[str, Any]:
    """Files before version 9 kept no plan: each session was set up on its own."""
    if version < 9:
        return {"plan_place": None, "planned_as": "", "date_to_confirm": False}
    return {
        "plan_place": session.whole_number("plan_place", nullable=True, minimum=1),
        "planned_as": session.text("planned_as"),
        "date_to_confirm": session.flag("date_to_confirm"),
    }


def _clock(session: Fields, key: str) -> time | None:
    value = session.text(key, nullable=True)
    if value is None:
        return None
    # Only the HH:MM form the export writes.
    if len(value) == 5 and value[2] == ":":
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise session.fail(f'"{key}" is not a time of day written HH:MM')


def _calendar(session: Fields, version: int) -> dict[str, Any]:
    """Files before version 9 knew no times, place or invitations: the session gets a new
    calendar UID as it comes in, and the rest their defaults."""
    if version < 9:
        return {}
    return {
        "start_time": _clock(session, "start_time"),
        "end_time": _clock(session, "end_time"),
        "place": session.text("place"),
        "calendar_uid": session.text("calendar_uid", blank=False),
        "calendar_sequence": session.whole_number("calendar_sequence", minimum=0),
        "cancelled_at": session.time("cancelled_at", nullable=True),
    }


def _approval(session: Fields, version: int) -> dict[str, Any]:
    """Files before version 6 knew no approval: their minutes come in as drafts."""
    if version < 6:
        return {"minutes_approved_in": None, "minutes_approved_at": None}
    approved_in = session.whole_number("minutes_approved_in", nullable=True, minimum=1)
    approved_at = session.time("minutes_approved_at", nullable=True)
    if (approved_in is None) != (approved_at is None):
        raise session.fail(
            '"minutes_approved_in" and "minutes_approved_at" are both given, or both null'
        )
    return {"minutes_approved_in": approved_in, "minutes_approved_at": approved_at}


def _amendment(entry: Fields, names: set[str]) -> AmendmentRecord:
    text = entry.text("text", blank=False)
    if len(text) > TEXT_MAX:
        raise entry.fail(f'"text" is {len(text):,} characters, more than {TEXT_MAX:,}')
    proposer = entry.text("proposer", blank=False)
    if len(proposer) > PROPOSER_MAX:
        raise entry.fail(f'"proposer" is {len(proposer):,} characters, more than {PROPOSER_MAX}')
    return AmendmentRecord(
        columns=fitted(
            entry,
            MinutesAmendment,
            {
                "kind": entry.choice("kind", tuple(AmendmentKind)),
                "text": text,
                "proposer": proposer,
                "made_in": entry.whole_number("made_in", minimum=1),
                "made_at": entry.time("made_at"),
                "deleted_at": entry.time("deleted_at", nullable=True),
            },
        ),
        proposer_member=_member_name(entry, "proposer_member", names, nullable=True),
    )


def _question(entry: Fields, item_count: int, names: set[str], note_count: int) -> QuestionRecord:
    text = entry.text("text", blank=False)
    if len(text) > QUESTION_MAX:
        raise entry.fail(f'"text" is {len(text):,} characters, more than {QUESTION_MAX:,}')
    state = entry.choice("state", tuple(QuestionState))
    decided_at = entry.time("decided_at", nullable=True)
    if (state == QuestionState.WAITING) != (decided_at is None):
        raise entry.fail('"decided_at" is null exactly when the question is waiting')
    note = entry.whole_number("note", nullable=True, minimum=0)
    if (state == QuestionState.ACCEPTED) != (note is not None):
        raise entry.fail('"note" names a note exactly when the question was accepted')
    if note is not None and note >= note_count:
        raise entry.fail(f'"note" is {note}, but the session has {note_count} notes')
    return QuestionRecord(
        columns=fitted(
            entry,
            RoomQuestion,
            {
                "text": text,
                "asked_at": entry.time("asked_at"),
                "state": state,
                "decided_at": decided_at,
            },
        ),
        item=_position(entry, "item", item_count),
        member=_member_name(entry, "member", names, nullable=True),
        note=note,
    )


def _result(entry: Fields, items: tuple[Columns, ...], names: set[str]) -> ResultRecord:
    item = _position(entry, "item", len(items))
    kind = items[item]["kind"]
    # What a score can be depends on the activity: a rating, a count of hands, a mark.
    rule = score_rule(kind)
    score: int | None
    if rule.choices:
        score = entry.choice("score", rule.choices, nullable=rule.nullable)
    else:
        score = entry.whole_number("score", minimum=rule.minimum)
        if score > rule.most:
            raise entry.fail(f'"score" is {score}, above {rule.most} {rule.unit}')
    return ResultRecord(
        columns=fitted(
            entry,
            ActivityResult,
            {
                "area": entry.text("area"),
                "subject": entry.text("subject"),
                "score": score,
                "recorded_at": entry.time("recorded_at"),
                "deleted_at": entry.time("deleted_at", nullable=True),
            },
        ),
        item=item,
        member=_member_name(entry, "member", names, nullable=True),
    )


def _review(review: Fields) -> ReviewRecord:
    action = review.child("action", "action")
    return ReviewRecord(
        columns=fitted(
            review,
            ActionReview,
            {
                "outcome": review.choice("outcome", tuple(ReviewOutcome)),
                "due_before": review.day("due_before", nullable=True),
                "due_after": review.day("due_after", nullable=True),
                "reviewed_at": review.time("reviewed_at"),
            },
        ),
        session=action.whole_number("session", minimum=1),
        note=action.whole_number("note", minimum=0),
    )


def _item(item: Fields, expected: int, version: int) -> Columns:
    position = item.whole_number("position")
    if position != expected:
        # Moving between items counts positions, so they must run 0, 1, 2… with no gaps.
        raise item.fail(
            f'"position" is {position}, but items are numbered from 0 in order, '
            f"so it should be {expected}"
        )
    return fitted(
        item,
        AgendaItem,
        {
            "position": position,
            "section_title": item.text("section_title"),
            "step": item.choice("step", tuple(STEP_NAMES), nullable=True),
            "title": item.text("title"),
            "kind": item.choice("kind", tuple(ItemKind)),
            "prompt": item.text("prompt"),
            "planned_seconds": item.whole_number("planned_seconds", minimum=0),
            "rebalanced_seconds": item.whole_number("rebalanced_seconds", nullable=True, minimum=0),
            "activity": item.mapping("activity", nullable=True),
            # Before version 4 no answers were private, and none were minuted.
            "answers_in_minutes": item.flag("answers_in_minutes") if version >= 4 else False,
            # Before version 7 nothing was taken in private.
            "confidential": item.flag("confidential") if version >= 7 else False,
        },
    )


def _note(note: Fields, item_count: int, names: set[str], version: int) -> NoteRecord:
    action = note.child("action", "action", nullable=True)
    return NoteRecord(
        columns=fitted(
            note,
            Note,
            {
                "kind": note.choice("kind", tuple(NoteKind)),
                "text": note.text("text"),
                "created_at": note.time("created_at"),
                "edited_at": note.time("edited_at", nullable=True),
                "deleted_at": note.time("deleted_at", nullable=True),
                "confidential": note.flag("confidential") if version >= 7 else False,
            },
        ),
        item=_position(note, "item", item_count),
        member=_member_name(note, "member", names, nullable=True),
        revisions=tuple(
            fitted(
                revision,
                NoteRevision,
                {"line": revision.text("line"), "replaced_at": revision.time("replaced_at")},
            )
            for revision in note.objects("revisions", "revision")
        ),
        action=None if action is None else _action(action),
        # Before version 5 an owner was a name only, never linked to a member.
        owner_member=(
            _member_name(action, "owner_member", names, nullable=True)
            if action is not None and version >= 5
            else None
        ),
        # Before version 5 an action's changes were not kept: it has only its state now.
        changes=(
            tuple(_change(entry) for entry in action.objects("changes", "change"))
            if action is not None and version >= 5
            else ()
        ),
    )


def _action(action: Fields) -> Columns:
    return fitted(
        action,
        Action,
        {
            "owner": action.text("owner"),
            "due_on": action.day("due_on", nullable=True),
            "status": action.choice("status", tuple(ActionStatus)),
        },
    )


def _change(change: Fields) -> ChangeRecord:
    field = change.choice("field", tuple(ActionField))
    values = {key: change.text(key, nullable=True) for key in ("before", "after")}
    for key, value in values.items():
        if value is None:
            if field != ActionField.DUE:
                raise change.fail(f'"{key}" is null, but only a due date may be none')
        elif field == ActionField.DUE:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise change.fail(f'"{key}" is {shown(value)}, not a date as YYYY-MM-DD') from None
        elif field == ActionField.STATUS and value not in tuple(ActionStatus):
            raise change.fail(f'"{key}" is {shown(value)}, not one of: {", ".join(ActionStatus)}')
    return ChangeRecord(
        columns=fitted(
            change,
            ActionChange,
            {"field": field, **values, "changed_at": change.time("changed_at")},
        ),
        session=change.whole_number("session", nullable=True, minimum=1),
    )
