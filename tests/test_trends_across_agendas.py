"""A statement or option asked in the same words compares across sessions, whichever
agenda asked it: in the minutes, on the dashboard and in the report."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.same_words import same_words
from sessions.services import checklist, planning, running, scorecard
from sessions.services.dashboard import programme_dashboard
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report, render_report
from tests.confidential_board import every_word

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2026, 11, 23)
TRUST = "Our relationships are strong enough to survive a disagreement"
OPEN = "Decisions are made in the open"
BARRIER = "Nobody has time"
CHAIR = "We trust the chair"


def _agenda(title: str, *items: AgendaItem) -> Agenda:
    return Agenda(title=title, sections=(Section("Business", None, items),), source="test")


# Two different agendas: the same statement under different areas, written a little
# differently, beside a near miss that is a different statement.
KICK_OFF = _agenda(
    "Kick-off",
    AgendaItem(
        "Health check",
        600,
        kind="scorecard",
        areas=(ScorecardArea("Capacity", (TRUST, OPEN)), ScorecardArea("Trust", (CHAIR,))),
    ),
    AgendaItem("Barriers", 600, kind="checklist", options=(BARRIER, "We do not meet")),
)
REVIEW = _agenda(
    "Network review",
    AgendaItem(
        "Six conditions",
        600,
        kind="scorecard",
        areas=(
            ScorecardArea(
                "Strong relationships",
                (
                    "  our relationships are strong  enough to survive a disagreement. ",
                    "Decisions are made in the open, mostly",
                ),
            ),
        ),
    ),
    AgendaItem("Causes", 600, kind="checklist", options=("nobody has time.", "Money")),
    AgendaItem(
        "In private",
        600,
        kind="scorecard",
        areas=(ScorecardArea("", (CHAIR,)),),
        confidential=True,
    ),
)


def test_the_same_words_fold_what_a_reader_would_not_call_rewording() -> None:
    assert same_words("  We don’t  trust—anyone.  ") == same_words("we don't trust-anyone")
    assert same_words("Café") == same_words("Cafe\u0301")
    assert same_words("We trust each other") != same_words("We trust one another")
    assert same_words("Wait...") != same_words("Wait")  # only one full stop goes


def _position(store, sid: int, title: str) -> int:
    return next(i.position for i in running.get_session(store, sid).items if i.title == title)


@pytest.fixture
def programme(store) -> SimpleNamespace:
    """Session 1 runs the kick-off, session 2 the network review, which rates the chair in
    private."""
    programme = create_programme(store, "Harbour programme")
    one = planning.start_session(store, programme.id, KICK_OFF)
    card = _position(store, one, "Health check")
    for index, score in ((0, 2), (0, 3), (1, 4), (2, 1)):
        scorecard.rate(store, one, card, index, score)
    checklist.vote(store, one, _position(store, one, "Barriers"), 0, 5)
    two = planning.start_session(store, programme.id, REVIEW)
    card = _position(store, two, "Six conditions")
    for index, score in ((0, 4), (1, 5)):
        scorecard.rate(store, two, card, index, score)
    checklist.vote(store, two, _position(store, two, "Causes"), 0, 2)
    scorecard.rate(store, two, _position(store, two, "In private"), 0, 5)
    return SimpleNamespace(id=programme.id, two=two)


def test_the_change_since_last_time_reaches_across_agendas(store, programme) -> None:
    two = programme.two
    same, near = scorecard.scorecard_results(store, two, _position(store, two, "Six conditions"))
    assert (same.previous_mean, same.previous_session, same.change) == (2.5, 1, 1.5)
    assert (near.previous_mean, near.change) == (None, None)
    # Asked again in public, the chair compares with its last public rating, not the
    # private one in between; asked in private, with the last of either.
    three = planning.start_session(store, programme.id, KICK_OFF)
    chair = scorecard.scorecard_results(store, three, _position(store, three, "Health check"))[2]
    assert (chair.previous_mean, chair.previous_session) == (1.0, 1)
    four = planning.start_session(store, programme.id, REVIEW)
    (hidden,) = scorecard.scorecard_results(store, four, _position(store, four, "In private"))
    assert (hidden.previous_mean, hidden.previous_session) == (5.0, 2)


def test_statement_and_option_trends_follow_the_words_not_the_agenda(store, programme) -> None:
    view = programme_dashboard(store, programme.id, TODAY)
    # The latest wording names the trend; the near miss and the one-off have none.
    assert [(t.statement, t.points) for t in view.statement_trends] == [
        (
            "  our relationships are strong  enough to survive a disagreement. ",
            ((1, 2.5), (2, 4.0)),
        ),
        (CHAIR, ((1, 1.0), (2, 5.0))),  # the facilitator's own screen has it all
    ]
    assert [(t.option, t.points) for t in view.checklist_trends] == [
        ("nobody has time.", ((1, 5), (2, 2))),
    ]
    # Areas are the agendas' headings, and stay as they are.
    assert [(t.area, t.points) for t in view.scorecard_trends] == [
        ("Capacity", ((1, 3.0),)),
        ("Trust", ((1, 1.0),)),
        ("Strong relationships", ((2, 4.5),)),
        ("", ((2, 5.0),)),
    ]


def test_the_report_shows_them_in_every_format_and_the_public_one_keeps_private_out(
    store, programme
) -> None:
    full = programme_report(store, "Harbour programme")
    assert full.statement_rows == [
        ("  our relationships are strong  enough to survive a disagreement. ", "S1 2.5 · S2 4.0"),
        (CHAIR, "S1 1.0 · S2 5.0"),
    ]
    assert full.checklist_rows == [("nobody has time.", "S1 5 · S2 2")]
    public = programme_report(store, "Harbour programme", "public")
    assert [row[0] for row in public.statement_rows] == [
        "  our relationships are strong  enough to survive a disagreement. "
    ]
    # Rated in public only once, the chair has no trend; the private item's area goes.
    assert [t.area for t in public.trends] == ["Capacity", "Trust", "Strong relationships"]
    markdown = render_report(store, "Harbour programme", "md").decode("utf-8")
    assert "| Statement | Mean rating by session |" in markdown
    assert "## Checklist trends" in markdown and "| nobody has time. | S1 5 · S2 2 |" in markdown
    for fmt in ("html", "docx"):
        text = every_word(render_report(store, "Harbour programme", fmt), fmt)
        assert "Checklist trends" in text and "S1 2.5 · S2 4.0" in text
        public_text = every_word(
            render_report(store, "Harbour programme", fmt, version="public"), fmt
        )
        assert "S1 2.5 · S2 4.0" in public_text and "S2 5.0" not in public_text


def test_the_dashboard_lists_the_statements_asked_again(store, programme) -> None:
    from facilitator.widgets.activity_trends import scorecard_text

    view = programme_dashboard(store, programme.id, TODAY)
    lines = scorecard_text(view.scorecard_trends, view.statement_trends).plain.splitlines()
    # Both last rated in session 2: the bigger move first.
    assert lines[-3:] == [
        "Statements asked again",
        "▁█ 1.0 → 5.0 We trust the chair",
        "▄▆ 2.5 → 4.0   our relationships are strong  enough to survive a disagreement. ",
    ]


WORD_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def test_the_report_charts_the_statements_and_options_beside_their_tables(store, programme) -> None:
    import io
    import re

    from docx import Document

    report = programme_report(store, "Harbour programme")
    statements, options = report.statement_figure, report.checklist_figure
    assert statements is not None and options is not None
    # The statement as a reader sees it, without the spaces it was typed with.
    assert [(s.label, s.values) for s in statements.series] == [
        ("our relationships are strong enough to survive a disagreement.", (2.5, 4.0)),
        (CHAIR, (1.0, 5.0)),
    ]
    assert [(s.label, s.values) for s in options.series] == [("nobody has time.", (5.0, 2.0))]
    assert (
        options.sentence == "“nobody has time.” fell from 5 votes at session 1 to 2 at session 2."
    )

    html = render_report(store, "Harbour programme", "html").decode("utf-8")
    titles = re.findall(r"<svg\b[^>]*>\s*<title id=\"[^\"]+\">([^<]*)</title>", html)
    assert titles[-2:] == ["Statements asked again", "Checklist trends"]
    for chart in (statements, options):
        assert f"<figcaption>{chart.sentence}</figcaption>" in html
    # Each chart sits beneath its heading, its table after it.
    assert (
        html.index(">Statements asked again</h3>")
        < html.index(">Statements asked again</title>")
        < html.index(">Statement</th>")
    )

    document = Document(io.BytesIO(render_report(store, "Harbour programme", "docx")))
    described = [shape.get("descr") for shape in document.element.body.iter(WORD_PICTURE)]
    assert described[-2:] == [statements.sentence, options.sentence]
    paragraphs = [p.text for p in document.paragraphs]
    assert statements.sentence in paragraphs and options.sentence in paragraphs
    assert "Statements asked again" in paragraphs

    # The public version charts only what was rated in public.
    public = programme_report(store, "Harbour programme", "public").statement_figure
    assert public is not None and [s.label for s in public.series] == [
        "our relationships are strong enough to survive a disagreement."
    ]
