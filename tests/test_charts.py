"""Charts are checked for what they show and say, not for their pixels."""

from __future__ import annotations

from sessions.charts import balance_chart, ratings_chart, trend_chart, votes_chart
from sessions.views import NoteBalance


def test_a_trend_chart_lines_up_each_area_on_the_sessions_rated() -> None:
    chart = trend_chart(
        "Scorecard trends",
        [("Trust", [(1, 2.5), (4, 3.75)]), ("Shared purpose", [(2, 3.0), (4, 3.0)])],
    )

    assert chart.x_labels == ("S1", "S2", "S4")
    assert [(s.label, s.values) for s in chart.series] == [
        ("Trust", (2.5, None, 3.75)),
        ("Shared purpose", (None, 3.0, 3.0)),
    ]
    assert chart.sentence == (
        "Trust rose from 2.5 at session 1 to 3.8 at session 4. "
        "Shared purpose stayed at 3.0 from session 2 to session 4."
    )


def test_a_trend_sentence_says_a_fall_and_a_single_rating() -> None:
    chart = trend_chart("Scorecard trends", [("Data", [(1, 4.0), (2, 2.25)]), ("Risk", [(3, 3.0)])])

    assert chart.sentence == (
        "Data fell from 4.0 at session 1 to 2.3 at session 2. Risk was rated 3.0 at session 3."
    )


def test_a_balance_chart_pairs_each_sessions_notes_and_names_a_lopsided_one() -> None:
    chart = balance_chart([(1, NoteBalance(3, 3)), (2, NoteBalance(6, 1))])

    assert chart.x_labels == ("S1", "S2")
    assert [(s.label, s.values) for s in chart.series] == [
        ("Deal", (3.0, 6.0)),
        ("Relationship", (3.0, 1.0)),
    ]
    assert chart.sentence == (
        "Over 2 sessions, 9 deal and 4 relationship notes were taken. "
        "One side fell behind in session 2 (6 deal, 1 relationship)."
    )


def test_a_long_programmes_balance_sentence_counts_the_lopsided_sessions_and_names_the_latest():
    """Two hundred sessions, many lopsided: still one sentence, short enough to sit under a
    chart on the dashboard."""
    sessions = [(n, NoteBalance(6, 1) if n % 4 == 0 else NoteBalance(2, 2)) for n in range(1, 201)]
    chart = balance_chart(sessions)

    assert chart.sentence == (
        "Over 200 sessions, 600 deal and 350 relationship notes were taken. "
        "One side fell behind in 50 of them, most recently in session 200 "
        "(6 deal, 1 relationship)."
    )
    few = balance_chart([(n, NoteBalance(6, 1)) for n in range(1, 4)])
    assert few.sentence.endswith(
        "in session 1 (6 deal, 1 relationship), session 2 (6 deal, 1 relationship), "
        "session 3 (6 deal, 1 relationship)."
    )


def test_a_ratings_chart_gives_each_areas_mean_in_bars_and_words() -> None:
    chart = ratings_chart("Item 3: mean rating by area", [("Trust", 3.25), ("Data", 2.0)])

    assert chart.kind == "bar" and chart.x_labels == ("Trust", "Data")
    assert [s.values for s in chart.series] == [(3.25, 2.0)]
    assert chart.sentence == "Mean rating by area: Trust 3.3, Data 2.0."


def test_a_statement_trend_quotes_each_statement_in_its_sentence() -> None:
    chart = trend_chart(
        "Statements asked again", [("We meet as equals", [(1, 2.0), (3, 4.5)])], quoted=True
    )

    assert [s.label for s in chart.series] == ["We meet as equals"]
    assert chart.sentence == "“We meet as equals” rose from 2.0 at session 1 to 4.5 at session 3."


def test_a_votes_chart_counts_each_option_leaving_a_gap_where_it_was_not_asked() -> None:
    chart = votes_chart(
        "Checklist trends",
        [("Nobody has time", [(1, 5), (3, 2)]), ("Money", [(2, 1), (3, 1)]), ("Data", [(3, 4)])],
    )

    assert chart.x_labels == ("S1", "S2", "S3")
    assert [(s.label, s.values) for s in chart.series] == [
        ("Nobody has time", (5.0, None, 2.0)),
        ("Money", (None, 1.0, 1.0)),
        ("Data", (None, None, 4.0)),
    ]
    assert chart.counted and chart.kind == "line" and chart.y_label == "Votes"
    assert chart.sentence == (
        "“Nobody has time” fell from 5 votes at session 1 to 2 at session 3. "
        "“Money” stayed at 1 vote from session 2 to session 3. "
        "“Data” had 4 votes at session 3."
    )
