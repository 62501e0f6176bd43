"""The deal and the relationship: how the room's notes divide between them."""

from __future__ import annotations

from sqlalchemy import func, select

from sessions.models import AgendaItem, Note
from sessions.services.lookup import session_row
from sessions.services.views import Balance
from sessions.vocabulary import CAPTURE_KINDS, NoteKind


def balance(store, session_id: int, position: int) -> Balance:
    """Deal and relationship notes in the current item's step (or section) and in the session."""
    with store.reading() as db:
        session = session_row(db, session_id)
        current = next(
            (
                (item.step, item.section_title)
                for item in session.items
                if item.position == position
            ),
            None,
        )
        counts = db.execute(
            select(AgendaItem.step, AgendaItem.section_title, Note.kind, func.count(Note.id))
            .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
            .where(
                Note.session_id == session_id,
                Note.deleted_at.is_(None),
                Note.kind.in_(CAPTURE_KINDS),
            )
            .group_by(AgendaItem.step, AgendaItem.section_title, Note.kind)
        ).all()

    def same_part(step, section) -> bool:
        if current is None:
            return False
        # Items tied to a framework step are counted by step, the rest by section.
        current_step, current_section = current
        if current_step is not None:
            return step == current_step
        return step is None and section == current_section

    totals = {(scope, kind): 0 for scope in ("step", "session") for kind in CAPTURE_KINDS}
    for step, section, kind, count in counts:
        totals[("session", kind)] += count
        if same_part(step, section):
            totals[("step", kind)] += count
    if current is None:
        label = ""
    elif current[0] is not None:
        label = f"Step {current[0]}"
    else:
        label = current[1]
    return Balance(
        step_label=label,
        step_deal=totals[("step", NoteKind.DEAL)],
        step_relationship=totals[("step", NoteKind.RELATIONSHIP)],
        session_deal=totals[("session", NoteKind.DEAL)],
        session_relationship=totals[("session", NoteKind.RELATIONSHIP)],
    )
