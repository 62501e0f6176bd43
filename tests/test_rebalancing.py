"""Rebalancing a running session: preview, accept, and what the minutes then say."""

from __future__ import annotations

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError
from sessions.minutes.render import render_markdown
from sessions.pacing import pace
from sessions.services import planning, running
from sessions.services.minutes import session_minutes
from sessions.services.programmes import create_programme
from sessions.services.rebalancing import apply_rebalance, preview_rebalance

AGENDA = Agenda(
    title="Paced",
    sections=(
        Section(
            "Step 1: Set-up right",
            1,
            (
                AgendaItem("Purpose", 1200),
                AgendaItem("Barriers", 600, kind="checklist", options=("a", "b")),
            ),
        ),
        Section("Break", None, (AgendaItem("Tea", 900, kind="break"),)),
        Section("Step 2: Trusted people", 2, (AgendaItem("Trust", 1200),)),
    ),
)


@pytest.fixture
def late_session(store, clock) -> int:
    programme = create_programme(store, "Paced programme")
    sid = planning.start_session(store, programme.id, AGENDA)
    running.toggle_clock(store, sid, clock())
    running.move(store, sid, +1, clock.advance(1800))  # Purpose ran 30 min for 20 planned
    return sid


def test_a_rebalance_needs_a_started_clock(store, small_agenda) -> None:
    programme = create_programme(store, "Not started")
    sid = planning.start_session(store, programme.id, small_agenda)
    with pytest.raises(InputError, match="Start the clock first"):
        preview_rebalance(store, sid)


def test_preview_cuts_what_is_to_come_and_leaves_breaks(store, late_session, clock) -> None:
    plan = preview_rebalance(store, late_session, clock())
    # Barriers is current (its 10 minutes stay); Tea and Trust are to come: 10 min must go.
    assert [(r.title, r.old_seconds, r.new_seconds) for r in plan.items] == [
        ("Tea", 900, 900),
        ("Trust", 1200, 600),
    ]
    assert plan.fits
    with_breaks = preview_rebalance(store, late_session, clock(), include_breaks=True)
    # 25 minutes for 35 of agenda, in proportion and whole minutes: 10.7 → 11 and 14.3 → 14.
    assert [r.new_seconds for r in with_breaks.items] == [660, 840]


def test_accepting_puts_the_session_back_on_time(store, late_session, clock) -> None:
    plan = preview_rebalance(store, late_session, clock())
    assert apply_rebalance(store, late_session, plan, clock()) == 1
    view = running.get_session(store, late_session)
    assert [i.rebalanced_seconds for i in view.items] == [None, None, None, 600]
    assert [i.base_seconds for i in view.items] == [1200, 600, 900, 600]
    state = running.clock_state(store, late_session)
    reading = pace(state, [i.base_seconds for i in view.items], clock(), view.planned_seconds)
    assert reading.verdict == "on time"
    text = render_markdown(session_minutes(store, late_session))
    assert "*Planned 20 min, rebalanced to 10 min; not reached.*" in text
    assert "*Planned 20 min, took 30 min.*" in text


def test_nothing_fits_is_said_plainly(store, late_session, clock) -> None:
    clock.advance(3 * 3600)  # hours late: nothing can fit now
    plan = preview_rebalance(store, late_session, clock())
    assert not plan.fits
    assert [r.new_seconds for r in plan.items] == [900, 120]


def test_no_items_left_to_rebalance(store, late_session, clock) -> None:
    running.move(store, late_session, +1, clock.advance(60))
    running.move(store, late_session, +1, clock.advance(60))
    with pytest.raises(InputError, match="No items are left"):
        preview_rebalance(store, late_session, clock())
