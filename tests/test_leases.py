"""One driver per session: the lease between two copies of the app."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import psutil
import pytest

from sessions.errors import LeaseLostError, SessionLeasedError
from sessions.services import planning, running
from sessions.services.leases import LEASE_STALE_SECONDS, Holder
from sessions.services.programmes import create_programme


def holder(name: str, pid: int = 0) -> Holder:
    # pid 0: a copy whose process cannot be checked, as on another machine
    return Holder(token=name, user=name, host="laptop-" + name, pid=pid)


@pytest.fixture
def session_id(store, small_agenda) -> int:
    programme = create_programme(store, "Harbour")
    return planning.start_session(store, programme.id, small_agenda)


def test_a_second_copy_is_told_who_drives_and_since_when(store, session_id, clock) -> None:
    first, second = holder("ana"), holder("ben")
    running.open_session(store, session_id, first, clock())
    clock.advance(30)
    running.heartbeat(store, session_id, clock(), holder=first)  # paused: the lease still lives
    with pytest.raises(SessionLeasedError, match=r"\(ana on laptop-ana\) has been running") as held:
        running.open_session(store, session_id, second, clock.advance(10))
    assert not held.value.lease.stale
    with pytest.raises(SessionLeasedError):  # a live driver is never pushed aside
        running.open_session(store, session_id, second, clock(), take_over=True)
    assert not running.clock_state(store, session_id).started  # nothing was changed


def test_a_stale_lease_can_be_taken_over_and_the_old_copy_learns_it(
    store, session_id, clock
) -> None:
    first, second = holder("ana"), holder("ben")
    running.open_session(store, session_id, first, clock())
    running.toggle_clock(store, session_id, clock(), holder=first)
    clock.advance(LEASE_STALE_SECONDS + 1)  # ana's laptop went quiet
    with pytest.raises(SessionLeasedError, match="looks abandoned: take it over"):
        running.open_session(store, session_id, second, clock())
    _view, state = running.open_session(store, session_id, second, clock(), take_over=True)
    assert not state.running  # paused at ana's last event, as after a crash
    with pytest.raises(LeaseLostError, match="ben on laptop-ben took this session over"):
        running.heartbeat(store, session_id, clock.advance(5), holder=first)
    with pytest.raises(LeaseLostError):
        running.toggle_clock(store, session_id, clock(), holder=first)
    assert running.toggle_clock(store, session_id, clock(), holder=second).running


def test_a_released_session_opens_for_the_next_copy(store, session_id, clock) -> None:
    first, second = holder("ana"), holder("ben")
    running.open_session(store, session_id, first, clock())
    running.release_session(store, session_id, first, clock.advance(1))
    running.open_session(store, session_id, second, clock.advance(1))
    # And ana, coming back while ben drives, is refused.
    with pytest.raises(SessionLeasedError, match="ben"):
        running.open_session(store, session_id, first, clock.advance(1))


def test_a_holder_whose_process_is_gone_from_this_machine_is_resumed_at_once(
    store, session_id, clock
) -> None:
    gone_pid = subprocess.Popen([sys.executable, "-c", "pass"])
    gone_pid.wait()
    crashed = Holder("crashed", "ana", socket.gethostname(), gone_pid.pid)
    running.open_session(store, session_id, crashed, clock())
    # A crash on this machine: the next copy simply resumes, without being asked.
    running.open_session(store, session_id, holder("ben"), clock.advance(1))
    with pytest.raises(SessionLeasedError, match="ben"):
        running.open_session(store, session_id, crashed, clock.advance(1))


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no zombie processes")
def test_a_holder_that_has_ended_but_is_not_yet_reaped_is_resumed_at_once(
    store, session_id, clock
) -> None:
    # A copy that crashed while its parent (a shell, a terminal) has not yet collected
    # it: its pid still answers a signal, but it will never run again.
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        while psutil.Process(ended.pid).status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.01)
        crashed = Holder("crashed", "ana", socket.gethostname(), ended.pid)
        running.open_session(store, session_id, crashed, clock())
        running.open_session(store, session_id, holder("ben"), clock.advance(1))
        with pytest.raises(SessionLeasedError, match="ben"):
            running.open_session(store, session_id, crashed, clock.advance(1))
    finally:
        ended.wait()


def test_a_copy_that_loses_the_first_lease_to_another_is_told_who_drives(
    store, session_id, clock, monkeypatch
) -> None:
    # Claims take turns, so a copy never reads "nobody holds this" while another is
    # writing the first lease. Should it happen all the same, the copy that loses is
    # answered as any later copy is: who drives, and the offer to watch.
    from sessions.domain import leases as domain

    running.open_session(store, session_id, holder("ana"), clock())
    read = domain._lease
    missed = [None]  # the one read that came too early to see ana's lease

    def read_too_early(db, session_id):
        return missed.pop() if missed else read(db, session_id)

    monkeypatch.setattr(domain, "_lease", read_too_early)
    with pytest.raises(SessionLeasedError, match=r"\(ana on laptop-ana\) has been running") as held:
        running.open_session(store, session_id, holder("ben"), clock.advance(1))
    assert not missed and held.value.lease.user == "ana" and not held.value.lease.stale
    assert not running.clock_state(store, session_id).started  # nothing was changed


def test_opening_again_by_the_same_copy_is_always_allowed(store, session_id, clock) -> None:
    first = holder("ana")
    running.open_session(store, session_id, first, clock())
    running.open_session(store, session_id, first, clock.advance(1))
    running.finish_session(store, session_id, clock(), holder=first)
    # A finished session needs no lease: anyone may open it to read.
    running.open_session(store, session_id, holder("ben"), clock.advance(1))
