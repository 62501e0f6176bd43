"""The programme report: every session in one document, in Markdown, HTML and Word."""

from __future__ import annotations

import io
from datetime import date
from html.parser import HTMLParser

import pytest

from facilitator.cli import main
from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.errors import NotFoundError
from sessions.services import notes, people, planning, running, scorecard
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.note_editing import delete_note
from sessions.services.programmes import create_programme
from sessions.services.report import render_report, report_markdown, write_report
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

HOSTILE = "<script>alert('x')</script> | pipe # not a heading 🎉"
LONG = "long words " * 1000  # 11,000 characters: a note pasted from a report


@pytest.fixture
def agenda() -> Agenda:
    """Steps 1 and 2, with a scorecard in step 1."""
    return Agenda(
        title="Partnership agenda",
        sections=(
            Section("Welcome", None, (AgendaItem("Introductions", 600),)),
            Section(
                "Step 1: Set-up right",
                1,
                (
                    AgendaItem("What can we only do together?", 1200),
                    AgendaItem(
                        "How are we doing?",
                        300,
                        kind="scorecard",
                        areas=(
                            ScorecardArea("Trust", ("We share data", "We keep promises")),
                            ScorecardArea("Data", ("Systems talk",)),
                        ),
                    ),
                ),
            ),
            Section("Step 2: Trusted people", 2, (AgendaItem("Who do we trust?", 600),)),
        ),
        source="test",
    )


def build_programme(store: Store, agenda: Agenda, clock) -> int:
    """Four sessions: two finished, one in progress, one planned ahead; the programme's id."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    patel = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    hughes = people.add_member(store, programme.id, "Zoë Hughes", "Bay Pharmacy")
    idle = people.add_member(store, programme.id, "bob Idle")
    gone = people.add_member(store, programme.id, "Yan Gone")

    first = planning.start_session(store, programme.id, agenda, facilitator="Morgan Lee")
    people.set_attendance(store, first, patel.id, "present")
    people.set_attendance(store, first, hughes.id, "apologies")
    running.toggle_clock(store, first, clock())
    running.move(store, first, +1, clock.advance(540))
    notes.add_note(store, first, 1, "d: pool the winter money", "deal", now=clock())
    withdrawn = notes.add_note(store, first, 1, "d: a decision taken back", "deal", now=clock())
    delete_note(store, withdrawn.id)
    notes.add_note(
        store, first, 1, "a: draft the agreement @Dr Patel 2026-12-01", "deal", now=clock()
    )
    notes.add_note(store, first, 1, "a: book the room | hall @Jo 2026-12-03", "deal", now=clock())
    notes.add_note(store, first, 1, "a: ask the LMC 2026-12-05", "deal", now=clock())
    dropped = notes.add_note(
        store, first, 1, "a: an action typed in error @Jo", "deal", now=clock()
    )
    delete_note(store, dropped.id)
    running.move(store, first, +1, clock.advance(600))
    for index, score in ((0, 3), (1, 4), (2, 2)):
        scorecard.rate(store, first, 2, index, score, now=clock())
    running.finish_session(store, first, clock.advance(300))

    second = planning.start_session(
        store,
        programme.id,
        agenda,
        facilitator="Sam Jones",
        planned_for=date(2026, 12, 14),
        expected=[gone.id],
    )
    clock.current = clock.current.replace(month=12, day=14)
    people.set_attendance(store, second, patel.id, "present")
    people.set_attendance(store, second, hughes.id, "present")
    running.toggle_clock(store, second, clock())
    entries = {e.text: e.action_id for e in review_entries(store, second, date(2026, 12, 14))}
    review_action(store, second, entries["draft the agreement"], "done", now=clock())
    review_action(
        store,
        second,
        entries["book the room | hall"],
        "kept",
        new_due=date(2027, 1, 15),
        now=clock(),
    )
    # Items 0 and 1 are the last minutes and matters arising; the agenda's own follow.
    running.jump(store, second, 4, clock.advance(300))
    for index, score in ((0, 5), (1, 4)):
        scorecard.rate(store, second, 4, index, score, now=clock())
    running.move(store, second, +1, clock.advance(120))
    notes.add_note(store, second, 5, f"d: {HOSTILE}", "deal", now=clock())
    notes.add_note(store, second, 5, f"d: {LONG}", "deal", now=clock())
    notes.add_note(store, second, 5, f"a: {HOSTILE} @<i>Sam</i> 2027-01-11", "deal", now=clock())
    running.finish_session(store, second, clock.advance(600))
    people.archive_member(store, hughes.id)
    people.archive_member(store, gone.id)
    assert idle  # a current member no one marked: a row of blanks

    third = planning.start_session(store, programme.id, agenda)
    clock.current = clock.current.replace(year=2027, month=1, day=11)
    running.toggle_clock(store, third, clock())
    entries = {e.text: e.action_id for e in review_entries(store, third, date(2027, 1, 11))}
    review_action(
        store, third, entries["book the room | hall"], "kept", new_due=date(2027, 2, 1), now=clock()
    )
    running.move(store, third, +1, clock.advance(200))
    planning.start_session(
        store, programme.id, agenda, planned_for=date(2027, 2, 15), facilitator="Alex Reed"
    )
    return programme.id


@pytest.fixture
def programme(store, agenda, clock) -> int:
    return build_programme(store, agenda, clock)


def _in_order(text: str, parts) -> None:
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        assert found > at, f"{part!r} missing or out of order"
        at = found


def test_markdown_report_covers_every_part_in_order(store, programme) -> None:
    text = report_markdown(store, "harbour-programme")
    _in_order(
        text,
        (
            "# Harbour programme: programme report\n\n",
            "**Primary Care Network:** Harbour PCN  \n",
            "**Sessions:** 4  \n",
            "**First session:** Monday 23 November 2026  \n",
            "**Latest session:** Monday 15 February 2027\n",
            "## Sessions\n\n| Session | Date | Agenda | Facilitator | Status | Steps covered |\n",
            "| 1 | 23 Nov 2026 | Partnership agenda | Morgan Lee | finished | 1 |\n",
            "| 2 | 14 Dec 2026 | Partnership agenda | Sam Jones | finished | 1, 2 |\n",
            "| 3 | 11 Jan 2027 | Partnership agenda | — | in progress | — |\n",
            # Never started: dated for the day it is planned for.
            "| 4 | 15 Feb 2027 | Partnership agenda | Alex Reed | planned | — |\n",
            "## Steps covered\n\n| Step | Sessions |\n|---|---|\n",
            "| Step 1: Set-up right | 1, 2 |\n",
            "| Step 2: Trusted people | 2 |\n",
            "| Step 3: Roles and processes | not yet |\n",
            "| Step 4: Enabling technologies | not yet |\n",
            # Each session's deal and relationship notes, by the count the minutes use.
            "## Deal and relationship\n\n| | Deal | Relationship |\n|---|---|---|\n",
            "| Session 1 | 0 | 0 |\n",
            "| Session 4 | 0 | 0 |\n",
            "| Whole programme | 0 | 0 |\n",
            "## Decisions by session\n\n",
            "### Session 1 (Monday 23 November 2026)\n\n- pool the winter money\n\n",
            "### Session 2 (Monday 14 December 2026)\n\n- \\<script\\>",
            "## Action log\n\n| Action | Owner | Due | Status | Raised in | Latest review |\n",
            # "@Dr Patel" finds the member Dr Asha Patel, who owns it under her full name.
            "| draft the agreement | Dr Asha Patel | 1 Dec 2026 | done | Session 1 | Session 2: done |\n",
            # The latest review is the one given, with the date it left the action.
            (
                "| book the room \\| hall | Jo | 1 Feb 2027 | open | Session 1 "
                "| Session 3: kept open, due moved 15 Jan 2027 → 1 Feb 2027 |\n"
            ),
            "| ask the LMC | — | 5 Dec 2026 | open | Session 1 | — |\n",
            "| Session 2 | — |\n",
            "## Scorecard trends\n\n| Area | Mean rating by session |\n|---|---|\n",
            f"| Trust | S1 {(3 + 4) / 2:.1f} · S2 {(5 + 4) / 2:.1f} |\n",
            f"| Data | S1 {2:.1f} |\n",
            "## Attendance\n\n*P present, A apologies.*\n\n",
            "| Member | S1 | S2 | S3 | S4 |\n|---|---|---|---|---|\n",
            "| bob Idle |  |  |  |  |\n",
            "| Dr Asha Patel | P | P |  |  |\n",
            # Archived since, still shown where they came.
            "| Zoë Hughes | A | P |  |  |\n",
        ),
    )
    assert "taken back" not in text and "typed in error" not in text
    # Archived, and only ever expected: no row.
    assert "Yan Gone" not in text
    assert text.endswith(" |\n") and not text.endswith("\n\n")


def test_steps_covered_agree_with_the_dashboard(store, programme) -> None:
    from sessions.services.dashboard import programme_dashboard
    from sessions.services.report import programme_report

    report = programme_report(store, "Harbour programme")
    dashboard = programme_dashboard(store, programme, date(2027, 1, 11))
    assert [s.steps for s in report.sessions] == [s.steps_worked for s in dashboard.sessions]
    assert report.steps == dashboard.steps
    assert report.trends == dashboard.scorecard_trends


def test_a_programme_with_no_sessions_says_so(store) -> None:
    programme = create_programme(store, "Quiet programme")
    people.add_member(store, programme.id, "Dr Asha Patel")
    text = report_markdown(store, "quiet-programme")
    assert text == (
        "# Quiet programme: programme report\n\n**Sessions:** none\n\n"
        "*This programme has no sessions yet.*\n"
    )
    html = render_report(store, "Quiet programme", "html").decode("utf-8")
    assert "<em>This programme has no sessions yet.</em>" in html and "<table>" not in html
    document = _docx(render_report(store, "Quiet programme", "docx"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "Quiet programme: programme report"
    assert "This programme has no sessions yet." in texts
    assert not document.tables and document.core_properties.author == ""


def test_an_unknown_programme_is_the_error_export_gives(store, programme) -> None:
    from sessions.services.exchange import export_programme

    with pytest.raises(NotFoundError) as export_error:
        export_programme(store, "nowhere")
    for fmt in ("md", "docx"):
        with pytest.raises(NotFoundError) as report_error:
            render_report(store, "nowhere", fmt)
        assert str(report_error.value) == str(export_error.value)


class _Page(HTMLParser):
    """The tags a page holds, its tables as rows of cell texts, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th"):
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _page(data: bytes) -> _Page:
    page = _Page()
    page.feed(data.decode("utf-8"))
    return page


def _table(tables, first_header: str):
    return next(table for table in tables if table[0][0] == first_header)


def test_markdown_keeps_hostile_text_as_text(store, programme) -> None:
    from markdown_it import MarkdownIt

    text = report_markdown(store, "Harbour programme")
    # Even a renderer that lets raw HTML through finds none from a note.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
    assert "<h1>" in html and html.count("<h1>") == 1
    rows = [line for line in text.splitlines() if line.startswith("| \\<script")]
    assert len(rows) == 1 and rows[0].count(" | ") == 5  # six cells, the pipe escaped
    assert LONG.strip() in text


def test_html_report_shows_hostile_text_and_keeps_its_columns(store, programme) -> None:
    data = render_report(store, "Harbour programme", "html")
    html = data.decode("utf-8")
    assert "&lt;script&gt;" in html and "<script" not in html
    page = _page(data)
    assert not set(page.tags) & {"script", "i", "a", "img"}
    text = "".join(page.text)
    assert HOSTILE in text and LONG.strip() in text
    _in_order(
        text,
        (
            "Harbour programme: programme report",
            "Sessions",
            "Steps covered",
            "Deal and relationship",
            "Decisions by session",
            "Action log",
            "Scorecard trends",
            "Attendance",
        ),
    )
    actions = _table(page.tables, "Action")
    assert actions[0] == ["Action", "Owner", "Due", "Status", "Raised in", "Latest review"]
    assert [row[0] for row in actions[1:]] == [
        "draft the agreement",
        "book the room | hall",
        "ask the LMC",
        HOSTILE,
    ]
    assert actions[-1][1] == "<i>Sam</i>"
    assert {len(row) for row in actions} == {6}
    assert {len(row) for row in _table(page.tables, "Member")} == {1 + 4}


def _docx(data: bytes):
    from docx import Document

    return Document(io.BytesIO(data))


def test_word_report_has_headings_tables_and_properties(store, programme) -> None:
    document = _docx(render_report(store, "Harbour programme", "docx"))
    properties = document.core_properties
    assert properties.title == "Harbour programme: programme report"
    assert properties.author == "Alex Reed"  # who runs the latest session
    assert "Harbour programme" in properties.subject
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styles[0] == ("Title", "Harbour programme: programme report")
    assert [text for style, text in styles if style == "Heading 1"] == [
        "Sessions",
        "Steps covered",
        "Deal and relationship",
        "Decisions by session",
        "Action log",
        "Scorecard trends",
        "Attendance",
    ]
    assert [text for style, text in styles if style == "Heading 2"] == [
        "Session 1 (Monday 23 November 2026)",
        "Session 2 (Monday 14 December 2026)",
        "Statements asked again",  # under the scorecard trends, with its chart
    ]
    assert ("List Bullet", HOSTILE) in styles
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    actions = _table(tables, "Action")
    assert actions[2] == [
        "book the room | hall",
        "Jo",
        "1 Feb 2027",
        "open",
        "Session 1",
        "Session 3: kept open, due moved 15 Jan 2027 → 1 Feb 2027",
    ]
    assert actions[4][:2] == [HOSTILE, "<i>Sam</i>"]
    assert _table(tables, "Session")[4] == [
        "4",
        "15 Feb 2027",
        "Partnership agenda",
        "Alex Reed",
        "planned",
        "—",
    ]
    assert _table(tables, "Member")[3] == ["Zoë Hughes", "A", "P", "", ""]


def test_write_report_to_the_minutes_folder_or_a_named_file(
    store, programme, isolated_home, tmp_path
) -> None:
    path = write_report(store, "Harbour programme")
    assert path == isolated_home / "minutes" / "harbour-programme-report.md"
    assert path.read_text(encoding="utf-8") == report_markdown(store, "Harbour programme")
    docx_path = write_report(store, "harbour-programme", fmt="docx")
    assert docx_path == isolated_home / "minutes" / "harbour-programme-report.docx"
    assert _docx(docx_path.read_bytes()).core_properties.title.endswith("programme report")
    named = tmp_path / "out" / "report.html"
    assert write_report(store, "Harbour programme", named, fmt="html") == named
    assert "<h1>Harbour programme: programme report</h1>" in named.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_cli_writes_the_report(db_path, store, programme, tmp_path, fmt, capsys) -> None:
    output = tmp_path / "out" / f"report.{fmt}"
    argv = [
        "--db",
        str(db_path),
        "report",
        "Harbour programme",
        "--format",
        fmt,
        "--output",
        str(output),
    ]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == str(output)
    data = output.read_bytes()
    if fmt == "docx":
        assert _docx(data).core_properties.title == "Harbour programme: programme report"
    else:
        assert data == render_report(store, "Harbour programme", fmt)


def test_cli_refuses_an_unknown_programme(db_path, store, programme, capsys) -> None:
    assert main(["--db", str(db_path), "report", "nowhere", "--format", "md"]) == 2
    err = capsys.readouterr().err
    assert "No programme is called 'nowhere'." in err
    assert err.startswith("facilitator: ") and err.count("\n") == 1 and "Traceback" not in err
