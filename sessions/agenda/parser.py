"""Read an agenda Markdown file into an `Agenda`, or say everything that is wrong with it.

markdown-it does the Markdown; this module only reads the structure it finds:
the level-0 `#`, `##` and `###` headings, and the lists of activity items.
Headings inside lists or quotes, and `####` and deeper, belong to a prompt.
Every problem is collected so a facilitator fixes a file in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sessions.agenda.activities import (
    Bullet,
    checklist_options,
    first_list,
    plain,
    rag_areas,
    scorecard_areas,
    source_lines,
)
from sessions.agenda.dots import DotBudget, is_budget_line, read_budget
from sessions.agenda.durations import format_duration, parse_duration
from sessions.agenda.model import (
    Agenda,
    AgendaError,
    AgendaItem,
    AgendaProblem,
    ScorecardArea,
    Section,
)
from sessions.vocabulary import AGENDA_KINDS, ItemKind

MAX_ITEM_SECONDS = 8 * 3600
"""Longer than a working day's session: almost certainly `h` typed for `min`."""

_md = MarkdownIt("commonmark")

# Full-width brackets, commas and colons are what Japanese and Chinese keyboards
# produce; accepting them costs nothing and saves a confusing error.
_TIMING = re.compile(r"^(?P<title>.*?)\s*[(（](?P<inner>[^()（）]*)[)）]\s*$")
_PARTS = re.compile(r"\s*[,，、;]\s*")
_STEP = re.compile(r"^step\s*(?P<n>\d+)\s*(?P<colon>[:：])?", re.IGNORECASE)
_LOOKS_TIMED = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]\s*$")
# `(ten min)` means a time, badly written; `(PCN board)` is part of the title.
_TIME_WORD = re.compile(r"\b(?:mins?|minutes?|h|hrs?|hours?)\b", re.IGNORECASE)

EXAMPLE_ITEM = "`### Introductions (10 min)`"

CONFIDENTIAL = "confidential"
"""The last part of an item's timing that marks it as taken in private."""


@dataclass
class _Block:
    """A structural heading and everything up to the next one."""

    level: int
    line: int
    inline: Token
    tokens: list[Token]
    body: tuple[int, int]
    """0-based [start, end) source lines of the body."""


def _plain_source(markdown: str) -> str:
    tokens = _md.parseInline(markdown)
    return plain(tokens[0].children) if tokens else ""


def _is_comment(token: Token) -> bool:
    return token.type == "html_block" and token.content.lstrip().startswith("<!--")


def _has_content(tokens: list[Token]) -> Token | None:
    """The first level-0 block that says something, ignoring HTML comments."""
    for token in tokens:
        if (
            token.level == 0
            and token.map is not None
            and token.nesting >= 0
            and not _is_comment(token)
        ):
            return token
    return None


class _Parser:
    def __init__(self, text: str, path: str):
        self.path = path
        # markdown-it counts lines after turning \r\n and \r into \n; slice the same way.
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.tokens = _md.parse(text)
        self.problems: list[AgendaProblem] = []

    def problem(self, line0: int, what: str, fix: str) -> None:
        self.problems.append(AgendaProblem(self.path, line0 + 1, what, fix))

    def source(self, start: int, end: int, *skips: tuple[int, int]) -> str:
        """Source lines [start, end) without blank edges; `skips` cut out a removed list
        and a checklist's budget of dots."""
        ranges = []
        for skip_start, skip_end in sorted(skips):
            ranges.append((start, skip_start))
            start = skip_end
        ranges.append((start, end))
        pieces = []
        for a, b in ranges:
            lines = self.lines[a:b]
            while lines and not lines[0].strip():
                lines.pop(0)
            while lines and not lines[-1].strip():
                lines.pop()
            if lines:
                pieces.append("\n".join(lines))
        # A blank line where the list was keeps the text either side as separate paragraphs.
        return "\n\n".join(pieces)

    def blocks(self) -> tuple[list[Token], list[_Block]]:
        starts = [
            i
            for i, t in enumerate(self.tokens)
            if t.type == "heading_open" and t.level == 0 and t.tag in ("h1", "h2", "h3")
        ]
        before = self.tokens[: starts[0]] if starts else self.tokens
        blocks = []
        for n, i in enumerate(starts):
            nxt = starts[n + 1] if n + 1 < len(starts) else len(self.tokens)
            end_line = (
                source_lines(self.tokens[nxt])[0] if nxt < len(self.tokens) else len(self.lines)
            )
            heading = self.tokens[i]
            blocks.append(
                _Block(
                    level=int(heading.tag[1]),
                    line=source_lines(heading)[0],
                    inline=self.tokens[i + 1],
                    tokens=self.tokens[i + 3 : nxt],
                    body=(source_lines(heading)[1], end_line),
                )
            )
        return before, blocks

    def parse(self) -> tuple[str, str, list[Section]]:
        before, blocks = self.blocks()
        title: str | None = None
        notes = ""
        # Each section with its items and how many `###` headings it had, valid or not,
        # so a section whose only item is broken is not also called empty.
        sections: list[tuple[Section, list[AgendaItem], int]] = []
        item_headings = 0
        for block in blocks:
            if block.level == 1:
                if title is not None:
                    self.problem(
                        block.line,
                        "a second `#` title: an agenda has exactly one",
                        "make it a `##` section or a `###` item, or move it to its own file",
                    )
                    continue
                title = self.title(block, before, after_structure=bool(sections or item_headings))
                notes = self.source(*block.body)
            elif block.level == 2:
                sections.append((self.section(block), [], 0))
            else:
                item_headings += 1
                item = self.item(block)
                if not sections:
                    self.problem(
                        block.line,
                        "this `###` item is not inside a `##` section",
                        "add a section heading above it, e.g. `## Welcome` or `## Step 1: Vision`",
                    )
                    continue
                section, items, headings = sections[-1]
                sections[-1] = (section, items, headings + 1)
                if item is not None:
                    items.append(item)

        for section, _, headings in sections:
            if not headings:
                self.section_without_items(section)
        if title is None:
            self.problem(
                0,
                "the agenda has no `#` title",
                "start the file with a title line, e.g. `# PCN partnership — session 1`",
            )
        if not item_headings and not sections:
            self.problem(
                blocks[0].line if blocks else 0,
                "the agenda has no timed items",
                f"add a `## Section` with at least one item under it, e.g. {EXAMPLE_ITEM}",
            )
        built = [Section(s.title, s.step, tuple(items), s.line) for s, items, _ in sections]
        return title or "", notes, built

    def title(self, block: _Block, before: list[Token], after_structure: bool) -> str:
        title = plain(block.inline.children)
        if not title:
            self.problem(
                block.line,
                "the `#` title is empty",
                "write the agenda's name after the `#`, e.g. `# PCN partnership — session 1`",
            )
        if after_structure:
            self.problem(
                block.line,
                "the `#` title comes after sections or items",
                "move the `#` title line to the top of the file",
            )
        elif (stray := _has_content(before)) is not None:
            self.problem(
                source_lines(stray)[0],
                "text before the `#` title is not shown anywhere",
                "move it under the title, where it becomes the facilitator's notes",
            )
        return title

    def section(self, block: _Block) -> Section:
        title = plain(block.inline.children)
        step = None
        if not title:
            self.problem(
                block.line,
                "the `##` section heading is empty",
                "write the section's name after `##`, e.g. `## Welcome`",
            )
        elif (match := _STEP.match(title)) is not None:
            n = int(match["n"])
            if not 1 <= n <= 4:
                self.problem(
                    block.line,
                    f"there is no step {n}: the framework has steps 1 to 4",
                    "use `Step 1:` to `Step 4:`, or rename it so it does not start with `Step`",
                )
            elif match["colon"] is None:
                self.problem(
                    block.line,
                    f"'{title}' is not read as a framework step: the colon is missing",
                    f"write `## Step {n}: …` with a colon straight after the number",
                )
            else:
                step = n
        # The block stops at the next structural heading, so anything in it precedes the items.
        stray = _has_content(block.tokens)
        if stray is not None:
            hint = (
                "items take exactly three #: " + EXAMPLE_ITEM
                if stray.type == "heading_open"
                else "move it into the item below, or into the notes under the `#` title"
            )
            what = "text between a section heading and its first item is not shown anywhere"
            self.problem(source_lines(stray)[0], what, hint)
        return Section(title, step, (), block.line + 1)

    def section_without_items(self, section: Section) -> None:
        fix = (
            f"a timed item takes three #: `### {section.title}`"
            if _LOOKS_TIMED.search(section.title)
            else f"add at least one timed item under it, e.g. {EXAMPLE_ITEM}, or remove it"
        )
        self.problem(section.line - 1, f"section '{section.title}' has no `###` items", fix)

    def item(self, block: _Block) -> AgendaItem | None:
        count = len(self.problems)
        raw = block.inline.content
        match = _TIMING.match(raw)
        if match is None or not (
            any(c.isdigit() for c in match["inner"]) or _TIME_WORD.search(match["inner"])
        ):
            # `(checklist)` alone is a kind without its time; `(PCN board)` is part of the title.
            kind_only = match["inner"].strip().lower() if match is not None else ""
            if match is not None and kind_only in AGENDA_KINDS:
                name = _plain_source(match["title"]) or "Introductions"
                timing = f"15 min, {kind_only}"
            else:
                name = _plain_source(raw) or "Introductions"
                timing = "15 min"
            self.problem(
                block.line,
                f"item '{_plain_source(raw)}' has no duration",
                f"end the heading with its time in brackets, e.g. `### {name} ({timing})`",
            )
            return None
        title = _plain_source(match["title"])
        if not title:
            self.problem(
                block.line,
                "the item has no title, only a time",
                f"write what the item is before its time, e.g. {EXAMPLE_ITEM}",
            )
        seconds, kind, confidential = self.timing(block.line, title, match["inner"])
        if kind is None:  # the body's rules depend on the kind
            return None
        start, end = block.body
        prompt = self.source(start, end)
        options: tuple[str, ...] = ()
        areas: tuple[ScorecardArea, ...] = ()
        dots: DotBudget | None = None
        rated: tuple[str, ...] = ()
        if kind in (ItemKind.CHECKLIST, ItemKind.SCORECARD, ItemKind.RAG):
            bullets: list[Bullet] = []
            skips: list[tuple[int, int]] = []
            found = first_list(block.tokens)
            if found is not None:
                bullets, skip = found
                skips.append(skip)
            if kind == ItemKind.CHECKLIST:
                dots, budget_lines = self.budget(block)
                skips.extend(budget_lines)
            prompt = self.source(start, end, *skips)
            if kind == ItemKind.CHECKLIST:
                options = checklist_options(block.line, title, bullets, self.problem)
            elif kind == ItemKind.RAG:
                rated = rag_areas(block.line, title, bullets, self.problem)
            else:
                areas = scorecard_areas(block.line, title, bullets, self.problem)
        elif kind == ItemKind.REFLECTION and not prompt:
            self.problem(
                block.line,
                f"reflection '{title}' has no prompt",
                "write the private question each person answers as a paragraph under the heading",
            )
        if len(self.problems) > count or seconds is None:
            return None
        return AgendaItem(
            title,
            seconds,
            kind,
            prompt,
            options,
            areas,
            block.line + 1,
            confidential,
            dots,
            rag_areas=rated,
        )

    def budget(self, block: _Block) -> tuple[DotBudget | None, list[tuple[int, int]]]:
        """A checklist's budget of dots, if its body gives one, and the lines that give it,
        kept out of the prompt."""
        budget: DotBudget | None = None
        lines: list[tuple[int, int]] = []
        for i, token in enumerate(block.tokens):
            if token.type != "paragraph_open" or token.level != 0:
                continue
            text = block.tokens[i + 1].content
            if not is_budget_line(text):
                continue
            first, last = source_lines(token)
            if lines:
                self.problem(
                    first,
                    "a second budget of dots for the same checklist",
                    "keep one `Dots:` line under each checklist",
                )
            else:
                budget = read_budget(first, text, self.problem)
            lines.append((first, last))
        return budget, lines

    def timing(self, line: int, title: str, inner: str) -> tuple[int | None, ItemKind | None, bool]:
        """The item's length, kind and whether it is taken in private."""
        parts = _PARTS.split(inner.strip())
        confidential = len(parts) > 1 and parts[-1].lower() == CONFIDENTIAL
        if confidential:
            parts = parts[:-1]
        if len(parts) > 2:
            # Only the mark may follow the kind: `(15 min, checklist, confidentail)` says so.
            third = f": '{parts[2]}' is not `{CONFIDENTIAL}`" if len(parts) == 3 else ""
            self.problem(
                line,
                f"'({inner})' has too many parts{third}",
                "write `(DURATION)`, `(DURATION, KIND)` or "
                f"`(DURATION, KIND, {CONFIDENTIAL})`, e.g. `(15 min, checklist)`",
            )
            return None, None, False
        seconds = parse_duration(parts[0])
        kind = parts[1].lower() if len(parts) == 2 else ItemKind.DISCUSSION
        if seconds is None:
            if parts[0].lower() in AGENDA_KINDS and len(parts) == 2 and parse_duration(parts[1]):
                self.problem(
                    line,
                    f"'({inner})' has the kind before the duration",
                    f"put the duration first: `({parts[1]}, {parts[0].lower()}"
                    + (f", {CONFIDENTIAL})`" if confidential else ")`"),
                )
                return None, ItemKind(parts[0].lower()), confidential
            bare = parts[0].isdigit()
            self.problem(
                line,
                f"'{parts[0]}' has no unit" if bare else f"'{parts[0]}' is not a duration",
                (f"write `{parts[0]} min` or `{parts[0]} h`" if bare else "write minutes or hours")
                + ", e.g. `15 min`, `1 h` or `1 h 30 min`",
            )
        elif seconds == 0:
            self.problem(line, f"item '{title}' lasts no time", "give it at least `1 min`")
            seconds = None
        elif seconds > MAX_ITEM_SECONDS:
            self.problem(
                line,
                f"item '{title}' is {format_duration(seconds)} long, more than the 8 h limit",
                "check the unit (`15 min`, not `15 h`), or split it into shorter items",
            )
            seconds = None
        if kind not in AGENDA_KINDS:
            what = f"'{parts[1]}' is not a kind of item"
            self.problem(line, what, "use one of: " + ", ".join(AGENDA_KINDS))
            return seconds, None, confidential
        return seconds, ItemKind(kind), confidential


def parse_agenda(text: str, path: str = "<agenda>", source: str | None = None) -> Agenda:
    """The agenda in `text`; raises AgendaError listing every problem, with `path` in each."""
    parser = _Parser(text, path)
    title, notes, sections = parser.parse()
    if parser.problems:
        raise AgendaError(parser.problems)
    return Agenda(
        title=title,
        notes=notes,
        sections=tuple(sections),
        source=source if source is not None else path,
        text=text,
    )
