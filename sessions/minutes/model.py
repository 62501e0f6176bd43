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
from sessions.activities.matters_arising import due_moved, entries_for
from sessions.activities.reflection import Reflections
from sessions.activities.registry import activity_for
from sessions.activities.roles import RolesBoard
from sessions.activities.scorecard import StatementResult
from sessions.agenda.model import STEP_NAMES
from sessions.clock import replay
from sessions.domain.balance import note_balances
from sessions.domain.lookup import session_row
from sessions.domain.quorum import session_quorum
from sessions.minutes.wording import item_timing, review_outcome
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
    def reflection(self) -> Reflections | None:
        """A reflection item's answers, where any were given; the minutes show only how many
        unless the facilitator chose to include them."""
        return cast(Reflections | None, self._part(ItemKind.REFLECTION))

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
    text: str
    owner: str
    due: date | None
    status: str
    item_title: str


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

    @property
    def outcome_text(self) -> str:
        return review_outcome(self)


@dataclass(frozen=True)
class BalanceRow:
    """A line of the minutes' deal and relationship table: a framework step, or the session."""

    label: str
    deal: int
    relationship: int

    @property
    def total(self) -> int:
        return self.deal + self.relationship


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
    attendance_taken: bool = True
    quorum: str = ""
    """Whether the meeting was quorate, in words; "" where the programme set no quorum."""

    @property
    def title(self) -> str:
        return f"{self.programme}: session {self.session_number}"

    @property
    def held_on(self) -> date:
        # A session planned ahead and never started is minuted (as an agenda) for its day.
        return meeting_day(self.started_at, self.created_at, self.planned_for)


def build_minutes(db: DbSession, session_id: int) -> Minutes:
    """The session's minutes, read in the unit of work `db`."""
    session = session_row(db, session_id)
    events = load_events(db, session_id)
    clock = replay(events)
    # Columns, not ORM objects: a long session has thousands of notes, each with its
    # action and speaker, and the minutes only read them.
    notes = db.execute(
        select(
            Note.agenda_item_id,
            Note.kind,
            Note.text,
            Action.id.label("action_id"),
            Action.owner,
            Action.due_on,
            Action.status,
            Member.name.label("said_by"),
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

    visited = {event.position for event in events}
    sections: list[MinutesSection] = []
    actions: list[MinutesAction] = []
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
        )
        activity = activity_for(item.kind)
        if activity is not None and activity.minutes_part is not None:
            minutes_item.activity = activity.minutes_part(db, session, item)
        for note in by_item.get(item.id, []):
            has_action = note.action_id is not None
            minutes_item.notes.setdefault(note.kind, []).append(
                MinutesNote(
                    kind=note.kind,
                    text=note.text,
                    owner=note.owner if has_action else "",
                    due=note.due_on,
                    said_by=note.said_by or "",
                )
            )
            if has_action:
                actions.append(
                    MinutesAction(
                        text=note.text,
                        owner=note.owner,
                        due=note.due_on,
                        status=note.status,
                        item_title=item.title,
                    )
                )
        sections[-1].items.append(minutes_item)

    balance = _balance_rows(note_balances(db, session_id, AgendaItem.step))

    started = next((e.at for e in events if e.kind == TimerEventKind.START), None)
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
        actions=actions,
        balance=balance,
        present=present,
        apologies=apologies,
        declarations=declarations,
        facilitator=session.facilitator,
        planned_for=session.planned_for,
        next_session_on=db.scalar(
            select(Session.planned_for).where(
                Session.programme_id == session.programme_id,
                Session.number == session.number + 1,
            )
        ),
    )
    minutes.matters_arising = _matters_arising(db, session, minutes.held_on)
    quorum = session_quorum(db, session_id)
    minutes.attendance_taken = quorum.taken
    minutes.quorum = quorum.describe()
    return minutes


def _balance_rows(by_step: dict[tuple[Any, ...], NoteBalance]) -> list[BalanceRow]:
    """A row for each framework step with notes of either side, then the whole session's."""
    rows = []
    for step in sorted(step for (step,) in by_step if step is not None):
        found = by_step[(step,)]
        rows.append(BalanceRow(f"Step {step}: {STEP_NAMES[step]}", found.deal, found.relationship))
    session = sum(by_step.values(), NoteBalance())
    if session.total:
        rows.append(BalanceRow("Whole session", session.deal, session.relationship))
    return rows


def _matters_arising(db: DbSession, session: Session, held_on: date) -> list[MinutesReview]:
    # The session's own day, not the day of rendering, so re-rendering says the same.
    reviews = []
    for entry in entries_for(db, session, held_on):
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
