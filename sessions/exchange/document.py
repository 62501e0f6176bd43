"""An exchange file once read and checked: column values ready for the models, and references.

References stay as the file gives them (a member by name, an item by
position) until the rows they point at have ids in the database being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Columns = dict[str, Any]


@dataclass(frozen=True)
class ChangeRecord:
    """A change to an action; its session by number, None where made outside a session."""

    columns: Columns
    session: int | None


@dataclass(frozen=True)
class NoteRecord:
    columns: Columns
    item: int
    member: str | None
    revisions: tuple[Columns, ...]
    action: Columns | None
    changes: tuple[ChangeRecord, ...] = ()
    """The changes to its action, oldest first; none before version 5."""
    owner_member: str | None = None
    """The member who owns its action, by name, where the owner is one; none before 5."""


@dataclass(frozen=True)
class DeclarationRecord:
    columns: Columns
    member: str
    left_room_item: int | None
    interest: int | None = None
    """Which of the member's standing interests it declares, by its place in their register."""


@dataclass(frozen=True)
class InterestRecord:
    """A standing interest on the register, named by its member."""

    columns: Columns
    member: str


@dataclass(frozen=True)
class ReviewRecord:
    """A matters-arising outcome; its action named by the note that raised it."""

    columns: Columns
    session: int
    """The number of the session whose note raised the action."""
    note: int
    """That note's place in its session's notes list, from 0."""


@dataclass(frozen=True)
class ResultRecord:
    """An activity's answer (a scorecard rating): its item by position, its member by name."""

    columns: Columns
    item: int
    member: str | None


@dataclass(frozen=True)
class AmendmentRecord:
    """A change agreed to a session's minutes; the member who proposed it by name, where a
    member did."""

    columns: Columns
    proposer_member: str | None


@dataclass(frozen=True)
class QuestionRecord:
    """A question sent from a phone: its item by position, its sender by name (None for
    anonymous), and the note it became by its place in the session's notes list."""

    columns: Columns
    item: int
    member: str | None
    note: int | None


@dataclass(frozen=True)
class ProposalRecord:
    """A proposal put to the room: its item by position, its answers' members by name."""

    columns: Columns
    item: int
    answers: tuple[tuple[str | None, Columns], ...]


@dataclass(frozen=True)
class SessionRecord:
    columns: Columns
    items: tuple[Columns, ...]
    notes: tuple[NoteRecord, ...]
    attendance: tuple[tuple[str, str], ...]
    """(member name, status) pairs."""
    declarations: tuple[DeclarationRecord, ...]
    timer_events: tuple[Columns, ...]
    reviews: tuple[ReviewRecord, ...] = ()
    results: tuple[ResultRecord, ...] = ()
    amendments: tuple[AmendmentRecord, ...] = ()
    """The changes agreed to its minutes, oldest first; none before version 6."""
    questions: tuple[QuestionRecord, ...] = ()
    """What phones sent to the facilitator's queue, oldest first; none before version 8."""
    proposals: tuple[ProposalRecord, ...] = ()
    """Put to the room for a fist of five, in order; none before version 8."""


@dataclass(frozen=True)
class ProgrammeRecord:
    columns: Columns
    members: tuple[Columns, ...]
    sessions: tuple[SessionRecord, ...]
    interests: tuple[InterestRecord, ...] = ()

    @property
    def name(self) -> str:
        name: str = self.columns["name"]
        return name

    @property
    def slug(self) -> str:
        slug: str = self.columns["slug"]
        return slug

    @property
    def note_count(self) -> int:
        return sum(len(session.notes) for session in self.sessions)
