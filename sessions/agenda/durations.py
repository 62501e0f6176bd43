"""Durations as a facilitator writes them in an agenda heading, and as we show them back.

The agenda format documents `15 min`, `1 h` and `1 h 30 min`; people also type
`15 mins`, `15m`, `1hr`, `2 hours` or `1h30`, and refusing those would only make
them retype something we understood perfectly well.
"""

from __future__ import annotations

import re

_HOUR_UNITS = r"h|hr|hrs|hour|hours"
_MINUTE_UNITS = r"m|min|mins|minute|minutes"

# Hours may be fractional (`1.5 h`); a bare number after hours is minutes (`1h30`),
# but a bare number on its own is refused: `15` could be minutes or hours.
_DURATION = re.compile(
    rf"""
    ^
    (?:
        (?P<hours>\d+(?:\.\d+)?) \s* (?:{_HOUR_UNITS}) \.?
        (?: \s* (?:and\s+)? (?P<hour_minutes>\d+) \s* (?:(?:{_MINUTE_UNITS}) \.?)? )?
    |
        (?P<minutes>\d+) \s* (?:{_MINUTE_UNITS}) \.?
    )
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_duration(text: str) -> int | None:
    """Seconds for `15 min`, `1 h 30 min`, `1h30`, `2 hours`…; None if it is not a duration.

    Zero parses as 0: whether zero is acceptable is the caller's rule, and the
    agenda parser wants to say "zero" rather than "not a duration".
    """
    match = _DURATION.match(" ".join(text.split()))
    if match is None:
        return None
    if match["minutes"] is not None:
        return int(match["minutes"]) * 60
    minutes = round(float(match["hours"]) * 60)
    if match["hour_minutes"] is not None:
        minutes += int(match["hour_minutes"])
    return minutes * 60


def format_duration(seconds: int) -> str:
    """`6 h 5 min`, `45 min`, `2 h`: whole minutes, rounded, the way the agenda spells them."""
    total = round(abs(seconds) / 60)
    sign = "-" if seconds < 0 and total else ""
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return f"{sign}{hours} h {minutes} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{minutes} min"
