"""HTML from the Markdown minutes: markdown-it-py with raw HTML off, in a printable page.

Nothing a note says can become markup: the Markdown escapes it, and the
renderer refuses raw HTML besides. The one tag it reads is the line break the
templates write inside a table cell, which no note can write (its `<` is escaped).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.minutes.render import render_template
from sessions.minutes.word_layout import SHORT_CELL
from sessions.minutes.wording import WRITTEN_DATE as _DATE
from sessions.text import CELL_BREAK

if TYPE_CHECKING:
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# A `## Step N:` heading starts a framework step, as in the agenda format; in
# print each step starts on a new page.
_STEP = re.compile(r"Step [1-4]\b")
NO_BREAK = "\u00a0"
# What a minutes template writes, and no more: every rule left on is tried on every line,
# and a long session's page took a third longer to parse with the full CommonMark set.
_RULES = [
    "heading",
    "list",
    "table",
    "paragraph",
    "emphasis",
    "escape",
    "newline",
    "entity",
    "backticks",
    "link",
    "blockquote",
    "hr",
]


def _cell_break(state: StateInline, silent: bool) -> bool:
    """The templates' break inside a table cell, as a line break. An escaped `\\<br>` never
    reaches here: the escape rule takes its `<` first."""
    if not state.src.startswith(CELL_BREAK, state.pos):
        return False
    if not silent:
        state.push("hardbreak", "br", 0)
    state.pos += len(CELL_BREAK)
    return True


def _short(content: str) -> bool:
    """A cell kept on one line: a date, a number, a status, a session."""
    return len(content) <= SHORT_CELL or _DATE.fullmatch(content) is not None


def _dates_kept_whole(children: list[Token]) -> None:
    """Join each written-out date's words with no-break spaces, so '15 Jan 2027' is never
    split across lines, in a table cell or in a sentence. Only the page changes: the
    Markdown keeps its plain spaces."""
    for child in children:
        if child.type == "text" and _DATE.search(child.content):
            child.content = _DATE.sub(
                lambda date: date.group().replace(" ", NO_BREAK), child.content
            )


def _tables_named_and_headed(tokens: list[Token]) -> None:
    """Give each table what a screen reader needs to read it: the heading above it as its
    name, each column header marked as one, and where the first header is empty (a table
    of rows named down its first column) that column's cells as the rows' headers and the
    corner as an ordinary empty cell."""
    headings = 0
    heading_id: str | None = None
    row_headers = False
    column = 0
    cell = "td"
    for token, inline in itertools.pairwise(tokens):
        if token.type == "heading_open":
            # The title is left as written; a table beneath it goes unnamed rather than
            # taking the name of a heading above the title.
            heading_id = None
            if token.tag != "h1":
                headings += 1
                heading_id = f"heading-{headings}"
                token.attrSet("id", heading_id)
        elif token.type == "table_open":
            row_headers = False
            if heading_id is not None:
                token.attrSet("aria-labelledby", heading_id)
        elif token.type == "tr_open":
            column = 0
        elif token.type == "th_open":
            column += 1
            if column == 1 and not inline.content.strip():
                row_headers = True
                token.tag = "td"
            else:
                token.attrSet("scope", "col")
            cell = token.tag
        elif token.type == "td_open":
            column += 1
            if column == 1 and row_headers:
                token.tag = "th"
                token.attrSet("scope", "row")
            cell = token.tag
        elif token.type in ("th_close", "td_close"):
            token.tag = cell


def _plain(inline: Token) -> str:
    """A heading's words as a reader sees them, its Markdown escapes undone."""
    words = "".join(
        child.content for child in inline.children or () if child.type in ("text", "text_special")
    )
    return words.replace(NO_BREAK, " ")


def _figures_placed(tokens: list[Token], figures: Mapping[str, str]) -> list[Token]:
    """Each figure's HTML, drawn by the app and never from a note, just below the heading
    it is named for."""
    from markdown_it.token import Token

    placed: list[Token] = []
    for index, token in enumerate(tokens):
        placed.append(token)
        if token.type == "heading_close" and index >= 1:
            figure = figures.get(_plain(tokens[index - 1]))
            if figure is not None:
                block = Token("html_block", "", 0)
                block.content = figure
                placed.append(block)
    return placed


def markdown_to_html(text: str, figures: Mapping[str, str] | None = None) -> str:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": False}).enable(_RULES)
    parser.inline.ruler.push("cell_break", _cell_break)
    tokens = parser.parse(text)
    for heading, inline in itertools.pairwise(tokens):
        if heading.type == "heading_open" and heading.tag == "h2" and _STEP.match(inline.content):
            heading.attrSet("class", "step")
        elif heading.type in ("td_open", "th_open") and _short(inline.content):
            heading.attrSet("class", "short")
        if inline.type == "inline" and inline.children:
            _dates_kept_whole(inline.children)
    _tables_named_and_headed(tokens)
    if figures:
        tokens = _figures_placed(tokens, figures)
    html: str = parser.renderer.render(tokens, parser.options, {})
    return html


def html_page(
    title: str,
    markdown: str,
    page_template: Path | None = None,
    figures: Mapping[str, str] | None = None,
) -> str:
    """A self-contained page: no script, no outside file, styles for screen and A4 print;
    with `figures`, each (heading: HTML) placed below its heading."""
    from markupsafe import Markup

    body = Markup(markdown_to_html(markdown, figures))
    return render_template("page.html.j2", page_template, title=title, body=body)
