"""Elapsed time derived from the timer event log.

Nothing about elapsed time is stored: it is replayed from start, pause, resume,
next, previous, heartbeat and finish events. While the clock runs, a heartbeat
is logged every few seconds, so a crash loses at most the time since the last
one: the replay ends a running interval at the last event it has.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sessions.vocabulary import TimerEventKind

HEARTBEAT_SECONDS = 5

# Events that end the current running interval and, if the clock keeps running,
# open the next one at the same moment.
# A rebalance changes planned times, not the clock; it is logged so the log tells the story.
_CHECKPOINTS = {
    TimerEventKind.HEARTBEAT,
    TimerEventKind.NEXT,
    TimerEventKind.PREVIOUS,
    TimerEventKind.JUMP,
    TimerEventKind.REBALANCE,
}


@dataclass(frozen=True)
class ClockEvent:
    kind: str
    at: datetime
    position: int
    """The agenda position current once the event has happened."""
    seconds: int = 0
    """For an extend event: the time added to the current item (negative takes time away)."""


@dataclass
class ClockState:
    position: int = 0
    running: bool = False
    started: bool = False
    finished: bool = False
    item_elapsed: dict[int, float] = field(default_factory=dict)
    item_extra: dict[int, int] = field(default_factory=dict)
    """Seconds added to (or taken from) each item's planned time."""
    skipped: set[int] = field(default_factory=set)
    first_started_at: datetime | None = None
    last_event_at: datetime | None = None
    running_since: datetime | None = None
    """Start of the open running interval: the last start, resume or checkpoint."""

    @property
    def session_elapsed(self) -> float:
        return sum(self.item_elapsed.values())

    def elapsed_for(self, position: int) -> float:
        return self.item_elapsed.get(position, 0.0)

    def extra_for(self, position: int) -> int:
        return self.item_extra.get(position, 0)

    def at(self, now: datetime) -> ClockState:
        """This state as it stands at `now`: the open interval counted up to it."""
        if not self.running or self.running_since is None:
            return self
        live = dict(self.item_elapsed)
        live[self.position] = live.get(self.position, 0.0) + _span(self.running_since, now)
        return replace(self, item_elapsed=live, running_since=now)


def _span(start: datetime, end: datetime) -> float:
    # A wall clock set backwards must not take time away from the room.
    return max(0.0, (end - start).total_seconds())


def replay(events: Iterable[ClockEvent]) -> ClockState:
    """The clock as the log leaves it; a running interval ends at the last event."""
    state = ClockState()
    for event in events:
        if state.running and state.running_since is not None:
            spent = _span(state.running_since, event.at)
            state.item_elapsed[state.position] = state.elapsed_for(state.position) + spent
            state.running_since = event.at
        if event.kind in (TimerEventKind.START, TimerEventKind.RESUME):
            state.running = True
            state.started = True
            state.running_since = event.at
            if state.first_started_at is None:
                state.first_started_at = event.at
        elif event.kind == TimerEventKind.PAUSE:
            state.running = False
            state.running_since = None
        elif event.kind == TimerEventKind.FINISH:
            state.running = False
            state.finished = True
            state.running_since = None
        elif event.kind == TimerEventKind.EXTEND:
            state.item_extra[state.position] = state.extra_for(state.position) + event.seconds
        elif event.kind == TimerEventKind.SKIP:
            state.skipped.add(state.position)
        elif event.kind not in _CHECKPOINTS:
            raise ValueError(f"unknown timer event {event.kind!r}")
        state.position = event.position
        state.last_event_at = event.at
    return state


@dataclass(frozen=True)
class Countdown:
    """How an item's time reads on screen."""

    remaining: float
    """Seconds left; negative once the item has overrun."""
    level: str
    """'ok', 'warning' (amber) or 'over' (red)."""

    @property
    def text(self) -> str:
        if self.remaining < 0:
            return "+" + format_clock(-self.remaining)
        return format_clock(self.remaining)


WARNING_FRACTION = 0.2
WARNING_SECONDS = 120


def countdown(planned_seconds: int, elapsed: float) -> Countdown:
    """Amber in the last 20 % of the item or its last 2 minutes, red once over."""
    remaining = planned_seconds - elapsed
    if remaining < 0:
        level = "over"
    elif remaining <= max(planned_seconds * WARNING_FRACTION, WARNING_SECONDS):
        level = "warning"
    else:
        level = "ok"
    return Countdown(remaining=remaining, level=level)


def current_countdown(live: ClockState, seconds: list[int]) -> Countdown:
    """The current item's countdown, given every item's time as it stands (extensions added)."""
    position = live.position
    return countdown(seconds[position] + live.extra_for(position), live.elapsed_for(position))


def return_time(live: ClockState, seconds: list[int], now: datetime) -> datetime:
    """When the current item's time runs out, if the clock runs from `now`: a break's end."""
    return now + timedelta(seconds=max(0.0, current_countdown(live, seconds).remaining))


def format_clock(seconds: float) -> str:
    """mm:ss below an hour, h:mm:ss from an hour; whole seconds, rounded down."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
