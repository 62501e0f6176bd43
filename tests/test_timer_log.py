"""Reading the timer log: every event a replay needs, and of the heartbeats only each last one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sessions.models import TimerEvent
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.timer_log import load_logs
from tests.sent_statements import sent_statements


def test_the_log_keeps_every_event_but_the_heartbeats_before_each_last(
    store, small_agenda, clock
) -> None:
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
            select(TimerEvent.session_id, TimerEvent.id, TimerEvent.kind).order_by(
                TimerEvent.session_id, TimerEvent.id
            )
        ).all()
        logs = load_logs(db, sessions)
    last_beat = {
        sid: max(i for s, i, k in everything if s == sid and k == "heartbeat") for sid in (one, two)
    }
    expected: dict[int, list[str]] = {}
    for sid, event_id, kind in everything:
        if kind != "heartbeat" or event_id == last_beat[sid]:
            expected.setdefault(sid, []).append(kind)
    assert {sid: [e.kind for e in log] for sid, log in logs.items()} == expected
    assert expected[one] == ["start", "next", "heartbeat", "pause"]
    assert quiet not in logs
    # And the clock read from it counts the same time as one read from every event.
    assert running.clock_state(store, two).session_elapsed == 26  # start to its last heartbeat


@pytest.mark.sqlite_only  # asks SQLite's planner
def test_the_events_that_count_are_read_from_their_own_index_alone(store) -> None:
    """The partial index serves a replay only while the query's condition implies its
    own; fetched from the table instead, a year's events cost a tenth of a second. The
    plan is asked of the statement exactly as sent, parameters and all."""
    with sent_statements(store.engine) as sent, store.reading() as db:
        load_logs(db, [1, 2, 3])
    ((statement, parameters),) = [(s, p) for s, p in sent if "timer_event" in s]
    with store.engine.connect() as connection:
        plan = [
            row[-1]
            for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    assert any("COVERING INDEX ix_timer_event_replayed" in step for step in plan), plan
