"""Running a session: opening it, its clock, moving between items, finishing.

Every clock change is a TimerEvent committed before the call returns; the
state handed back is replayed from the log, so what the screen shows is what a
restarted app would show.
"""

from __future__ import annotations

from datetime import datetime

from sessions.clock import ClockState, replay
from sessions.domain import leases
from sessions.domain.leases import Holder
from sessions.domain.running import (
    Decision,
    beating,
    extending,
    finishing,
    jumping,
    moving,
    open_for_driving,
    pausing,
    record,
    remember_minutes_path,
    session_for_ref,
    session_view,
    skipping,
    toggling,
    unfinished_sessions,
)
from sessions.store import Store
from sessions.timer_log import load_events
from sessions.views import SessionView, UnfinishedSessionView


def get_session(store: Store, session_id: int) -> SessionView:
    with store.reading() as db:
        return session_view(db, session_id)


def clock_state(store: Store, session_id: int) -> ClockState:
    with store.reading() as db:
        return replay(load_events(db, session_id))


def open_session(
    store: Store,
    session_id: int,
    holder: Holder | None = None,
    now: datetime | None = None,
    *,
    take_over: bool = False,
) -> tuple[SessionView, ClockState]:
    """A session ready to drive: one left running by a crash or a closed terminal is paused.

    With a `holder`, the session's lease is taken first: a session another copy of
    the app is driving raises SessionLeasedError, and nothing is changed.
    """
    with store.transaction("open the session") as db:
        return open_for_driving(db, session_id, holder, now, take_over)


def _record(
    store: Store,
    session_id: int,
    decide: Decision,
    now: datetime | None,
    doing: str,
    holder: Holder | None = None,
) -> ClockState:
    with store.transaction(doing) as db:
        return record(db, session_id, decide, now, holder)


def toggle_clock(
    store: Store, session_id: int, now: datetime | None = None, *, holder: Holder | None = None
) -> ClockState:
    """Start the clock, pause it, or resume it: the one key the facilitator presses."""
    return _record(store, session_id, toggling, now, "change the clock", holder)


def pause_clock(
    store: Store, session_id: int, now: datetime | None = None, *, holder: Holder | None = None
) -> ClockState:
    """Pause if running; used when the app closes so a reopened session waits for the room."""
    return _record(store, session_id, pausing, now, "pause the clock", holder)


def heartbeat(
    store: Store, session_id: int, now: datetime | None = None, *, holder: Holder | None = None
) -> ClockState:
    """Mark that the clock is still running, so a crash loses at most this much."""
    return _record(store, session_id, beating, now, "save the clock", holder)


def move(
    store: Store,
    session_id: int,
    step: int,
    now: datetime | None = None,
    *,
    holder: Holder | None = None,
) -> ClockState:
    """Go to the next (+1) or previous (-1) item; the clock keeps its running state."""
    return _record(store, session_id, moving(step), now, "move to another item", holder)


def jump(
    store: Store,
    session_id: int,
    position: int,
    now: datetime | None = None,
    *,
    holder: Holder | None = None,
) -> ClockState:
    """Go straight to any item, from the agenda outline; the clock keeps its running state."""
    return _record(store, session_id, jumping(position), now, "move to another item", holder)


def extend(
    store: Store,
    session_id: int,
    seconds: int,
    now: datetime | None = None,
    *,
    holder: Holder | None = None,
) -> ClockState:
    """Give the current item more time (or, with negative seconds, less); never under a minute."""
    return _record(store, session_id, extending(seconds), now, "change the item's time", holder)


def skip(
    store: Store, session_id: int, now: datetime | None = None, *, holder: Holder | None = None
) -> ClockState:
    """Mark the current item skipped (not done) and go on to the next one."""
    return _record(store, session_id, skipping, now, "skip the item", holder)


def finish_session(
    store: Store, session_id: int, now: datetime | None = None, *, holder: Holder | None = None
) -> ClockState:
    return _record(store, session_id, finishing, now, "finish the session", holder)


def release_session(store: Store, session_id: int, holder: Holder, now: datetime) -> None:
    """This copy stops driving the session (it has paused the clock): another may open it."""
    with store.transaction("let go of the session") as db:
        leases.release(db, session_id, holder, now)


def set_minutes_path(store: Store, session_id: int, path: str) -> None:
    with store.transaction("remember where the minutes are") as db:
        remember_minutes_path(db, session_id, path)


def list_unfinished(store: Store) -> list[UnfinishedSessionView]:
    """Sessions not finished, most recent first: the ones the home screen offers to resume.

    Sessions planned ahead are among them: starting one is resuming it.
    """
    with store.reading() as db:
        return unfinished_sessions(db)


def resolve_session_ref(store: Store, ref: str) -> int:
    """A session id from `42` or `PROGRAMME/N` (the programme by name or slug)."""
    with store.reading() as db:
        return session_for_ref(db, ref)
