"""The programme dashboard's figures, and renaming and archiving a programme."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import event

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError, NotFoundError
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions, set_action_status
from sessions.services.dashboard import programme_dashboard
from sessions.services.note_editing import delete_note
from sessions.services.programmes import (
    archive_programme,
    create_programme,
    find_programme,
    get_programme,
    list_programmes,
    rename_programme,
    unarchive_programme,
)
from sessions.vocabulary import SessionState

TODAY = date(2026, 11, 23)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


@pytest.fixture
def two_step_agenda(small_agenda) -> Agenda:
    """The small agenda and one Step 2 item after it, at position 3."""
    step_two = Section("Step 2: Trusted people", 2, (AgendaItem("Who do we trust?", 900),))
    return Agenda(title="Two steps", sections=(*small_agenda.sections, step_two), source="test")


def note(store, session_id, position, line, kind="deal", at=None):
    return notes.add_note(store, session_id, position, line, kind, today=TODAY, now=at)


def by_number(view):
    return {summary.number: summary for summary in view.sessions}


def test_a_new_programme_has_an_empty_dashboard(store, programme) -> None:
    view = programme_dashboard(store, programme.id, TODAY)
    assert view.programme.name == "Harbour programme"
    assert view.programme.pcn_name == "Harbour PCN"
    assert view.sessions == ()
    assert [(s.step, s.session_numbers) for s in view.steps] == [(1, ()), (2, ()), (3, ()), (4, ())]
    assert view.steps[1].label == "Step 2: Trusted people"
    assert (view.open_actions, view.overdue_actions) == (0, 0)
    assert view.note_trend == []
    assert view.scorecard_trends == ()


def test_sessions_have_their_state_date_and_times(store, programme, small_agenda, clock) -> None:
    first = planning.start_session(store, programme.id, small_agenda)
    started = clock()
    running.toggle_clock(store, first, started)
    running.move(store, first, +1, clock.advance(600))
    running.finish_session(store, first, clock.advance(1200))

    second = planning.start_session(store, programme.id, small_agenda)
    next_day = clock.advance(86400)
    running.toggle_clock(store, second, next_day)
    running.toggle_clock(store, second, clock.advance(90))  # paused, never finished

    before = datetime.now(UTC)
    planning.start_session(store, programme.id, small_agenda)  # set up, never started
    after = datetime.now(UTC)

    sessions = by_number(programme_dashboard(store, programme.id, TODAY))
    assert [sessions[n].state for n in (1, 2, 3)] == [
        SessionState.FINISHED,
        SessionState.UNFINISHED,
        SessionState.PLANNED,
    ]
    assert [sessions[n].resumable for n in (1, 2, 3)] == [False, True, True]
    assert sessions[1].held_at == started
    assert sessions[2].held_at == next_day
    assert before <= sessions[3].held_at <= after  # the day it was set up
    # From the second session on, the last minutes (5 minutes) and matters arising (5 with
    # nothing open) come first.
    assert [sessions[n].planned_seconds for n in (1, 2, 3)] == [2100, 2700, 2700]
    assert [sessions[n].actual_seconds for n in (1, 2, 3)] == [1800, 90, 0]
    assert sessions[1].agenda_title == "Small test agenda"


def test_a_step_is_worked_when_an_item_ran_or_has_notes(
    store, programme, two_step_agenda, clock
) -> None:
    # Session 1 runs the welcome and Step 1's first item.
    one = planning.start_session(store, programme.id, two_step_agenda)
    running.toggle_clock(store, one, clock())
    running.move(store, one, +1, clock.advance(300))
    running.finish_session(store, one, clock.advance(300))
    # Sessions from the second on open with the last minutes and matters arising (no
    # step), so every agenda position below is two further on.
    # Session 2 only runs matters arising; Step 2 has a note taken there.
    two = planning.start_session(store, programme.id, two_step_agenda)
    running.toggle_clock(store, two, clock.advance(60))
    running.toggle_clock(store, two, clock.advance(60))
    note(store, two, 5, "We trust the practice managers' forum", "relationship")
    # Session 3 passes through Step 1 without a second on it, and works on Step 2.
    three = planning.start_session(store, programme.id, two_step_agenda)
    running.toggle_clock(store, three, clock.advance(60))
    running.move(store, three, +1, clock())
    running.move(store, three, +1, clock.advance(30))
    running.move(store, three, +1, clock.advance(30))
    running.move(store, three, +1, clock())
    running.move(store, three, +1, clock())
    running.finish_session(store, three, clock.advance(120))
    # Session 4: a Step 1 note, deleted again, does not count.
    four = planning.start_session(store, programme.id, two_step_agenda)
    delete_note(store, note(store, four, 3, "Said by mistake").id)

    view = programme_dashboard(store, programme.id, TODAY)
    assert [s.steps_worked for s in view.sessions] == [(1,), (2,), (2,), ()]
    assert [(s.step, s.session_numbers) for s in view.steps] == [
        (1, (1,)),
        (2, (2, 3)),
        (3, ()),
        (4, ()),
    ]


def test_actions_open_and_overdue_are_counted(store, programme, small_agenda) -> None:
    sid = planning.start_session(store, programme.id, small_agenda)
    note(store, sid, 0, "a: send the draft @Sam 2026-11-01")  # overdue
    note(store, sid, 0, "a: book the room @Jo 2026-12-30")
    note(store, sid, 0, "a: call the trust @Jo 2026-11-02")
    note(store, sid, 0, "a: no date given @Jo")
    done = next(a for a in list_actions(store, programme.id) if "trust" in a.text)
    set_action_status(store, done.id, "done")

    view = programme_dashboard(store, programme.id, TODAY)
    assert (view.open_actions, view.overdue_actions) == (3, 1)
    assert programme_dashboard(store, programme.id, date(2027, 1, 1)).overdue_actions == 2


def test_an_action_whose_note_was_deleted_is_not_counted(store, programme, small_agenda) -> None:
    sid = planning.start_session(store, programme.id, small_agenda)
    note(store, sid, 0, "a: send the draft @Sam 2026-11-01")
    delete_note(store, note(store, sid, 0, "a: typed twice @Sam 2026-11-01").id)
    note(store, sid, 0, f"a: due today @Jo {TODAY:%Y-%m-%d}")  # not late until tomorrow

    view = programme_dashboard(store, programme.id, TODAY)
    assert (view.open_actions, view.overdue_actions) == (2, 1)
    assert view.open_actions == len(list_actions(store, programme.id, status="open"))


def test_the_note_trend_counts_deal_and_relationship_per_session(
    store, programme, small_agenda
) -> None:
    one = planning.start_session(store, programme.id, small_agenda)
    for line in ("One front door", "Shared rota", "rel: the trust listened"):
        note(store, one, 1, line)
    note(store, one, 1, "d: meet monthly")  # a decision is neither
    delete_note(store, note(store, one, 1, "typo").id)
    two = planning.start_session(store, programme.id, small_agenda)
    note(store, two, 0, "Practices feel heard", "relationship")
    note(store, two, 2, "deal: a joint bid", "relationship")
    planning.start_session(store, programme.id, small_agenda)

    view = programme_dashboard(store, programme.id, TODAY)
    assert view.note_trend == [(1, 2, 1), (2, 1, 1), (3, 0, 0)]


def test_the_dashboard_reads_in_the_same_few_queries_however_many_sessions(
    store, programme, small_agenda, clock
) -> None:
    def queries() -> int:
        statements: list[str] = []

        def count(*args) -> None:
            statements.append(args[2])

        event.listen(store.engine, "before_cursor_execute", count)
        try:
            programme_dashboard(store, programme.id, TODAY)
        finally:
            event.remove(store.engine, "before_cursor_execute", count)
        return len(statements)

    def add_session() -> None:
        sid = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, sid, clock.advance(60))
        running.move(store, sid, +1, clock.advance(60))
        note(store, sid, 1, "a: follow up @Sam 2026-11-01")
        note(store, sid, 1, "rel: warmer")

    add_session()
    with_one = queries()
    for _ in range(5):
        add_session()
    assert queries() == with_one
    assert with_one <= 10


def test_an_unknown_programme_has_no_dashboard(store) -> None:
    with pytest.raises(NotFoundError):
        programme_dashboard(store, 999, TODAY)


def test_rename_checks_the_name_and_keeps_the_slug(store, programme, small_agenda) -> None:
    other = create_programme(store, "Bay programme")
    sid = planning.start_session(store, programme.id, small_agenda)

    renamed = rename_programme(store, programme.id, "  Harbour   and Bay  ")
    assert (renamed.name, renamed.slug) == ("Harbour and Bay", "harbour-programme")
    assert get_programme(store, programme.id).name == "Harbour and Bay"
    assert find_programme(store, "harbour and bay").id == programme.id
    # References written before the rename still find the session.
    assert running.resolve_session_ref(store, "harbour-programme/1") == sid

    with pytest.raises(InputError, match="already exists"):
        rename_programme(store, programme.id, "BAY PROGRAMME")
    with pytest.raises(InputError, match="cannot be empty"):
        rename_programme(store, programme.id, "   ")
    with pytest.raises(InputError, match="too long"):
        rename_programme(store, programme.id, "x" * 201)
    assert get_programme(store, programme.id).name == "Harbour and Bay"
    # Its own name in other letters' case is not a clash.
    assert rename_programme(store, programme.id, "HARBOUR AND BAY").name == "HARBOUR AND BAY"
    # An archived programme still holds its name.
    archive_programme(store, other.id, datetime(2026, 11, 23, tzinfo=UTC))
    with pytest.raises(InputError, match="already exists"):
        rename_programme(store, programme.id, "Bay programme")
    with pytest.raises(NotFoundError):
        rename_programme(store, 999, "Anything")


def test_archive_hides_the_programme_and_deletes_nothing(
    store, programme, small_agenda, clock
) -> None:
    kept = create_programme(store, "Kept")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    note(store, sid, 0, "a: write it up @Sam 2026-11-01")

    archive_programme(store, programme.id, clock.advance(60))
    assert [p.id for p in list_programmes(store)] == [kept.id]
    assert running.list_unfinished(store) == []
    assert get_programme(store, programme.id).name == "Harbour programme"
    assert [n.text for n in notes.list_notes(store, sid)] == ["write it up"]
    assert len(list_actions(store, programme.id)) == 1
    view = programme_dashboard(store, programme.id, TODAY)
    assert [s.id for s in view.sessions] == [sid]

    archive_programme(store, programme.id, clock.advance(60))  # again: no harm
    unarchive_programme(store, programme.id)
    assert {p.id for p in list_programmes(store)} == {kept.id, programme.id}
    assert [u.session_id for u in running.list_unfinished(store)] == [sid]
    with pytest.raises(NotFoundError):
        archive_programme(store, 999, clock())
