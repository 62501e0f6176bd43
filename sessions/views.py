"""Plain, frozen results of services: safe to keep on screen after the database session ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sessions.agenda.model import STEP_NAMES
from sessions.vocabulary import NoteKind, OrganisationKind

MIN_NOTES_FOR_HINT = 3
"""Fewer notes than this say nothing about balance yet."""


@dataclass(frozen=True)
class NoteBalance:
    """How many deal and how many relationship notes, still standing, a part of the work holds."""

    deal: int = 0
    relationship: int = 0

    @property
    def total(self) -> int:
        return self.deal + self.relationship

    @property
    def lagging(self) -> NoteKind | None:
        """The side with under a third of the notes, once there are a few."""
        if self.total < MIN_NOTES_FOR_HINT:
            return None
        if self.deal * 3 < self.total:
            return NoteKind.DEAL
        if self.relationship * 3 < self.total:
            return NoteKind.RELATIONSHIP
        return None

    def __add__(self, other: NoteBalance) -> NoteBalance:
        return NoteBalance(self.deal + other.deal, self.relationship + other.relationship)


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    name: str
    slug: str
    pcn_name: str
    session_count: int = 0


@dataclass(frozen=True)
class ItemView:
    id: int
    position: int
    section_title: str
    step: int | None
    title: str
    kind: str
    prompt: str
    planned_seconds: int
    rebalanced_seconds: int | None = None
    confidential: bool = False
    """Taken in private: the public minutes say so and leave out what was said."""

    @property
    def base_seconds(self) -> int:
        """The item's time before any extension: as rebalanced, else as planned."""
        return self.planned_seconds if self.rebalanced_seconds is None else self.rebalanced_seconds

    @property
    def step_label(self) -> str:
        if self.step is None:
            return ""
        return f"Step {self.step}: {STEP_NAMES[self.step]}"

    @property
    def where(self) -> str:
        """The section and framework step as one line, the step's own name always in it.

        `Step 1: Set-up right — vision and partners` reads as it is; a section the
        agenda named in its own words (`Step 2: Building trust`) gets the step's
        name beside it: `Step 2: Trusted people · Building trust`.
        """
        if self.step is None:
            return self.section_title
        _, _, own_words = self.section_title.partition(":")
        own_words = own_words.strip()
        if not own_words or own_words.casefold().startswith(STEP_NAMES[self.step].casefold()):
            return f"Step {self.step}: {own_words or STEP_NAMES[self.step]}"
        return f"{self.step_label} · {own_words}"


@dataclass(frozen=True)
class SessionView:
    id: int
    programme_id: int
    programme_name: str
    pcn_name: str
    number: int
    agenda_title: str
    items: tuple[ItemView, ...]
    finished_at: datetime | None = None
    minutes_path: str | None = None

    @property
    def planned_seconds(self) -> int:
        return sum(item.planned_seconds for item in self.items)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class CaptureChoice:
    """What the next note will be: deal or relationship, and who is speaking (if anyone)."""

    kind: str
    speaker_id: int | None = None
    speaker_name: str = ""


@dataclass(frozen=True)
class NoteView:
    id: int
    position: int
    kind: str
    text: str
    created_at: datetime
    owner: str = ""
    due: date | None = None
    member_id: int | None = None
    member_name: str = ""
    """Who said it, if the facilitator attributed it."""
    edited: bool = False
    confidential: bool = False
    """Said in confidence: the public minutes leave it out, and the projector may hide it."""


def meeting_day(started: datetime | None, created: datetime, planned_for: date | None) -> date:
    """The local day a session met: the day its clock first started, else the day it was
    planned for, else the day it was set up."""
    if started is None and planned_for is not None:
        return planned_for
    return (started or created).astimezone().date()


def person_label(name: str, organisation: str = "", role: str = "") -> str:
    """`Dr Asha Patel (Harbour Surgery, GP partner)`: how a person reads in lists and minutes."""
    details = ", ".join(part for part in (organisation, role) if part)
    return f"{name} ({details})" if details else name


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    organisation: str = ""
    organisation_kind: str = OrganisationKind.OTHER
    role: str = ""
    email: str = ""
    """Where reminders of their actions go; "" where none is known."""

    @property
    def label(self) -> str:
        return person_label(self.name, self.organisation, self.role)


@dataclass(frozen=True)
class AttendanceView:
    member: MemberView
    status: str
    """'present', 'apologies', or 'absent' (also for someone not yet marked)."""


@dataclass(frozen=True)
class DeclarationView:
    id: int
    member: MemberView
    interest: str
    left_room_position: int | None = None
    left_room_item: str = ""
    """The item the handling concerns: left the room for it, or took no decision in it."""
    kind: str = ""
    handling: str = "noted"


@dataclass(frozen=True)
class ActionView:
    id: int
    note_id: int
    text: str
    owner: str
    due: date | None
    status: str
    session_id: int
    session_number: int
    item_title: str
    raised_at: datetime
    overdue: bool = False
    number: str = ""
    """'2.3': the third action raised in session 2, as the minutes number it."""
    due_as_raised: date | None = None
    """The due date as its session left it; `due` is the date as it stands."""
    rag: str = ""
    """On track, at risk, overdue, done or dropped: the action log's RAG, in words."""
    update: str = ""
    """The latest change or review, in words; "" where nothing has happened since."""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class SearchHit:
    note_id: int
    session_id: int
    session_number: int
    position: int
    item_title: str
    kind: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class BalanceMeter:
    """What the live meter shows: deal and relationship notes, for the current step (or
    section) and the whole session."""

    step_label: str
    step_deal: int
    step_relationship: int
    session_deal: int
    session_relationship: int

    @property
    def lagging(self) -> NoteKind | None:
        """The side with under a third of the current step's notes, once there are a few."""
        return NoteBalance(self.step_deal, self.step_relationship).lagging


@dataclass(frozen=True)
class UnfinishedSessionView:
    session_id: int
    programme_id: int
    programme_name: str
    number: int
    agenda_title: str
    position: int
    item_count: int
    item_title: str
    elapsed_seconds: float
    started: bool = True
    """False for a session set up (or planned ahead) whose clock has never run."""
    planned_for: date | None = None
    to_confirm: bool = False
    """Its day is one a plan counted, not yet agreed with the room."""


def waiting_order(waiting: list[UnfinishedSessionView]) -> list[UnfinishedSessionView]:
    """Those under way first, the latest first, as given; then those not yet started, the
    soonest to meet first: a plan sets up every session ahead at once, and the one to start
    next is its first, not its last. Shared by the services and the launch's first read."""
    started = [session for session in waiting if session.started]
    ahead = [session for session in waiting if not session.started]
    ahead.sort(key=lambda session: (session.planned_for or date.max, session.number))
    return started + ahead


@dataclass(frozen=True)
class ReviewState:
    """An action as a session's review found it or left it: what undoing a review puts back."""

    status: str
    due_on: date | None
    outcome: str | None = None
    """'done', 'kept' or 'dropped'; None while the session has still to review it."""
    due_after: date | None = None
    reviewed_at: datetime | None = None


@dataclass(frozen=True)
class ActivityChange:
    """One change an activity key made to an item, with what undoing it needs.

    Answers are never removed: a change adds answers, or takes answers back (they are
    kept, marked withdrawn), or both, as a named person's new rating replaces their last.
    A review outcome changes the action and the review instead, and keeps both as they were.
    """

    session_id: int
    position: int | None
    """The item it changed; None for a review made where the agenda has no matters arising."""
    kind: str
    said: str
    """The change in the facilitator's words: `one vote for “Shared vision”`."""
    at: datetime
    """When it was made, and so when the answers it took back were marked withdrawn."""
    added: tuple[int, ...] = ()
    """The answers it added."""
    withdrawn: tuple[int, ...] = ()
    """The answers it took back."""
    score: int | None = None
    """The votes or the rating it added or took back, where it is one of those."""
    action_id: int | None = None
    """The action a review outcome was for."""
    before: ReviewState | None = None
    """The action and its review as they were before the outcome."""
    after: ReviewState | None = None
    """The action and its review as the outcome left them."""
    minutes_of: int | None = None
    """The session whose minutes an approval or an amendment was for."""
