"""One rule for the steps a session covered: the dashboard, the report, the step suggestion
and the minutes all say the same."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import notes, planning, running
from sessions.services.dashboard import programme_dashboard
from sessions.services.minutes import session_minutes
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report
from sessions.services.suggestion import suggest_step

TODAY = date(2026, 11, 23)


@pytest.fixture
def four_steps() -> Agenda:
    """A welcome, two items for each step, and a close."""

    def step(number: int) -> Section:
        return Section(
            f"Step {number}: the step",
            number,
            (AgendaItem(f"{number}a", 600), AgendaItem(f"{number}b", 600)),
        )

    return Agenda(
        title="Four steps",
        sections=(
            Section("Welcome", None, (AgendaItem("Hello", 300),)),
            *(step(n) for n in (1, 2, 3, 4)),
            Section("Close", None, (AgendaItem("Goodbye", 300),)),
        ),
        source="test",
    )


def agree(store, programme_id: int, session_ids: list[int]) -> list[tuple[int, ...]]:
    """Each session's steps covered, after checking the four places that say it agree."""
    dashboard = programme_dashboard(store, programme_id, TODAY)
    report = programme_report(store, "harbour-programme")
    by_dashboard = [s.steps_worked for s in dashboard.sessions]
    assert [s.steps for s in report.sessions] == by_dashboard
    assert [session_minutes(store, sid).steps_covered for sid in session_ids] == by_dashboard
    assert report.steps == dashboard.steps
    suggestion = suggest_step(store, programme_id)
    assert (suggestion.step, suggestion.reason) == (
        dashboard.suggestion.step,
        dashboard.suggestion.reason,
    )
    # The suggestion never rests on a step nobody covered.
    covered = {step for steps in by_dashboard for step in steps}
    if covered:
        assert suggestion.step in covered | {step + 1 for step in covered}
    else:
        assert suggestion.step == 1
    return by_dashboard


def test_jumping_past_steps_to_the_close_covers_none_of_them(store, four_steps, clock) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    one = planning.start_session(store, programme.id, four_steps)
    running.toggle_clock(store, one, clock())
    for _ in range(5):  # the welcome, 1a, 1b, 2a, 2b: ten minutes each
        running.move(store, one, +1, clock.advance(600))
    running.finish_session(store, one, clock.advance(60))  # on 3a, a minute in
    # Session 2 opens with the last minutes and matters arising, then goes from the welcome
    # straight to the close.
    two = planning.start_session(store, programme.id, four_steps)
    running.toggle_clock(store, two, clock.advance(86400))
    running.jump(store, two, 2, clock.advance(300))
    running.jump(store, two, 11, clock.advance(600))
    running.finish_session(store, two, clock.advance(300))

    assert agree(store, programme.id, [one, two]) == [(1, 2, 3), ()]
    suggestion = suggest_step(store, programme.id)
    # Session 2, at the close, did not reach step 4: session 1 decides, stopped in step 3.
    assert (suggestion.step, suggestion.reason) == (3, "session 1 stopped in step 3")


def test_a_skipped_item_or_a_moment_passing_through_covers_nothing(
    store, four_steps, clock
) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, four_steps)
    running.toggle_clock(store, sid, clock())
    running.move(store, sid, +1, clock.advance(300))  # the welcome, onto 1a
    running.move(store, sid, +1, clock.advance(20))  # 20 seconds on 1a, onto 1b
    running.skip(store, sid, clock.advance(300))  # 1b skipped after five minutes, onto 2a
    running.move(store, sid, +1, clock.advance(59))  # 59 seconds on 2a, onto 2b
    notes.add_note(store, sid, 4, "rel: the trust came", "deal", today=TODAY, now=clock())
    running.move(store, sid, +1, clock())  # a note on 2b, no time: step 2 is covered
    running.move(store, sid, +1, clock.advance(60))  # a minute on 3a, to 3b
    running.toggle_clock(store, sid, clock.advance(5))

    assert agree(store, programme.id, [sid]) == [(2, 3)]
    suggestion = suggest_step(store, programme.id)
    assert (suggestion.step, suggestion.reason) == (3, "session 1 stopped in step 3")


def test_a_session_never_started_covers_nothing(store, four_steps) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, four_steps)
    assert agree(store, programme.id, [sid]) == [()]
    assert suggest_step(store, programme.id).reason == "no session has worked on a step yet"


def test_the_balance_table_names_what_it_counts_and_adds_up(store, four_steps, clock) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, four_steps)
    running.toggle_clock(store, sid, clock())
    lines = {
        0: ("Everyone came", "Fewer meetings"),
        1: ("One front door", "rel: practices trust the pharmacists"),
        3: ("rel: the trust listened",),
        9: ("rel: warm goodbyes", "A date for next time"),
    }
    for position in range(10):
        for line in lines.get(position, ()):
            notes.add_note(store, sid, position, line, "deal", today=TODAY, now=clock())
        if position < 9:
            running.move(store, sid, +1, clock.advance(120))
    running.finish_session(store, sid, clock.advance(60))

    minutes = session_minutes(store, sid)
    rows = [(row.label, row.deal, row.relationship) for row in minutes.balance]
    assert rows == [
        ("Step 1: Set-up right", 1, 1),
        ("Step 2: Trusted people", 0, 1),
        ("Step 3: Roles and processes", 0, 0),
        ("Step 4: Enabling technologies", 0, 0),
        ("Outside the steps: Welcome, Close", 3, 1),
        ("Whole session", 4, 3),
    ]
    assert sum(row.total for row in minutes.balance[:-1]) == minutes.balance[-1].total
    summary = programme_dashboard(store, programme.id, TODAY).sessions[0]
    assert (summary.deal_notes, summary.relationship_notes) == (4, 3)

    report = programme_report(store, "harbour-programme")
    assert [(row.label, row.deal, row.relationship) for row in report.step_balance] == [
        *rows[:-1],
        ("Whole programme", 4, 3),
    ]
    assert report.balance_rows[-1] == ("Whole programme", 4, 3)
