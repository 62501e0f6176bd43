"""A session's proposals put to the room, and every show of fingers on them, in the file.

Each proposal names its item by position; each answer its member by name, or null for an
anonymous one or a hand counted at the keyboard. Withdrawn answers travel too: the record
keeps what was changed. Files before version 8 knew no proposals.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.proposals import FINGERS, TEXT_MAX, ProposalOutcome
from sessions.exchange.document import ProposalRecord
from sessions.exchange.fields import Fields, shown
from sessions.exchange.format import time_text
from sessions.exchange.lengths import fitted
from sessions.models import AgendaItem, Member, Proposal, ProposalAnswer

SINCE = 8
OUTCOMES = ("", *ProposalOutcome)


def exported(db: DbSession, session_id: int, positions: dict[int, int]) -> list[dict[str, Any]]:
    """The session's proposals, in the order they were put, each with its answers."""
    return [
        {
            "item": positions[proposal.agenda_item_id],
            "text": proposal.text,
            "put_at": time_text(proposal.put_at),
            "closed_at": time_text(proposal.closed_at),
            "outcome": proposal.outcome,
            "answers": [
                {
                    "member": answer.member.name if answer.member else None,
                    "fingers": answer.fingers,
                    "answered_at": time_text(answer.answered_at),
                    "withdrawn_at": time_text(answer.withdrawn_at),
                }
                for answer in db.scalars(
                    select(ProposalAnswer)
                    .where(ProposalAnswer.proposal_id == proposal.id)
                    .order_by(ProposalAnswer.id)
                )
            ],
        }
        for proposal in db.scalars(
            select(Proposal).where(Proposal.session_id == session_id).order_by(Proposal.id)
        )
    ]


def parsed(
    session: Fields, item_count: int, names: set[str], version: int
) -> tuple[ProposalRecord, ...]:
    if version < SINCE:
        return ()
    return tuple(
        _proposal(entry, item_count, names) for entry in session.objects("proposals", "proposal")
    )


def _proposal(entry: Fields, item_count: int, names: set[str]) -> ProposalRecord:
    item = entry.whole_number("item")
    if not 0 <= item < item_count:
        raise entry.fail(f'"item" is {item}, but the session\'s items are 0 to {item_count - 1}')
    text = entry.text("text", blank=False)
    if len(text) > TEXT_MAX:
        raise entry.fail(f'"text" is {len(text):,} characters, more than {TEXT_MAX}')
    closed_at = entry.time("closed_at", nullable=True)
    outcome = entry.choice("outcome", OUTCOMES)
    if (closed_at is None) != (outcome == ""):
        raise entry.fail('"outcome" is given once "closed_at" is, and only then')
    columns = fitted(
        entry,
        Proposal,
        {"text": text, "put_at": entry.time("put_at"), "closed_at": closed_at, "outcome": outcome},
    )
    answers = []
    for answer in entry.objects("answers", "answer"):
        member = answer.text("member", nullable=True)
        if member is not None and member not in names:
            raise answer.fail(f'"member" is {shown(member)}, who is not in the members list')
        answers.append(
            (
                member,
                {
                    "fingers": answer.choice("fingers", tuple(FINGERS)),
                    "answered_at": answer.time("answered_at"),
                    "withdrawn_at": answer.time("withdrawn_at", nullable=True),
                },
            )
        )
    return ProposalRecord(columns, item, tuple(answers))


def add(
    db: DbSession,
    session_id: int,
    items: list[AgendaItem],
    members: dict[str, Member],
    records: tuple[ProposalRecord, ...],
) -> None:
    for record in records:
        proposal = Proposal(
            session_id=session_id, agenda_item_id=items[record.item].id, **record.columns
        )
        db.add(proposal)
        db.flush()
        db.add_all(
            ProposalAnswer(
                proposal_id=proposal.id,
                member=members[member] if member is not None else None,
                **columns,
            )
            for member, columns in record.answers
        )
