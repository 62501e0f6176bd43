"""Minutes read DRAFT until a later session approves them; then they say where and when, and
name the amendments and errata beside the record, the same in Markdown, HTML and Word."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from sessions.services import notes, people, planning, running
from sessions.services.minutes import render_minutes
from sessions.services.minutes_approval import amend, approve
from sessions.services.programmes import create_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

WEEK = 7 * 86400
HOSTILE = "<script>alert('x')</script> the date was **2 March**"


def _word_text(data: bytes) -> list[str]:
    """Every paragraph and table cell of a Word file, in order."""
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def _all_formats(store, session_id: int) -> tuple[str, str, list[str]]:
    return (
        render_minutes(store, session_id, "md").decode("utf-8"),
        render_minutes(store, session_id, "html").decode("utf-8"),
        _word_text(render_minutes(store, session_id, "docx")),
    )


def _held(store, programme_id, small_agenda, clock) -> int:
    sid = planning.start_session(store, programme_id, small_agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "d: pool the winter money", "deal", now=clock.advance(30))
    return sid


def _next_week(store, programme_id, small_agenda, clock) -> int:
    clock.advance(WEEK)
    return _held(store, programme_id, small_agenda, clock)


@pytest.fixture
def programme_of_three(store, small_agenda, clock) -> SimpleNamespace:
    """Session 1 on Monday 23 November 2026; session 2, a week later, amends its minutes
    (a member's amendment and one from a typed name) and approves them; session 3 is run to
    its finish with nothing more said of them."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    ann = people.add_member(store, programme.id, "Dr Ann Patel")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    draft = _all_formats(store, first)

    clock.advance(WEEK)
    second = _held(store, programme.id, small_agenda, clock)
    amend(
        store,
        second,
        first,
        "Item 2: the decision was to consult all six practices",
        proposer_member_id=ann.id,
        now=clock.advance(5),
    )
    amend(store, second, first, HOSTILE, proposer="The <b>chair</b>", now=clock.advance(5))
    approve(store, second, first, now=clock.advance(5))
    running.finish_session(store, second, clock.advance(1800))
    approved = _all_formats(store, first)
    return SimpleNamespace(
        programme=programme,
        ann=ann,
        sessions=[first, second],
        draft=draft,
        approved=approved,
    )


def test_minutes_read_draft_until_the_next_session_approves_them(programme_of_three) -> None:
    md, html, word = programme_of_three.draft
    assert "**DRAFT: to be approved at the next session.**" in md
    assert "<strong>DRAFT: to be approved at the next session.</strong>" in html
    assert "DRAFT: to be approved at the next session." in word
    # The status comes after the header fields, before who attended.
    assert md.index("**Facilitator:** Morgan Lee") < md.index("DRAFT") < md.index("**Attendance:**")
    assert "Amendments" not in md and "Errata" not in md


def test_approved_minutes_say_where_and_when_and_list_the_amendments(
    programme_of_three,
) -> None:
    md, _, word = programme_of_three.approved
    status = (
        "Approved at session 2 on Monday 30 November 2026 as a true record, "
        "with the amendments below."
    )
    assert f"**{status}**" in md
    assert "DRAFT" not in md
    assert (
        "**Amendments**\n\n"
        "- Item 2: the decision was to consult all six practices — proposed by Dr Ann Patel\n"
    ) in md
    assert "Errata" not in md
    assert status in word
    assert "Amendments" in word
    assert "Item 2: the decision was to consult all six practices — proposed by Dr Ann Patel" in (
        word
    )
    assert f"{HOSTILE} — proposed by The <b>chair</b>" in word
    # The amendments come as the record's status does, before who attended.
    assert md.index("**Amendments**") < md.index("**Attendance:**")


def test_amendment_text_never_becomes_markup_in_the_page(programme_of_three) -> None:
    _, html, _ = programme_of_three.approved
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert" in html
    assert "<strong>2 March</strong>" not in html
    assert "proposed by The &lt;b&gt;chair&lt;/b&gt;" in html
    assert "Approved at session 2 on" in html


def test_an_approval_with_no_amendments_says_only_where_and_when(
    store, small_agenda, clock
) -> None:
    programme = create_programme(store, "Plain programme")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    clock.advance(WEEK)
    second = _held(store, programme.id, small_agenda, clock)
    approve(store, second, first, now=clock.advance(5))
    md, _, word = _all_formats(store, first)
    assert "**Approved at session 2 on Monday 30 November 2026 as a true record.**" in md
    assert "Amendments" not in md
    assert "Approved at session 2 on Monday 30 November 2026 as a true record." in word


def test_approved_minutes_written_again_later_are_the_same_until_an_erratum(
    store, small_agenda, clock, programme_of_three
) -> None:
    first, _ = programme_of_three.sessions
    clock.advance(WEEK)
    third = _held(store, programme_of_three.programme.id, small_agenda, clock)
    running.finish_session(store, third, clock.advance(1800))
    assert _all_formats(store, first) == programme_of_three.approved

    fourth = _next_week(store, programme_of_three.programme.id, small_agenda, clock)
    amend(
        store,
        fourth,
        first,
        "The meeting closed at 11:00",
        proposer_member_id=programme_of_three.ann.id,
        now=clock.advance(5),
    )
    md, html, word = _all_formats(store, first)
    erratum = (
        "The meeting closed at 11:00 — proposed by Dr Ann Patel; agreed at session 4 on "
        "Monday 14 December 2026"
    )
    assert f"**Errata**\n\n- {erratum}\n" in md
    assert md.index("**Amendments**") < md.index("**Errata**") < md.index("**Attendance:**")
    assert erratum in word
    assert "Errata" in word
    assert "agreed at session 4 on Monday" in html
    # The approval itself still reads as it did.
    assert md.replace(f"**Errata**\n\n- {erratum}\n\n", "") == programme_of_three.approved[0]


def test_the_approving_session_minutes_what_it_approved(store, programme_of_three) -> None:
    _, second = programme_of_three.sessions
    md, html, word = _all_formats(store, second)
    assert "### 1. Approve the minutes of session 1" in md
    assert (
        "| Minutes of | Outcome |\n|---|---|\n"
        "| Session 1 (23 November 2026) | Approved with 2 amendments |\n"
    ) in md
    assert (
        "| Session 1 | Amendment | Item 2: the decision was to consult all six practices "
        "| Dr Ann Patel |"
    ) in md
    assert "Still a draft" not in md
    # Session 2's own minutes are a draft still.
    assert "**DRAFT: to be approved at the next session.**" in md
    assert "<script" not in html
    for cell in (
        "Minutes of",
        "Outcome",
        "Session 1 (23 November 2026)",
        "Approved with 2 amendments",
        "Amendment",
        "Item 2: the decision was to consult all six practices",
        HOSTILE,
        "Dr Ann Patel",
        "The <b>chair</b>",
    ):
        assert cell in word


def test_minutes_left_a_draft_are_named_as_such(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Slow programme")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    second = _next_week(store, programme.id, small_agenda, clock)
    running.finish_session(store, second, clock.advance(1800))
    md, _, word = _all_formats(store, second)
    assert "*Still a draft: the minutes of session 1.*" in md
    assert "Still a draft: the minutes of session 1." in word
    third = _next_week(store, programme.id, small_agenda, clock)
    running.finish_session(store, third, clock.advance(1800))
    md, _, word = _all_formats(store, third)
    assert "*Still a draft: the minutes of sessions 1 and 2.*" in md
    assert "Still a draft: the minutes of sessions 1 and 2." in word


def test_the_programme_report_says_which_minutes_are_approved(
    store, small_agenda, clock, programme_of_three
) -> None:
    from sessions.services.report import render_report, report_markdown

    slug = programme_of_three.programme.slug
    text = report_markdown(store, slug)
    line = "Minutes approved: session 1. Awaiting approval: session 2."
    assert "| 2 |" in text and f"\n\n*{line}*\n\n## Steps covered" in text
    word = _word_text(render_report(store, programme_of_three.programme.name, "docx"))
    assert line in word
    third = _next_week(store, programme_of_three.programme.id, small_agenda, clock)
    approve(store, third, programme_of_three.sessions[1], now=clock.advance(5))
    assert "*Minutes approved: sessions 1 and 2.*" in report_markdown(store, slug)
