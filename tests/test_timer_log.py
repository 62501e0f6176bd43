"""Reading the timer log: every event a replay needs, and of the heartbeats only each last one."""

from __future__ import annotations

from sqlalchemy import select

from sessions.models import TimerEvent
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.timer_log import load_logs


def test_the_log_keeps_every_event_but_the_heartbeats_before_each_last(store, small_agenda,
                                                                       clock) -> None:
    programme = create_programme(store, "Logged programme")
    sessions = [planning.start_session(store, programme.id, small_agenda) for _ in range(3)]
    one, two, quiet = sessions
    for sid in (one, two):
        running.toggle_clock(store, sid, clock.advance(1))
        for _ in range(4):
            running.heartbeat(store, sid, clock.advance(5))
        running.move(store, sid, +1, clock.advance(1))
        running.heartbeat(store, sid, clock.advance(5))
    running.toggle_clock(store, one, clock.advance(1))  # paused after its last heartbeat
    with store.reading() as db:
        everything = db.execute(
            select(TimerEvent.session_id, TimerEvent.id, TimerEvent.kind)
            .order_by(TimerEvent.session_id, TimerEvent.id)
        ).all()
        logs = load_logs(db, sessions)
    last_beat = {sid: max(i for s, i, k in everything if s == sid and k == "heartbeat")
                 for sid in (one, two)}
    expected: dict[int, list[str]] = {}
    for sid, event_id, kind in everything:
        if kind != "heartbeat" or event_id == last_beat[sid]:
            expected.setdefault(sid, []).append(kind)
    assert {sid: [e.kind for e in log] for sid, log in logs.items()} == expected
    assert expected[one] == ["start", "next", "heartbeat", "pause"]
    assert quiet not in logs
    # And the clock read from it counts the same time as one read from every event.
    assert running.clock_state(store, two).session_elapsed == 26  # start to its last heartbeat
