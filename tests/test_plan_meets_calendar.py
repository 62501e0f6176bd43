"""A plan's days, the time and place of a session, and its papers agree with one another."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from facilitator.screens.dashboard_plan import plan_text
from sessions.errors import InputError
from sessions.models import Session
from sessions.plan.library import find_plan
from sessions.services import calendar
from sessions.services.dashboard import programme_dashboard
from sessions.services.pack import session_pack
from sessions.services.plans import confirm_session_day, programme_from_plan
from sessions.store import Store

START = date(2027, 1, 11)
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


def _to_confirm(store: Store, session_id: int) -> bool:
    with store.reading() as db:
        session = db.get(Session, session_id)
        assert session is not None
        return session.date_to_confirm


def _line(store: Store, programme_id: int) -> str:
    line = plan_text(programme_dashboard(store, programme_id, START))
    assert line is not None
    return line.plain


@pytest.fixture
def laid(store):
    return programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)


def test_a_day_given_is_confirmed_and_a_time_alone_leaves_it_to_confirm(store, laid) -> None:
    first = laid.sessions[0][0]
    assert _to_confirm(store, first)
    assert calendar.move_session(store, first, start=time(14, 0), place="Room 2")
    assert _to_confirm(store, first)
    assert calendar.move_session(store, first, on=date(2027, 1, 12))
    assert not _to_confirm(store, first)
    assert calendar.meeting(store, first).calendar_sequence == 2

    second = laid.sessions[1][0]
    planned = calendar.meeting(store, second).meeting
    # The dialog shows the day and saves it with the rest: the day is agreed, nothing moved.
    assert not calendar.replan_session(store, second, planned)
    assert not _to_confirm(store, second)


def test_confirming_another_day_updates_the_invitation_and_the_same_day_does_not(
    store, laid
) -> None:
    first = laid.sessions[0][0]
    confirm_session_day(store, "north-pcn/1")
    assert calendar.meeting(store, first).calendar_sequence == 0
    confirm_session_day(store, "north-pcn/1", date(2027, 1, 18))
    assert calendar.meeting(store, first).calendar_sequence == 1


def test_a_cancelled_session_is_not_the_plans_next_and_has_no_day_to_confirm(store, laid) -> None:
    first = laid.sessions[0][0]
    assert "next: Kick-off" in _line(store, laid.programme.id)
    calendar.cancel_session(store, first, NOW)
    assert "next: Kick-off" not in _line(store, laid.programme.id)
    assert "next: Working through the four steps" in _line(store, laid.programme.id)
    with pytest.raises(InputError, match="cancelled"):
        confirm_session_day(store, "north-pcn/1")


def test_the_papers_give_the_time_and_place_the_session_holds(store, laid) -> None:
    first = laid.sessions[0][0]
    header = session_pack(store, first, today=START).header
    assert (header.time_line, header.place_line) == ("to be confirmed", "to be confirmed")
    calendar.move_session(store, first, start=time(14, 0), end=time(15, 30), place="Room 2")
    header = session_pack(store, first, today=START).header
    assert (header.time_line, header.place_line) == ("14:00 to 15:30", "Room 2")
