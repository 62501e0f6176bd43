"""The stored shape of programmes, sessions, their agenda snapshot, notes and clock.

SQLAlchemy's own session is imported as DbSession wherever it is needed, so it
never meets the facilitator's Session.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sessions.db_types import UTCDateTime, utcnow
from sessions.vocabulary import (
    ActionStatus,
    Handling,
    ItemKind,
    NoteKind,
    OrganisationKind,
    QuorumOf,
    TimerEventKind,
)

SCORE_RANGE = range(1, 6)

# The partial index of the timer events a replay reads in full. A database uses it only
# where it can prove a query's condition implies this one; the same text, written as it
# is here rather than as a parameter, leaves no doubt, so both take it from here.
NOT_HEARTBEAT = text(f"kind <> '{TimerEventKind.HEARTBEAT}'")
REPLAYED_COLUMNS = ("session_id", "id", "kind", "at", "position", "seconds")
# A session still to start or resume: what the home screen lists.
WAITING = text("finished_at IS NULL AND cancelled_at IS NULL")


def partial_index(name: str, *columns: str, where: Any) -> Index:
    """An index of the rows meeting `where` alone, as the migrations build it on both databases.

    The condition is kept in the index's info rather than named `sqlite_where` and
    `postgresql_where`: SQLAlchemy loads each dialect such an argument names, to check it,
    and so loaded the whole PostgreSQL dialect (2 MiB) in every launch on SQLite. Only the
    migrations create indexes; a test compares the condition each database holds with the
    one here, which Alembic's comparison does not.
    """
    return Index(name, *columns, info={"where": where})


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, date: Date, str: String(255)}


class Programme(Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    slug: Mapped[str] = mapped_column(unique=True)
    pcn_name: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None]
    # How many must be present for a meeting to decide: None where the programme set none.
    quorum_count: Mapped[int | None]
    quorum_of: Mapped[str] = mapped_column(
        String(20), default=QuorumOf.MEMBERS, server_default=QuorumOf.MEMBERS.value
    )
    # The plan it was made from, as it was then: its file may change or vanish later.
    # "" for a programme made without one.
    plan_source: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    plan_title: Mapped[str] = mapped_column(String(500), default="", server_default="")

    sessions: Mapped[list[Session]] = relationship(
        back_populates="programme", order_by="Session.number"
    )


def new_calendar_uid() -> str:
    """A session's name in every calendar it is sent to: random, so it says nothing of the
    machine or the programme, and made once, so an update replaces the invite it follows."""
    return f"{uuid4()}@facilitator"


class Session(Base):
    """One meeting of a programme, run from a snapshot of its agenda."""

    __tablename__ = "session"
    # The waiting sessions alone, in the order the home screen lists them: a handful
    # among every session the programmes ever ran.
    __table_args__ = (
        UniqueConstraint("programme_id", "number"),
        partial_index("ix_session_waiting", "created_at", "id", where=WAITING),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    number: Mapped[int]
    agenda_title: Mapped[str] = mapped_column(String(500))
    agenda_source: Mapped[str] = mapped_column(String(1000), default="")
    agenda_notes: Mapped[str] = mapped_column(Text, default="")
    # The whole agenda file as it was: editing the file later never rewrites history.
    agenda_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    minutes_path: Mapped[str | None] = mapped_column(String(1000))
    # The day the session is planned to meet; set when it is planned ahead.
    planned_for: Mapped[date | None]
    # Who ran it, as the minutes name them; "" where nobody said.
    facilitator: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The programme's quorum as it stood when the session finished: its minutes keep it.
    quorum_count: Mapped[int | None]
    quorum_of: Mapped[str | None] = mapped_column(String(20))
    # The number of the later session whose room approved these minutes, and when; None
    # while they are a draft. Approved minutes are the record, and no longer change.
    minutes_approved_in: Mapped[int | None]
    minutes_approved_at: Mapped[datetime | None]
    # Laid out by the programme's plan: its 1-based place and title there; None and "" for a
    # session set up on its own.
    plan_place: Mapped[int | None]
    planned_as: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # A day the plan counted, not yet agreed: cleared once the facilitator sets or keeps it.
    date_to_confirm: Mapped[bool] = mapped_column(default=False, server_default=false())
    # When and where it is planned to meet: times of day on `planned_for`, as clocks in
    # the United Kingdom read them; the place as the facilitator wrote it ("" where unsaid).
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # Its calendar invitation: the same UID every time, and a sequence raised by each change
    # of day, time or place, so calendars update the invite rather than add a second. The
    # UID travels with the session through export and import, so a programme moved to
    # another computer goes on updating the invitations it sent.
    calendar_uid: Mapped[str] = mapped_column(default=new_calendar_uid)
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Called off before it met: kept in the record, never started.
    cancelled_at: Mapped[datetime | None]

    programme: Mapped[Programme] = relationship(back_populates="sessions")
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="session", order_by="AgendaItem.position"
    )


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    position: Mapped[int]
    section_title: Mapped[str] = mapped_column(String(500))
    step: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20), default=ItemKind.DISCUSSION)
    prompt: Mapped[str] = mapped_column(Text, default="")
    planned_seconds: Mapped[int]
    # Set when an accepted rebalance gave the item a new time; the plan stays as it was.
    rebalanced_seconds: Mapped[int | None]
    # A checklist's options or a scorecard's areas, as the agenda gave them.
    activity: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A reflection's answers are private: only the facilitator's choice puts them in the minutes.
    answers_in_minutes: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Taken in private: the public minutes say so and leave out what was said.
    confidential: Mapped[bool] = mapped_column(default=False, server_default=false())

    session: Mapped[Session] = relationship(back_populates="items")


class Note(Base):
    __tablename__ = "note"
    # Each starts with the column looked up, and carries what the dashboard counts by.
    __table_args__ = (
        Index("ix_note_session_kind", "session_id", "kind", "deleted_at"),
        Index("ix_note_item_deleted", "agenda_item_id", "deleted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Deletes are soft: the row stays so a delete can be undone and history kept.
    deleted_at: Mapped[datetime | None]
    # Set on every edit; the earlier texts are kept in note_revision.
    edited_at: Mapped[datetime | None]
    # Who said it, when the facilitator attributed it.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    # Said in confidence: left out of the public minutes, even in an item that is not.
    confidential: Mapped[bool] = mapped_column(default=False, server_default=false())

    action: Mapped[Action | None] = relationship(back_populates="note")
    member: Mapped[Member | None] = relationship()
    revisions: Mapped[list[NoteRevision]] = relationship(order_by="NoteRevision.id")


class NoteRevision(Base):
    """A note's text (its whole typed line) as it was before an edit."""

    __tablename__ = "note_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id"), index=True)
    line: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime]


class Member(Base):
    """Someone in the partnership: a programme's people, whoever comes to which session."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    name: Mapped[str]
    organisation: Mapped[str] = mapped_column(default="")
    organisation_kind: Mapped[str] = mapped_column(String(40), default=OrganisationKind.OTHER)
    role: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None]
    # Where the reminders of their actions go; "" until the facilitator gives one.
    email: Mapped[str] = mapped_column(String(254), default="", server_default="")


class Attendance(Base):
    """Who was present and who sent apologies, session by session."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    status: Mapped[str] = mapped_column(String(20))

    member: Mapped[Member] = relationship()


class Declaration(Base):
    """A declared interest: who, what, and whether they left the room for an item."""

    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    interest: Mapped[str] = mapped_column(Text)
    # The item the handling concerns: the one they left the room for, or took no decision in.
    left_room_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]
    # The kind of interest, where said; "" for declarations made before kinds were asked.
    kind: Mapped[str] = mapped_column(String(40), default="", server_default="")
    handling: Mapped[str] = mapped_column(
        String(20), default=Handling.NOTED, server_default=Handling.NOTED.value
    )
    # The standing interest on the register this declares, where it was one.
    interest_id: Mapped[int | None] = mapped_column(ForeignKey("interest.id"))

    member: Mapped[Member] = relationship()
    left_room_item: Mapped[AgendaItem | None] = relationship()


class Interest(Base):
    """A member's standing interest on the programme's register: declared once, offered at
    every meeting while it lasts."""

    __tablename__ = "interest"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    from_on: Mapped[date | None]
    to_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Entered by mistake: off the register, kept in the database.
    deleted_at: Mapped[datetime | None]

    member: Mapped[Member] = relationship()


class Action(Base):
    """An action belongs to the programme, so later sessions can carry it forward."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id"), unique=True)
    owner: Mapped[str] = mapped_column(default="")
    owner_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    """The member who owns it, when the owner is one; `owner` then holds their full name."""
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN)

    owner_member: Mapped[Member | None] = relationship()
    note: Mapped[Note] = relationship(back_populates="action")


class ActionReview(Base):
    """What a session's matters arising made of one action raised in an earlier session.

    The due date it had before is kept, so the minutes can say what moved and a
    change of mind puts the action back as it was.
    """

    __tablename__ = "action_review"
    __table_args__ = (UniqueConstraint("session_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id"))
    outcome: Mapped[str] = mapped_column(String(20))
    due_before: Mapped[date | None]
    due_after: Mapped[date | None]
    reviewed_at: Mapped[datetime]

    action: Mapped[Action] = relationship()


class ActionChange(Base):
    """One change to an action: which field, its value before and after, when, and in which
    session (None when made outside one, from the actions list).

    Values are kept as text: a status or owner as it reads, a due date as ISO, None for
    no date. The action's state on any day is its state now with later changes put back.
    """

    __tablename__ = "action_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime]
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))


class MinutesAmendment(Base):
    """A change to a session's minutes agreed by the room at a later session, with who
    proposed it: an amendment while approving them, an erratum once they were approved.

    The minutes list it as typed, beside the record it amends; one made by mistake is
    marked withdrawn, never removed.
    """

    __tablename__ = "minutes_amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    made_in: Mapped[int]
    """The number of the session whose room agreed it."""
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    proposer: Mapped[str] = mapped_column(String(200))
    """The proposer's name as the minutes give it, kept as it was when proposed."""
    proposer_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    made_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]


class KeptIdentifier(Base):
    """What looks like patient-identifiable data, left in a document on purpose: where, who
    kept it and when. Only a digest of the found text is stored, never the text itself; the
    same kind and digest in the same session pass unchallenged from then on."""

    __tablename__ = "kept_identifier"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))
    """None for what belongs to the programme rather than one session."""
    kind: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    where: Mapped[str] = mapped_column(Text)
    kept_by: Mapped[str] = mapped_column(String(200))
    kept_at: Mapped[datetime]


class ActivityResult(Base):
    """One answer the room gave in an activity: a scorecard statement rated 1 to 5.

    `subject` is the statement as the agenda wrote it, so the same statement can
    be followed across sessions; `area` is the scorecard area it sits in.
    """

    __tablename__ = "activity_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    # Who gave it, where the facilitator said; a show of hands is nobody's.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    area: Mapped[str]
    subject: Mapped[str] = mapped_column(Text)
    score: Mapped[int | None]
    recorded_at: Mapped[datetime]
    # A rating typed in error is withdrawn, never removed.
    deleted_at: Mapped[datetime | None]

    member: Mapped[Member | None] = relationship()


class TimerEvent(Base):
    """The clock is this log; elapsed time is derived from it, never stored."""

    __tablename__ = "timer_event"
    # A session's last heartbeat is found through (session, kind, id), the id named so that
    # PostgreSQL too finds the newest in one lookup. That index serves lookups by session
    # alone too, so there is no index on session_id by itself: with one, SQLite would pick
    # it and walk every heartbeat.
    # Every other event a replay reads comes from the second index alone: it holds only
    # the few events that are not heartbeats, so a programme's clocks are replayed
    # without fetching thousands of rows scattered among the heartbeats.
    __table_args__ = (
        Index("ix_timer_event_session_kind_id", "session_id", "kind", "id"),
        partial_index("ix_timer_event_replayed", *REPLAYED_COLUMNS, where=NOT_HEARTBEAT),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    # The item current once the event has happened.
    position: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[str] = mapped_column(String(255), default="")
    # An extend event's change to the current item's time, in seconds (may be negative).
    seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class FinishedSummary(Base):
    """A finished session summed up as it finished: the dashboard's row for it, read as it is.

    Worked out by the one rule the live figures follow (`sessions.domain.summaries`), once,
    when the session finishes or is imported: its notes, agenda and clock no longer change,
    so neither does this. A change to a rule it holds comes with a migration that empties
    the table, and the summaries are worked out again as that migration runs.
    """

    __tablename__ = "finished_summary"

    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), primary_key=True)
    # When the clock first started (the day it was set up, had it never started).
    held_at: Mapped[datetime]
    run_seconds: Mapped[float] = mapped_column(Float)
    # The agenda's plan, before any extension or rebalance.
    planned_seconds: Mapped[int]
    deal_notes: Mapped[int]
    relationship_notes: Mapped[int]
    # The framework steps covered, in order.
    steps_covered: Mapped[list[int]] = mapped_column(JSON)
    # Whether it stopped inside the furthest step it covered, so the next session takes
    # that step up again rather than the one after it.
    stopped_in_step: Mapped[bool]


class SessionCapture(Base):
    """What the facilitator's next note will be: deal or relationship, and whose.

    The driver's choice, kept so a resumed session types on as it left off. One
    row per session, overwritten as the choice changes.
    """

    __tablename__ = "session_capture"

    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default=NoteKind.DEAL)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    changed_at: Mapped[datetime]


class SessionLease(Base):
    """Which copy of the app drives a session: one row per session, kept fresh by the heartbeat.

    Machine state, not the facilitator's work: it is overwritten as copies come and go.
    """

    __tablename__ = "session_lease"

    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    user: Mapped[str] = mapped_column(default="")
    host: Mapped[str] = mapped_column(default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    since: Mapped[datetime]
    seen_at: Mapped[datetime]
    released_at: Mapped[datetime | None]


class RoomWatch(Base):
    """A mirror showing a session to the room: one row per running mirror, kept fresh by its
    heartbeat and removed when it stops, so the driver knows the room can see its screen.

    Machine state, not the facilitator's work. No key to the session: a mirror that follows
    whichever session runs names none, and a row outlives nothing it points at.
    """

    __tablename__ = "room_watch"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    # None while the mirror follows whichever session the driver is in.
    session_id: Mapped[int | None] = mapped_column(Integer)
    user: Mapped[str] = mapped_column(default="")
    host: Mapped[str] = mapped_column(default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    since: Mapped[datetime]
    seen_at: Mapped[datetime]


class Room(Base):
    """A session opened to the room's phones: the join code, kept only as its hash.

    Access, not the record: nothing in the minutes points at it, and it is not exported.
    Closing it, or finishing its session, ends every device's access.
    """

    __tablename__ = "room"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    # SHA-256 of the code, in hex: the code itself is shown once and never stored.
    code_hash: Mapped[str] = mapped_column(String(64))
    # Whether a phone may join without picking a name.
    anonymous_allowed: Mapped[bool] = mapped_column(default=True, server_default=true())
    opened_by: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class RoomDevice(Base):
    """A phone that joined a room: its token kept only as its hash, and whose it is, if anyone's.

    An anonymous device has no member; its answers carry no trace of it either.
    """

    __tablename__ = "room_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    joined_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]

    room: Mapped[Room] = relationship()
    member: Mapped[Member | None] = relationship()


class RoomAnswered(Base):
    """That an anonymous device has answered a question, never what: so it answers once.

    No id and no time, so nothing lines it up with the answer it stands for.
    """

    __tablename__ = "room_answered"
    # Kept in key order, not the order written, so neither lines up with the answers'.
    __table_args__ = {"sqlite_with_rowid": False}

    device_id: Mapped[int] = mapped_column(ForeignKey("room_device.id"), primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), primary_key=True)
    subject: Mapped[str] = mapped_column(Text, primary_key=True)


class RoomReveal(Base):
    """That the facilitator has shown the room an item's running results while phones answer.

    Access, not the record, like the room itself: it is not exported. Until it is there,
    the projector and the mirror show only how many phones have answered, so early answers
    do not sway later ones.
    """

    __tablename__ = "room_reveal"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), primary_key=True)
    revealed_at: Mapped[datetime]


class RoomQuestion(Base):
    """A question or comment a phone sent to the facilitator's queue, at the item the
    meeting was on.

    What a participant typed is the record: it is exported, and never deleted. A named
    question keeps its member; an anonymous one keeps nobody, not even the phone it came
    from. Accepted, it became a note; set aside, it stays as it was typed.
    """

    __tablename__ = "room_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"))
    text: Mapped[str] = mapped_column(Text)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    asked_at: Mapped[datetime]
    # Waiting, accepted or set aside (`sessions.domain.questions.QuestionState`).
    state: Mapped[str] = mapped_column(String(20))
    # When it was accepted or set aside; None while it waits.
    decided_at: Mapped[datetime | None]
    # The note it became, once accepted.
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))

    item: Mapped[AgendaItem] = relationship()
    member: Mapped[Member | None] = relationship()
    note: Mapped[Note | None] = relationship()


class RoomTally(Base):
    """How many times a session's room has changed: one row per session, raised by the
    database itself on every write to what the room's door counts.

    Machine state, not the record: it says only that something changed, never what, so a
    door told of a commit reads this one number before counting the phones again. Triggers
    raise it (schema 0035), so every writer does: the web room's threads, another copy of
    the app, the command line. No row yet is a tally of nought.
    """

    __tablename__ = "room_tally"

    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), primary_key=True)
    tally: Mapped[int] = mapped_column(Integer, default=0)


class Proposal(Base):
    """A proposal the facilitator put to the room at an item, for a fist of five.

    The record: its outcome, once closed, is carried, not carried or deferred.
    """

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"))
    text: Mapped[str] = mapped_column(Text)
    put_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    # "" while open; then carried, not_carried or deferred (`ProposalOutcome`).
    outcome: Mapped[str] = mapped_column(String(20), default="")

    item: Mapped[AgendaItem] = relationship()


class ProposalAnswer(Base):
    """One show of fingers on a proposal, 0 (a fist: I block this) to 5 (fully for it).

    An anonymous answer has no member. A changed answer is withdrawn, never deleted.
    """

    __tablename__ = "proposal_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    fingers: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]

    member: Mapped[Member | None] = relationship()
