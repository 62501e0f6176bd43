"""Elapsed time replayed from the timer log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sessions.clock import ClockEvent, countdown, format_clock, replay

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(kind: str, seconds: float, position: int = 0) -> ClockEvent:
    return ClockEvent(kind, at(seconds), position)


def test_no_events_is_a_clock_not_started() -> None:
    state = replay([])
    assert (state.started, state.running, state.position, state.session_elapsed) == (
        False,
        False,
        0,
        0.0,
    )


def test_start_and_pause_counts_only_running_time() -> None:
    state = replay([ev("start", 0), ev("pause", 60), ev("resume", 600), ev("pause", 630)])
    assert state.elapsed_for(0) == 90
    assert not state.running and state.started


def test_moving_items_splits_time_between_them() -> None:
    state = replay(
        [
            ev("start", 0),
            ev("next", 100, 1),
            ev("next", 250, 2),
            ev("previous", 300, 1),
            ev("pause", 320, 1),
        ]
    )
    assert state.item_elapsed == {0: 100, 1: 170, 2: 50}
    assert state.position == 1
    assert state.session_elapsed == 320


def test_moving_while_paused_adds_no_time() -> None:
    state = replay(
        [
            ev("start", 0),
            ev("pause", 10),
            ev("next", 500, 1),
            ev("resume", 900, 1),
            ev("pause", 905, 1),
        ]
    )
    assert state.item_elapsed == {0: 10, 1: 5}


def test_a_crash_loses_only_the_time_after_the_last_heartbeat() -> None:
    events = [ev("start", 0)] + [ev("heartbeat", 5 * n) for n in range(1, 13)]
    state = replay(events)
    # The app died somewhere after 60 s; the log can vouch for 60 s exactly.
    assert state.running
    assert state.session_elapsed == 60


def test_live_reading_adds_the_open_interval_without_changing_the_log_state() -> None:
    state = replay([ev("start", 0), ev("heartbeat", 5)])
    live = state.at(at(12.5))
    assert live.elapsed_for(0) == 12.5
    assert state.elapsed_for(0) == 5


def test_a_clock_set_backwards_never_takes_time_away() -> None:
    state = replay([ev("start", 100), ev("heartbeat", 40), ev("pause", 50)])
    assert state.session_elapsed == 10


def test_finish_stops_the_clock() -> None:
    state = replay([ev("start", 0), ev("finish", 30)])
    assert state.finished and not state.running and state.session_elapsed == 30


def test_unknown_events_are_refused() -> None:
    with pytest.raises(ValueError):
        replay([ev("explode", 0)])


@pytest.mark.parametrize(
    ("planned", "elapsed", "level", "text"),
    [
        (1200, 0, "ok", "20:00"),
        (1200, 959, "ok", "04:01"),
        (1200, 960, "warning", "04:00"),  # the last 20 %
        (300, 179, "ok", "02:01"),
        (300, 181, "warning", "01:59"),  # the last 2 minutes beat 20 % of a short item
        (300, 300, "warning", "00:00"),
        (300, 372, "over", "+01:12"),
        (3600, 3600 + 3725, "over", "+1:02:05"),
    ],
)
def test_countdown_levels_and_text(planned, elapsed, level, text) -> None:
    reading = countdown(planned, elapsed)
    assert (reading.level, reading.text) == (level, text)


def test_format_clock_switches_to_hours() -> None:
    assert format_clock(59.9) == "00:59"
    assert format_clock(3600) == "1:00:00"


def test_extend_changes_only_the_current_items_time() -> None:
    state = replay(
        [
            ev("start", 0),
            ClockEvent("extend", at(10), 0, 60),
            ev("next", 20, 1),
            ClockEvent("extend", at(30), 1, -60),
            ClockEvent("extend", at(40), 1, 300),
        ]
    )
    assert state.item_extra == {0: 60, 1: 240}
    assert state.session_elapsed == 40  # time keeps running through an extend


def test_skip_marks_the_item_left_and_moves_on() -> None:
    state = replay([ev("start", 0), ev("skip", 30, 1), ev("pause", 50, 1)])
    assert state.skipped == {0}
    assert state.position == 1
    assert state.item_elapsed == {0: 30, 1: 20}
    assert state.first_started_at == at(0)


def test_reading_the_log_without_heartbeats_replays_the_same(store, small_agenda, clock) -> None:
    from sessions.services import planning, running
    from sessions.services.programmes import create_programme
    from sessions.timer_log import load_events

    programme = create_programme(store, "Heartbeats")
    session_id = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, session_id, clock())
    for _ in range(10):
        running.heartbeat(store, session_id, clock.advance(5))
    running.move(store, session_id, +1, clock.advance(2))
    for _ in range(4):
        running.heartbeat(store, session_id, clock.advance(5))  # then the app dies
    with store.reading() as db:
        read = load_events(db, session_id)
        from sqlalchemy import select

        from sessions.models import TimerEvent

        every = [
            ClockEvent(k, a, p, s)
            for k, a, p, s in db.execute(
                select(TimerEvent.kind, TimerEvent.at, TimerEvent.position, TimerEvent.seconds)
                .where(TimerEvent.session_id == session_id)
                .order_by(TimerEvent.id)
            )
        ]
    assert len(every) == 16 and len(read) == 3  # start, next, and the last heartbeat
    assert replay(read) == replay(every)
    assert replay(read).session_elapsed == 72
