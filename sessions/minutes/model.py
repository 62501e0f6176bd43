"""The minutes of one session as plain data, built once from the database.

Templates and the Word writer read this model and never the database,
so every format says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Row, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from sessions.activities.checklist import OptionResult
from sessions.activities.matters_arising import ReviewEntry, due_moved, entries_for
from sessions.activities.minutes_approval import ApprovalPart
from sessions.activities.rag import AreaRating
from sessions.activities.reflection import Reflections
from sessions.activities.registry import activity_for
from sessions.activities.roles import RolesBoard
from sessions.activities.scorecard import StatementResult
from sessions.agenda.model import STEP_NAMES
from sessions.clock import replay
from sessions.domain.action_log import LogEntry, log_entries
from sessions.domain.approval import AmendmentView, minutes_status
from sessions.domain.balance import BalanceRow as BalanceRow
from sessions.domain.balance import balance_rows, note_balances
from sessions.domain.confidential import confidential_action_ids
from sessions.domain.coverage import session_covered_steps
from sessions.domain.lookup import session_row
from sessions.domain.meetings import meeting_after
from sessions.domain.quorum import session_quorum
from sessions.minutes.wording import (
    amendment_credit,
    item_timing,
    long_date,
    record_status,
    review_outcome,
)
from sessions.models import Action, AgendaItem, Attendance, Declaration, Member, Note, Session
from sessions.timer_log import load_events
from sessions.views import NoteBalance, meeting_day, person_label
from sessions.vocabulary import (
    AttendanceStatus,
    Handling,
    ItemKind,
    NoteKind,
    TimerEventKind,
)

NOTE_SECTIONS = (
    (NoteKind.DEAL, "Deal"),
    (NoteKind.RELATIONSHIP, "Relationship"),
    (NoteKind.DECISION, "Decisions"),
    (NoteKind.RISK, "Risks"),
    (NoteKind.QUESTION, "Questions"),
    (NoteKind.ACTION, "Actions"),
)


@dataclass(frozen=True)
class MinutesNote:
    kind: str
    text: str
    owner: str = ""
    due: date | None = None
    said_by: str = ""
    note_id: int | None = field(default=None, compare=False)
    """The note it was taken as, so a finding in it can lead back to the note."""
    confidential: bool = False
    """Said in confidence: the public minutes leave it out."""


@dataclass(frozen=True)
class MinutesPerson:
    name: str
    organisation: str = ""
    role: str = ""

    @property
    def label(self) -> str:
        return person_label(self.name, self.organisation, self.role)


@dataclass(frozen=True)
class MinutesDeclaration:
    name: str
    interest: str
    left_room_for: str = ""
    """The item's title where they left the room for it (kept for templates that read it)."""
    kind: str = ""
    handling: str = Handling.NOTED
    item_number: int | None = None
    item_title: str = ""
    """The item the handling concerns, where it concerns one."""

    @property
    def managed(self) -> str:
        """How the interest was managed, as the minutes say it."""
        item = f"item {self.item_number} ({self.item_title})"
        if self.handling == Handling.LEFT_ROOM:
            return f"Left the room for {item}."
        if self.handling == Handling.NO_DECISION:
            return f"Took part in the discussion of {item} but not in the decision."
        return "Noted."

    @property
    def interest_said(self) -> str:
        """The interest without a full stop of its own, as a sentence follows it."""
        return self.interest.rstrip().removesuffix(".")

    @property
    def kind_words(self) -> str:
        """`financial interest`, or "" where the kind was not said."""
        return f"{self.kind} interest" if self.kind else ""


@dataclass
class MinutesItem:
    number: int
    title: str
    kind: str
    planned_seconds: int
    actual_seconds: float
    reached: bool
    skipped: bool = False
    rebalanced_seconds: int | None = None
    """The time an accepted rebalance gave the item, where one did."""
    extra_seconds: int = 0
    """Time given to (or taken from) the item while it ran."""
    notes: dict[str, list[MinutesNote]] = field(default_factory=dict)
    activity: object | None = None
    """What the item's activity gives the minutes (see sessions.activities), where it was
    answered; None for a discussion, or an activity nobody answered."""
    confidential: bool = False
    """Taken in private: the public minutes keep only its number."""
    withheld: bool = False
    """Left out of this version, the public one: only its number stays."""

    @property
    def private_line(self) -> str:
        """What the public minutes say in place of an item taken in private."""
        return f"Item {self.number} was taken in private."

    # Each kind's part under the name templates have always read it by.
    @property
    def scorecard(self) -> list[StatementResult]:
        """A scorecard item's statements with their ratings, where any were given."""
        return cast(list[StatementResult], self._part(ItemKind.SCORECARD) or [])

    @property
    def checklist(self) -> list[OptionResult]:
        """A checklist item's options, most votes first, where any votes were given."""
        return cast(list[OptionResult], self._part(ItemKind.CHECKLIST) or [])

    @property
    def roles(self) -> RolesBoard | None:
        """A roles item's coverage, where anyone marked a role."""
        return cast(RolesBoard | None, self._part(ItemKind.ROLES))

    @property
    def rag(self) -> list[AreaRating]:
        """A RAG item's areas with their ratings, owners and next steps, where any were given."""
        return cast(list[AreaRating], self._part(ItemKind.RAG) or [])

    @property
    def reflection(self) -> Reflections | None:
        """A reflection item's answers, where any were given; the minutes show only how many
        unless the facilitator chose to include them."""
        return cast(Reflections | None, self._part(ItemKind.REFLECTION))

    @property
    def approval(self) -> ApprovalPart | None:
        """A minutes item's outcome for each earlier session's minutes, where any were
        finished to approve."""
        return cast(ApprovalPart | None, self._part(ItemKind.MINUTES_APPROVAL))

    def _part(self, kind: ItemKind) -> object | None:
        return self.activity if self.kind == kind else None

    @property
    def timing(self) -> str:
        return item_timing(self)

    @property
    def note_groups(self) -> list[tuple[str, list[MinutesNote]]]:
        return [(label, self.notes[kind]) for kind, label in NOTE_SECTIONS if self.notes.get(kind)]


@dataclass
class MinutesSection:
    title: str
    step: int | None
    items: list[MinutesItem] = field(default_factory=list)

    @property
    def step_name(self) -> str:
        return STEP_NAMES.get(self.step, "") if self.step else ""


@dataclass(frozen=True)
class MinutesAction:
    """A line of the action log, as the action stood when the session finished."""

    text: str
    owner: str
    due: date | None
    """The due date as it stood when the session finished."""
    status: str
    item_title: str
    number: str = ""
    """'2.3': the third action raised in session 2."""
    raised_in: int = 0
    due_as_raised: date | None = None
    """The due date as the session that raised it left it."""
    rag: str = ""
    """On track, at risk, overdue, done or dropped, on the session's day."""
    update: str = ""
    """The latest change or review by the session's finish, in words."""
    updated_on: date | None = None
    confidential: bool = False
    """Raised in confidence: the public minutes leave it out of the log."""

    @property
    def revised_due(self) -> date | None:
        """The due date as it stood, where it moved since the action was raised."""
        return self.due if self.due != self.due_as_raised else None

    @property
    def raised(self) -> str:
        return f"Session {self.raised_in}, {self.item_title}"

    @property
    def rag_label(self) -> str:
        return self.rag.capitalize()

    @property
    def latest_update(self) -> str:
        """'Marked done (Tuesday 1 December 2026)', or a dash where nothing happened."""
        if not self.update:
            return "—"
        return f"{self.update} ({long_date(self.updated_on)})" if self.updated_on else self.update


@dataclass(frozen=True)
class MinutesReview:
    """One action from an earlier session, and what the matters-arising review made of it."""

    text: str
    owner: str
    raised_in: int
    """The number of the session that raised it."""
    outcome: str | None
    """'done', 'kept' or 'dropped'; None where the room did not review it."""
    outcome_label: str
    due_before: date | None
    """The due date the action came into the session with."""
    due: date | None
    """The due date it left with."""
    due_moved: bool
    confidential: bool = False
    """Raised in confidence: the public minutes leave it out of the review."""

    @property
    def outcome_text(self) -> str:
        return review_outcome(self)


@dataclass
class Minutes:
    programme: str
    pcn: str
    session_number: int
    agenda_title: str
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime
    planned_seconds: int
    actual_seconds: float
    sections: list[MinutesSection]
    actions: list[MinutesAction]
    balance: list[BalanceRow]
    present: list[MinutesPerson] = field(default_factory=list)
    apologies: list[MinutesPerson] = field(default_factory=list)
    declarations: list[MinutesDeclaration] = field(default_factory=list)
    matters_arising: list[MinutesReview] = field(default_factory=list)
    facilitator: str = ""
    planned_for: date | None = None
    next_session_on: date | None = None
    """The day the programme's next session is planned for, where it is."""
    steps_covered: tuple[int, ...] = ()
    """The framework steps the session covered, by the rule the dashboard and the report
    use (`sessions.domain.coverage`)."""
    attendance_taken: bool = True
    quorum: str = ""
    """Whether the meeting was quorate, in words; "" where the programme set no quorum."""
    approved_in: int | None = None
    """The number of the session that approved these minutes; None while they are a draft."""
    approved_on: date | None = None
    """The day that session met."""
    amendments: tuple[AmendmentView, ...] = ()
    """Agreed by the room before it approved them (or, while a draft, so far)."""
    errata: tuple[AmendmentView, ...] = ()
    """Corrections agreed at later sessions, once they were approved."""
    has_confidential: bool = False
    """Something in them was taken in private, so they come in a full and a public version."""
    public: bool = False
    """This is the public version: what was taken in private is left out."""

    @property
    def version(self) -> str:
        """'full' or 'public'."""
        return "public" if self.public else "full"

    @property
    def version_line(self) -> str:
        """Which version these are, said at the top; "" where nothing was taken in private,
        as then there is only one."""
        if not self.has_confidential:
            return ""
        if self.public:
            return "Public minutes: items taken in private are left out."
        return "Full minutes, for members: they include items taken in private."

    @property
    def title(self) -> str:
        return f"{self.programme}: session {self.session_number}"

    @property
    def held_on(self) -> date:
        # A session planned ahead and never started is minuted (as an agenda) for its day.
        return meeting_day(self.started_at, self.created_at, self.planned_for)

    @property
    def record_status(self) -> str:
        """Whether these minutes are a draft or the approved record, as they open by saying."""
        return record_status(self.approved_in, self.approved_on, bool(self.amendments))

    @property
    def record_changes(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The amendments, then the errata, each as its words and who proposed it (and, for
        an erratum, when it was agreed); a heading with none is left out."""
        groups = (("Amendments", self.amendments), ("Errata", self.errata))
        return [
            (label, [(change.text, amendment_credit(change)) for change in changes])
            for label, changes in groups
            if changes
        ]


def build_minutes(db: DbSession, session_id: int) -> Minutes:
    """The session's minutes, read in the unit of work `db`.

    A finished session's actions read as they stood when it finished, so its minutes say
    the same however late they are written; a session still running, as they stand."""
    session = session_row(db, session_id)
    next_meeting = meeting_after(db, session)
    events = load_events(db, session_id)
    clock = replay(events)
    # Columns, not ORM objects: a long session has thousands of notes, each with its
    # action and speaker, and the minutes only read them.
    notes = db.execute(
        select(
            Note.id,
            Note.agenda_item_id,
            Note.kind,
            Note.text,
            Action.id.label("action_id"),
            Member.name.label("said_by"),
            Note.confidential,
        )
        .outerjoin(Action, Action.note_id == Note.id)
        .outerjoin(Member, Member.id == Note.member_id)
        .where(Note.session_id == session_id, Note.deleted_at.is_(None))
        .order_by(Note.created_at, Note.id)
    ).all()
    present, apologies = _attendance(db, session_id)
    declarations = _declarations(db, session_id)
    by_item: dict[int, list[Row[*tuple[Any, ...]]]] = {}
    for note in notes:
        by_item.setdefault(note.agenda_item_id, []).append(note)

    started = next((e.at for e in events if e.kind == TimerEventKind.START), None)
    # The session's own day, not the day of writing, so writing again says the same.
    held_on = meeting_day(started, session.created_at, session.planned_for)
    # The record as it stood at the finish. Amendments the room approves are the one thing
    # that may change it: they are named beside this record (`record` below), never written
    # into it.
    reviews = entries_for(db, session, held_on)
    raised_here = {note.action_id for note in notes if note.action_id is not None}
    log = log_entries(
        db,
        session.programme_id,
        session.finished_at,
        held_on,
        raised_here | {entry.action_id for entry in reviews},
    )
    private = confidential_action_ids(db, session.programme_id)

    visited = {event.position for event in events}
    sections: list[MinutesSection] = []
    for item in session.items:
        if not sections or sections[-1].title != item.section_title:
            sections.append(MinutesSection(title=item.section_title, step=item.step))
        minutes_item = MinutesItem(
            number=item.position + 1,
            title=item.title,
            kind=item.kind,
            planned_seconds=item.planned_seconds,
            actual_seconds=clock.elapsed_for(item.position),
            reached=item.position in visited or clock.elapsed_for(item.position) > 0,
            skipped=item.position in clock.skipped,
            rebalanced_seconds=item.rebalanced_seconds,
            extra_seconds=clock.extra_for(item.position),
            confidential=item.confidential,
        )
        activity = activity_for(item.kind)
        if activity is not None and activity.minutes_part is not None:
            minutes_item.activity = activity.minutes_part(db, session, item)
        for note in by_item.get(item.id, []):
            entry = log.get(note.action_id) if note.action_id is not None else None
            minutes_item.notes.setdefault(note.kind, []).append(
                MinutesNote(
                    kind=note.kind,
                    text=entry.text if entry else note.text,
                    owner=entry.owner if entry else "",
                    due=entry.due if entry else None,
                    said_by=note.said_by or "",
                    note_id=note.id,
                    confidential=note.confidential,
                )
            )
        sections[-1].items.append(minutes_item)

    covered = tuple(sorted(session_covered_steps(db, session_id, clock)))
    balance = _balance(db, session, covered)

    minutes = Minutes(
        programme=session.programme.name,
        pcn=session.programme.pcn_name,
        session_number=session.number,
        agenda_title=session.agenda_title,
        started_at=started,
        finished_at=session.finished_at,
        created_at=session.created_at,
        planned_seconds=sum(i.planned_seconds for i in session.items),
        actual_seconds=clock.session_elapsed,
        sections=sections,
        actions=[
            _logged(entry, entry.action_id in private)
            for entry in sorted(log.values(), key=_log_order)
        ],
        balance=balance,
        steps_covered=covered,
        present=present,
        apologies=apologies,
        declarations=declarations,
        facilitator=session.facilitator,
        planned_for=session.planned_for,
        # The day agreed for the next meeting, however it was held (see decisions.md); a
        # session cancelled is no next meeting.
        next_session_on=next_meeting.planned_for if next_meeting else None,
    )
    minutes.matters_arising = _matters_arising(reviews, private)
    minutes.has_confidential = (
        any(item.confidential for item in session.items)
        or any(note.confidential for note in notes)
        or any(action.confidential for action in minutes.actions)
        or any(review.confidential for review in minutes.matters_arising)
    )
    quorum = session_quorum(db, session_id)
    minutes.attendance_taken = quorum.taken
    minutes.quorum = quorum.describe()
    record = minutes_status(db, session_id)
    minutes.approved_in = record.approved_in
    minutes.approved_on = record.approved_on
    minutes.amendments = record.amendments
    minutes.errata = record.errata
    return minutes


def _log_order(entry: LogEntry) -> tuple[int, int]:
    session, index = entry.number.split(".")
    return int(session), int(index)


def _logged(entry: LogEntry, confidential: bool) -> MinutesAction:
    return MinutesAction(
        text=entry.text,
        owner=entry.owner,
        due=entry.due,
        status=entry.status,
        item_title=entry.item_title,
        number=entry.number,
        raised_in=entry.session_number,
        due_as_raised=entry.due_as_raised,
        rag=entry.rag,
        update=entry.update.words if entry.update else "",
        updated_on=entry.update.at.astimezone().date() if entry.update else None,
        confidential=confidential,
    )


def _balance(db: DbSession, session: Session, covered: tuple[int, ...]) -> list[BalanceRow]:
    """The deal and relationship table: a row a step covered, one for the parts outside
    the steps, and the whole session as their sum; none where no such note was taken."""
    counts = note_balances(db, session.id, AgendaItem.step, AgendaItem.section_title)
    if not sum(counts.values(), NoteBalance()).total:
        return []
    outside = list(dict.fromkeys(i.section_title for i in session.items if i.step is None))
    return balance_rows(counts, covered, outside, "Whole session")


def _matters_arising(entries: list[ReviewEntry], private: set[int]) -> list[MinutesReview]:
    reviews = []
    for entry in entries:
        # A later session may move a kept action's date again; these minutes give
        # the date this session left it with.
        due = entry.due_after if entry.outcome is not None else entry.due
        reviews.append(
            MinutesReview(
                text=entry.text,
                owner=entry.owner,
                raised_in=entry.raised_in,
                outcome=entry.outcome,
                outcome_label=entry.outcome_label,
                due_before=entry.due_before,
                due=due,
                due_moved=due_moved(entry.outcome, entry.due_before, due),
                confidential=entry.action_id in private,
            )
        )
    return reviews


def _person(member: Member) -> MinutesPerson:
    return MinutesPerson(member.name, member.organisation, member.role)


def _attendance(db: DbSession, session_id: int) -> tuple[list[MinutesPerson], list[MinutesPerson]]:
    rows = db.scalars(
        select(Attendance)
        .where(Attendance.session_id == session_id)
        .options(selectinload(Attendance.member))
    ).all()
    by_name = sorted(rows, key=lambda row: row.member.name.casefold())
    return (
        [_person(row.member) for row in by_name if row.status == AttendanceStatus.PRESENT],
        [_person(row.member) for row in by_name if row.status == AttendanceStatus.APOLOGIES],
    )


def _declarations(db: DbSession, session_id: int) -> list[MinutesDeclaration]:
    rows = db.scalars(
        select(Declaration)
        .where(Declaration.session_id == session_id, Declaration.deleted_at.is_(None))
        .options(selectinload(Declaration.member), selectinload(Declaration.left_room_item))
        .order_by(Declaration.created_at, Declaration.id)
    ).all()
    return [
        MinutesDeclaration(
            name=row.member.name,
            interest=row.interest,
            left_room_for=(
                row.left_room_item.title
                if row.left_room_item and row.handling == Handling.LEFT_ROOM
                else ""
            ),
            kind=row.kind,
            handling=row.handling,
            item_number=row.left_room_item.position + 1 if row.left_room_item else None,
            item_title=row.left_room_item.title if row.left_room_item else "",
        )
        for row in rows
    ]
