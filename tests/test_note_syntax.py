"""Reading a typed note line: prefixes, owners and due dates."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.errors import InputError
from sessions.note_syntax import parse_date, parse_note_line

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("We want one frailty pathway", "deal", "We want one frailty pathway"),
        ("d: pool the winter money", "decision", "pool the winter money"),
        ("Decision: pool it", "decision", "pool it"),
        ("r: practice B may leave", "risk", "practice B may leave"),
        ("q: who holds the contract?", "question", "who holds the contract?"),
        ("rel: meet for coffee monthly", "relationship", "meet for coffee monthly"),
        ("deal: shared phlebotomy", "deal", "shared phlebotomy"),
        # Colons that are not our prefixes are part of the note.
        ("Note: something", "deal", "Note: something"),
        ("https://example.org: see this", "deal", "https://example.org: see this"),
    ],
)
def test_prefixes(line: str, kind: str, text: str) -> None:
    note = parse_note_line(line, "deal", TODAY)
    assert (note.kind, note.text) == (kind, text)


def test_the_default_kind_applies_without_a_prefix() -> None:
    assert parse_note_line("trust grows slowly", "relationship", TODAY).kind == "relationship"


@pytest.mark.parametrize("line", ["", "   ", "d:", "a:   "])
def test_blank_lines_are_ignored(line: str) -> None:
    assert parse_note_line(line, "deal", TODAY) is None


@pytest.mark.parametrize(
    ("line", "text", "owner", "due"),
    [
        ("a: draft the agreement", "draft the agreement", "", None),
        ("a: draft the agreement @Dr Patel", "draft the agreement", "Dr Patel", None),
        ("a: draft it @Dr Patel 2026-12-01", "draft it", "Dr Patel", date(2026, 12, 1)),
        ("a: draft it @Sam due fri", "draft it", "Sam", date(2026, 11, 27)),
        # "next week" is the Monday of next week; on a Sunday, that is tomorrow.
        ("a: draft it due next week @Sam", "draft it", "Sam", date(2026, 11, 23)),
        ("a: draft it +14d", "draft it", "", date(2026, 12, 6)),
        ("a: draft it by 1/12/2026", "draft it", "", date(2026, 12, 1)),
        ("action: reply by email", "reply by email", "", None),
        ("a: call Siân @Siân ap Rhys tomorrow", "call Siân", "Siân ap Rhys", date(2026, 11, 23)),
    ],
)
def test_actions(line: str, text: str, owner: str, due: date | None) -> None:
    note = parse_note_line(line, "deal", TODAY)
    assert (note.kind, note.text, note.owner, note.due) == ("action", text, owner, due)


@pytest.mark.parametrize(
    "line", ["a: x @Sam due 31/13/2026", "a: send it 2026-02-30", "a: send it due someday"]
)
def test_unreadable_dates_are_refused_with_the_forms_that_work(line: str) -> None:
    with pytest.raises(InputError, match=r"Could not read the due date.*2026-12-01"):
        parse_note_line(line, "deal", TODAY)


def test_an_action_needs_words() -> None:
    with pytest.raises(InputError, match="needs words"):
        parse_note_line("a: @Sam fri", "deal", TODAY)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("today", TODAY),
        ("sun", date(2026, 11, 29)),  # a weekday means the next one, never today
        ("Monday", date(2026, 11, 23)),
        ("+2w", date(2026, 12, 6)),
        ("next  week", date(2026, 11, 23)),
        ("banana", None),
    ],
)
def test_dates(word: str, expected: date | None) -> None:
    assert parse_date(word, TODAY) == expected
