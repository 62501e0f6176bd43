"""A cancelled session is passed over: the next meeting approves the minutes of the last one
that met, its papers carry them, and the report does not count it as a meeting held."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.domain.planning import NO_MINUTES_TITLE
from sessions.services import calendar, notes, people, planning, quorum, running, scorecard
from sessions.services.matters_arising import review_entries
from sessions.services.minutes import session_minutes
from sessions.services.minutes_approval import approval_entries, approve
from sessions.services.pack import render_pack, session_pack
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report
from sessions.vocabulary import ItemKind

pytestmark = pytest.mark.usefixtures("utc_local_time")

CANCELLED_ON = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
TODAY = date(2027, 1, 20)
DAYS = (date(2027, 1, 11), date(2027, 2, 8), date(2027, 3, 8))


def _minutes_item(store, session_id: int):
    return next(
        item
        for item in running.get_session(store, session_id).items
        if item.kind == ItemKind.MINUTES_APPROVAL
    )


@pytest.fixture
def board(store, clock, small_agenda) -> SimpleNamespace:
    """Three sessions planned ahead; the first meets, takes its register and raises an
    action; then the second is cancelled."""
    programme = create_programme(store, "Quay programme", "Quay PCN")
    ann = people.add_member(store, programme.id, "Ann Patel", "Quay Surgery")
    bea = people.add_member(store, programme.id, "Bea Hughes", "Quay Pharmacy")
    quorum.set_quorum(store, programme.id, "2")
    one, two, three = (
        planning.start_session(store, programme.id, small_agenda, planned_for=day) for day in DAYS
    )
    people.set_attendance(store, one, ann.id, "present")
    people.set_attendance(store, one, bea.id, "present")
    running.toggle_clock(store, one, clock())
    notes.add_note(store, one, 0, "a: book the hall @Ann Patel", "deal", now=clock.advance(60))
    running.finish_session(store, one, clock.advance(3600))
    # Typed into the second before it was called off: kept, but it never met.
    people.set_attendance(store, two, ann.id, "apologies")
    calendar.cancel_session(store, two, CANCELLED_ON)
    return SimpleNamespace(
        programme=programme, slug=programme.slug, ann=ann, bea=bea, ids=(one, two, three)
    )


def test_the_next_meeting_approves_the_minutes_of_the_last_that_met(store, board, clock) -> None:
    one, two, three = board.ids
    # Planned when the second was still to meet, it named the second; now the first.
    item = _minutes_item(store, three)
    assert item.title == "Approve the minutes of session 1"
    assert "session 1 a true record" in item.prompt and "session 2" not in item.prompt
    # The cancelled session's own item is left as it was: it is in the record as planned.
    assert _minutes_item(store, two).title == "Approve the minutes of session 1"
    assert [entry.number for entry in approval_entries(store, three)] == [1]
    assert [entry.raised_in for entry in review_entries(store, three, TODAY)] == [1]
    running.toggle_clock(store, three, clock())
    approve(store, three, one, now=clock.advance(60))
    assert [entry.approved_in for entry in approval_entries(store, three)] == [3]


def test_a_session_planned_after_a_cancellation_names_the_last_meeting(
    store, board, small_agenda
) -> None:
    four = planning.start_session(store, board.programme.id, small_agenda)
    # The third has not met, but it is to: the fourth approves its minutes.
    assert _minutes_item(store, four).title == "Approve the minutes of session 3"
    calendar.cancel_session(store, board.ids[2], CANCELLED_ON)
    assert _minutes_item(store, four).title == "Approve the minutes of session 1"
    five = planning.start_session(store, board.programme.id, small_agenda)
    assert _minutes_item(store, five).title == "Approve the minutes of session 4"


def test_a_later_session_whose_minutes_item_is_renamed_has_a_new_invitation(
    store, board, small_agenda
) -> None:
    """Its invitation lists the agenda, the minutes item among it: calendars holding the old
    one take the new only if its SEQUENCE is higher, as for any change to a planned session."""
    four = planning.start_session(store, board.programme.id, small_agenda, planned_for=TODAY)
    before = calendar.meeting(store, four).calendar_sequence
    three_before = calendar.meeting(store, board.ids[2]).calendar_sequence
    calendar.cancel_session(store, board.ids[2], CANCELLED_ON)
    assert _minutes_item(store, four).title == "Approve the minutes of session 1"
    assert calendar.meeting(store, four).calendar_sequence == before + 1
    invitation = calendar.session_invite(store, four)
    assert [event.sequence for event in invitation.events] == [before + 1]
    assert "Approve the minutes of session 1" in calendar.render_invite(
        store, invitation, CANCELLED_ON
    ).decode("utf-8").replace("\r\n ", "")
    # The cancelled session's own change is counted once, by its cancellation.
    assert calendar.meeting(store, board.ids[2]).calendar_sequence == three_before + 1


def test_with_no_meeting_before_it_a_session_has_no_minutes_to_approve(store, small_agenda) -> None:
    programme = create_programme(store, "Bay programme", "Bay PCN")
    one = planning.start_session(store, programme.id, small_agenda)
    two = planning.start_session(store, programme.id, small_agenda)
    calendar.cancel_session(store, one, CANCELLED_ON)
    assert _minutes_item(store, two).title == NO_MINUTES_TITLE
    # One set up once the only session before it is called off is a first meeting.
    calendar.cancel_session(store, two, CANCELLED_ON)
    three = planning.start_session(store, programme.id, small_agenda)
    kinds = [item.kind for item in running.get_session(store, three).items]
    assert ItemKind.MINUTES_APPROVAL not in kinds and ItemKind.MATTERS_ARISING not in kinds
    assert session_pack(store, three, today=TODAY).previous is None


def test_the_papers_carry_the_last_meetings_minutes_as_the_draft(store, board) -> None:
    pack = session_pack(store, board.ids[2], today=TODAY)
    assert pack.previous is not None and pack.previous.minutes is not None
    assert pack.previous.session_number == 1
    assert pack.previous.said == "DRAFT: the minutes of session 1, for approval at this meeting."
    text = render_pack(store, board.ids[2], "md", today=TODAY).decode()
    assert "## Minutes of session 1\n" in text and "Minutes of session 2" not in text


def test_the_minutes_next_meeting_is_the_one_after_the_cancelled(store, board) -> None:
    assert session_minutes(store, board.ids[0]).next_session_on == DAYS[2]


def test_the_report_counts_no_cancelled_meeting_as_held(store, board, clock) -> None:
    three = board.ids[2]
    people.set_attendance(store, three, board.ann.id, "present")
    people.set_attendance(store, three, board.bea.id, "apologies")
    running.toggle_clock(store, three, clock())
    turnout = programme_report(store, board.slug).turnout
    assert turnout is not None
    assert [s.number for s in turnout.sessions] == [1, 3]
    assert [(m.name, m.attended_text, m.apologies) for m in turnout.members] == [
        ("Ann Patel", "2 of 2", 0),
        ("Bea Hughes", "1 of 2", 1),
    ]
    assert turnout.counted_line == "Rates are out of the 2 sessions held."
    assert turnout.quorum_line == "Quorate at 1 of 2 meetings."


def test_last_time_is_the_last_meeting_not_a_cancelled_session(store, clock) -> None:
    card = Agenda(
        title="Health check",
        sections=(
            Section(
                "Step 1: Set-up right",
                1,
                (
                    AgendaItem(
                        "Health check",
                        900,
                        kind="scorecard",
                        areas=(ScorecardArea("Purpose", ("We agree why we exist",)),),
                    ),
                ),
            ),
        ),
        source="test",
    )
    programme = create_programme(store, "Cove programme", "Cove PCN")
    one, two, three = (planning.start_session(store, programme.id, card) for _ in range(3))

    def position(session_id: int) -> int:
        items = running.get_session(store, session_id).items
        return next(i.position for i in items if i.kind == ItemKind.SCORECARD)

    scorecard.rate(store, one, position(one), 0, 2)
    running.toggle_clock(store, one, clock())
    running.finish_session(store, one, clock.advance(60))
    # Rated before the clock started, then called off: it never met.
    scorecard.rate(store, two, position(two), 0, 5)
    calendar.cancel_session(store, two, CANCELLED_ON)
    result = scorecard.scorecard_results(store, three, position(three))[0]
    assert (result.previous_mean, result.previous_session) == (2.0, 1)
