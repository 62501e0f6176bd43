"""Reading a typed note line: its kind prefix, and an action's owner and due date.

The room dictates, the facilitator types one line. Deal and relationship notes
need no prefix (the screen's current choice applies); the rest start with a
short prefix:

    d: we will pool the winter funding         a decision
    a: draft the data sharing agreement @Dr Patel fri    an action
    r: / q:                                    a risk / a question
    deal: / rel:                               one note of the other kind

A pasted note keeps its lines: the prefix starts the first of them and applies to
the whole note, and an action's owner and due date end the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sessions.errors import InputError
from sessions.vocabulary import NoteKind

PREFIXES = {
    "d": NoteKind.DECISION,
    "decision": NoteKind.DECISION,
    "a": NoteKind.ACTION,
    "action": NoteKind.ACTION,
    "r": NoteKind.RISK,
    "risk": NoteKind.RISK,
    "q": NoteKind.QUESTION,
    "question": NoteKind.QUESTION,
    "deal": NoteKind.DEAL,
    "rel": NoteKind.RELATIONSHIP,
    "relationship": NoteKind.RELATIONSHIP,
}

PREFIX_HELP = "d: decision · a: action @owner due-date · r: risk · q: question"

DATE_HELP = "write it as 2026-12-01, 1/12/2026, today, tomorrow, fri, next week or +14d"

_PREFIX = re.compile(r"^\s*([A-Za-z]+)\s*:\s*", re.UNICODE)
_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
_RELATIVE = re.compile(r"^\+(\d{1,3})\s*([dw])$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# A trailing date, optionally introduced by "due" or "by": the longest form first.
_TRAILING_DATE = re.compile(
    r"(?:^|\s)(?:(?:due|by)\s+)?(next\s+week|\S+)\s*$", re.IGNORECASE | re.UNICODE
)
_DUE_MARKER = re.compile(r"(?:^|\s)due\s+(\S+(?:\s+week)?)\s*$", re.IGNORECASE)
_LOOKS_LIKE_DATE = re.compile(r"^[\d+][\d/\-.+a-z]*$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedNote:
    kind: str
    text: str
    owner: str = ""
    due: date | None = None


def parse_date(word: str, today: date) -> date | None:
    """A due date in the forms a facilitator types; None if the word is not one."""
    word = word.strip().lower()
    word = re.sub(r"\s+", " ", word)
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "next week":
        return today + timedelta(days=7)
    if word in _WEEKDAYS:
        ahead = (_WEEKDAYS[word] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if match := _RELATIVE.match(word):
        count, unit = int(match.group(1)), match.group(2)
        return today + timedelta(days=count * (7 if unit == "w" else 1))
    for pattern, order in ((_ISO, (0, 1, 2)), (_UK, (2, 1, 0))):
        if match := pattern.match(word):
            parts = [int(g) for g in match.groups()]
            year, month, day = (parts[i] for i in order)
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _split_trailing_date(text: str, today: date) -> tuple[str, date | None]:
    """Take a due date off the end of `text`; refuse one that is meant but unreadable."""
    match = _TRAILING_DATE.search(text)
    if match:
        due = parse_date(match.group(1), today)
        if due is not None:
            return text[: match.start()].strip(), due
    # "due X" says a date was meant; so does a trailing word shaped like one.
    meant = _DUE_MARKER.search(text)
    last_word = text.split()[-1] if text.split() else ""
    if meant or (
        _LOOKS_LIKE_DATE.match(last_word)
        and any(c.isdigit() for c in last_word)
        and ("/" in last_word or "-" in last_word or last_word.startswith("+"))
    ):
        bad = meant.group(1) if meant else last_word
        raise InputError(f"Could not read the due date {bad!r}: {DATE_HELP}.")
    return text, None


def _parse_action(body: str, today: date) -> ParsedNote:
    # Owner and date end the note, so in a pasted action of several lines they are read from
    # its last line: an "@" or a date-like word in an earlier line is only what was said.
    earlier, _, last = body.rpartition("\n")
    text, owner, due = last, "", None
    if "@" in last:
        text, _, owner_part = last.rpartition("@")
        owner, due = _split_trailing_date(owner_part.strip(), today)
        text = text.strip()
    if due is None and text:
        text, due = _split_trailing_date(text, today)
    text = f"{earlier}\n{text}" if earlier and text else (earlier or text).rstrip()
    if not text:
        raise InputError(
            "An action needs words before its owner and date, e.g. 'a: send the draft @Sam fri'."
        )
    return ParsedNote(kind=NoteKind.ACTION, text=text, owner=owner.strip(), due=due)


def parse_note_line(line: str, default_kind: str, today: date) -> ParsedNote | None:
    """What the typed line means; None for a blank line, InputError if it can't be read."""
    if not line.strip():
        return None
    kind, body = default_kind, line.strip()
    if match := _PREFIX.match(line):
        prefix = match.group(1).lower()
        if prefix in PREFIXES:
            kind, body = PREFIXES[prefix], line[match.end() :].strip()
    if not body:
        return None
    if kind == NoteKind.ACTION:
        return _parse_action(body, today)
    return ParsedNote(kind=kind, text=body)
