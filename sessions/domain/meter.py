"""The live balance meter: the deal and the relationship in the current part of the session."""

from __future__ import annotations

from sqlalchemy.orm import Session as DbSession

from sessions.domain.balance import note_balances
from sessions.domain.lookup import session_row
from sessions.models import AgendaItem
from sessions.views import BalanceMeter, NoteBalance


def balance_meter(db: DbSession, session_id: int, position: int) -> BalanceMeter:
    """Deal and relationship notes in the current item's step (or section) and in the session."""
    session = session_row(db, session_id)
    current = next(
        ((item.step, item.section_title) for item in session.items if item.position == position),
        None,
    )
    counts = note_balances(db, session_id, AgendaItem.step, AgendaItem.section_title)

    def same_part(step: object, section: object) -> bool:
        if current is None:
            return False
        # Items tied to a framework step are counted by step, the rest by section.
        current_step, current_section = current
        if current_step is not None:
            return step == current_step
        return step is None and section == current_section

    in_session = sum(counts.values(), NoteBalance())
    in_part = sum(
        (found for (step, section), found in counts.items() if same_part(step, section)),
        NoteBalance(),
    )
    if current is None:
        label = ""
    elif current[0] is not None:
        label = f"Step {current[0]}"
    else:
        label = current[1]
    return BalanceMeter(
        step_label=label,
        step_deal=in_part.deal,
        step_relationship=in_part.relationship,
        session_deal=in_session.deal,
        session_relationship=in_session.relationship,
    )
