"""A session still to meet is given no day that has passed: confirming, re-planning, the
dialog; nothing changes where one is refused."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.cli import main
from sessions.errors import InputError
from sessions.models import Session
from sessions.plan.library import find_plan
from sessions.services import calendar
from sessions.services.plans import confirm_session_day, programme_from_plan
from sessions.store import Store

START = date(2027, 1, 11)
TODAY = date(2027, 1, 20)


@pytest.fixture
def laid(store):
    return programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)


def _held(store: Store, session_id: int) -> tuple[date | None, bool, int]:
    with store.reading() as db:
        session = db.get(Session, session_id)
        assert session is not None
        return session.planned_for, session.date_to_confirm, session.calendar_sequence


def test_confirming_a_day_gone_by_is_refused_and_changes_nothing(store, laid) -> None:
    first = laid.sessions[0][0]
    before = _held(store, first)
    # The planned day itself, now past.
    with pytest.raises(InputError, match="11 January 2027 has passed"):
        confirm_session_day(store, "north-pcn/1", today=TODAY)
    with pytest.raises(InputError, match=r"give a day from today \(20 January 2027\) on"):
        confirm_session_day(store, "north-pcn/1", date(2027, 1, 19), today=TODAY)
    assert _held(store, first) == before
    assert confirm_session_day(store, "north-pcn/1", TODAY, today=TODAY) == TODAY


def test_re_planning_to_a_day_gone_by_is_refused_and_a_time_alone_is_not(store, laid) -> None:
    second = laid.sessions[1][0]
    before = _held(store, second)
    with pytest.raises(InputError, match="has passed"):
        calendar.move_session(store, second, on=date(2027, 1, 19), today=TODAY)
    with pytest.raises(InputError, match="has passed"):
        calendar.replan_session(
            store, second, calendar.Meeting(date(2026, 12, 1), None, None, ""), TODAY
        )
    assert _held(store, second) == before
    # A day kept as it was is not given again: a time alone goes through, even for a day
    # that has since passed.
    assert calendar.move_session(store, second, place="Room 2", today=date(2027, 12, 1))


def test_the_command_line_refuses_a_day_gone_by(db_path, laid, capsys) -> None:
    db = ["--db", str(db_path)]
    assert main([*db, "programme", "confirm", "north-pcn/2", "--on", "2020-01-06"]) == 2
    assert "6 January 2020 has passed" in capsys.readouterr().err
    assert main([*db, "session", "plan", "north-pcn/2", "--date", "2020-01-06"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "6 January 2020 has passed" in err
