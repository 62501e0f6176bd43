"""HTML from the Markdown minutes: markdown-it-py with raw HTML off, in a printable page.

Nothing a note says can become markup: the Markdown escapes it, and the
renderer refuses raw HTML besides. The one tag it reads is the line break the
templates write inside a table cell, which no note can write (its `<` is escaped).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.minutes.render import render_template
from sessions.text import CELL_BREAK

if TYPE_CHECKING:
    from markdown_it.rules_inline import StateInline

# A `## Step N:` heading starts a framework step, as in the agenda format; in
# print each step starts on a new page.
_STEP = re.compile(r"Step [1-4]\b")
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


def markdown_to_html(text: str) -> str:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": False}).enable(_RULES)
    parser.inline.ruler.push("cell_break", _cell_break)
    tokens = parser.parse(text)
    for heading, inline in itertools.pairwise(tokens):
        if heading.type == "heading_open" and heading.tag == "h2" and _STEP.match(inline.content):
            heading.attrSet("class", "step")
    html: str = parser.renderer.render(tokens, parser.options, {})
    return html


def html_page(title: str, markdown: str, page_template: Path | None = None) -> str:
    """A self-contained page: no script, no outside file, styles for screen and A4 print."""
    from markupsafe import Markup

    return render_template(
        "page.html.j2", page_template, title=title, body=Markup(markdown_to_html(markdown))
    )
