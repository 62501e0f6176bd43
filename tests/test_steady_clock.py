"""The app's time source: exact intervals whatever the wall clock does, and sleeps counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sessions.steady_clock import SLEEP_GAP_SECONDS, SteadyClock

START = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


class Dials:
    """A wall clock and a monotonic clock the test sets independently."""

    def __init__(self):
        self.wall_now = START
        self.mono_now = 1000.0

    def wall(self) -> datetime:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def run(self, seconds: float) -> None:
        self.wall_now += timedelta(seconds=seconds)
        self.mono_now += seconds


def make(dials: Dials, counts_sleep: bool) -> SteadyClock:
    return SteadyClock(dials.wall, dials.mono, counts_sleep=counts_sleep)


def test_reads_the_wall_clock_once_then_counts_monotonic_seconds():
    dials = Dials()
    clock = make(dials, counts_sleep=True)
    assert clock() == START
    dials.run(90.5)
    assert clock() == START + timedelta(seconds=90.5)


def test_a_wall_clock_set_back_takes_no_time_from_the_room():
    for counts_sleep in (True, False):
        dials = Dials()
        clock = make(dials, counts_sleep)
        dials.run(60)
        dials.wall_now -= timedelta(minutes=30)  # someone sets the clock back
        dials.run(10)
        assert clock() == START + timedelta(seconds=70)


def test_a_wall_clock_set_forward_is_ignored_when_the_monotonic_clock_counts_sleep():
    dials = Dials()
    clock = make(dials, counts_sleep=True)
    dials.wall_now += timedelta(hours=1)
    dials.run(5)
    assert clock() == START + timedelta(seconds=5)


def test_sleep_is_counted_by_a_monotonic_clock_that_keeps_going():
    dials = Dials()
    clock = make(dials, counts_sleep=True)
    dials.run(3600)  # boot time runs on through a closed lid
    assert clock() == START + timedelta(hours=1)


def test_sleep_is_counted_from_the_wall_clock_when_the_monotonic_clock_stood_still():
    dials = Dials()
    clock = make(dials, counts_sleep=False)
    dials.run(10)
    assert clock() == START + timedelta(seconds=10)
    dials.wall_now += timedelta(minutes=45)  # the lid was closed; monotonic did not move
    assert clock() == START + timedelta(minutes=45, seconds=10)
    dials.run(20)
    assert clock() == START + timedelta(minutes=45, seconds=30)


def test_small_drift_between_the_clocks_is_not_taken_for_a_sleep():
    dials = Dials()
    clock = make(dials, counts_sleep=False)
    dials.run(100)
    dials.wall_now += timedelta(seconds=SLEEP_GAP_SECONDS / 2)
    assert clock() == START + timedelta(seconds=100)


def test_never_goes_backwards_even_if_the_monotonic_source_does():
    dials = Dials()
    clock = make(dials, counts_sleep=True)
    dials.run(50)
    first = clock()
    dials.mono_now -= 5
    assert clock() == first


def test_the_default_sources_give_aware_utc_times_that_move_forward():
    clock = SteadyClock()
    first = clock()
    second = clock()
    assert first.tzinfo is not None and first.utcoffset() == timedelta(0)
    assert second >= first
    assert abs((first - datetime.now(UTC)).total_seconds()) < 60
