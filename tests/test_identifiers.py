"""What looks like patient-identifiable data is found, and ordinary meeting text is not."""

from __future__ import annotations

from importlib.resources import files
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.governance.identifiers import find_identifiers, redacted
from sessions.governance.nhs_number import check_digit, is_nhs_number
from sessions.vocabulary import IdentifierKind

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def kinds(text: str) -> list[IdentifierKind]:
    return [finding.kind for finding in find_identifiers(text)]


@given(nine_digits)
def test_a_number_with_its_check_digit_is_found_however_it_is_spaced(first_nine: str) -> None:
    check = check_digit(first_nine)
    if check is None:
        return
    number = first_nine + str(check)
    assert is_nhs_number(number)
    for written in (
        number,
        f"{number[:3]} {number[3:6]} {number[6:]}",
        f"{number[:3]}-{number[3:6]}-{number[6:]}",
    ):
        text = f"Patient with NHS number {written} was discussed."
        assert kinds(text) == [IdentifierKind.NHS_NUMBER]
        assert kinds(f"NHS no:{written}") == [IdentifierKind.NHS_NUMBER]
        assert written not in redacted(text)
        assert "[redacted: NHS number]" in redacted(text)


@given(nine_digits, st.integers(min_value=0, max_value=9))
def test_a_number_with_the_wrong_check_digit_is_not_an_nhs_number(
    first_nine: str, last: int
) -> None:
    if check_digit(first_nine) == last:
        return
    number = f"{first_nine}{last}"
    assert not is_nhs_number(number)
    assert IdentifierKind.NHS_NUMBER not in kinds(
        f"Reference {number[:3]} {number[3:6]} {number[6:]}"
    )


def test_nine_digits_whose_check_would_be_ten_make_no_number() -> None:
    # 10*1 + 9*0 ... chosen so the remainder leaves 10: no such number is ever issued.
    assert check_digit("000000001") == 9
    assert any(check_digit(f"{n:09d}") is None for n in range(200))
    assert not is_nhs_number("１２３４５６７８９０")  # full-width digits are not an NHS number


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("DOB 12/03/1954", IdentifierKind.DATE_OF_BIRTH, "12/03/1954"),
        ("d.o.b.: 1954-03-12", IdentifierKind.DATE_OF_BIRTH, "1954-03-12"),
        ("born on 3 March 1950 in Leeds", IdentifierKind.DATE_OF_BIRTH, "3 March 1950"),
        ("Date of birth is 3rd Mar 1950", IdentifierKind.DATE_OF_BIRTH, "3rd Mar 1950"),
        ("seen 12.03.54 (DOB)", IdentifierKind.DATE_OF_BIRTH, "12.03.54"),
        ("lives at LS1 4AB", IdentifierKind.POSTCODE, "LS1 4AB"),
        ("postcode sw1a1aa", IdentifierKind.POSTCODE, "sw1a1aa"),
        ("call 0113 496 0000", IdentifierKind.TELEPHONE, "0113 496 0000"),
        ("mobile 07700 900123", IdentifierKind.TELEPHONE, "07700 900123"),
        ("on +44 7700 900123", IdentifierKind.TELEPHONE, "+44 7700 900123"),
        (
            "write to jo.bloggs@example.nhs.uk today",
            IdentifierKind.EMAIL,
            "jo.bloggs@example.nhs.uk",
        ),
    ],
)
def test_each_kind_is_found_with_what_it_covers(
    text: str, kind: IdentifierKind, found: str
) -> None:
    [finding] = find_identifiers(text)
    assert (finding.kind, finding.text) == (kind, found)
    assert text[finding.start : finding.end] == found
    assert redacted(text) == text.replace(found, f"[redacted: {kind.label}]")


ORDINARY = [
    "Meeting 13:00-16:00 on 01/12/2026, room B12.",
    "Due 2026-12-15; review on 15/01/2027 and again 3 March 2027.",
    "Budget £1,234,567 for 2024-25, up 2.5% on last year.",
    "List size 12,500 across 8 practices; 38,000 registered patients.",
    "ARRS: 2.5 WTE pharmacists, 1.0 WTE paramedic from Q3.",
    "Step 2: trusted people. Step 4: enabling technologies.",
    "Agreed at 10.30; break 11:15-11:30; close at 1600.",
    "Action 2.3 owned by Dr Patel, due 4th Jan.",
    "h1 4th draft and the 2nd review.",
    "The chair (born leader!) thanked everyone.",
    "Call back at 0930 about the 1,000 appointments.",
    "Reference 1234567890 for the contract; ratio 3:1.",
    "Use postgresql://user:PASSWORD@db.example.org/facilitator for the team.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_meeting_text_raises_no_alarm(text: str) -> None:
    assert find_identifiers(text) == []


def test_the_bundled_agendas_raise_no_alarm() -> None:
    agendas = [entry for entry in files("agendas").iterdir() if entry.name.endswith(".md")]
    assert agendas
    for agenda in agendas:
        assert find_identifiers(agenda.read_text(encoding="utf-8")) == [], agenda.name


@given(st.text())
def test_any_text_is_read_without_fault_and_redaction_leaves_nothing_found(text: str) -> None:
    findings = find_identifiers(text)
    for earlier, later in pairwise(findings):
        assert earlier.end <= later.start
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    assert not any(
        finding.kind == IdentifierKind.NHS_NUMBER for finding in find_identifiers(redacted(text))
    )
