"""Checklist votes: counted, ranked, taken back, minuted, and kept apart from scorecards."""

from __future__ import annotations

import io

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.errors import FacilitatorError, InputError
from sessions.services import planning, running
from sessions.services.checklist import checklist_results, ranked, vote, withdraw_last
from sessions.services.minutes import render_minutes, session_minutes
from sessions.services.programmes import create_programme
from sessions.services.scorecard import rate, scorecard_results

pytestmark = pytest.mark.usefixtures("utc_local_time")

OPTIONS = (
    "Doing it alone feels faster",
    "We don't know who to ask",
    "Wary of | motives <b>",
    "Nobody gets the credit",
)


@pytest.fixture
def agenda() -> Agenda:
    return Agenda(
        title="Checklist agenda",
        sections=(
            Section(
                "Step 2: Trusted people",
                2,
                (
                    AgendaItem("Barriers we recognise", 600, kind="checklist", options=OPTIONS),
                    AgendaItem(
                        "Health check",
                        600,
                        kind="scorecard",
                        areas=(ScorecardArea("Purpose", ("We agree why we exist",)),),
                    ),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def session_id(store, agenda) -> int:
    programme = create_programme(store, "Harbour programme")
    return planning.start_session(store, programme.id, agenda)


def test_votes_add_up_and_rank_with_ties_sharing_a_place(store, session_id) -> None:
    vote(store, session_id, 0, 0, 5)
    vote(store, session_id, 0, 0)
    vote(store, session_id, 0, 2, 6)
    vote(store, session_id, 0, 1, 2)
    results = checklist_results(store, session_id, 0)
    assert [(r.option, r.votes, r.rank) for r in results] == [
        (OPTIONS[0], 6, 1),
        (OPTIONS[1], 2, 3),
        (OPTIONS[2], 6, 1),
        (OPTIONS[3], 0, None),
    ]
    assert [r.option for r in ranked(results)] == [OPTIONS[0], OPTIONS[2], OPTIONS[1], OPTIONS[3]]


def test_taking_back_withdraws_the_last_entry_only(store, session_id) -> None:
    vote(store, session_id, 0, 1, 4)
    vote(store, session_id, 0, 1, 2)
    assert withdraw_last(store, session_id, 0, 1).score == 2
    assert checklist_results(store, session_id, 0)[1].votes == 4
    assert withdraw_last(store, session_id, 0, 1).score == 4
    assert withdraw_last(store, session_id, 0, 1) is None
    assert checklist_results(store, session_id, 0)[1].votes == 0


@pytest.mark.parametrize(
    ("position", "index", "count", "says"),
    [
        (0, 0, 0, "Add from 1 to 99 votes"),
        (0, 0, 100, "Add from 1 to 99 votes"),
        (0, 4, 1, "no option 5"),
        (1, 0, 1, "not a checklist"),
    ],
)
def test_a_bad_vote_is_refused_and_nothing_changes(
    store, session_id, position, index, count, says
) -> None:
    with pytest.raises(FacilitatorError, match=says):
        vote(store, session_id, position, index, count)
    assert all(r.votes == 0 for r in checklist_results(store, session_id, 0))


def test_a_finished_session_takes_no_more_votes(store, session_id, clock) -> None:
    vote(store, session_id, 0, 0, 3)
    running.toggle_clock(store, session_id, clock())
    running.finish_session(store, session_id, clock.advance(60))
    with pytest.raises(InputError):
        vote(store, session_id, 0, 0)
    assert checklist_results(store, session_id, 0)[0].votes == 3


def test_votes_never_count_as_scorecard_ratings(store, agenda, clock) -> None:
    programme = create_programme(store, "Two sessions")
    first = planning.start_session(store, programme.id, agenda)
    vote(store, first, 0, 0, 9)
    rate(store, first, 1, 0, 2)
    running.toggle_clock(store, first, clock())
    running.finish_session(store, first, clock.advance(60))
    second = planning.start_session(store, programme.id, agenda)
    # Session 2 opens with the last minutes and matters arising: items move down two.
    rate(store, second, 3, 0, 4)
    (result,) = scorecard_results(store, second, 3)
    assert (result.previous_mean, result.change) == (2.0, 2.0)


def test_minutes_table_the_options_most_votes_first(store, session_id) -> None:
    vote(store, session_id, 0, 2, 7)
    vote(store, session_id, 0, 3, 1)
    item = session_minutes(store, session_id).sections[0].items[0]
    assert [r.option for r in item.checklist] == [OPTIONS[2], OPTIONS[3], OPTIONS[0], OPTIONS[1]]
    text = render_minutes(store, session_id, "md").decode("utf-8")
    assert (
        "| Option | Votes | Rank |\n|---|---|---|\n"
        "| Wary of \\| motives \\<b\\> | 7 | 1 |\n"
        "| Nobody gets the credit | 1 | 2 |\n"
        "| Doing it alone feels faster | 0 | — |\n"
    ) in text
    from docx import Document

    document = Document(io.BytesIO(render_minutes(store, session_id, "docx")))
    (table,) = document.tables
    assert [cell.text for cell in table.rows[1].cells] == [OPTIONS[2], "7", "1"]


def test_a_checklist_nobody_voted_on_has_no_table(store, session_id) -> None:
    assert "| Option |" not in render_minutes(store, session_id, "md").decode("utf-8")


def test_the_dashboard_follows_the_latest_leaders_back_through_earlier_votes(
    store, agenda, clock
) -> None:
    from datetime import date

    from sessions.services.dashboard import programme_dashboard

    programme = create_programme(store, "Three sessions")
    one = planning.start_session(store, programme.id, agenda)
    vote(store, one, 0, 0, 5)
    vote(store, one, 0, 1, 2)
    vote(store, one, 0, 3, 4)
    withdraw_last(store, one, 0, 3)  # taken back: never counted
    assert programme_dashboard(store, programme.id, date(2026, 11, 23)).checklist_trends[
        0
    ].points == ((1, 5),)
    planning.start_session(store, programme.id, agenda)  # session 2 votes on nothing
    three = planning.start_session(store, programme.id, agenda)
    at = next(i.position for i in running.get_session(store, three).items if i.kind == "checklist")
    for index, count in ((1, 6), (2, 3), (3, 1), (0, 3)):
        vote(store, three, at, index, count)
    trends = programme_dashboard(store, programme.id, date(2026, 11, 23)).checklist_trends
    assert [(t.option, t.points) for t in trends] == [
        (OPTIONS[1], ((1, 2), (3, 6))),
        (OPTIONS[0], ((1, 5), (3, 3))),  # a tie on 3 goes alphabetically
        (OPTIONS[2], ((3, 3),)),
    ]
