"""Scorecard ratings: kept one a row, withdrawn not removed, compared with last time, trended."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.errors import InputError, NotFoundError
from sessions.services import planning, running, scorecard
from sessions.services.dashboard import programme_dashboard
from sessions.services.minutes import minutes_markdown
from sessions.services.programmes import create_programme

TODAY = date(2026, 11, 23)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
def health_check() -> Agenda:
    """A discussion, then a scorecard of two areas: Purpose (2 statements), Capacity (1)."""
    areas = (
        ScorecardArea("Purpose", ("We agree why we exist", "Every practice gains")),
        ScorecardArea("Capacity", ("We have | the *time*",)),
    )
    return Agenda(
        title="Health check",
        sections=(
            Section(
                "Step 1: Set-up right",
                1,
                (
                    AgendaItem("Why are we here?", 600),
                    AgendaItem("Network health check", 900, kind="scorecard", areas=areas),
                ),
            ),
        ),
        source="test",
    )


def session_with(store, programme, agenda) -> tuple[int, int]:
    """A new session and the position of its scorecard (after matters arising, if any)."""
    sid = planning.start_session(store, programme.id, agenda)
    card = next(i.position for i in running.get_session(store, sid).items if i.kind == "scorecard")
    return sid, card


def test_each_digit_is_a_rating_with_mean_and_spread(store, programme, health_check) -> None:
    sid, card = session_with(store, programme, health_check)
    for index, score in ((0, 4), (0, 2), (0, 5), (2, 3)):
        scorecard.rate(store, sid, card, index, score)
    results = scorecard.scorecard_results(store, sid, card)
    assert [(r.area, r.statement, r.scores) for r in results] == [
        ("Purpose", "We agree why we exist", (4, 2, 5)),
        ("Purpose", "Every practice gains", ()),
        ("Capacity", "We have | the *time*", (3,)),
    ]
    assert (results[0].mean, results[0].spread) == (11 / 3, (2, 5))
    assert (results[1].mean, results[1].spread, results[1].change) == (None, None, None)


def test_a_rating_taken_back_is_kept_but_no_longer_counted(store, programme, health_check) -> None:
    sid, card = session_with(store, programme, health_check)
    scorecard.rate(store, sid, card, 0, 4)
    scorecard.rate(store, sid, card, 0, 1)
    assert scorecard.withdraw_last(store, sid, card, 0).score == 1
    assert scorecard.scorecard_results(store, sid, card)[0].scores == (4,)
    assert scorecard.withdraw_last(store, sid, card, 0).score == 4
    assert scorecard.withdraw_last(store, sid, card, 0) is None
    with store.reading() as db:
        from sessions.models import ActivityResult

        kept = db.query(ActivityResult).order_by(ActivityResult.id).all()
        assert [(row.score, row.deleted_at is not None) for row in kept] == [(4, True), (1, True)]


def test_bad_ratings_are_refused_and_nothing_stored(store, programme, health_check, clock) -> None:
    sid, card = session_with(store, programme, health_check)
    for score in (0, 6, -1):
        with pytest.raises(InputError, match=r"from 1 .* to 5"):
            scorecard.rate(store, sid, card, 0, score)
    with pytest.raises(NotFoundError, match="no statement 4"):
        scorecard.rate(store, sid, card, 3, 3)
    with pytest.raises(InputError, match="not a scorecard"):
        scorecard.rate(store, sid, 0, 0, 3)
    running.toggle_clock(store, sid, clock())
    running.finish_session(store, sid, clock.advance(60))
    with pytest.raises(InputError, match="finished"):
        scorecard.rate(store, sid, card, 0, 3)
    assert all(r.scores == () for r in scorecard.scorecard_results(store, sid, card))


def test_the_change_is_against_the_last_session_that_rated_it(
    store, programme, health_check, clock
) -> None:
    one, card_one = session_with(store, programme, health_check)
    scorecard.rate(store, one, card_one, 0, 2)
    scorecard.rate(store, one, card_one, 0, 3)
    two, card_two = session_with(store, programme, health_check)  # rates nothing
    three, card_three = session_with(store, programme, health_check)
    scorecard.rate(store, three, card_three, 0, 4)
    scorecard.rate(store, three, card_three, 0, 5)
    first, second, _third = scorecard.scorecard_results(store, three, card_three)
    assert (first.previous_mean, first.previous_session, first.change) == (2.5, 1, 2.0)
    assert (second.previous_mean, second.change) == (None, None)
    assert scorecard.scorecard_results(store, two, card_two)[0].previous_mean == 2.5
    # A rating taken back in session 1 changes what session 3 is compared with.
    scorecard.withdraw_last(store, one, card_one, 0)
    assert scorecard.scorecard_results(store, three, card_three)[0].change == 2.5


def test_the_dashboard_trends_each_area_by_session(store, programme, health_check) -> None:
    assert programme_dashboard(store, programme.id, TODAY).scorecard_trends == ()
    one, card = session_with(store, programme, health_check)
    for index, score in ((0, 2), (1, 4), (2, 1)):
        scorecard.rate(store, one, card, index, score)
    session_with(store, programme, health_check)  # session 2 rates nothing
    three, card = session_with(store, programme, health_check)
    for index, score in ((0, 5), (1, 5)):
        scorecard.rate(store, three, card, index, score)
    trends = programme_dashboard(store, programme.id, TODAY).scorecard_trends
    assert [(t.label, t.points) for t in trends] == [
        ("Purpose", ((1, 3.0), (3, 5.0))),
        ("Capacity", ((1, 1.0),)),
    ]


def test_the_minutes_table_the_ratings_under_the_item(
    store, programme, health_check, clock
) -> None:
    one, card = session_with(store, programme, health_check)
    scorecard.rate(store, one, card, 0, 2)
    two, card = session_with(store, programme, health_check)
    for index, score in ((0, 4), (0, 3), (2, 5)):
        scorecard.rate(store, two, card, index, score)
    text = minutes_markdown(store, two)
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[:4] == [
        "| Area | Statement | Ratings | Mean | Range | Since last time |",
        "| Purpose | We agree why we exist | 2 | 3.5 | 3–4 | +1.5 (session 1) |",
        "| Purpose | Every practice gains | 0 | — | — | — |",
        "| Capacity | We have \\| the \\*time\\* | 1 | 5.0 | 5–5 | — |",
    ]
    # A scorecard nobody rated leaves no empty table behind.
    three, _ = session_with(store, programme, health_check)
    assert "| Area | Statement |" not in minutes_markdown(store, three)


def test_a_member_has_one_rating_a_statement_beside_the_rooms(
    store, programme, health_check
) -> None:
    from sessions.services.people import add_member

    ann = add_member(store, programme.id, "Ann Ode").id
    sid, card = session_with(store, programme, health_check)
    scorecard.rate(store, sid, card, 0, 2)
    scorecard.rate(store, sid, card, 0, 3, member_id=ann)
    scorecard.rate(store, sid, card, 0, 5, member_id=ann)  # Ann thinks again
    scorecard.rate(store, sid, card, 0, 4)
    first = scorecard.scorecard_results(store, sid, card)[0]
    assert first.scores == (2, 5, 4) and first.by_member == ((ann, 5),)
    assert first.rating_by(ann) == 5 and first.mean == pytest.approx(11 / 3)
    # Taking back by name reaches Ann's rating, not the room's later one.
    assert scorecard.withdraw_last(store, sid, card, 0, member_id=ann).score == 5
    first = scorecard.scorecard_results(store, sid, card)[0]
    assert first.scores == (2, 4) and first.rating_by(ann) is None


def test_a_stranger_cannot_rate(store, programme, health_check) -> None:
    from sessions.services.people import add_member

    other = create_programme(store, "Another programme")
    stranger = add_member(store, other.id, "Eve Lee").id
    sid, card = session_with(store, programme, health_check)
    with pytest.raises(NotFoundError, match="not a member"):
        scorecard.rate(store, sid, card, 0, 3, member_id=stranger)
    assert scorecard.scorecard_results(store, sid, card)[0].scores == ()
