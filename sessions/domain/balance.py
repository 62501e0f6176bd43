"""The deal and the relationship: how the room's notes divide between them, counted in one place.

The live meter, the minutes and the dashboard each want the count grouped their
own way (by step or section, by step, by session); all of them count it here, so
they cannot come to different figures. The minutes' and the report's table of it is
laid out here too, so its rows always add up to its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import STEP_NAMES
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


def session_balances(db: DbSession, sessions: Select[int]) -> dict[int, NoteBalance]:
    """Each of `sessions` (a query for their ids) with its deal and relationship notes still
    standing: `note_balances` grouped by `Note.session_id`, with every session listed.

    Two counts of one index range for each session rather than one count grouped by
    session and kind, which compares each of the notes with the one before it: over a
    programme of 100,000 notes, SQLite counts in half the time.
    """
    listed = sessions.subquery()
    session_id = listed.c[0]

    def counted(kind: NoteKind) -> ScalarSelect[int]:
        return (
            select(func.count())
            .where(Note.session_id == session_id, Note.kind == kind, Note.deleted_at.is_(None))
            .scalar_subquery()
        )

    query = select(session_id, counted(NoteKind.DEAL), counted(NoteKind.RELATIONSHIP))
    # Through the connection: plain rows need none of the ORM's loading.
    return {
        session: NoteBalance(deal=deal, relationship=relationship)
        for session, deal, relationship in db.connection().execute(query)
    }


OUTSIDE_THE_STEPS = "Outside the steps"


@dataclass(frozen=True)
class BalanceRow:
    """A line of a deal and relationship table: a framework step, what was outside the
    steps, or the total."""

    label: str
    deal: int
    relationship: int

    @property
    def total(self) -> int:
        return self.deal + self.relationship


def balance_rows(
    counts: dict[tuple[Any, ...], NoteBalance],
    covered: Iterable[int],
    sections: Sequence[str],
    total_label: str,
) -> list[BalanceRow]:
    """The table the minutes and the report give: a row for each framework step covered
    or holding notes, a row naming the parts outside the steps (welcome, close, …) where
    they hold notes, and a total that is the sum of the rows above it.

    `counts` are `note_balances` grouped by (`AgendaItem.step`, `AgendaItem.section_title`);
    `covered` the steps covered by the one rule (`sessions.domain.coverage`); `sections`
    the sections outside the steps in agenda order, to name them in that order. A step
    holding notes that was not covered (its item was skipped) still has its row, so
    every note is counted once, and says so.
    """
    done = set(covered)
    by_step: dict[int, NoteBalance] = {}
    outside: dict[str, NoteBalance] = {}
    for (step, section), found in counts.items():
        if step is None:
            outside[section] = outside.get(section, NoteBalance()) + found
        else:
            by_step[step] = by_step.get(step, NoteBalance()) + found
    rows = []
    for step in sorted(done | set(by_step)):
        found = by_step.get(step, NoteBalance())
        label = f"Step {step}: {STEP_NAMES[step]}"
        if step not in done:
            label += " (not covered)"
        rows.append(BalanceRow(label, found.deal, found.relationship))
    elsewhere = sum(outside.values(), NoteBalance())
    if elsewhere.total:
        named = [s for s in sections if s in outside]
        named += sorted(s for s in outside if s not in named)
        rows.append(
            BalanceRow(
                f"{OUTSIDE_THE_STEPS}: {', '.join(named)}", elsewhere.deal, elsewhere.relationship
            )
        )
    rows.append(
        BalanceRow(
            total_label,
            sum(row.deal for row in rows),
            sum(row.relationship for row in rows),
        )
    )
    return rows
