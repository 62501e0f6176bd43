"""Fist of five: a proposal put to the room at an item, each person's show of fingers, and
what the room decided.

One proposal is open in a session at a time. A named answer replaces the member's earlier
one (withdrawn, never deleted) until the proposal closes; an anonymous answer has no
member at all. Closing records the outcome and writes it, with its spread, as a decision
of the item, so every version of the minutes says it where a decision is looked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import unfinished_session_row
from sessions.domain.notes import record_note
from sessions.errors import InputError as InputError
from sessions.errors import NotFoundError
from sessions.models import AgendaItem, Member, Proposal, ProposalAnswer, RoomAnswered
from sessions.note_syntax import ParsedNote
from sessions.vocabulary import NoteKind

FINGERS = range(6)
TEXT_MAX = 500
"""Long enough for a motion as a board words one; a projector shows it whole."""

FINGER_WORDS = {
    0: "A fist: I block this",
    1: "I have serious concerns; let's talk more",
    2: "I have some concerns to discuss",
    3: "I can live with it",
    4: "I'm for it",
    5: "Fully for it: I'll help lead it",
}
"""What each answer means, in the words the phone and the dialog show."""


class ProposalOutcome(StrEnum):
    CARRIED = "carried"
    NOT_CARRIED = "not_carried"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Spread:
    """How many showed each number of fingers, 0 to 5."""

    counts: tuple[int, int, int, int, int, int]

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def lowest(self) -> int | None:
        return next((f for f in FINGERS if self.counts[f]), None)

    def describe(self) -> str:
        """'12 answers, lowest 2: 0 ×0, 1 ×0, 2 ×1, 3 ×3, 4 ×5, 5 ×3'."""
        if not self.answered:
            return "no answers"
        each = ", ".join(f"{f} ×{self.counts[f]}" for f in FINGERS)
        many = "answer" if self.answered == 1 else "answers"
        return f"{self.answered} {many}, lowest {self.lowest}: {each}"


@dataclass(frozen=True)
class ProposalView:
    id: int
    session_id: int
    agenda_item_id: int
    position: int
    text: str
    put_at: datetime
    closed_at: datetime | None
    outcome: str
    spread: Spread

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def outcome_label(self) -> str:
        return ProposalOutcome(self.outcome).label if self.outcome else "Open"

    @property
    def minuted(self) -> str:
        """The decision the minutes keep, as a board's secretary would write it."""
        return f"{self.outcome_label}: {self.text} (fist of five, {self.spread.describe()})"


def put_proposal(
    db: DbSession, session_id: int, position: int, text: str, now: datetime
) -> ProposalView:
    """Put a proposal to the room at the item at `position`; refused while one is open."""
    unfinished_session_row(db, session_id, "no proposal can be put to it")
    words = " ".join(text.split())
    if not words:
        raise InputError("Type the proposal first.")
    if len(words) > TEXT_MAX:
        raise InputError(f"A proposal is at most {TEXT_MAX} characters; this is {len(words)}.")
    if open_proposal(db, session_id) is not None:
        raise InputError("A proposal is already open: close it before putting another.")
    item = db.scalar(
        select(AgendaItem).where(
            AgendaItem.session_id == session_id, AgendaItem.position == position
        )
    )
    if item is None:
        raise NotFoundError(f"The session has no item {position + 1}.")
    proposal = Proposal(
        session_id=session_id, agenda_item_id=item.id, text=words, put_at=now, outcome=""
    )
    db.add(proposal)
    db.flush()
    return _view(db, proposal)


def open_proposal(db: DbSession, session_id: int) -> ProposalView | None:
    """The session's open proposal, if it has one."""
    row = db.scalars(
        select(Proposal)
        .where(Proposal.session_id == session_id, Proposal.closed_at.is_(None))
        .order_by(Proposal.id.desc())
        .limit(1)
    ).first()
    return _view(db, row) if row is not None else None


def proposals_of(db: DbSession, session_id: int) -> list[ProposalView]:
    """Every proposal put in the session, in the order they were put."""
    rows = db.scalars(
        select(Proposal).where(Proposal.session_id == session_id).order_by(Proposal.id)
    )
    return [_view(db, row) for row in rows]


def answer(
    db: DbSession,
    proposal_id: int,
    fingers: int,
    member_id: int | None,
    now: datetime,
) -> ProposalView:
    """One show of fingers on an open proposal: a member's replaces their earlier one; one
    with no member (a phone's anonymous answer, or hands counted at the keyboard) is added."""
    if fingers not in FINGERS:
        raise InputError("A fist of five is answered from 0 (a fist) to 5 (five fingers).")
    proposal = db.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFoundError("There is no such proposal.")
    if proposal.closed_at is not None:
        raise InputError("That proposal has closed: its answers can no longer change.")
    unfinished_session_row(db, proposal.session_id, "its proposals can no longer change")
    if member_id is not None:
        member = db.get(Member, member_id)
        programme_id = proposal.item.session.programme_id
        if member is None or member.programme_id != programme_id:
            raise NotFoundError("That member is not one of this programme's.")
        for earlier in db.scalars(
            select(ProposalAnswer).where(
                ProposalAnswer.proposal_id == proposal_id,
                ProposalAnswer.member_id == member_id,
                ProposalAnswer.withdrawn_at.is_(None),
            )
        ):
            earlier.withdrawn_at = now
    db.add(
        ProposalAnswer(
            proposal_id=proposal_id, member_id=member_id, fingers=fingers, answered_at=now
        )
    )
    db.flush()
    return _view(db, proposal)


def close_proposal(
    db: DbSession, session_id: int, outcome: ProposalOutcome, now: datetime
) -> ProposalView:
    """Close the session's open proposal with the room's outcome, and minute it as a
    decision of its item, with its spread."""
    unfinished_session_row(db, session_id, "its proposals can no longer close")
    row = db.scalars(
        select(Proposal)
        .where(Proposal.session_id == session_id, Proposal.closed_at.is_(None))
        .with_for_update()
    ).first()
    if row is None:
        raise InputError("No proposal is open.")
    row.closed_at = now
    row.outcome = ProposalOutcome(outcome).value
    db.flush()
    closed = _view(db, row)
    record_note(
        db, session_id, closed.position, ParsedNote(NoteKind.DECISION, closed.minuted), now, None
    )
    return closed


def _spread(db: DbSession, proposal_id: int) -> Spread:
    counts = [0] * 6
    for fingers in db.scalars(
        select(ProposalAnswer.fingers).where(
            ProposalAnswer.proposal_id == proposal_id, ProposalAnswer.withdrawn_at.is_(None)
        )
    ):
        counts[fingers] += 1
    return Spread((counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]))


def member_answer(db: DbSession, proposal_id: int, member_id: int) -> int | None:
    """The member's standing answer, for their phone to show it chosen."""
    return db.scalar(
        select(ProposalAnswer.fingers).where(
            ProposalAnswer.proposal_id == proposal_id,
            ProposalAnswer.member_id == member_id,
            ProposalAnswer.withdrawn_at.is_(None),
        )
    )


def answered_subject(proposal_id: int) -> str:
    """What an anonymous phone is noted as having answered, so it answers once."""
    return f"proposal {proposal_id}"


def answered_anonymously(db: DbSession, device_id: int, proposal: ProposalView) -> bool:
    """Whether an anonymous phone has given its one answer to the proposal."""
    key = (device_id, proposal.agenda_item_id, answered_subject(proposal.id))
    return db.get(RoomAnswered, key) is not None


def _view(db: DbSession, row: Proposal) -> ProposalView:
    return ProposalView(
        id=row.id,
        session_id=row.session_id,
        agenda_item_id=row.agenda_item_id,
        position=row.item.position,
        text=row.text,
        put_at=row.put_at,
        closed_at=row.closed_at,
        outcome=row.outcome,
        spread=_spread(db, row.id),
    )
