"""A programme's quorum: read as typed, met or not by attendance, kept with finished minutes."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from docx import Document

from sessions.domain.quorum import Quorum, parse_quorum
from sessions.errors import InputError
from sessions.exchange.parse import read_document
from sessions.services import people, planning, running
from sessions.services.exchange import export_programme, import_programme
from sessions.services.minutes import minutes_bytes, minutes_markdown, session_minutes
from sessions.services.programmes import create_programme
from sessions.services.quorum import get_quorum, quorum_reading, set_quorum
from sessions.vocabulary import QuorumOf

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "quorum"),
    [
        ("4", Quorum(4, QuorumOf.MEMBERS)),
        (" 1 member ", Quorum(1, QuorumOf.MEMBERS)),
        ("6 MEMBERS", Quorum(6, QuorumOf.MEMBERS)),
        ("3 organisations", Quorum(3, QuorumOf.ORGANISATIONS)),
        ("3 orgs", Quorum(3, QuorumOf.ORGANISATIONS)),
        ("2organizations", Quorum(2, QuorumOf.ORGANISATIONS)),
        ("", None),
        ("   ", None),
    ],
)
def test_a_quorum_is_read_as_typed(typed: str, quorum: Quorum | None) -> None:
    assert parse_quorum(typed) == quorum


@pytest.mark.parametrize("typed", ["four", "3 practices", "-1", "2.5", "0", "3 members please"])
def test_a_quorum_that_cannot_be_read_is_refused_saying_how(typed: str) -> None:
    with pytest.raises(InputError, match="quorum"):
        parse_quorum(typed)


def test_a_quorum_describes_itself_in_words() -> None:
    assert Quorum(1).describe() == "1 member"
    assert Quorum(4).describe() == "4 members"
    assert Quorum(1, QuorumOf.ORGANISATIONS).describe() == "1 member organisation"
    assert Quorum(3, QuorumOf.ORGANISATIONS).describe() == "3 member organisations"


@pytest.fixture
def room(store, small_agenda):
    """A programme of four members from three organisations, and a session started."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    members = {
        name: people.add_member(store, programme.id, name, organisation)
        for name, organisation in [
            ("Dr Asha Patel", "Harbour Surgery"),
            ("Sam Okoro", "harbour  surgery"),
            ("Zoë Hughes", "Bay Pharmacy"),
            ("Ade Okafor", ""),
        ]
    }
    session_id = planning.start_session(store, programme.id, small_agenda)
    return programme, members, session_id


def mark(store, session_id, members, **statuses: str) -> None:
    for name, status in statuses.items():
        member = next(m for key, m in members.items() if key.split()[-1].lower() == name)
        people.set_attendance(store, session_id, member.id, status)


def test_no_quorum_set_says_nothing_either_way(store, room) -> None:
    programme, members, session_id = room
    assert get_quorum(store, programme.id) is None
    mark(store, session_id, members, patel="present")
    reading = quorum_reading(store, session_id)
    assert reading.quorum is None and reading.quorate is None
    assert reading.describe() == ""


def test_members_present_meet_the_quorum_or_do_not(store, room) -> None:
    programme, members, session_id = room
    set_quorum(store, programme.id, "3")
    reading = quorum_reading(store, session_id)
    assert reading.taken is False and reading.quorate is None
    assert "attendance was not taken" in reading.describe()

    mark(store, session_id, members, patel="present", okoro="present", hughes="apologies")
    reading = quorum_reading(store, session_id)
    assert (reading.taken, reading.present, reading.quorate) == (True, 2, False)
    assert reading.describe() == (
        "The meeting was not quorate: 2 members were present, and the quorum is 3 members."
    )

    mark(store, session_id, members, hughes="present")
    reading = quorum_reading(store, session_id)
    assert (reading.present, reading.quorate) == (3, True)
    assert reading.short() == "quorate · 3 members were present · quorum 3"


def test_organisations_count_once_however_their_name_was_typed(store, room) -> None:
    programme, members, session_id = room
    set_quorum(store, programme.id, "2 organisations")
    # Two people from one surgery, and one with no organisation named: one organisation.
    mark(store, session_id, members, patel="present", okoro="present", okafor="present")
    reading = quorum_reading(store, session_id)
    assert (reading.present, reading.quorate) == (1, False)
    assert "1 member organisation was represented" in reading.describe()
    mark(store, session_id, members, hughes="present")
    assert quorum_reading(store, session_id).quorate is True


def test_finished_minutes_keep_the_quorum_they_were_held_to(store, room) -> None:
    programme, members, session_id = room
    set_quorum(store, programme.id, "2")
    mark(store, session_id, members, patel="present", hughes="present")
    running.toggle_clock(store, session_id, now=AT)
    running.finish_session(store, session_id, now=AT)
    before = minutes_markdown(store, session_id)
    assert "The meeting was quorate: 2 members were present, and the quorum is 2 members." in (
        before
    )

    # The programme raises its quorum later: the finished session's record stands.
    set_quorum(store, programme.id, "4")
    assert quorum_reading(store, session_id).quorum == Quorum(2)
    assert minutes_markdown(store, session_id) == before


def test_minutes_say_when_attendance_was_not_taken(store, room) -> None:
    programme, _members, session_id = room
    markdown = minutes_markdown(store, session_id)
    assert "**Attendance:** not taken." in markdown
    assert "quorate" not in markdown

    set_quorum(store, programme.id, "3 orgs")
    minutes = session_minutes(store, session_id)
    markdown = minutes_markdown(store, session_id)
    assert "Whether the meeting was quorate is not known: attendance was not taken" in markdown
    word = Document(io.BytesIO(minutes_bytes(minutes, "docx")))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Attendance: not taken" in text
    assert "the quorum is 3 member organisations" in text
    html = minutes_bytes(minutes, "html").decode()
    assert "not taken" in html and "3 member organisations" in html


def test_minutes_with_attendance_taken_list_present_and_quorum(store, room) -> None:
    programme, members, session_id = room
    set_quorum(store, programme.id, "3")
    mark(store, session_id, members, patel="present", hughes="apologies")
    markdown = minutes_markdown(store, session_id)
    assert "**Present:** Dr Asha Patel (Harbour Surgery)" in markdown
    assert "**Apologies:** Zoë Hughes (Bay Pharmacy)" in markdown
    assert "The meeting was not quorate: 1 member was present" in markdown
    assert "not taken" not in markdown


def test_the_quorum_travels_in_the_export_and_older_files_have_none(store, room) -> None:
    programme, members, session_id = room
    set_quorum(store, programme.id, "2 organisations")
    mark(store, session_id, members, patel="present", hughes="present")
    running.toggle_clock(store, session_id, now=AT)
    running.finish_session(store, session_id, now=AT)
    set_quorum(store, programme.id, "3")

    _slug, text = export_programme(store, programme.slug)
    imported = import_programme(store, read_document(text, "the file"), "Copy")
    copy = next(p for p in _programmes(store) if p.name == imported.name)
    assert get_quorum(store, copy.id) == Quorum(3)
    copied_session = running.resolve_session_ref(store, f"{imported.slug}/1")
    assert quorum_reading(store, copied_session).quorum == Quorum(2, QuorumOf.ORGANISATIONS)

    older = json.loads(text)
    older["version"] = 4
    del older["programme"]["quorum_count"], older["programme"]["quorum_of"]
    for session in older["sessions"]:
        del session["quorum_count"], session["quorum_of"]
    imported = import_programme(store, read_document(json.dumps(older), "the file"), "Older")
    old = next(p for p in _programmes(store) if p.name == imported.name)
    assert get_quorum(store, old.id) is None


def _programmes(store):
    from sessions.services.programmes import list_programmes

    return list_programmes(store)


def test_members_only_expected_at_planning_are_not_attendance_taken(
    store, room, small_agenda
) -> None:
    programme, members, _session_id = room
    set_quorum(store, programme.id, "1")
    expected = [m.id for m in members.values()]
    planned = planning.start_session(store, programme.id, small_agenda, expected=expected)
    reading = quorum_reading(store, planned)
    assert (reading.taken, reading.quorate) == (False, None)
    assert "**Attendance:** not taken." in minutes_markdown(store, planned)
    mark(store, planned, members, hughes="present")
    assert quorum_reading(store, planned).quorate is True
