"""Planned and projected finish of the whole session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sessions.clock import ClockEvent, replay
from sessions.pacing import pace

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PLANNED = [600, 1200, 900]  # 45 minutes in all


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_before_the_start_there_is_no_planned_finish() -> None:
    reading = pace(replay([]), PLANNED, at(0))
    assert reading.planned_finish is None
    assert reading.projected_finish == at(2700)
    assert reading.verdict == "on time"


def test_on_time_while_the_plan_holds() -> None:
    state = replay([ClockEvent("start", at(0), 0)])
    reading = pace(state, PLANNED, at(300))
    assert reading.planned_finish == at(2700)
    assert reading.projected_finish == at(2700)
    assert reading.verdict == "on time"


def test_an_overrun_and_a_pause_make_the_session_late() -> None:
    state = replay(
        [
            ClockEvent("start", at(0), 0),
            ClockEvent("pause", at(100), 0),
            ClockEvent("resume", at(400), 0),  # five minutes lost to a pause
            ClockEvent("next", at(1200), 1),  # item 1 ran 900 s against 600 planned
        ]
    )
    reading = pace(state, PLANNED, at(1200))
    # now + all of item 2 (1200) + item 3 (900) = 3300 s after the start
    assert reading.projected_finish == at(3300)
    assert reading.late_seconds == 600
    assert reading.verdict == "10 min late"


def test_skipped_items_and_extensions_move_the_projection() -> None:
    state = replay(
        [
            ClockEvent("start", at(0), 0),
            ClockEvent("extend", at(60), 0, 300),
            ClockEvent("skip", at(120), 1),
            ClockEvent("skip", at(180), 2),
        ]
    )
    # item 1 extended to 900 but left after 120 s; item 2 skipped after 60 s;
    # only the rest of item 3 is left.
    reading = pace(state, PLANNED, at(180))
    assert reading.projected_finish == at(180 + 900)
    assert reading.verdict == "27 min ahead"


def test_overrunning_the_current_item_is_counted_as_it_happens() -> None:
    state = replay([ClockEvent("start", at(0), 0)])
    reading = pace(state, PLANNED, at(900))  # 5 minutes over on a 10-minute item
    assert reading.projected_finish == at(900 + 1200 + 900)
    assert reading.verdict == "5 min late"
