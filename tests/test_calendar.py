"""A planned session's time and place, re-planning and cancelling it, and its invitation."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject

from facilitator import calendar_commands
from facilitator.cli import main
from sessions.errors import InputError
from sessions.exchange.parse import read_document
from sessions.services import calendar, planning, running
from sessions.services.dashboard import programme_dashboard
from sessions.services.exchange import export_programme, import_programme
from sessions.services.programmes import create_programme
from sessions.vocabulary import SessionState

NOW = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def planned(store, small_agenda) -> tuple[int, int]:
    """Two sessions of "Harbour programme" planned ahead: 35 minutes of agenda each."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 3, 1))
    second = planning.start_session(store, programme.id, small_agenda, planned_for=None)
    return first, second


def _read(data: bytes):
    """The file as a second, independent reader sees it."""
    return vobject.readOne(data.decode("utf-8"))


def test_a_start_gives_an_end_after_the_agenda_to_the_quarter_hour(store, planned) -> None:
    first, _ = planned
    before = calendar.meeting(store, first)
    assert before.meeting.start is None and before.calendar_sequence == 0
    assert calendar.move_session(store, first, start=time(14, 0), place="  Room 2,\n Quay St ")
    after = calendar.meeting(store, first)
    # 5 minutes of matters arising? No: the first session has none. 35 minutes, to 14:45.
    assert after.agenda_seconds == 2100
    assert after.meeting == calendar.Meeting(
        date(2027, 3, 1), time(14), time(14, 45), "Room 2, Quay St"
    )
    assert after.calendar_uid == before.calendar_uid and after.calendar_sequence == 1
    # A new start keeps the meeting's length; the same values again change nothing.
    assert calendar.move_session(store, first, start=time(9, 30))
    assert calendar.meeting(store, first).meeting.end == time(10, 15)
    assert not calendar.move_session(store, first, start=time(9, 30), end=time(10, 15))
    assert calendar.meeting(store, first).calendar_sequence == 2


def test_what_does_not_fit_together_is_refused(store, planned) -> None:
    first, second = planned
    with pytest.raises(InputError, match="cannot end at 09:00 if it starts at 10:00"):
        calendar.move_session(store, first, start=time(10), end=time(9))
    with pytest.raises(InputError, match="A start time needs a day"):
        calendar.move_session(store, second, start=time(10))
    with pytest.raises(InputError, match="An end time needs a start time"):
        calendar.replan_session(store, first, calendar.Meeting(date(2027, 3, 1), None, time(9), ""))
    assert calendar.meeting(store, first).calendar_sequence == 0


def test_a_started_session_is_neither_re_planned_nor_cancelled(store, planned) -> None:
    first, _ = planned
    running.toggle_clock(store, first)
    with pytest.raises(InputError, match="Session 1 has started"):
        calendar.move_session(store, first, place="Teams")
    with pytest.raises(InputError, match="Session 1 has started"):
        calendar.cancel_session(store, first, NOW)
    with pytest.raises(InputError, match="has started: an invitation is for a session still"):
        calendar.session_invite(store, first)


def test_a_cancelled_session_stays_but_never_starts(store, planned) -> None:
    first, second = planned
    programme_id = running.get_session(store, first).programme_id
    calendar.cancel_session(store, second, NOW)
    cancelled = calendar.meeting(store, second)
    assert cancelled.cancelled_at == NOW and cancelled.calendar_sequence == 1
    with pytest.raises(InputError, match="was cancelled, so there is nothing to re-plan"):
        calendar.move_session(store, second, on=date(2027, 4, 1))
    with pytest.raises(InputError, match="cancelled: it never meets"):
        running.toggle_clock(store, second)
    view = programme_dashboard(store, programme_id, date(2027, 2, 1))
    assert [s.state for s in view.sessions] == [SessionState.PLANNED, SessionState.CANCELLED]
    assert not view.sessions[1].resumable
    assert view.planned_seconds == 2100  # the first's agenda alone: the second's is not to run
    assert planning.outlook(store, programme_id).waiting == ((1, date(2027, 3, 1)),)
    calendar.cancel_session(store, first, NOW)
    assert view.waiting is not None
    assert programme_dashboard(store, programme_id, date(2027, 2, 1)).waiting is None
    assert planning.outlook(store, programme_id).number == 3


def test_the_invite_read_back_by_a_second_parser(store, planned) -> None:
    first, _ = planned
    calendar.move_session(store, first, start=time(14), place="Room 2; Quay St")
    data = calendar.render_invite(store, calendar.session_invite(store, first), NOW)
    read = _read(data)
    assert read.method.value == "PUBLISH"
    event = read.vevent
    uid = calendar.meeting(store, first).calendar_uid
    assert (event.uid.value, event.sequence.value, event.status.value) == (uid, "1", "CONFIRMED")
    assert event.dtstart.value == datetime(2027, 3, 1, 14, tzinfo=LONDON)
    assert b"\r\nDTSTART;TZID=Europe/London:20270301T140000\r\n" in data
    assert event.dtend.value == datetime(2027, 3, 1, 14, 45, tzinfo=LONDON)
    assert read.vtimezone.tzid.value == "Europe/London"
    assert event.dtstamp.value == NOW
    assert event.summary.value == "Harbour programme, session 1: Small test agenda"
    assert event.location.value == "Room 2; Quay St"
    assert event.description.value.splitlines()[3:] == [
        "14:00  Introductions (10 min)",
        "14:10  What can we only do together? (20 min)",
        "14:30  Barriers (5 min)",
    ]
    assert not hasattr(event, "attendee")
    # Re-planned: the same UID, a higher sequence, the new time (summer time, an hour on).
    calendar.move_session(store, first, on=date(2027, 6, 1))
    event = _read(calendar.render_invite(store, calendar.session_invite(store, first), NOW)).vevent
    assert (event.uid.value, event.sequence.value) == (uid, "2")
    assert event.dtstart.value.astimezone(UTC) == datetime(2027, 6, 1, 13, tzinfo=UTC)


def test_a_programme_invite_and_a_cancellation(store, planned) -> None:
    _, second = planned
    calendar.move_session(store, second, on=date(2027, 4, 5))
    calendar.cancel_session(store, second, NOW)
    both = _read(
        calendar.render_invite(store, calendar.programme_invite(store, "harbour-programme"), NOW)
    )
    assert both.method.value == "PUBLISH"
    assert [(e.status.value, e.sequence.value) for e in both.vevent_list] == [
        ("CONFIRMED", "0"),
        ("CANCELLED", "2"),
    ]
    # A day and no time: the day itself.
    assert both.vevent_list[0].dtstart.value == date(2027, 3, 1)
    # A cancellation alone: a CANCEL must name its organiser (RFC 5546, 3.2.5), so without
    # one it is published, as the entry it replaces was, saying the session is cancelled.
    alone = _read(calendar.render_invite(store, calendar.session_invite(store, second), NOW))
    assert alone.method.value == "PUBLISH" and alone.vevent.status.value == "CANCELLED"
    assert not hasattr(alone.vevent, "organizer")
    sent = calendar.session_invite(store, second, "me@nhs.net")
    assert not sent.attendees
    told = _read(calendar.render_invite(store, sent, NOW))
    assert told.method.value == "CANCEL" and told.vevent.status.value == "CANCELLED"
    assert told.vevent.organizer.value == "mailto:me@nhs.net"
    assert calendar_commands.how_sent(sent) == (
        "A cancellation from me@nhs.net, to no member: none has an address."
    )


def test_the_file_carries_time_place_and_invitation(store, planned, other) -> None:
    first, second = planned
    calendar.move_session(store, first, start=time(14), place="Teams")
    calendar.cancel_session(store, second, NOW)
    text = export_programme(store, "harbour-programme")[1]
    sessions = json.loads(text)["sessions"]
    assert [
        (s["start_time"], s["end_time"], s["place"], s["calendar_sequence"], s["cancelled_at"])
        for s in sessions
    ] == [("14:00", "14:45", "Teams", 1, None), (None, None, "", 1, "2027-02-01T09:00:00Z")]
    imported = import_programme(other, read_document(text, "the file"))
    assert json.loads(export_programme(other, imported.slug)[1])["sessions"] == sessions
    # An older file: no times, no place, and a UID made as it comes in.
    data = json.loads(text)
    data["version"] = 8
    for session in data["sessions"]:
        for key in ("start_time", "end_time", "place", "calendar_uid"):
            del session[key]
        del session["calendar_sequence"], session["cancelled_at"]
    older = import_programme(other, read_document(json.dumps(data), "old.json"), "Older")
    again = json.loads(export_programme(other, older.slug)[1])["sessions"]
    assert [(s["place"], s["calendar_sequence"], s["cancelled_at"]) for s in again] == [
        ("", 0, None),
        ("", 0, None),
    ]
    assert again[0]["calendar_uid"].endswith("@facilitator")
    assert again[0]["calendar_uid"] != sessions[0]["calendar_uid"]


@pytest.fixture
def other(tmp_path: Path):
    from sessions.store import Store

    store = Store.open(tmp_path / "other.db")
    yield store
    store.close()


def test_the_command_line(store, db_path, planned, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = ["--db", str(db_path)]
    assert (
        main(
            [*db, "session", "plan", "harbour-programme/1", "--start", "10:00", "--place", "Teams"]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith(
        "Session 1 is now planned for Mon 1 Mar 2027, 10:00–10:45, Teams."
    )
    with pytest.raises(SystemExit, match="2"):
        main([*db, "session", "plan", "harbour-programme/1", "--start", "25:00"])
    assert "not a time like 14:30" in capsys.readouterr().err
    assert main([*db, "invite", "harbour-programme/1"]) == 0
    written = tmp_path / "harbour-programme-session-1.ics"
    assert capsys.readouterr().out.splitlines()[-1] == written.name
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert _read(written.read_bytes()).vevent.sequence.value == "1"
    assert main([*db, "session", "cancel", "harbour-programme/1"]) == 0
    assert "is cancelled" in capsys.readouterr().out
    assert main([*db, "session", "cancel", "harbour-programme/1"]) == 2
    assert "was cancelled" in capsys.readouterr().err
    output = tmp_path / "all.ics"
    assert main([*db, "invite", "Harbour programme", "-o", str(output)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Left out, having no day yet: session 2.",
        calendar_commands.how_sent(calendar.programme_invite(store, "Harbour programme")),
        str(output),
    ]
    # No organiser given: published, each session saying it is cancelled.
    cancelled = _read(output.read_bytes())
    assert cancelled.method.value == "PUBLISH"
    assert [event.status.value for event in cancelled.vevent_list] == ["CANCELLED"]


def test_the_export_check_passes_over_the_calendar_uid_and_still_reads_the_place(
    store, planned
) -> None:
    from sessions.models import Session
    from sessions.services.governance import export_findings

    first, _ = planned
    # A real uuid4 whose digits read as a telephone number: the app made it, no person did.
    with store.transaction("give the session an unlucky uid") as db:
        session = db.get(Session, first)
        assert session is not None
        session.calendar_uid = "c4ffc034-4242-4746-b51a-05fed8821039@facilitator"
    assert export_findings(store, "harbour-programme") == []
    calendar.move_session(store, first, place="Room 2, ring 0161 496 0000 at the door")
    assert [finding.kind for finding in export_findings(store, "harbour-programme")] == [
        "telephone"
    ]


def test_an_import_keeps_its_calendar_uids_and_a_second_copy_gets_its_own(
    store, planned, other
) -> None:
    first, _ = planned
    calendar.move_session(store, first, start=time(10))
    text = export_programme(store, "harbour-programme")[1]
    sent = [(s["calendar_uid"], s["calendar_sequence"]) for s in json.loads(text)["sessions"]]
    # Moved to another computer: the invitations already sent go on being updated.
    moved = import_programme(other, read_document(text, "the file"))
    assert [
        (s["calendar_uid"], s["calendar_sequence"])
        for s in json.loads(export_programme(other, moved.slug)[1])["sessions"]
    ] == sent
    # A second copy beside the first: meetings of its own, from sequence 0.
    copy = import_programme(other, read_document(text, "the file"), "Harbour copy")
    again = [
        (s["calendar_uid"], s["calendar_sequence"])
        for s in json.loads(export_programme(other, copy.slug)[1])["sessions"]
    ]
    assert [sequence for _, sequence in again] == [0, 0]
    assert {uid for uid, _ in again}.isdisjoint(uid for uid, _ in sent)
    assert len({uid for uid, _ in again}) == 2
    assert all(uid.endswith("@facilitator") for uid, _ in again)
