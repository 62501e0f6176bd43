"""The minutes of the last meeting: the room approves them as a true record, or amends them first.

The item lists the programme's earlier minutes, latest first: those still a draft, to
approve, and those approved, which take an erratum where the room finds a mistake
later. Each change is saved as its key is pressed and can be undone while the
session runs, as long as nothing has been built on it since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity
from sessions.activities.answers import first_item_position
from sessions.activities.document import Notice, SessionMinutes, Shown, Table
from sessions.activities.undoing import open_session, quoted, refuse
from sessions.domain.approval import AmendmentView, MinutesStatus, programme_minutes
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import AgendaItem, MinutesAmendment, Session
from sessions.text import markdown_text
from sessions.views import ActivityChange
from sessions.vocabulary import AmendmentKind, ItemKind

TEXT_MAX = 2000
PROPOSER_MAX = 200


def entries_for(db: DbSession, session: Session) -> list[MinutesStatus]:
    """The finished earlier sessions' minutes this session can approve or correct, latest
    first."""
    return [
        status
        for status in reversed(programme_minutes(db, session.programme_id))
        if status.number < session.number and status.finished
    ]


def _earlier_minutes(db: DbSession, session: Session, minutes_of: int) -> Session:
    earlier = db.get(Session, minutes_of)
    if earlier is None or earlier.programme_id != session.programme_id:
        raise NotFoundError("Those minutes are not one of this programme's sessions.")
    if earlier.number >= session.number:
        raise InputError("A session approves only the minutes of earlier sessions.")
    if earlier.finished_at is None:
        raise InputError(
            f"Session {earlier.number} has not finished, so it has no minutes to approve yet."
        )
    return earlier


def approve_minutes(
    db: DbSession, session_id: int, minutes_of: int, now: datetime
) -> ActivityChange:
    """The room approves session `minutes_of`'s minutes as a true record, with whatever
    amendments it has agreed to them so far; from now they are locked."""
    session = unfinished_session_row(db, session_id, "it can no longer approve minutes")
    earlier = _earlier_minutes(db, session, minutes_of)
    if earlier.minutes_approved_in is not None:
        raise InputError(
            f"The minutes of session {earlier.number} were already approved at session "
            f"{earlier.minutes_approved_in}."
        )
    earlier.minutes_approved_in = session.number
    earlier.minutes_approved_at = now
    return ActivityChange(
        session_id,
        first_item_position(db, session_id, ItemKind.MINUTES_APPROVAL),
        ItemKind.MINUTES_APPROVAL,
        f"the minutes of session {earlier.number} approved",
        now,
        minutes_of=earlier.id,
    )


def _proposer(db: DbSession, programme_id: int, member_id: int | None, name: str) -> str:
    if member_id is not None:
        return member_of_programme(db, member_id, programme_id).name
    name = " ".join(name.split())
    if not name:
        raise InputError("Say who proposed it: a member, or a name.")
    if len(name) > PROPOSER_MAX:
        raise InputError(f"Keep the proposer's name to {PROPOSER_MAX} characters.")
    return name


def amend_minutes(
    db: DbSession,
    session_id: int,
    minutes_of: int,
    text: str,
    now: datetime,
    *,
    proposer_member_id: int | None = None,
    proposer: str = "",
) -> ActivityChange:
    """Keep a change the room agreed to session `minutes_of`'s minutes, with who proposed
    it: an amendment while they wait for approval, an erratum once they are approved."""
    session = unfinished_session_row(db, session_id, "it can no longer amend minutes")
    earlier = _earlier_minutes(db, session, minutes_of)
    text = text.strip()
    if not text:
        raise InputError("Type the amendment: what the minutes should say.")
    if len(text) > TEXT_MAX:
        raise InputError(f"The amendment is {len(text):,} characters; keep it to {TEXT_MAX:,}.")
    name = _proposer(db, session.programme_id, proposer_member_id, proposer)
    kind = AmendmentKind.AMENDMENT if earlier.minutes_approved_in is None else AmendmentKind.ERRATUM
    row = MinutesAmendment(
        session_id=earlier.id,
        made_in=session.number,
        kind=kind,
        text=text,
        proposer=name,
        proposer_member_id=proposer_member_id,
        made_at=now,
    )
    db.add(row)
    db.flush()
    word = "amendment" if kind == AmendmentKind.AMENDMENT else "erratum"
    return ActivityChange(
        session_id,
        first_item_position(db, session_id, ItemKind.MINUTES_APPROVAL),
        ItemKind.MINUTES_APPROVAL,
        f"the {word} {quoted(text)} to the minutes of session {earlier.number}",
        now,
        added=(row.id,),
        minutes_of=earlier.id,
    )


def undo_change(db: DbSession, change: ActivityChange, now: datetime) -> None:
    """Take back an approval (the minutes are a draft again) or an amendment (kept,
    marked withdrawn), while nothing has been built on it since."""
    session = open_session(db, change)
    if change.minutes_of is None:
        raise refuse(change, "it names no minutes")
    earlier = db.get(Session, change.minutes_of)
    if earlier is None:
        raise refuse(change, "those minutes no longer exist")
    later = db.scalar(
        select(MinutesAmendment.id).where(
            MinutesAmendment.session_id == earlier.id,
            MinutesAmendment.deleted_at.is_(None),
            MinutesAmendment.made_at > change.at,
        )
    )
    if not change.added:
        if (
            earlier.minutes_approved_in != session.number
            or earlier.minutes_approved_at != change.at
        ):
            raise refuse(change, "the approval has changed since")
        if later is not None:
            raise refuse(change, "an erratum has been added to them since")
        earlier.minutes_approved_in = None
        earlier.minutes_approved_at = None
        return
    row = db.get(MinutesAmendment, change.added[0])
    if row is None or row.session_id != earlier.id or row.deleted_at is not None:
        raise refuse(change, "it has been taken back since")
    approved_since = row.kind == AmendmentKind.AMENDMENT and earlier.minutes_approved_in is not None
    if approved_since:
        raise refuse(change, "the minutes have been approved with it since")
    row.deleted_at = now


def sessions_named(numbers: Iterable[int]) -> str:
    """'session 1', 'sessions 1 and 3', 'sessions 1, 2 and 4', in order."""
    listed = [str(n) for n in sorted(numbers)]
    if len(listed) == 1:
        return f"session {listed[0]}"
    return f"sessions {', '.join(listed[:-1])} and {listed[-1]}"


@dataclass(frozen=True)
class ApprovalDone:
    """What this session's room did with one earlier session's minutes."""

    number: int
    held_on: date
    approved_here: bool
    changes: tuple[AmendmentView, ...]
    """The amendments and errata it agreed to them."""

    @property
    def outcome(self) -> str:
        amendments = sum(c.kind == AmendmentKind.AMENDMENT for c in self.changes)
        errata = len(self.changes) - amendments
        if self.approved_here and amendments:
            said = f"Approved with {amendments} amendment{'s' if amendments != 1 else ''}"
        elif self.approved_here:
            said = "Approved as a true record"
        elif amendments:
            said = "Amended, not yet approved"
        else:
            said = ""
        if errata:
            erratum = f"{errata} erratum" if errata == 1 else f"{errata} errata"
            said = (
                f"{said}; {erratum} recorded"
                if said
                else f"{erratum[0].upper()}{erratum[1:]} recorded"
            )
        return said

    @property
    def minutes_of(self) -> str:
        """'Session 1 (9 February 2027)': the minutes it concerns, as its table names them."""
        return f"Session {self.number} ({_day(self.held_on)})"


@dataclass(frozen=True)
class ApprovalPart:
    done: tuple[ApprovalDone, ...]
    """Each earlier session's minutes this session approved or amended, latest first."""
    waiting: tuple[int, ...]
    """The numbers of earlier sessions whose minutes it left a draft."""

    @property
    def changes(self) -> tuple[tuple[str, AmendmentView], ...]:
        """Each amendment and erratum agreed here, with the session whose minutes it
        changes."""
        return tuple((f"Session {d.number}", c) for d in self.done for c in d.changes)

    @property
    def still_draft(self) -> str:
        """The minutes left a draft here, in a sentence; "" where none were."""
        if not self.waiting:
            return ""
        return f"Still a draft: the minutes of {sessions_named(self.waiting)}."

    @property
    def nothing_done(self) -> bool:
        """Nothing was approved or amended here, and no minutes were left waiting."""
        return not self.done and not self.waiting


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> ApprovalPart | None:
    """What the room did with earlier minutes at this item; None where none were finished."""
    entries = entries_for(db, session)
    if not entries:
        return None
    done = []
    for entry in entries:
        approved_here = entry.approved_in == session.number
        changes = tuple(
            change
            for change in (*entry.amendments, *entry.errata)
            if change.made_in == session.number
        )
        if approved_here or changes:
            done.append(ApprovalDone(entry.number, entry.held_on, approved_here, changes))
    # Minutes this session left a draft stay listed as such here even once a later session
    # approves them: this session's record says what its own room did.
    waiting = tuple(
        entry.number
        for entry in entries
        if entry.approved_in is None or entry.approved_in > session.number
    )
    return ApprovalPart(tuple(done), waiting)


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


NOTHING_WAITING = "No earlier minutes were waiting for approval."
CHANGE_HEADERS = ("Minutes of", "Change", "Wording", "Proposed by")


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """What the room did with each earlier session's minutes, the changes it agreed to them,
    and which it left a draft. The Markdown minutes say the same, from the same part."""
    if not isinstance(part, ApprovalPart) or part.nothing_done:
        return (Notice(NOTHING_WAITING),)
    shown: list[Shown] = []
    if part.done:
        shown.append(
            Table(("Minutes of", "Outcome"), tuple((d.minutes_of, d.outcome) for d in part.done))
        )
        if part.changes:
            shown.append(
                Table(
                    CHANGE_HEADERS,
                    tuple((of, c.kind.capitalize(), c.text, c.proposer) for of, c in part.changes),
                )
            )
    if part.still_draft:
        shown.append(Notice(part.still_draft))
    return tuple(shown)


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """Each earlier session's minutes and where the room has got with them."""
    entries = entries_for(db, session)
    if not entries:
        return "*No earlier minutes to approve.*"
    lines = []
    for entry in entries:
        if entry.approved_in == session.number:
            state = "**approved**"
        elif entry.approved_in is not None:
            state = f"approved at session {entry.approved_in}"
        else:
            state = "*to approve*"
        lines.append(f"- Session {entry.number} ({_day(entry.held_on)}): {state}")
        for change in (*entry.amendments, *entry.errata):
            lines.append(
                f"  - {change.kind}: {markdown_text(change.text)} "
                f"— proposed by {markdown_text(change.proposer)}"
            )
    return "\n".join(lines)


ACTIVITY = Activity(
    kind=ItemKind.MINUTES_APPROVAL,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    undo=undo_change,
)
