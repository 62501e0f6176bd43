"""The deal and the relationship: how the room's notes divide between them, counted in one place.

The live meter, the minutes and the dashboard each want the count grouped their
own way (by step or section, by step, by session); all of them count it here, so
they cannot come to different figures.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.orm import Session as DbSession

from sessions.models import AgendaItem, Note
from sessions.views import NoteBalance
from sessions.vocabulary import CAPTURE_KINDS, NoteKind


def note_balances(
    db: DbSession, sessions: int | Select[int], *by: QueryableAttribute[Any]
) -> dict[tuple[Any, ...], NoteBalance]:
    """The deal and relationship notes still standing in `sessions` (one session's id, or a
    query for several), in one grouped read, keyed by the values of the `by` columns.

    Grouped by note columns alone (`Note.session_id`), the count is read from the note
    index by (session, kind, deleted) and never reads a note; grouping by an agenda
    item's columns (`AgendaItem.step`) joins each note's item. Groups with no such
    notes are left out: look them up with `.get(key, NoteBalance())`.
    """
    in_sessions = (
        Note.session_id == sessions if isinstance(sessions, int) else Note.session_id.in_(sessions)
    )
    query = (
        select(*by, Note.kind, func.count())
        .where(in_sessions, Note.kind.in_(CAPTURE_KINDS), Note.deleted_at.is_(None))
        .group_by(*by, Note.kind)
    )
    if any(column.class_ is AgendaItem for column in by):
        query = query.join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
    counts: dict[tuple[Any, ...], NoteBalance] = {}
    # Through the connection: plain rows need none of the ORM's loading.
    for *key, kind, count in db.connection().execute(query):
        group = tuple(key)
        found = counts.get(group, NoteBalance())
        counts[group] = found + (
            NoteBalance(deal=count) if kind == NoteKind.DEAL else NoteBalance(relationship=count)
        )
    return counts
