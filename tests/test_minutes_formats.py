"""Minutes in Markdown, HTML and Word: the same content, in board order, with nothing from a
note turned into markup."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sessions.services import notes, people, planning, running
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import render_minutes, session_minutes, write_minutes
from sessions.services.programmes import create_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

HOSTILE = (
    "<script>alert('x')</script> and <b>bold</b>",
    "# not a heading | not | a column",
    "[a link](javascript:alert(1)) ![img](http://x/y.png)",
    "emoji 🎉 and Ünïcödé — “quotes”",
    "control \x07 bell and \x1b escape",
)
LONG = "long words " * 1000  # 11,000 characters: a note pasted from a report


@pytest.fixture
def board_session(store, small_agenda, clock) -> int:
    """Session 2 of a programme: every part of the minutes has something in it."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 1, "a: map the data flows @Jo due 2026-12-01", "deal", now=clock())
    running.finish_session(store, first, clock.advance(1800))

    patel = people.add_member(
        store, programme.id, "Dr Asha Patel", "Harbour Surgery", "practice", "GP partner"
    )
    hughes = people.add_member(store, programme.id, "Zoë Hughes", "Bay Pharmacy", "pharmacy")
    second = planning.start_session(
        store, programme.id, small_agenda, facilitator="Morgan Lee", planned_for=date(2026, 12, 14)
    )
    clock.current = clock.current.replace(month=12, day=14)
    people.set_attendance(store, second, patel.id, "present")
    people.set_attendance(store, second, hughes.id, "apologies")
    people.add_declaration(store, second, patel.id, "Partner in a bidding practice", 3)
    running.toggle_clock(store, second, clock())
    # Straight past the last minutes (item 1) to matters arising, then the agenda's own.
    running.jump(store, second, 1, clock())
    (entry,) = review_entries(store, second, date(2026, 12, 14))
    review_action(store, second, entry.action_id, "kept", new_due=date(2027, 1, 15), now=clock())
    running.move(store, second, +1, clock.advance(300))
    notes.add_note(store, second, 2, "Welcome agreed", "deal", now=clock())
    running.move(store, second, +1, clock.advance(300))
    notes.add_note(store, second, 3, "One front door for patients", "deal", now=clock())
    notes.add_note(store, second, 3, "Practices trust the pharmacists", "relationship", now=clock())
    notes.add_note(store, second, 3, "d: pool the winter money", "deal", now=clock())
    notes.add_note(
        store, second, 3, "a: draft the agreement @Dr Patel 2027-01-10", "deal", now=clock()
    )
    for text in HOSTILE:
        notes.add_note(store, second, 3, text, "relationship", now=clock())
    notes.add_note(store, second, 3, f"a: {HOSTILE[1]} @<i>Sam</i> 2027-01-11", "deal", now=clock())
    notes.add_note(store, second, 3, LONG, "deal", now=clock())
    running.finish_session(store, second, clock.advance(1200))
    planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 1, 18))
    return second


BOARD_ORDER_MD = (
    "# Harbour programme: session 2",
    "**Primary Care Network:** Harbour PCN",
    "**Date:** Monday 14 December 2026",
    "**Started:**",
    "**Facilitator:** Morgan Lee",
    "**Present:** Dr Asha Patel (Harbour Surgery, GP partner)",
    "**Apologies:** Zoë Hughes (Bay Pharmacy)",
    "**Declarations of interest**",
    "## Minutes of the last meeting",
    "## Matters arising",
    "| map the data flows | Jo | 1 | kept open, due moved 1 Dec 2026 → 15 Jan 2027 |",
    "## Welcome",
    "## Step 1: Set-up right — vision and partners",
    "**Decisions**",
    "## Action log",
    "## Deal and relationship",
    "**Next session:** Monday 18 January 2027",
)


def _in_order(text: str, parts) -> None:
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        assert found > at, f"{part!r} missing or out of board order"
        at = found


def test_markdown_follows_board_order(store, board_session) -> None:
    _in_order(render_minutes(store, board_session, "md").decode("utf-8"), BOARD_ORDER_MD)


def test_no_facilitator_named_leaves_the_line_out(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet")
    sid = planning.start_session(store, programme.id, small_agenda)
    text = render_minutes(store, sid, "md").decode("utf-8")
    assert "Facilitator" not in text
    assert "Present" not in text and "Declarations" not in text and "Next session" not in text


class _Page(HTMLParser):
    """The tags a page holds, its table rows' cell counts, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[int] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1

    def handle_data(self, data) -> None:
        self.text.append(data)


def _page(data: bytes) -> _Page:
    page = _Page()
    page.feed(data.decode("utf-8"))
    return page


def test_html_is_a_self_contained_page_in_board_order(store, board_session) -> None:
    data = render_minutes(store, board_session, "html")
    page = _page(data)
    tags = {tag for tag, _ in page.tags}
    assert {"html", "head", "title", "style", "body", "h1", "h2", "h3", "table", "ul"} <= tags
    # Nothing loads from elsewhere and nothing runs: it prints the same anywhere.
    assert not tags & {"script", "img", "link", "iframe", "object", "a", "b", "i"}
    assert not any("src" in attrs or "href" in attrs for _, attrs in page.tags)
    text = "".join(page.text)
    _in_order(
        text,
        (
            "Harbour programme: session 2",
            "Facilitator: Morgan Lee",
            "Declarations of interest",
            "Matters arising",
            "Welcome",
            "Step 1",
            "Action log",
            "Deal and relationship",
            "Next session:",
        ),
    )


def test_html_shows_hostile_notes_as_text(store, board_session) -> None:
    data = render_minutes(store, board_session, "html")
    html = data.decode("utf-8")
    text = "".join(_page(data).text)
    assert "<script>alert('x')</script> and <b>bold</b>" in text
    assert "&lt;script&gt;" in html
    assert "[a link](javascript:alert(1)) ![img](http://x/y.png)" in text
    assert "emoji 🎉 and Ünïcödé — “quotes”" in text
    assert "control \ufffd bell and \ufffd escape" in text
    assert LONG.strip() in text
    assert "# not a heading | not | a column" in text


def test_html_tables_keep_their_columns_whatever_a_note_holds(store, board_session) -> None:
    page = _page(render_minutes(store, board_session, "html"))
    # Matters arising 4, action log 8, balance 3: a pipe in a note adds no cell.
    assert set(page.rows) == {3, 4, 8}
    # The action carried in from session 1, and the two raised here.
    assert page.rows.count(8) == 1 + 3


def test_html_starts_each_step_on_a_new_printed_page(store, board_session) -> None:
    page = _page(render_minutes(store, board_session, "html"))
    h2 = [attrs.get("class") for tag, attrs in page.tags if tag == "h2"]
    # The last minutes, matters arising, Welcome, Step 1, Action log, Deal and relationship.
    assert h2 == [None, None, None, "step", None, None]
    assert "h2.step { break-before: page; }" in render_minutes(store, board_session, "html").decode(
        "utf-8"
    )


def _docx(data: bytes):
    from docx import Document

    return Document(io.BytesIO(data))


def test_word_reads_back_with_headings_tables_and_properties(store, board_session) -> None:
    document = _docx(render_minutes(store, board_session, "docx"))
    properties = document.core_properties
    assert properties.title == "Harbour programme: session 2"
    assert properties.author == "Morgan Lee"
    assert "session 2" in properties.subject
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styles[0] == ("Title", "Harbour programme: session 2")
    headings = [text for style, text in styles if style.startswith("Heading 1")]
    assert headings == [
        "Attendance",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Welcome",
        "Step 1: Set-up right — vision and partners",
        "Action log",
        "Deal and relationship",
    ]
    step = next(p for p in document.paragraphs if p.text.startswith("Step 1:"))
    assert step.paragraph_format.page_break_before
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    attendance, review, actions, balance = tables
    assert attendance == [
        ["Name", "Organisation", "Role", "Attendance"],
        ["Dr Asha Patel", "Harbour Surgery", "GP partner", "Present"],
        ["Zoë Hughes", "Bay Pharmacy", "", "Apologies"],
    ]
    assert review[1] == [
        "map the data flows",
        "Jo",
        "1",
        "kept open, due moved 1 Dec 2026 → 15 Jan 2027",
    ]
    assert actions[0] == [
        "No.",
        "Action",
        "Owner",
        "Raised",
        "Due",
        "Revised due",
        "Status",
        "Latest update",
    ]
    assert actions[1] == [
        "1.1",
        "map the data flows",
        "Jo",
        "Session 1, What can we only do together?",
        "Tuesday 1 December 2026",
        "Friday 15 January 2027",
        "On track",
        "Session 2 review: kept open, due 15 January 2027 (Monday 14 December 2026)",
    ]
    assert actions[2] == [
        "2.1",
        "draft the agreement",
        "Dr Asha Patel",  # "@Dr Patel" finds the member, who owns it under her full name
        "Session 2, What can we only do together?",
        "Sunday 10 January 2027",
        "—",
        "On track",
        "—",
    ]
    assert actions[3][1:3] == [HOSTILE[1], "<i>Sam</i>"]
    assert balance[-1] == ["Whole session", "3", "6"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Facilitator: Morgan Lee" in text
    assert "Next session: Monday 18 January 2027" in text
    assert HOSTILE[0] in text and "emoji 🎉" in text and LONG.strip() in text
    assert "control \ufffd bell and \ufffd escape" in text


def test_word_leaves_out_what_is_empty(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet")
    sid = planning.start_session(store, programme.id, small_agenda)
    document = _docx(render_minutes(store, sid, "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Welcome", "Step 1: Set-up right — vision and partners"]
    assert document.tables == []
    # Never signed by the library that wrote it.
    assert document.core_properties.author == ""


def test_every_format_says_the_same_things(store, board_session) -> None:
    minutes = session_minutes(store, board_session)
    md = render_minutes(store, board_session, "md").decode("utf-8")
    html = "".join(_page(render_minutes(store, board_session, "html")).text)
    word = _docx(render_minutes(store, board_session, "docx"))
    word_text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    for section in minutes.sections:
        for item in section.items:
            for part in (item.title, item.timing):
                assert part in html and part in word_text
            assert item.timing in md


def test_write_each_format_beside_the_others(store, board_session, isolated_home) -> None:
    written = [write_minutes(store, board_session, fmt=fmt) for fmt in ("md", "html", "docx")]
    assert [path.name for path in written] == [
        "harbour-programme-session-2.md",
        "harbour-programme-session-2.html",
        "harbour-programme-session-2.docx",
    ]
    assert {path.parent for path in written} == {isolated_home / "minutes"}
    assert written[2].read_bytes()[:2] == b"PK"
    # The session remembers its Markdown minutes, which the app shows again later.
    assert running.get_session(store, board_session).minutes_path == str(written[0])


def test_a_folder_that_cannot_be_written_says_so_and_leaves_nothing(
    store, board_session, tmp_path
) -> None:
    from sessions.errors import StoreError

    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    with pytest.raises(StoreError, match="Could not write"):
        write_minutes(store, board_session, blocker / "minutes.docx", fmt="docx")
    assert blocker.read_text(encoding="utf-8") == "in the way"


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_minutes(store, board_session, tmp_path) -> None:
    source = tmp_path / "minutes.docx"
    source.write_bytes(render_minutes(store, board_session, "docx"))
    profile = (tmp_path / "profile").as_uri()

    def convert(target: str) -> None:
        subprocess.run(
            [
                "libreoffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "HOME": str(tmp_path)},
        )

    convert("pdf")
    pdf = tmp_path / "minutes.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # Read back as text: LibreOffice found the content, not an empty or broken document.
    convert("txt:Text")
    text = Path(tmp_path / "minutes.txt").read_text(encoding="utf-8-sig")
    assert "Harbour programme: session 2" in text
    assert "draft the agreement" in text and "Morgan Lee" in text
