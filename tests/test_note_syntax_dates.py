"""Reading an action's owner and due date as a UK office types them (issue 20, point 3)."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, DATE_MEANINGS, parse_date, parse_note_line

MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)
NEW_YEARS_EVE = date(2026, 12, 31)  # a Thursday
LATE_DECEMBER = date(2026, 12, 28)  # a Monday


@pytest.mark.parametrize(
    ("today", "typed", "expected"),
    [
        # "next week" is the Monday of next week, never today plus seven.
        (MONDAY, "next week", date(2026, 11, 30)),
        (WEDNESDAY, "next week", date(2026, 11, 30)),
        (NEW_YEARS_EVE, "next week", date(2027, 1, 4)),
        # A weekday alone is the next one; "next Friday" is the Friday of next week.
        (MONDAY, "fri", date(2026, 11, 27)),
        (MONDAY, "this Friday", date(2026, 11, 27)),
        (MONDAY, "next Friday", date(2026, 12, 4)),
        (WEDNESDAY, "next fri", date(2026, 12, 4)),
        (NEW_YEARS_EVE, "next Monday", date(2027, 1, 4)),
        # Ends of months: the next one not yet past.
        (WEDNESDAY, "end of month", date(2026, 11, 30)),
        (WEDNESDAY, "end of the month", date(2026, 11, 30)),
        (NEW_YEARS_EVE, "end of month", date(2026, 12, 31)),
        (WEDNESDAY, "end of next month", date(2026, 12, 31)),
        (NEW_YEARS_EVE, "end of next month", date(2027, 1, 31)),
        (WEDNESDAY, "end of January", date(2027, 1, 31)),
        (WEDNESDAY, "end of Jan", date(2027, 1, 31)),
        (WEDNESDAY, "end of November", date(2026, 11, 30)),
        (WEDNESDAY, "end of February", date(2027, 2, 28)),
        (date(2027, 6, 1), "end of February", date(2028, 2, 29)),
        # In so many days, weeks or months.
        (WEDNESDAY, "in 2 weeks", date(2026, 12, 9)),
        (WEDNESDAY, "in 3 days", date(2026, 11, 28)),
        (WEDNESDAY, "in a week", date(2026, 12, 2)),
        (LATE_DECEMBER, "in 1 week", date(2027, 1, 4)),
        (date(2027, 1, 31), "in 1 month", date(2027, 2, 28)),
        (WEDNESDAY, "+14d", date(2026, 12, 9)),
        # Day and month, UK order: the next such day not yet past.
        (WEDNESDAY, "14/1", date(2027, 1, 14)),
        (WEDNESDAY, "1/12", date(2026, 12, 1)),
        (WEDNESDAY, "25/11", date(2026, 11, 25)),
        (WEDNESDAY, "24/11", date(2027, 11, 24)),
        (WEDNESDAY, "14 Jan", date(2027, 1, 14)),
        (WEDNESDAY, "14 January", date(2027, 1, 14)),
        (WEDNESDAY, "14th January", date(2027, 1, 14)),
        (WEDNESDAY, "January 14", date(2027, 1, 14)),
        (WEDNESDAY, "Jan 14th", date(2027, 1, 14)),
        (WEDNESDAY, "3 Dec 2027", date(2027, 12, 3)),
        (WEDNESDAY, "1/12/26", date(2026, 12, 1)),
        (NEW_YEARS_EVE, "2/1", date(2027, 1, 2)),
        (NEW_YEARS_EVE, "31 Dec", date(2026, 12, 31)),
        # 29 February waits for a year that has one.
        (WEDNESDAY, "29/2", date(2028, 2, 29)),
        (WEDNESDAY, "29 Feb", date(2028, 2, 29)),
        (date(2028, 1, 10), "29 February", date(2028, 2, 29)),
        (WEDNESDAY, "29/2/2028", date(2028, 2, 29)),
        # Not dates.
        (WEDNESDAY, "29/2/2027", None),
        (WEDNESDAY, "31/4", None),
        (WEDNESDAY, "14", None),
        (WEDNESDAY, "March", None),
        (WEDNESDAY, "14 Smith", None),
        (WEDNESDAY, "end of term", None),
    ],
)
def test_date_forms(today: date, typed: str, expected: date | None) -> None:
    assert parse_date(typed, today) == expected


@pytest.mark.parametrize(
    ("line", "text", "owner", "due"),
    [
        # The two lines that went wrong.
        (
            "a: Draft hosting options paper @Ade Okafor by end of January",
            "Draft hosting options paper",
            "Ade Okafor",
            date(2027, 1, 31),
        ),
        (
            "a: Send list to ade.okafor@nhs.net tomorrow",
            "Send list to ade.okafor@nhs.net",
            "",
            date(2026, 11, 26),
        ),
        # The owner's name ends where a date begins, with or without "by" or "due".
        (
            "a: Book the room @Ade Okafor end of January",
            "Book the room",
            "Ade Okafor",
            date(2027, 1, 31),
        ),
        (
            "a: Book the room @Siobhán O'Neill 14 Jan",
            "Book the room",
            "Siobhán O'Neill",
            date(2027, 1, 14),
        ),
        ("a: Book the room @Dr Patel due 14/1", "Book the room", "Dr Patel", date(2027, 1, 14)),
        ("a: Book the room @Sam next Friday", "Book the room", "Sam", date(2026, 12, 4)),
        ("a: Book the room @Sam in 2 weeks", "Book the room", "Sam", date(2026, 12, 9)),
        ("a: Book the room @Sam January 14", "Book the room", "Sam", date(2027, 1, 14)),
        ("a: Book the room @Jan Smith", "Book the room", "Jan Smith", None),
        ("a: Book the room @May Jones fri", "Book the room", "May Jones", date(2026, 11, 27)),
        # An e-mail address is text, never an owner or a date.
        ("a: Write to ade@nhs.net @Sam", "Write to ade@nhs.net", "Sam", None),
        ("a: Ask jo@example.org", "Ask jo@example.org", "", None),
        # Date words inside the action's text are text.
        ("a: Plan next week's rota @Sam", "Plan next week's rota", "Sam", None),
        ("a: Agree the plan for next week @Sam", "Agree the plan for next week", "Sam", None),
        ("a: Review the end of year accounts @Sam", "Review the end of year accounts", "Sam", None),
        ("a: Move the Friday clinic to 14 Jan", "Move the Friday clinic to", "", date(2027, 1, 14)),
        ("a: Move the 14 Jan clinic @Sam fri", "Move the 14 Jan clinic", "Sam", date(2026, 11, 27)),
        # Before an owner, a date needs "by" or "due".
        ("a: Send the draft by end of month @Sam", "Send the draft", "Sam", date(2026, 11, 30)),
        ("a: Send the draft due 14 Jan @Sam", "Send the draft", "Sam", date(2027, 1, 14)),
        # The spacing of the text is kept as typed.
        ("a: Send  the draft  tomorrow", "Send  the draft", "", date(2026, 11, 26)),
        # At the end of a line without an owner.
        ("a: Send the draft next week", "Send the draft", "", date(2026, 11, 30)),
        ("a: Send the draft by 29 Feb", "Send the draft", "", date(2028, 2, 29)),
    ],
)
def test_owners_and_dates(line: str, text: str, owner: str, due: date | None) -> None:
    note = parse_note_line(line, "deal", WEDNESDAY)
    assert note is not None
    assert (note.text, note.owner, note.due) == (text, owner, due)


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("a: Draft the paper @Ade Okafor by end of Janury", "end of Janury"),
        ("a: Draft the paper @Ade Okafor due someday", "someday"),
        ("a: Draft the paper @Sam 31/4", "31/4"),
        ("a: Draft the paper by 29/2/2027", "29/2/2027"),
        ("a: Draft the paper by end of Janury", "end of Janury"),
        ("a: Draft the paper @Sam in 3 wks", "in 3 wks"),
    ],
)
def test_a_date_meant_but_unreadable_is_refused(line: str, bad: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_note_line(line, "deal", WEDNESDAY)
    assert str(refused.value) == f"Could not read the due date {bad!r}: {DATE_HELP}."


def test_the_help_says_what_next_week_means() -> None:
    from facilitator.screens.help_page import help_markdown

    assert "next week is the Monday of next week" in DATE_MEANINGS
    assert DATE_MEANINGS in help_markdown().replace("\n", " ")
