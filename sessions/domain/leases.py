"""One driver per session: a lease taken on opening, kept fresh by the heartbeat.

A second copy of the app (another terminal, another laptop on a shared drive)
is told who holds the session and since when. It may watch read-only, or take
over once the lease is stale: nothing heard for LEASE_STALE_SECONDS, or the
holder's process is gone from this very machine (a crash, a closed terminal).
"""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from sessions.clock import HEARTBEAT_SECONDS
from sessions.errors import LeaseLostError, SessionLeasedError
from sessions.models import Session, SessionLease
from sessions.write_lock import wait_for_the_write_lock

# Three missed heartbeats and a little: a busy laptop may miss one, not three.
LEASE_STALE_SECONDS = 4 * HEARTBEAT_SECONDS


@dataclass(frozen=True)
class Holder:
    """This copy of the app: who runs it, where, and a token no other copy shares."""

    token: str
    user: str
    host: str
    pid: int

    @classmethod
    def this_process(cls) -> Holder:
        try:
            user = getpass.getuser()
        except Exception:  # no login name in some containers; the host still says where
            user = ""
        return cls(uuid.uuid4().hex, user, socket.gethostname(), os.getpid())


@dataclass(frozen=True)
class LeaseView:
    user: str
    host: str
    pid: int
    since: datetime
    seen_at: datetime
    stale: bool
    gone: bool = False
    """The holder ran on this machine and its process has ended: a crash, not a rival."""

    @property
    def who(self) -> str:
        return f"{self.user} on {self.host}" if self.user else self.host


def _process_gone(lease: SessionLease) -> bool:
    """The holder ran on this machine and its process has ended: a crash, a closed terminal."""
    if lease.host != socket.gethostname() or lease.pid <= 0:
        return False
    if lease.pid == os.getpid():
        return False  # another copy inside this process (tests): only the clock can tell
    import psutil  # loaded only when the holder ran on this machine

    try:
        status = psutil.Process(lease.pid).status()
    except psutil.NoSuchProcess:  # ZombieProcess too, where a system will say no more
        return True
    except psutil.Error:  # it exists but belongs to someone else, or this system can't tell
        return False
    # A process that has ended but that its parent has not yet reaped keeps its pid, and
    # answers a signal as if alive; it will never run again.
    return status in (psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD)


def _view(lease: SessionLease, now: datetime) -> LeaseView:
    quiet = (now - lease.seen_at).total_seconds()
    gone = _process_gone(lease)
    return LeaseView(
        user=lease.user,
        host=lease.host,
        pid=lease.pid,
        since=lease.since,
        seen_at=lease.seen_at,
        stale=quiet > LEASE_STALE_SECONDS or gone,
        gone=gone,
    )


def _wait_for_other_claims(db: DbSession, session_id: int) -> None:
    """Take turns with any other copy claiming the session, until this transaction ends:
    the second then reads the lease the first wrote and is refused, rather than both
    writing one. On SQLite the file's write lock is taken before the lease is read; on
    a database server the session's row is locked (not the lease's, because a first
    claim has no lease row to lock), and claims on other sessions go on alongside."""
    wait_for_the_write_lock(db)
    db.execute(select(Session.id).where(Session.id == session_id).with_for_update())


def _lease(db: DbSession, session_id: int) -> SessionLease | None:
    # Read afresh, under the lock: a copy loaded before it may already be out of date.
    return db.get(SessionLease, session_id, populate_existing=True)


def claim(
    db: DbSession, session_id: int, holder: Holder, now: datetime, *, take_over: bool = False
) -> None:
    """Take the session for `holder`; refused while another copy holds a fresh lease.

    `take_over` is honoured only once the other lease is stale: a live driver is
    never pushed aside. A holder whose process has ended on this machine needs no
    asking: that is a crash, and the session is resumed. The claim is the first
    thing its unit of work writes.
    """
    try:
        _claim(db, session_id, holder, now, take_over)
    except IntegrityError:
        # Claims take turns, so two copies never both write a session's first lease.
        # Should it happen all the same, the one that lost starts over from the other's
        # lease and is answered as any later copy is, never with the database's error.
        db.rollback()
        if _lease(db, session_id) is None:
            raise  # not a lost race: the database refused for a reason of its own
        _claim(db, session_id, holder, now, take_over)


def _claim(db: DbSession, session_id: int, holder: Holder, now: datetime, take_over: bool) -> None:
    _wait_for_other_claims(db, session_id)
    lease = _lease(db, session_id)
    if lease is not None and lease.token != holder.token and lease.released_at is None:
        held = _view(lease, now)
        if not held.stale:
            raise SessionLeasedError(
                f"Another copy of facilitator ({held.who}) has been running this session since "
                f"{held.since.astimezone():%H:%M}; you can watch it read-only.",
                held,
            )
        # A copy that crashed on this machine is no rival: its session is simply resumed.
        if not take_over and not held.gone:
            raise SessionLeasedError(
                f"This session was being run by {held.who}, last seen at "
                f"{held.seen_at.astimezone():%H:%M:%S}; it looks abandoned: take it over?",
                held,
            )
    first = lease is None
    if lease is None:
        lease = SessionLease(session_id=session_id)
        db.add(lease)
    if lease.token != holder.token or lease.released_at is not None:
        lease.since = now
    lease.token, lease.user, lease.host, lease.pid = (
        holder.token,
        holder.user,
        holder.host,
        holder.pid,
    )
    lease.seen_at = now
    lease.released_at = None
    if first:
        db.flush()  # a lost race for the first lease is told here, where it is answered


def refresh(db: DbSession, session_id: int, holder: Holder, now: datetime) -> None:
    """Keep the lease fresh; raise LeaseLostError if another copy has taken the session."""
    _wait_for_other_claims(db, session_id)
    lease = _lease(db, session_id)
    if lease is None or lease.released_at is not None:
        claim(db, session_id, holder, now)
        return
    if lease.token != holder.token:
        raise LeaseLostError(
            f"{lease.user + ' on ' if lease.user else ''}{lease.host} took this session over at "
            f"{lease.since.astimezone():%H:%M}; this copy now only watches it."
        )
    lease.seen_at = now


def release(db: DbSession, session_id: int, holder: Holder, now: datetime) -> None:
    lease = db.get(SessionLease, session_id)
    if lease is not None and lease.token == holder.token:
        lease.released_at = now


def current_lease(db: DbSession, session_id: int, now: datetime) -> LeaseView | None:
    lease = db.get(SessionLease, session_id)
    if lease is None or lease.released_at is not None:
        return None
    return _view(lease, now)
