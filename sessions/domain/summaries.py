"""Each session summed up: when it met, how long its clock ran, its plan, its notes' balance,
the framework steps it covered and whether it stopped inside the furthest.

The dashboard and the step suggestion read them here. A session still to meet or resume is
summed up from its clock log, agenda and notes as they stand. A finished one no longer
changes (its notes, agenda and clock are closed), so it is summed up once, as it finishes or
is imported, and kept (`FinishedSummary`): a programme a year into its work opens its
dashboard without replaying two hundred clocks or counting a hundred thousand notes. A
finished session with no summary kept is summed up live, by the same rule, so a missing
summary costs time and never a wrong figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVarTuple

from sqlalchemy import Row, Select, delete, exists, insert, select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import ClockState, replay
from sessions.domain.balance import session_balances
from sessions.domain.coverage import items_with_notes, session_steps
from sessions.models import AgendaItem, FinishedSummary, Session
from sessions.timer_log import load_logs
from sessions.views import NoteBalance

Columns = TypeVarTuple("Columns")

# (item id, position, step, planned seconds): what a summary reads of each agenda item.
ItemRow = tuple[int, int, int | None, int]


@dataclass(frozen=True)
class SessionFacts:
    held_at: datetime
    """When the clock first started; the day it was set up if it never has."""
    started: bool
    """Whether its clock has ever started."""
    run_seconds: float
    """Time the clock ran, replayed from the timer log."""
    planned_seconds: int
    """The agenda's plan, before any extension or rebalance."""
    balance: NoteBalance
    steps_covered: tuple[int, ...]
    """Framework steps covered, by the one rule (`sessions.domain.coverage`), in order."""
    stopped_in_step: bool
    """Whether it stopped inside the furthest step it covered: not past that step's last
    item, nor finished on it. False where it covered none."""


def sum_up(
    created_at: datetime,
    finished: bool,
    clock: ClockState,
    items: Iterable[ItemRow],
    noted: set[int],
    balance: NoteBalance,
) -> SessionFacts:
    """One session's facts from its clock, its agenda items and the items holding a note."""
    rows = list(items)
    covered = session_steps(
        [(item_id, position, step) for item_id, position, step, _ in rows], noted, clock
    )
    stopped = False
    if covered:
        furthest = max(covered)
        last_of_step = max(position for _, position, step, _ in rows if step == furthest)
        # Finishing on the step's last item counts as going through it; finishing
        # earlier leaves items of the step never reached.
        finished_on_it = finished and clock.position == last_of_step
        stopped = clock.position <= last_of_step and not finished_on_it
    return SessionFacts(
        held_at=clock.first_started_at or created_at,
        started=clock.started,
        run_seconds=clock.session_elapsed,
        planned_seconds=sum(seconds for *_, seconds in rows),
        balance=balance,
        steps_covered=tuple(sorted(covered)),
        stopped_in_step=stopped,
    )


# A kept summary's columns, read beside its session's (`with_summaries`); all None where
# the session has none kept.
KEPT = (
    FinishedSummary.held_at.label("kept_held_at"),
    FinishedSummary.run_seconds.label("kept_run_seconds"),
    FinishedSummary.planned_seconds.label("kept_planned_seconds"),
    FinishedSummary.deal_notes.label("kept_deal_notes"),
    FinishedSummary.relationship_notes.label("kept_relationship_notes"),
    FinishedSummary.steps_covered.label("kept_steps_covered"),
    FinishedSummary.stopped_in_step.label("kept_stopped_in_step"),
)

# (id, created_at, finished_at): what summing a session up live reads of the session.
Listed = tuple[int, datetime, datetime | None]


def with_summaries(sessions: Select[*Columns]) -> Select[*tuple[Any, ...]]:
    """A read of sessions (naming `Session.id`, `created_at` and `finished_at` among its
    columns) with each one's kept summary beside it (`KEPT`), where it has one: the
    sessions and their summaries in one statement."""
    return sessions.add_columns(*KEPT).outerjoin(
        FinishedSummary, FinishedSummary.session_id == Session.id
    )


def programme_facts(
    db: DbSession, programme_id: int, rows: Sequence[Row[Any]]
) -> dict[int, SessionFacts]:
    """Every session of the programme summed up: as kept, where a summary was, the rest
    from their logs, agendas and notes. `rows` are the programme's sessions as
    `with_summaries` read them, in the caller's own read of the sessions."""
    in_programme = select(Session.id).where(Session.programme_id == programme_id)
    facts: dict[int, SessionFacts] = {}
    unkept: list[Listed] = []
    for row in rows:
        if row.kept_held_at is None:
            unkept.append((row.id, row.created_at, row.finished_at))
        else:
            facts[row.id] = SessionFacts(
                held_at=row.kept_held_at,
                started=True,
                run_seconds=row.kept_run_seconds,
                planned_seconds=row.kept_planned_seconds,
                balance=NoteBalance(
                    deal=row.kept_deal_notes, relationship=row.kept_relationship_notes
                ),
                steps_covered=tuple(row.kept_steps_covered),
                stopped_in_step=row.kept_stopped_in_step,
            )
    if unkept:
        not_kept = in_programme.where(~exists().where(FinishedSummary.session_id == Session.id))
        facts.update(live_facts(db, not_kept, unkept))
    return facts


def live_facts(
    db: DbSession, sessions: Select[int], listed: Sequence[Listed] | None = None
) -> dict[int, SessionFacts]:
    """Each of `sessions` (a query for their ids) summed up from its log, agenda and notes,
    in a fixed handful of grouped reads however many there are. `listed` are the sessions'
    own rows where the caller has them."""
    rows = db.connection()  # plain rows need none of the ORM's loading
    if listed is None:
        listed = [
            (session_id, created_at, finished_at)
            for session_id, created_at, finished_at in rows.execute(
                select(Session.id, Session.created_at, Session.finished_at).where(
                    Session.id.in_(sessions)
                )
            )
        ]
    if not listed:
        return {}
    items: dict[int, list[ItemRow]] = defaultdict(list)
    for item_id, session_id, position, step, seconds in rows.execute(
        select(
            AgendaItem.id,
            AgendaItem.session_id,
            AgendaItem.position,
            AgendaItem.step,
            AgendaItem.planned_seconds,
        ).where(AgendaItem.session_id.in_(sessions))
    ):
        items[session_id].append((item_id, position, step, seconds))
    logs = load_logs(db, sessions)
    # Counted from the (session, kind, deleted) index alone, never reading a note.
    balances = session_balances(db, sessions)
    noted = items_with_notes(db, sessions)
    return {
        session_id: sum_up(
            created_at,
            finished_at is not None,
            replay(logs.get(session_id, [])),
            items[session_id],
            noted,
            balances.get(session_id, NoteBalance()),
        )
        for session_id, created_at, finished_at in listed
    }


def keep_summaries(db: DbSession, sessions: Select[int]) -> int:
    """Sum up those of `sessions` that have finished, and keep their summaries (in place of
    any kept before); returns how many were kept."""
    db.flush()  # the ORM's pending writes first: the reads below go round it
    finished = select(Session.id).where(Session.id.in_(sessions), Session.finished_at.is_not(None))
    facts = live_facts(db, finished)
    if not facts:
        return 0
    rows = db.connection()
    rows.execute(delete(FinishedSummary).where(FinishedSummary.session_id.in_(list(facts))))
    rows.execute(
        insert(FinishedSummary),
        [
            {
                "session_id": session_id,
                "held_at": fact.held_at,
                "run_seconds": fact.run_seconds,
                "planned_seconds": fact.planned_seconds,
                "deal_notes": fact.balance.deal,
                "relationship_notes": fact.balance.relationship,
                "steps_covered": list(fact.steps_covered),
                "stopped_in_step": fact.stopped_in_step,
            }
            for session_id, fact in facts.items()
        ],
    )
    return len(facts)


# Sessions summed up in one go by `keep_every_summary`: bounded, so a national database's
# tens of thousands of sessions are read a slice at a time rather than all at once.
BATCH = 500


def keep_every_summary(db: DbSession) -> int:
    """Sum up every finished session in the database afresh; returns how many."""
    kept = 0
    after = 0
    while True:
        ids = db.scalars(
            select(Session.id)
            .where(Session.finished_at.is_not(None), Session.id > after)
            .order_by(Session.id)
            .limit(BATCH)
        ).all()
        if not ids:
            return kept
        kept += keep_summaries(db, select(Session.id).where(Session.id.in_(ids)))
        after = ids[-1]
