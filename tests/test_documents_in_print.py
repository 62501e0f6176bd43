"""The documents as a reader gets them: the Word file opened in LibreOffice and the HTML page
printed by Chromium, read back from the PDF. No word, header or date is broken across lines,
and a ten-statement scorecard stays on one page of the Word minutes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.services import notes, planning, running, scorecard
from sessions.services.minutes import render_minutes
from sessions.services.pack import render_pack
from sessions.services.programmes import create_programme
from sessions.services.report import render_report
from sessions.services.running import resolve_session_ref
from tests.browser import CHROMIUM

pytestmark = pytest.mark.usefixtures("utc_local_time")

STATEMENTS = (
    "We share the data we need to plan care across the neighbourhood",
    "Partners keep the promises they make at this table",
    "Practices and the community trust talk before decisions land",
    "The pharmacy voice is heard as an equal partner",
    "Patients and carers shape what we do next",
    "We know who leads on each workstream",
    "Our governance arrangements are clear and written down",
    "Money flows fairly between the partners",
    "Our systems talk to each other without double keying",
    "We review performance together every quarter",
)
AREAS = ("Trust", "Performance", "Infrastructure")
SCORECARD_HEADERS = ("Area", "Statement", "Ratings", "Mean", "Range", "Since", "last", "time")
# Written out in the documents: the session days, and the planned one's.
DATES = ("1 Dec 2026", "12 Jan 2027")


@pytest.fixture
def scored(store) -> int:
    """A finished session with a ten-statement scorecard across three areas, and a second
    session planned; the first session's id."""
    agenda = Agenda(
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
                        900,
                        kind="scorecard",
                        areas=(
                            ScorecardArea(AREAS[0], STATEMENTS[:4]),
                            ScorecardArea(AREAS[1], STATEMENTS[4:7]),
                            ScorecardArea(AREAS[2], STATEMENTS[7:]),
                        ),
                    ),
                ),
            ),
            Section("Close", None, (AgendaItem("Next time", 300),)),
        ),
        source="test",
    )
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, sid, at)
    notes.add_note(store, sid, 0, "Everyone came", "deal", now=at)
    running.move(store, sid, +1, at := at + timedelta(minutes=10))
    notes.add_note(store, sid, 1, "One front door for patients", "deal", now=at)
    notes.add_note(store, sid, 1, "rel: the trust listened", "deal", now=at)
    running.move(store, sid, +1, at := at + timedelta(minutes=20))
    for index in range(len(STATEMENTS)):
        for score in (3, 4, 3, 4 if index % 2 else 2):
            scorecard.rate(store, sid, 2, index, score, now=at)
    running.move(store, sid, +1, at := at + timedelta(minutes=15))
    notes.add_note(store, sid, 3, "rel: warm goodbyes", "deal", now=at)
    running.finish_session(store, sid, at + timedelta(minutes=5))
    planning.start_session(store, programme.id, agenda, planned_for=date(2027, 1, 12))
    return sid


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text as laid out, line by line as printed."""
    count = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout,
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def word_to_pdf(source: Path) -> Path:
    home = source.parent
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={(home / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(home),
            str(source),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(home)},
    )
    return source.with_suffix(".pdf")


def html_to_pdf(source: Path) -> Path:
    target = source.with_suffix(".pdf")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={source.parent / 'chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    return target


def whole(word: str, text: str) -> bool:
    """Whether `word` is printed whole: on one line, not run into another word."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def assert_nothing_broken(pages: list[str], words: tuple[str, ...]) -> None:
    text = "\n".join(pages)
    broken = [word for word in words if not whole(word, text)]
    assert not broken, f"printed broken across lines: {broken}"


def statements_on(page: str) -> list[str]:
    """The statements the page holds, each known by its longest word: a statement's words
    may wrap within its cell, and the laid-out text runs the row's other cells between."""
    return [s for s in STATEMENTS if whole(max(s.split(), key=len), page)]


needs_libreoffice = pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler's pdftotext are needed to read the Word file as printed",
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="Chromium and poppler's pdftotext are needed to read the page as printed",
)


@needs_libreoffice
def test_word_minutes_keep_the_scorecard_on_one_page_with_whole_words(
    store, scored, tmp_path
) -> None:
    source = tmp_path / "minutes.docx"
    source.write_bytes(render_minutes(store, scored, "docx"))
    pages = pdf_pages(word_to_pdf(source))
    at_scorecard = [page for page in pages if "How are we doing?" in page]
    assert len(at_scorecard) == 1
    page = at_scorecard[0]
    assert statements_on(page) == list(STATEMENTS)
    assert_nothing_broken([page], SCORECARD_HEADERS + AREAS + ("neighbourhood", "Relationship"))
    assert_nothing_broken(pages, ("Relationship", "Outside", "Whole"))


@needs_libreoffice
def test_word_report_keeps_its_dates_and_headers_whole(store, scored, tmp_path) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(render_report(store, "harbour-programme", "docx"))
    pages = pdf_pages(word_to_pdf(source))
    assert_nothing_broken(pages, (*DATES, "Session", "Facilitator", "Status", "Relationship"))


@needs_libreoffice
def test_word_papers_open_with_the_draft_minutes_inside_and_whole_words(
    store, scored, tmp_path
) -> None:
    source = tmp_path / "papers.docx"
    planned = resolve_session_ref(store, "harbour-programme/2")
    source.write_bytes(render_pack(store, planned, "docx", today=date(2027, 1, 5)))
    pages = pdf_pages(word_to_pdf(source))
    text = "\n".join(pages)
    assert "Papers for session 2 of Harbour" in text  # the title wraps, at a space
    assert "DRAFT: the minutes of session 1, for approval at this meeting." in text
    assert statements_on(text) == list(STATEMENTS)  # in the agenda, to be rated
    assert_nothing_broken(pages, ("Relationship", "Statements", "Whole", "neighbourhood"))


@needs_chromium
def test_html_minutes_and_report_print_with_whole_words_and_dates(store, scored, tmp_path) -> None:
    minutes = tmp_path / "minutes.html"
    minutes.write_bytes(render_minutes(store, scored, "html"))
    pages = pdf_pages(html_to_pdf(minutes))
    assert_nothing_broken(pages, SCORECARD_HEADERS[:5] + AREAS + ("Relationship",))
    assert sum(bool(statements_on(page)) for page in pages) == 1  # kept together
    report = tmp_path / "report.html"
    report.write_bytes(render_report(store, "harbour-programme", "html"))
    pages = pdf_pages(html_to_pdf(report))
    assert_nothing_broken(pages, (*DATES, "Facilitator", "Relationship", "Session"))
