"""A mean is written to one place with a half rounded up, the same on every screen and page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from facilitator.widgets.activity_trends import scorecard_text
from facilitator.widgets.scorecard_panel import result_text
from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.means import change_text, mean_text, rounded_mean
from sessions.services import planning, running, scorecard
from sessions.services.dashboard import programme_dashboard
from sessions.services.minutes import render_markdown, session_minutes
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report
from sessions.services.room import room_markdown

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (3.25, "3.3"),
        (2.35, "2.4"),
        (13 / 4, "3.3"),
        (47 / 20, "2.4"),
        (Fraction(47, 20), "2.4"),
        (Decimal("2.3500000000000000"), "2.4"),  # PostgreSQL's avg
        (1.15, "1.2"),
        (4.45, "4.5"),
        (7 / 3, "2.3"),
        (5.0, "5.0"),
        (1.04, "1.0"),
    ],
)
def test_a_half_is_rounded_up(value, shown) -> None:
    assert mean_text(value) == shown
    assert rounded_mean(value) == Decimal(shown)


def test_a_change_is_taken_of_the_exact_means() -> None:
    # As floats, 3.35 - 1.0 is 2.3499…, which would round down.
    assert change_text(3.35, 1.0) == "+2.4"
    assert change_text(2.0, 3.25) == "-1.3"
    assert change_text(3.0, 3.0) == "+0.0"


def test_every_place_a_mean_shows_rounds_it_half_up(store, clock) -> None:
    agenda = Agenda(
        title="Scorecard",
        sections=(
            Section(
                "Step 1: Set-up right",
                1,
                (
                    AgendaItem(
                        "How are we doing?",
                        600,
                        kind="scorecard",
                        areas=(ScorecardArea("Trust", ("We keep promises",)),),
                    ),
                ),
            ),
        ),
        source="test",
    )
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, sid, clock())
    for score in (3, 3, 3, 4):  # a mean of 3.25
        scorecard.rate(store, sid, 0, 0, score, now=clock.advance(10))

    results = scorecard.scorecard_results(store, sid, 0)
    assert "mean 3.3 (3–4)" in result_text(results[0]).plain
    item = running.get_session(store, sid).items[0]
    assert "**3.3** (4)" in room_markdown(store, sid, item, TODAY)
    assert "| 4 | 3.3 | 3–4 |" in render_markdown(session_minutes(store, sid))
    view = programme_dashboard(store, programme.id, TODAY)
    assert scorecard_text(view.scorecard_trends).plain.endswith(" 3.3")
    assert programme_report(store, "harbour-programme").trend_rows == [("Trust", "S1 3.3")]
