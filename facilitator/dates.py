"""Dates as the screens write them: `8 Dec 2026`, `Tue 8 Dec 2026`, `Tuesday 8 December 2026`.

The day is written from the number, not `%-d`, which only some C libraries know.
"""

from __future__ import annotations

from datetime import date


def day_text(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def weekday_text(value: date) -> str:
    return f"{value:%a} {day_text(value)}"


def long_day(value: date) -> str:
    """A day as the minutes write it: `Thursday 14 January 2027`."""
    return f"{value:%A} {value.day} {value:%B %Y}"
