"""The Word minutes and report carry their structure for a screen reader and Word's
accessibility checker: a title, British English, headings in order, header rows marked,
each table named, and nothing said by colour alone."""

from __future__ import annotations

import io
import itertools

import pytest

from sessions.services.minutes import render_minutes
from sessions.services.pack import render_pack
from sessions.services.report import render_report
from sessions.services.running import resolve_session_ref
from tests.rich_session import rich_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def documents(store, clock) -> dict[str, tuple[str, object]]:
    """Each Word document of a rich programme by name: its title, and the file opened."""
    from docx import Document

    rich = rich_programme(store, clock)
    return {
        name: (title, Document(io.BytesIO(data)))
        for name, title, data in (
            (
                "minutes of a session with every kind of item",
                "Harbour programme: session 2",
                render_minutes(store, rich.session, "docx"),
            ),
            (
                "approved minutes with an amendment",
                "Harbour programme: session 1",
                render_minutes(store, rich.first, "docx"),
            ),
            (
                "programme report",
                "Harbour programme: programme report",
                render_report(store, rich.slug, "docx"),
            ),
            (
                "papers for a planned session",
                "Papers for session 3 of Harbour programme",
                render_pack(store, resolve_session_ref(store, f"{rich.slug}/3"), "docx"),
            ),
        )
    }


def heading_levels(document) -> list[int]:
    """The level of each heading, in order: 0 for the title."""
    levels = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Title":
            levels.append(0)
        elif style.startswith("Heading "):
            levels.append(int(style.removeprefix("Heading ")))
    return levels


def test_word_documents_say_their_title_and_language(documents) -> None:
    for name, (title, document) in documents.items():
        properties = document.core_properties
        assert properties.title == title, name
        assert properties.language == "en-GB", name
        # The language Word proofs and a screen reader speaks the text in, unless a style
        # says otherwise; and none does.
        defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert defaults.get(f"{W}val") == "en-GB", name
        assert not [
            lang.get(f"{W}val")
            for lang in document.styles.element.iter(f"{W}lang")
            if lang.get(f"{W}val") not in (None, "en-GB")
        ], name


def test_word_headings_start_with_the_title_and_skip_no_level(documents) -> None:
    for name, (title, document) in documents.items():
        levels = heading_levels(document)
        assert levels[0] == 0 and levels.count(0) == 1, name
        assert document.paragraphs[0].text == title, name
        assert {1, 2} <= set(levels), name
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{name}: heading {after} after heading {before}"


def test_word_tables_mark_their_header_row_and_are_named(documents) -> None:
    for name, (_, document) in documents.items():
        assert document.tables, name
        headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading ")}
        for table in document.tables:
            rows = table._tbl.tr_lst
            header = rows[0].trPr
            assert header is not None and header.find(f"{W}tblHeader") is not None, name
            assert all(
                row.trPr is None or row.trPr.find(f"{W}tblHeader") is None for row in rows[1:]
            ), name
            caption = table._tbl.tblPr.find(f"{W}tblCaption")
            assert caption is not None and caption.get(f"{W}val") in headings, name


def test_word_documents_say_nothing_by_colour_alone(documents) -> None:
    """No run, cell or table is coloured or shaded by what it says: a status is a word."""
    for name, (_, document) in documents.items():
        body = document.element.body
        assert next(body.iter(f"{W}color"), None) is None, name
        assert next(body.iter(f"{W}shd"), None) is None, name
        assert next(body.iter(f"{W}highlight"), None) is None, name
    minutes = documents["minutes of a session with every kind of item"][1]
    log = next(t for t in minutes.tables if t.rows[0].cells[0].text == "No.")
    statuses = {row.cells[6].text for row in log.rows[1:]}
    assert statuses == {"Done", "On track", "Dropped"}


def test_the_same_minutes_written_at_another_moment_are_the_same_bytes(
    store, clock, monkeypatch
) -> None:
    import time
    import zipfile

    rich = rich_programme(store, clock)
    first = render_minutes(store, rich.first, "docx")
    moment = time.time()
    # An hour later by the computer's clock, as a second write on the day would be.
    monkeypatch.setattr(time, "time", lambda: moment + 3600)
    assert render_minutes(store, rich.first, "docx") == first
    stamps = {part.date_time for part in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {(1980, 1, 1, 0, 0, 0)}
