"""A note of several lines in the minutes and the report: each line shown, in Markdown, HTML
and Word, the lists and tables around it intact, and nothing in it read as markup."""

from __future__ import annotations

import io
from datetime import date
from html.parser import HTMLParser

import pytest

from sessions.services import notes, planning, running
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.services.report import render_report

pytestmark = pytest.mark.usefixtures("utc_local_time")

SAID = (
    "From the chat, ending in a backslash \\",
    "# not a heading",
    "",
    "- not a list | nor a cell",
    "1. nor a numbered one <script>alert(1)</script>",
    "  <br> written by the room",
)
SHOWN = "\n".join(line.strip() for line in SAID)
"""The note as a page shows it: HTML keeps no space at the start of a line."""
DECIDED = ("we pool the winter money", "from April, <b>if</b> the board agrees")
ACTION = ("draft the agreement", "| with | the practices |")
CARRIED = ("map the data flows", "## for every practice")


@pytest.fixture
def sessions(store, small_agenda, clock) -> tuple[int, int]:
    """Two sessions of a programme whose notes each hold several lines."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    line = "a: " + "\r\n".join(CARRIED) + " @Jo 2026-12-01"
    notes.add_note(store, first, 1, line, "deal", now=clock())
    running.finish_session(store, first, clock.advance(1800))

    second = planning.start_session(store, programme.id, small_agenda)
    clock.current = clock.current.replace(month=12, day=14)
    running.toggle_clock(store, second, clock())
    running.jump(store, second, 1, clock())  # past the last minutes, to matters arising
    (entry,) = review_entries(store, second, date(2026, 12, 14))
    review_action(store, second, entry.action_id, "kept", now=clock())
    running.move(store, second, +1, clock.advance(300))
    notes.add_note(store, second, 2, "\n".join(SAID), "deal", now=clock())
    notes.add_note(store, second, 2, "d: " + "\n".join(DECIDED), "deal", now=clock())
    notes.add_note(
        store, second, 2, "a: " + "\n".join(ACTION) + " @Sam 2027-01-10", "deal", now=clock()
    )
    notes.add_note(store, second, 2, "One line, as before", "deal", now=clock())
    running.finish_session(store, second, clock.advance(1200))
    return first, second


class Page(HTMLParser):
    """A page's tags, the text of each list item and table cell, and each table row's size."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.rows: list[int] = []
        self.items: list[str] = []
        self.cells: list[str] = []
        self._into: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1
            self.cells.append("")
            self._into = self.cells
        elif tag == "li":
            self.items.append("")
            self._into = self.items
        elif tag == "br" and self._into is not None:
            self._into[-1] += "\n"

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th", "li"):
            self._into = None

    def handle_data(self, data) -> None:
        if self._into is not None:
            # The renderer ends each <br> with a newline of its own, which shows as nothing.
            self._into[-1] += data.replace("\n", "")


def test_markdown_minutes_keep_each_line_inside_its_list_item_and_cell(store, sessions) -> None:
    markdown = render_minutes(store, sessions[1], "md").decode("utf-8")
    # The list item: each later line indented under it, after a hard break.
    item = (
        "- From the chat, ending in a backslash \\\\\\\n"
        "  \\# not a heading\\\n  \\\n  \\- not a list \\| nor a cell\\\n"
    )
    assert item in markdown
    assert "  1\\. nor a numbered one \\<script\\>alert(1)\\</script\\>\\\n" in markdown
    assert "    \\<br\\> written by the room\n" in markdown
    # The table cell: one line of the table, the break written by the template.
    assert (
        "| 2.1 | draft the agreement<br>\\| with \\| the practices \\| | Sam "
        "| Session 2, Introductions | Sunday 10 January 2027 |"
    ) in markdown
    assert "| map the data flows<br>\\## for every practice | Jo | 1 |" in markdown
    assert "- One line, as before\n" in markdown


def test_html_minutes_show_each_line_and_nothing_as_markup(store, sessions) -> None:
    page = Page(render_minutes(store, sessions[1], "html").decode("utf-8"))
    assert SHOWN in page.items
    assert "\n".join(DECIDED) in page.items
    # The page keeps a date on one line with no-break spaces.
    assert "\n".join(ACTION) + " — Sam (due Sunday 10\xa0January\xa02027)" in page.items
    assert "One line, as before" in page.items
    assert "\n".join(ACTION) in page.cells  # the action log
    assert "\n".join(CARRIED) in page.cells  # matters arising
    # Nothing a line says became a tag, a heading or a list of its own.
    assert not {"script", "b", "ol"} & set(page.tags)
    assert page.tags.count("h1") == 1 and page.tags.count("h2") == 6
    assert page.tags.count("li") == len(page.items) == 4
    # Matters arising 4 columns, action log 8, balance 3: no line of a note adds a cell or row.
    assert set(page.rows) == {3, 4, 8}
    # The log holds the action carried in and the one raised here.
    assert page.rows.count(8) == 1 + 2 and page.rows.count(4) == 1 + 1


def test_word_minutes_break_the_line_inside_the_bullet_and_the_cell(store, sessions) -> None:
    from docx import Document

    document = Document(io.BytesIO(render_minutes(store, sessions[1], "docx")))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "\n".join(SAID) in bullets
    assert "\n".join(ACTION) + " — Sam (due Sunday 10 January 2027)" in bullets
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "\n".join(ACTION) in cells and "\n".join(CARRIED) in cells
    said = next(p for p in document.paragraphs if p.text == "\n".join(SAID))
    assert len(said._p.xpath(".//w:br")) == len(SAID) - 1  # real line breaks, in one paragraph


def test_the_report_keeps_each_line_of_a_decision_and_an_action(store, sessions) -> None:
    markdown = render_report(store, "Harbour programme", "md").decode("utf-8")
    assert (
        "- we pool the winter money\\\n  from April, \\<b\\>if\\</b\\> the board agrees\n"
        in markdown
    )
    assert "| draft the agreement<br>\\| with \\| the practices \\| | Sam |" in markdown
    page = Page(render_report(store, "Harbour programme", "html").decode("utf-8"))
    assert "\n".join(DECIDED) in page.items
    assert "\n".join(ACTION) in page.cells and "\n".join(CARRIED) in page.cells
    assert "b" not in page.tags
    from docx import Document

    document = Document(io.BytesIO(render_report(store, "Harbour programme", "docx")))
    assert "\n".join(DECIDED) in [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "\n".join(ACTION) in cells
