"""Durations in agenda headings: the documented spellings, the lenient ones, and refusals."""

from __future__ import annotations

import pytest

from sessions.agenda.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        # the documented forms
        ("15 min", 900),
        ("1 h", 3600),
        ("1 h 30 min", 5400),
        # what people actually type
        ("15 mins", 900),
        ("15 minutes", 900),
        ("1 minute", 60),
        ("15m", 900),
        ("15min", 900),
        ("15 MIN", 900),
        ("15 min.", 900),
        ("1hr", 3600),
        ("2 hrs", 7200),
        ("1 hour", 3600),
        ("2 hours", 7200),
        ("1h30", 5400),
        ("1h 30m", 5400),
        ("1 h 30", 5400),
        ("1 hour 30 minutes", 5400),
        ("1 hour and 30 minutes", 5400),
        ("1.5 h", 5400),
        ("0.25 h", 900),
        ("90 min", 5400),
        ("  20   min  ", 1200),
        ("20\tmin", 1200),
        ("0 min", 0),  # zero is a duration; the parser, not this function, refuses it
    ],
)
def test_parse_duration_accepts(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "15",  # minutes or hours? refused rather than guessed
        "1.5",
        "ten min",
        "min",
        "soon",
        "15 sec",
        "a quarter of an hour",
        "1 h 30 min extra",
        "-5 min",
        "1.5 min",  # fractional minutes are not a thing people plan in
        "15 min, checklist",
        "h 30",
        "30 min 1 h",
    ],
)
def test_parse_duration_refuses(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 min"),
        (45 * 60, "45 min"),
        (2 * 3600, "2 h"),
        (6 * 3600 + 5 * 60, "6 h 5 min"),
        (3600 + 60, "1 h 1 min"),
        (89, "1 min"),  # rounded to whole minutes, as the agenda is written
        (29, "0 min"),
        (3599, "1 h"),
        (-600, "-10 min"),
        (-10, "0 min"),  # never "-0 min"
        (-(3600 + 1800), "-1 h 30 min"),
    ],
)
def test_format_duration(seconds: int, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize("seconds", [60, 900, 3600, 5400, 6 * 3600 + 300, 8 * 3600])
def test_format_then_parse_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds
