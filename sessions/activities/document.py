"""What a kind's part of the written minutes shows, as plain data every document can draw.

A kind says what its part shows: a table of its answers, or a short line in place of one.
How a table is ruled or a line set in italics belongs to the document (the Word
writer today), which draws these the same way for every kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Table:
    """A header row, then a row for each answer, every cell in the words the minutes use."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Notice:
    """A short line, in italics, saying what the minutes give instead of a table."""

    text: str


Shown = Table | Notice


class ReviewedAction(Protocol):
    """One action carried in from an earlier session, as the minutes' review gives it."""

    @property
    def text(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def raised_in(self) -> int: ...
    @property
    def outcome_text(self) -> str: ...


class SessionMinutes(Protocol):
    """What a kind's part may read of the session's minutes beyond its own answers: the
    review of actions carried in, which is minuted as of the session's day."""

    @property
    def matters_arising(self) -> Sequence[ReviewedAction]: ...


DocumentPart = Callable[[object | None, SessionMinutes], tuple[Shown, ...]]
"""From the item's minutes part (what `minutes_part` gave, None where nothing was answered)
and the session's minutes: what the item's part of a written document shows."""


def nothing_shown(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """The kind shows nothing of its own: its timing, above, is all the minutes give."""
    return ()
