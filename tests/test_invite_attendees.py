"""Invitations that name the programme's members as attendees, and are checked for
patient-identifiable data before they are written."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
import vobject

from facilitator.calendar_commands import how_sent
from facilitator.cli import main
from sessions.governance.findings import IdentifiersFound
from sessions.services import calendar, people, planning
from sessions.services.programmes import create_programme

NOW = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
ME = "facilitator@nhs.net"


@pytest.fixture
def harbour(store, small_agenda) -> tuple[int, int, int]:
    """Harbour with two sessions planned ahead; Asha and Ben have an address, Cara none,
    and Dev, who has one, has left."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 3, 1))
    second = planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 4, 5))
    for name, email in [
        ("Ben Okafor", "ben.okafor@nhs.net"),
        ("Asha Patel", "asha.patel@nhs.net"),
        ("Cara Lewis", ""),
        ("Dev Shah", "dev.shah@nhs.net"),
    ]:
        member = people.add_member(store, programme.id, name)
        if email:
            people.set_member_email(store, member.id, email)
        if name == "Dev Shah":
            people.archive_member(store, member.id)
    return first, second, programme.id


def _read(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def _attendees(event) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            a.value,
            a.params["CN"][0],
            a.params["ROLE"][0],
            a.params["PARTSTAT"][0],
            a.params["RSVP"][0],
        )
        for a in event.attendee_list
    ]


ASKED = [
    ("mailto:asha.patel@nhs.net", "Asha Patel", "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE"),
    ("mailto:ben.okafor@nhs.net", "Ben Okafor", "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE"),
]


def test_a_request_names_current_members_with_an_address_and_keeps_them(store, harbour) -> None:
    first, _, _ = harbour
    read = _read(calendar.render_invite(store, calendar.session_invite(store, first, ME), NOW))
    assert read.method.value == "REQUEST"
    event = read.vevent
    assert event.organizer.value == f"mailto:{ME}"
    assert _attendees(event) == ASKED
    uid = event.uid.value
    # Moved: the same UID, a higher sequence, the same people asked.
    calendar.move_session(store, first, start=time(10))
    moved = _read(calendar.render_invite(store, calendar.session_invite(store, first, ME), NOW))
    assert (moved.method.value, moved.vevent.uid.value, moved.vevent.sequence.value) == (
        "REQUEST",
        uid,
        "1",
    )
    assert _attendees(moved.vevent) == ASKED
    # Called off: a cancellation to the same people, from the same organiser.
    calendar.cancel_session(store, first, NOW)
    called_off = calendar.session_invite(store, first, ME)
    assert how_sent(called_off) == f"A cancellation from {ME} to 2 members with an e-mail address."
    off = _read(calendar.render_invite(store, called_off, NOW))
    assert off.method.value == "CANCEL"
    assert (off.vevent.uid.value, off.vevent.sequence.value) == (uid, "2")
    assert off.vevent.status.value == "CANCELLED"
    assert off.vevent.organizer.value == f"mailto:{ME}"
    assert _attendees(off.vevent) == ASKED


def test_without_an_organiser_or_anyone_to_ask_it_names_no_one(store, harbour) -> None:
    first, _, programme_id = harbour
    plain = _read(calendar.render_invite(store, calendar.session_invite(store, first), NOW))
    assert plain.method.value == "PUBLISH"
    assert not hasattr(plain.vevent, "attendee") and not hasattr(plain.vevent, "organizer")
    for member in people.list_members(store, programme_id):
        people.set_member_email(store, member.id, "")
    alone = calendar.session_invite(store, first, ME)
    assert not alone.attendees and not alone.requests_replies
    assert _read(calendar.render_invite(store, alone, NOW)).method.value == "PUBLISH"


def test_a_request_leaves_cancelled_sessions_to_their_own_file(store, harbour) -> None:
    _, second, _ = harbour
    calendar.cancel_session(store, second, NOW)
    invitation = calendar.programme_invite(store, "harbour-programme", ME)
    assert [event.number for event in invitation.events] == [1]
    assert invitation.cancelled_left_out == (2,)
    # Without an organiser, one file carries both, as before.
    assert len(calendar.programme_invite(store, "harbour-programme").events) == 2


def test_an_organiser_that_is_no_address_is_refused(store, harbour) -> None:
    from sessions.errors import InputError

    with pytest.raises(InputError, match="not an e-mail address"):
        calendar.session_invite(store, harbour[0], "facilitator at the practice")


def test_what_looks_like_patient_data_stops_the_file(store, harbour, tmp_path: Path) -> None:
    first, _, _ = harbour
    calendar.move_session(store, first, place="Room 2, ring 0161 496 0000 at the door")
    invitation = calendar.session_invite(store, first, ME)
    target = tmp_path / "invite.ics"
    with pytest.raises(IdentifiersFound) as refused:
        calendar.write_invite(store, invitation, NOW, target)
    assert [(f.kind, f.where) for f in refused.value.findings] == [
        ("telephone", "session 1, invitation, place")
    ]
    assert not target.exists()
    calendar.write_invite(store, invitation, NOW, target, redact=True)
    event = _read(target.read_bytes()).vevent
    assert "0161" not in event.location.value and event.location.value.startswith("Room 2")
    # The addresses and the UID are not read: with a clean place, nothing is found.
    calendar.move_session(store, first, place="Room 2")
    from sessions.services.governance import invite_findings

    assert invite_findings(store, calendar.session_invite(store, first, ME)) == []


def test_the_command_line_remembers_the_organiser_and_screens(
    db_path, harbour, tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = ["--db", str(db_path)]
    assert main([*db, "invite", "harbour-programme/1"]) == 0
    out = capsys.readouterr().out
    assert "give --organiser with your own e-mail address" in out
    written = tmp_path / "harbour-programme-session-1.ics"
    assert _read(written.read_bytes()).method.value == "PUBLISH"
    assert main([*db, "invite", "harbour-programme/1", "--organiser", ME]) == 0
    assert f"A meeting request from {ME} to 2 members" in capsys.readouterr().out
    # Remembered: the next invitation is a request too.
    assert main([*db, "invite", "harbour-programme/1"]) == 0
    capsys.readouterr()
    assert _read(written.read_bytes()).method.value == "REQUEST"
    assert main([*db, "invite", "harbour-programme/1", "--organiser", "nobody"]) == 2
    assert "not an e-mail address" in capsys.readouterr().err
    written.unlink()
    assert (
        main([*db, "session", "plan", "harbour-programme/1", "--place", "Ring 07700 900123"]) == 0
    )
    capsys.readouterr()
    assert main([*db, "invite", "harbour-programme/1"]) == 2
    err = capsys.readouterr().err
    assert "telephone number in session 1, invitation, place" in err
    assert "--redact" in err and not written.exists()
    assert main([*db, "invite", "harbour-programme/1", "--keep-identifiers"]) == 0
    capsys.readouterr()
    assert "07700 900123" in _read(written.read_bytes()).vevent.location.value
    # Kept on purpose: the next write passes without being told.
    assert main([*db, "invite", "harbour-programme/1", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("BEGIN:VCALENDAR") and "meeting request" in captured.err


def test_no_organiser_forgets_the_one_remembered(
    db_path, harbour, tmp_path, capsys, monkeypatch
) -> None:
    from facilitator.calendar_commands import ORGANISER_SETTING
    from sessions.settings import load_settings

    monkeypatch.chdir(tmp_path)
    db = ["--db", str(db_path)]
    written = tmp_path / "harbour-programme-session-1.ics"
    assert main([*db, "invite", "harbour-programme/1", "--organiser", ME]) == 0
    capsys.readouterr()
    assert load_settings()[ORGANISER_SETTING] == ME
    assert main([*db, "invite", "harbour-programme/1", "--no-organiser"]) == 0
    assert "give --organiser with your own e-mail address" in capsys.readouterr().out
    assert _read(written.read_bytes()).method.value == "PUBLISH"
    assert ORGANISER_SETTING not in load_settings()
    # Forgotten, not just left out once: the next invitation names no one either.
    assert main([*db, "invite", "harbour-programme/1"]) == 0
    capsys.readouterr()
    assert _read(written.read_bytes()).method.value == "PUBLISH"
    with pytest.raises(SystemExit):
        main([*db, "invite", "harbour-programme/1", "--organiser", ME, "--no-organiser"])
