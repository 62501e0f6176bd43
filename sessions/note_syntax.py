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

DATE_HELP = (
    "write it as 2026-12-01, 1/12/2026, 14/1, 14 Jan, today, tomorrow, fri, next Friday, "
    "next week, in 2 weeks, +14d, end of month or end of January"
)

DATE_MEANINGS = (
    "next week is the Monday of next week, and next Friday the Friday of next week; "
    "a day without a year (14/1, 14 Jan, end of January) is the next one still to come"
)

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
_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_RELATIVE = re.compile(r"^\+(\d{1,3})\s*([dw])$")
_IN_SOME = re.compile(r"^in (\d{1,3}|a|an|one) (day|days|week|weeks|fortnight|month|months)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?(?: (\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$")
_END_OF = re.compile(r"^end of (?:the |this )?(month|next month|year|[a-z]+)$")
# Words that say a date follows; "due" says it so plainly that what follows must be one.
_MARKERS = ("by", "due")
# A word shaped like a date, or a phrase only a date would use: an unreadable one is refused.
_DATE_SHAPED = re.compile(r"^(?:\+\d+\w*|\d+[/\-]\d+(?:[/\-]\d*)*)$")
_DATE_MEANT = re.compile(r"(?:^|\s)((?:end of|in \d+) \S+(?: \S+)?)$", re.IGNORECASE)
_DATE_MEANT_BY = re.compile(r"(?:^|\s)by ((?:end of|in \d+) \S+(?: \S+)?)$", re.IGNORECASE)
# An owner is an "@" that starts a word: the one in an e-mail address is part of the text.
_OWNER_MARK = re.compile(r"(?:^|(?<=\s))@(?=\S)")
_WORD_SPAN = re.compile(r"\S+")
# The longest date phrase, in words, and the marker before it.
_LONGEST_DATE = 5


@dataclass(frozen=True)
class ParsedNote:
    kind: str
    text: str
    owner: str = ""
    due: date | None = None


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def _next_on_or_after(today: date, month: int, day: int) -> date | None:
    """The first `day` of `month` not yet past: this year's, else a later year's (29 February
    waits for the next leap year). None if the month never has that day."""
    for year in range(today.year, today.year + 9):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when >= today:
            return when
    return None


def _dated(year: int | None, month: int, day: int, today: date) -> date | None:
    if year is None:
        return _next_on_or_after(today, month, day)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(typed: str | None) -> int | None:
    if typed is None:
        return None
    return int(typed) + 2000 if len(typed) == 2 else int(typed)


def _in_some(count_word: str, unit: str, today: date) -> date:
    count = int(count_word) if count_word.isdigit() else 1
    if unit.startswith("day"):
        return today + timedelta(days=count)
    if unit.startswith("week"):
        return today + timedelta(weeks=count)
    if unit == "fortnight":
        return today + timedelta(weeks=2 * count)
    months = today.month - 1 + count
    year, month = today.year + months // 12, months % 12 + 1
    return min(_month_end(year, month), date(year, month, 1) + timedelta(days=today.day - 1))


def parse_date(word: str, today: date) -> date | None:
    """A due date in the forms a facilitator types; None if the words are not one.

    Dates without a year are the next such day not yet past; "next week" is its Monday,
    as a UK office means it, and "next Friday" is the Friday of next week.
    """
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    next_monday = today + timedelta(days=7 - today.weekday())
    if word == "next week":
        return next_monday
    if word in _WEEKDAYS:
        ahead = (_WEEKDAYS[word] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if word.startswith("this ") and word[5:] in _WEEKDAYS:
        return parse_date(word[5:], today)
    if word.startswith("next ") and word[5:] in _WEEKDAYS:
        return next_monday + timedelta(days=_WEEKDAYS[word[5:]])
    if match := _RELATIVE.match(word):
        count, unit = int(match.group(1)), match.group(2)
        return today + timedelta(days=count * (7 if unit == "w" else 1))
    if match := _IN_SOME.match(word):
        return _in_some(match.group(1), match.group(2), today)
    if match := _END_OF.match(word):
        return _end_of(match.group(1), today)
    if match := _ISO.match(word):
        year, month, day = (int(g) for g in match.groups())
        return _dated(year, month, day, today)
    if match := _UK.match(word):
        day, month = int(match.group(1)), int(match.group(2))
        return _dated(_year(match.group(3)), month, day, today)
    if (match := _DAY_MONTH.match(word)) and match.group(2) in _MONTHS:
        day, month = int(match.group(1)), _MONTHS[match.group(2)]
        return _dated(_year(match.group(3)), month, day, today)
    if (match := _MONTH_DAY.match(word)) and match.group(1) in _MONTHS:
        day, month = int(match.group(2)), _MONTHS[match.group(1)]
        return _dated(_year(match.group(3)), month, day, today)
    return None


def _end_of(what: str, today: date) -> date | None:
    if what == "month":
        return _month_end(today.year, today.month)
    if what == "year":
        return date(today.year, 12, 31)
    if what == "next month":
        return _month_end(today.year + today.month // 12, today.month % 12 + 1)
    if what not in _MONTHS:
        return None
    month = _MONTHS[what]
    year = today.year if month >= today.month else today.year + 1
    return _month_end(year, month)


def _date_ending(words: list[str], today: date, marked_only: bool) -> tuple[int, date] | None:
    """Where a date phrase ending `words` begins (its "by" or "due" included), and its date;
    the longest such phrase. With `marked_only`, only a phrase after "by" or "due" counts."""
    for start in range(max(0, len(words) - _LONGEST_DATE - 1), len(words)):
        marked = words[start].lower() in _MARKERS
        phrase = words[start + 1 :] if marked else words[start:]
        if not phrase or (marked_only and not marked):
            continue
        due = parse_date(" ".join(phrase), today)
        if due is not None:
            return start, due
    return None


def _refuse_if_meant(words: list[str], owner: bool) -> None:
    """Refuse a date that is clearly meant but cannot be read: after "due" (in an owner's part,
    after "by" too, as no name holds it), a last word shaped like a date, or "end of …" and
    "in 3 …" ending the owner's part or following "by"."""
    markers = _MARKERS if owner else ("due",)
    tail = " ".join(words)
    bad = ""
    for index, word in enumerate(words):
        if word.lower() in markers and index + 1 < len(words):
            bad = " ".join(words[index + 1 :])
            break
    else:
        meant = (_DATE_MEANT if owner else _DATE_MEANT_BY).search(tail)
        if meant:
            bad = meant.group(1)
        elif words and _DATE_SHAPED.match(words[-1]):
            bad = words[-1]
    if bad:
        raise InputError(f"Could not read the due date {bad!r}: {DATE_HELP}.")


def _split_trailing_date(
    text: str, today: date, marked_only: bool = False
) -> tuple[str, date | None]:
    """Take a due date off the end of `text`; refuse one that is meant but unreadable."""
    words = text.split()
    found = _date_ending(words, today, marked_only)
    if found is not None:
        start, due = found
        return _before_word(text, start), due
    _refuse_if_meant(words, owner=False)
    return text, None


def _before_word(text: str, index: int) -> str:
    """`text` up to its word number `index`, its spacing as typed."""
    starts = [word.start() for word in _WORD_SPAN.finditer(text)]
    return text[: starts[index]].rstrip() if index < len(starts) else text


def _split_owner(part: str, today: date) -> tuple[str, date | None]:
    """The owner's name, ending where a date phrase begins (with or without "by"/"due")."""
    words = part.split()
    for start in range(1, len(words)):
        marked = words[start].lower() in _MARKERS
        phrase = words[start + 1 :] if marked else words[start:]
        if phrase and len(phrase) <= _LONGEST_DATE:
            due = parse_date(" ".join(phrase), today)
            if due is not None:
                return _before_word(part, start).strip(), due
    _refuse_if_meant(words[1:], owner=True)
    return part.strip(), None


def _parse_action(body: str, today: date) -> ParsedNote:
    # Owner and date end the note, so in a pasted action of several lines they are read from
    # its last line: an "@" or a date-like word in an earlier line is only what was said.
    earlier, _, last = body.rpartition("\n")
    text, owner, due = last, "", None
    marks = list(_OWNER_MARK.finditer(last))
    if marks:
        mark = marks[-1]
        text = last[: mark.start()].strip()
        owner, due = _split_owner(last[mark.end() :], today)
        if due is None and text:
            # Before an owner, a date is read only after "by" or "due": "plan next week @Sam"
            # is about next week, not due then.
            text, due = _split_trailing_date(text, today, marked_only=True)
    elif text:
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
