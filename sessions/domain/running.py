"""Running a session: its clock's keys as rules, each logged as a TimerEvent, and finding it.

Every clock change is a TimerEvent committed before the call returns; the
state handed back is replayed from the log, so what the screen shows is what a
restarted app would show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import ClockEvent, ClockState, replay
from sessions.db_types import utcnow
from sessions.domain import leases
from sessions.domain.leases import Holder
from sessions.domain.lookup import session_row
from sessions.domain.planning import time_matters_arising
from sessions.domain.quorum import keep_quorum_at_finish
from sessions.domain.summaries import keep_summaries
from sessions.errors import InputError, NotFoundError
from sessions.models import AgendaItem, Programme, Session, TimerEvent
from sessions.timer_log import load_events, load_logs
from sessions.views import ItemView, SessionView, UnfinishedSessionView, waiting_order
from sessions.vocabulary import TimerEventKind


def session_view(db: DbSession, session_id: int) -> SessionView:
    session = session_row(db, session_id)
    items = tuple(
        ItemView(
            id=item.id,
            position=item.position,
            section_title=item.section_title,
            step=item.step,
            title=item.title,
            kind=item.kind,
            prompt=item.prompt,
            planned_seconds=item.planned_seconds,
            rebalanced_seconds=item.rebalanced_seconds,
            confidential=item.confidential,
        )
        for item in session.items
    )
    return SessionView(
        id=session.id,
        programme_id=session.programme_id,
        programme_name=session.programme.name,
        pcn_name=session.programme.pcn_name,
        number=session.number,
        agenda_title=session.agenda_title,
        items=items,
        finished_at=session.finished_at,
        minutes_path=session.minutes_path,
    )


def open_for_driving(
    db: DbSession,
    session_id: int,
    holder: Holder | None,
    now: datetime | None,
    take_over: bool,
) -> tuple[SessionView, ClockState]:
    """A session ready to drive: one left running by a crash or a closed terminal is paused.

    The pause is logged at the last event the log has, so the time after the
    last heartbeat, when nobody could see the clock, is not counted. With a
    `holder`, the session's lease is taken first: a session another copy of the
    app is driving raises SessionLeasedError, and nothing is changed.
    """
    view = session_view(db, session_id)
    if holder is not None and not view.finished:
        leases.claim(db, session_id, holder, now or utcnow(), take_over=take_over)
    state = replay(load_events(db, session_id))
    if state.running and state.last_event_at is not None:
        db.add(
            TimerEvent(
                session_id=session_id,
                kind=TimerEventKind.PAUSE,
                at=state.last_event_at,
                position=state.position,
                detail="recovered after an interruption",
            )
        )
        state.running = False
        state.running_since = None
    return view, state


FINISHED = "This session has finished; its clock can no longer change."
CANCELLED = "This session was cancelled: it never meets, so its clock never starts."

MIN_ITEM_SECONDS = 60

# What a clock key means given the clock as it stands and the items' planned
# seconds: the event to log, the position after it and, for an extend, the
# seconds it adds; or None to leave the log alone.
Decision = Callable[[ClockState, list[int]], "tuple[str, int] | tuple[str, int, int] | None"]


def record(
    db: DbSession,
    session_id: int,
    decide: Decision,
    now: datetime | None,
    holder: Holder | None = None,
) -> ClockState:
    """Read the log, decide what the key means, and append the event in one transaction.

    With a `holder`, its lease is kept fresh, and a session another copy has
    taken over raises LeaseLostError before anything is logged.
    """
    session = session_row(db, session_id)
    if session.cancelled_at is not None:
        raise InputError(CANCELLED)
    if holder is not None and session.finished_at is None:
        leases.refresh(db, session_id, holder, now or utcnow())
    events = load_events(db, session_id)
    state = replay(events)
    planned = list(
        db.scalars(
            select(func.coalesce(AgendaItem.rebalanced_seconds, AgendaItem.planned_seconds))
            .where(AgendaItem.session_id == session_id)
            .order_by(AgendaItem.position)
        )
    )
    finished = session.finished_at is not None
    try:
        decided = decide(state, planned)
    except InputError:
        if finished:
            raise InputError(FINISHED) from None
        raise
    if decided is None:  # nothing to log, finished or not
        return state
    if finished:
        raise InputError(FINISHED)
    kind, position, seconds = (*decided, 0)[:3]
    event = TimerEvent(
        session_id=session_id, kind=kind, at=now or utcnow(), position=position, seconds=seconds
    )
    db.add(event)
    if kind == TimerEventKind.START:
        time_matters_arising(db, session)
    if kind == TimerEventKind.FINISH:
        session.finished_at = event.at
        keep_quorum_at_finish(db, session)
        # Its record is closed from here on: summed up once, for every dashboard after.
        keep_summaries(db, select(Session.id).where(Session.id == session_id))
    return replay([*events, ClockEvent(kind, event.at, position, seconds)])


def toggling(state: ClockState, _planned: list[int]) -> tuple[str, int]:
    """Start the clock, pause it, or resume it: the one key the facilitator presses."""
    kind = (
        TimerEventKind.PAUSE
        if state.running
        else (TimerEventKind.RESUME if state.started else TimerEventKind.START)
    )
    return kind, state.position


def pausing(state: ClockState, _planned: list[int]) -> tuple[str, int] | None:
    """Pause if running."""
    return (TimerEventKind.PAUSE, state.position) if state.running else None


def beating(state: ClockState, _planned: list[int]) -> tuple[str, int] | None:
    """Mark that the clock is still running."""
    return (TimerEventKind.HEARTBEAT, state.position) if state.running else None


def moving(step: int) -> Decision:
    """Go to the next (+1) or previous (-1) item; the clock keeps its running state."""

    def decide(state: ClockState, planned: list[int]) -> tuple[str, int]:
        target = state.position + step
        if target < 0:
            raise InputError("This is the first item.")
        if target >= len(planned):
            raise InputError("This is the last item: finish the session to write the minutes.")
        return (TimerEventKind.NEXT if step > 0 else TimerEventKind.PREVIOUS), target

    return decide


def jumping(position: int) -> Decision:
    """Go straight to any item; the clock keeps its running state."""

    def decide(state: ClockState, planned: list[int]) -> tuple[str, int] | None:
        if not 0 <= position < len(planned):
            raise InputError(f"There is no item {position + 1}.")
        return None if position == state.position else (TimerEventKind.JUMP, position)

    return decide


def extending(seconds: int) -> Decision:
    """Give the current item more time (or, with negative seconds, less); never under a minute."""

    def decide(state: ClockState, planned: list[int]) -> tuple[str, int, int]:
        current = planned[state.position] + state.extra_for(state.position)
        if current + seconds < MIN_ITEM_SECONDS:
            raise InputError("An item can't be shorter than 1 minute.")
        return TimerEventKind.EXTEND, state.position, seconds

    return decide


def skipping(state: ClockState, planned: list[int]) -> tuple[str, int]:
    """Mark the current item skipped (not done) and go on to the next one."""
    if state.position + 1 >= len(planned):
        raise InputError("This is the last item: finish the session instead of skipping it.")
    return TimerEventKind.SKIP, state.position + 1


def finishing(state: ClockState, _planned: list[int]) -> tuple[str, int]:
    return TimerEventKind.FINISH, state.position


def remember_minutes_path(db: DbSession, session_id: int, path: str) -> None:
    session = db.get(Session, session_id)
    if session is not None:
        session.minutes_path = path


def unfinished_sessions(db: DbSession) -> list[UnfinishedSessionView]:
    """Sessions not finished, in `waiting_order`: the ones the home screen offers to resume.

    Sessions planned ahead are among them: starting one is resuming it.
    """
    waiting = (
        Session.finished_at.is_(None),
        Session.cancelled_at.is_(None),
        Programme.archived_at.is_(None),
    )
    # Only the columns shown, and every session's items and log in one read each: a
    # national database holds a waiting session for each of its thousand programmes, and
    # read as rows with their relationships each cost two more round trips to the server.
    sessions = (
        db.connection()
        .execute(
            select(
                Session.id,
                Session.number,
                Session.agenda_title,
                Session.planned_for,
                Session.date_to_confirm,
                Programme.id.label("programme_id"),
                Programme.name,
            )
            .join(Programme)
            .where(*waiting)
            .order_by(Session.created_at.desc(), Session.id.desc())
        )
        .all()
    )
    # Asked for as a query, not as a list of a thousand ids, which the driver would
    # have to write into each statement.
    ids = select(Session.id).join(Programme).where(*waiting)
    logs = load_logs(db, ids)
    connection = db.connection()
    counts = dict(
        connection.execute(
            select(AgendaItem.session_id, func.count())
            .where(AgendaItem.session_id.in_(ids))
            .group_by(AgendaItem.session_id)
        ).all()
    )
    states = {session.id: replay(logs.get(session.id, [])) for session in sessions}
    at = {
        session_id: min(state.position, counts.get(session_id, 1) - 1)
        for session_id, state in states.items()
    }
    # Each session's current item alone, not its whole agenda: most waiting sessions were
    # never started and stand at the first item; the few under way are asked for by name.
    moved = [(session_id, position) for session_id, position in at.items() if position > 0]
    current = AgendaItem.session_id.in_(ids) & (AgendaItem.position == 0)
    if moved:
        current = current | or_(
            *((AgendaItem.session_id == sid) & (AgendaItem.position == pos) for sid, pos in moved)
        )
    titles = {
        (session_id, position): title
        for session_id, position, title in connection.execute(
            select(AgendaItem.session_id, AgendaItem.position, AgendaItem.title).where(current)
        ).all()
    }
    result = []
    for session in sessions:
        state = states[session.id]
        result.append(
            UnfinishedSessionView(
                session_id=session.id,
                programme_id=session.programme_id,
                programme_name=session.name,
                number=session.number,
                agenda_title=session.agenda_title,
                position=state.position,
                item_count=counts.get(session.id, 0),
                item_title=titles.get((session.id, at[session.id]), ""),
                elapsed_seconds=state.session_elapsed,
                started=state.started,
                planned_for=session.planned_for,
                to_confirm=session.date_to_confirm,
            )
        )
    return waiting_order(result)


def session_for_ref(db: DbSession, ref: str) -> int:
    """A session id from `42` or `PROGRAMME/N` (the programme by name or slug)."""
    ref = ref.strip()
    if ref.isdigit():
        if db.get(Session, int(ref)) is None:
            raise NotFoundError(f"There is no session {ref}.")
        return int(ref)
    name, slash, number = ref.rpartition("/")
    if not slash or not number.strip().isdigit():
        raise InputError(
            f"{ref!r} is not a session: give a session id or PROGRAMME/N, e.g. 'north-pcn/2'."
        )
    wanted = name.strip().casefold()
    for programme in db.scalars(select(Programme)):
        if wanted in (programme.name.casefold(), programme.slug):
            for session in programme.sessions:
                if session.number == int(number):
                    return session.id
            raise NotFoundError(f"{programme.name!r} has no session {int(number)}.")
    raise NotFoundError(f"No programme is called {name.strip()!r}.")
