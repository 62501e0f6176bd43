"""What looks like patient-identifiable data in a piece of text, and the text with it redacted.

Meeting notes are full of numbers that are not about a patient: dates, due dates, times
such as 13:00-16:00, money, list sizes, percentages. Each kind below asks for more than
a run of digits, so those pass quietly: an NHS number must pass its own check digit, a
date counts as a date of birth only beside words that say so, a telephone number must
be dialled as one (from 0 or +44), and a postcode must have a postcode's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sessions.governance.nhs_number import is_nhs_number
from sessions.vocabulary import IdentifierKind


@dataclass(frozen=True)
class Finding:
    """One stretch of text that looks like patient-identifiable data."""

    kind: IdentifierKind
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return self.kind.label


# Digits written as an NHS number is: 3-3-4, with spaces or hyphens, or all ten together.
NHS_NUMBER = re.compile(r"(?<![\w.,/£$€-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w/:%]|[.,]\d)")

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?,?\s+\d{{4}}"
    rf"|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
BIRTH_WORDS = (
    r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s?date|birthday|born(?:\s+on)?|b\.(?=\s*\d))"
)
# A date counts as a date of birth only beside the words that say so: after them, within a
# few words ("DOB: 12/03/1954", "born on 3 March 1950"), or just before them ("12/03/54 (DOB)").
BIRTH_AFTER = re.compile(rf"\b{BIRTH_WORDS}[\s:=\-–(),]*(?:(?:is|was|of)\s+)?({DATE})", re.I)
BIRTH_BEFORE = re.compile(rf"(?<![\w/.-])({DATE})(?![\w/])[\s,]*\(?\s*{BIRTH_WORDS}", re.I)

# The shapes of a UK postcode, outward code then inward code (the Royal Mail's rules, less
# the oddities of a few London districts, which the general shapes still cover).
POSTCODE = re.compile(
    r"(?<![\w-])("
    r"GIR ?0AA"
    r"|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2}"
    r")(?![\w-])",
    re.I,
)

ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")

EMAIL = re.compile(
    r"(?<![\w.+:/-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"
)

# A telephone number must be written to be dialled in the UK, from 0 or from +44 / 0044,
# and be long enough to reach someone: "0600" in a sentence is a time.
DIALLED = re.compile(r"^(?:\+\s?44|0044|\(?0)")


def find_identifiers(text: str) -> list[Finding]:
    """Everything in `text` that looks like patient-identifiable data, in order, none
    overlapping: where two kinds claim the same characters, the one found first below wins
    (an NHS number before a telephone number, a date of birth before a postcode)."""
    found: list[Finding] = []
    for finding in (
        *_nhs_numbers(text),
        *_dates_of_birth(text),
        *_emails(text),
        *_telephones(text),
        *_postcodes(text),
    ):
        if not any(finding.start < kept.end and kept.start < finding.end for kept in found):
            found.append(finding)
    return sorted(found, key=lambda finding: finding.start)


def looks_identifiable(text: str) -> bool:
    """Whether `text` carries anything that looks like patient-identifiable data."""
    return bool(find_identifiers(text))


def redaction(kind: IdentifierKind) -> str:
    """What stands in a document for data taken out of it: `[redacted: NHS number]`."""
    return f"[redacted: {kind.label}]"


def redacted(text: str, findings: Iterable[Finding] | None = None) -> str:
    """`text` with each finding replaced by its redaction; all of them where none are given.

    The findings must have been found in this very text."""
    chosen = sorted(
        find_identifiers(text) if findings is None else findings,
        key=lambda finding: finding.start,
        reverse=True,
    )
    for finding in chosen:
        if text[finding.start : finding.end] == finding.text:
            text = text[: finding.start] + redaction(finding.kind) + text[finding.end :]
    return text


def _nhs_numbers(text: str) -> Iterable[Finding]:
    for match in NHS_NUMBER.finditer(text):
        if is_nhs_number("".join(match.groups())):
            yield Finding(IdentifierKind.NHS_NUMBER, match.start(), match.end(), match.group())


def _dates_of_birth(text: str) -> Iterable[Finding]:
    for pattern in (BIRTH_AFTER, BIRTH_BEFORE):
        for match in pattern.finditer(text):
            yield Finding(
                IdentifierKind.DATE_OF_BIRTH, match.start(1), match.end(1), match.group(1)
            )


def _emails(text: str) -> Iterable[Finding]:
    for match in EMAIL.finditer(text):
        yield Finding(IdentifierKind.EMAIL, match.start(), match.end(), match.group())


def _postcodes(text: str) -> Iterable[Finding]:
    for match in POSTCODE.finditer(text):
        if ORDINAL.fullmatch(match.group(1)[-3:]):
            continue  # "h1 4th": a heading and an ordinal, typed in lower case
        yield Finding(IdentifierKind.POSTCODE, match.start(1), match.end(1), match.group(1))


def _telephones(text: str) -> Iterable[Finding]:
    if not any(char.isdigit() for char in text):
        return
    # Loaded only when there are digits to read: its tables of numbering plans are large.
    import phonenumbers

    for match in phonenumbers.PhoneNumberMatcher(
        text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        digits = sum(char.isdigit() for char in match.raw_string)
        if DIALLED.match(match.raw_string) and 10 <= digits <= 13:
            yield Finding(IdentifierKind.TELEPHONE, match.start, match.end, match.raw_string)
