"""Read an agenda Markdown file into an `Agenda`, or say everything that is wrong with it.

markdown-it does the Markdown; this module only reads the structure it finds:
the level-0 `#`, `##` and `###` headings, and the lists of activity items.
Headings inside lists or quotes, and `####` and deeper, belong to a prompt.
Every problem is collected so a facilitator fixes a file in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sessions.agenda.durations import format_duration, parse_duration
from sessions.agenda.model import (
    KINDS,
    Agenda,
    AgendaError,
    AgendaItem,
    AgendaProblem,
    ScorecardArea,
    Section,
)

MAX_ITEM_SECONDS = 8 * 3600
"""Longer than a working day's session: almost certainly `h` typed for `min`."""

_md = MarkdownIt("commonmark")

# Full-width brackets, commas and colons are what Japanese and Chinese keyboards
# produce; accepting them costs nothing and saves a confusing error.
_TIMING = re.compile(r"^(?P<title>.*?)\s*[(（](?P<inner>[^()（）]*)[)）]\s*$")
_PARTS = re.compile(r"\s*[,，、;]\s*")
_STEP = re.compile(r"^step\s*(?P<n>\d+)\s*(?P<colon>[:：])?", re.IGNORECASE)
_LOOKS_TIMED = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]\s*$")

_EXAMPLE_ITEM = "`### Introductions (10 min)`"


@dataclass
class _Bullet:
    line: int
    """0-based, like markdown-it's maps."""
    text: str
    children: list[_Bullet] = field(default_factory=list)


@dataclass
class _Block:
    """A structural heading and everything up to the next one."""

    level: int
    line: int
    inline: Token
    tokens: list[Token]
    body: tuple[int, int]
    """0-based [start, end) source lines of the body."""


def _plain(children: list[Token] | None) -> str:
    """Inline Markdown as the words a reader sees: no `*`, backticks or link targets."""
    out: list[str] = []
    for token in children or ():
        if token.type in ("text", "text_special", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(_plain(token.children))
    return " ".join("".join(out).split())


def _plain_source(markdown: str) -> str:
    tokens = _md.parseInline(markdown)
    return _plain(tokens[0].children) if tokens else ""


def _is_comment(token: Token) -> bool:
    return token.type == "html_block" and token.content.lstrip().startswith("<!--")


def _has_content(tokens: list[Token]) -> Token | None:
    """The first level-0 block that says something, ignoring HTML comments."""
    for token in tokens:
        if token.level == 0 and token.map is not None and token.nesting >= 0:
            if not _is_comment(token):
                return token
    return None


def _read_list(tokens: list[Token], start: int) -> tuple[list[_Bullet], int]:
    """The bullets of the list opening at `start`, nested lists as children; and where it ends."""
    level = tokens[start].level
    bullets: list[_Bullet] = []
    i = start + 1
    while i < len(tokens) and not (tokens[i].nesting == -1 and tokens[i].level == level):
        token = tokens[i]
        if token.type == "list_item_open" and token.level == level + 1:
            bullet = _Bullet(line=token.map[0] if token.map else 0, text="")
            words: list[str] = []
            i += 1
            while not (tokens[i].type == "list_item_close" and tokens[i].level == level + 1):
                inner = tokens[i]
                if inner.type == "inline" and inner.level == level + 3:
                    words.append(_plain(inner.children))
                elif inner.type in ("bullet_list_open", "ordered_list_open") and (
                    inner.level == level + 2
                ):
                    children, i = _read_list(tokens, i)
                    bullet.children.extend(children)
                i += 1
            bullet.text = " ".join(w for w in words if w)
            bullets.append(bullet)
        i += 1
    return bullets, i


class _Parser:
    def __init__(self, text: str, path: str):
        self.path = path
        # markdown-it counts lines after turning \r\n and \r into \n; slice the same way.
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.tokens = _md.parse(text)
        self.problems: list[AgendaProblem] = []

    def problem(self, line0: int, what: str, fix: str) -> None:
        self.problems.append(AgendaProblem(self.path, line0 + 1, what, fix))

    def source(self, start: int, end: int, skip: tuple[int, int] | None = None) -> str:
        """Source lines [start, end) without blank edges; `skip` cuts out a removed list."""
        ranges = [(start, end)] if skip is None else [(start, skip[0]), (skip[1], end)]
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
            end_line = self.tokens[nxt].map[0] if nxt < len(self.tokens) else len(self.lines)
            heading = self.tokens[i]
            blocks.append(
                _Block(
                    level=int(heading.tag[1]),
                    line=heading.map[0],
                    inline=self.tokens[i + 1],
                    tokens=self.tokens[i + 3 : nxt],
                    body=(heading.map[1], end_line),
                )
            )
        return before, blocks

    def parse(self) -> tuple[str, str, list[Section]]:
        before, blocks = self.blocks()
        title: str | None = None
        notes = ""
        sections: list[Section] = []
        section: Section | None = None
        items: list[AgendaItem] = []
        item_headings = 0
        section_headings_seen = 0
        empty_sections = 0

        def close_section() -> None:
            nonlocal section, empty_sections
            if section is not None:
                sections.append(
                    Section(section.title, section.step, tuple(items), section.line)
                )
                if not section_item_headings[0]:
                    empty_sections += 1
                    self.section_without_items(section)
            section = None

        section_item_headings = [0]
        for block in blocks:
            if block.level == 1:
                close_section()
                if title is not None:
                    self.problem(
                        block.line,
                        "a second `#` title: an agenda has exactly one",
                        "make this heading a `##` section or a `###` item, or move it to its own file",
                    )
                    continue
                title = _plain(block.inline.children)
                if not title:
                    self.problem(
                        block.line,
                        "the `#` title is empty",
                        "write the agenda's name after the `#`, e.g. `# PCN partnership — session 1`",
                    )
                if section_headings_seen or item_headings:
                    self.problem(
                        block.line,
                        "the `#` title comes after sections or items",
                        "move the `#` title line to the top of the file",
                    )
                elif (stray := _has_content(before)) is not None:
                    self.problem(
                        stray.map[0],
                        "text before the `#` title is not shown anywhere",
                        "move it under the title, where it becomes the facilitator's notes",
                    )
                notes = self.source(*block.body)
            elif block.level == 2:
                close_section()
                section_headings_seen += 1
                section = self.section(block)
                items = []
                section_item_headings[0] = 0
            else:
                item_headings += 1
                section_item_headings[0] += 1
                item = self.item(block)
                if section is None:
                    self.problem(
                        block.line,
                        "this `###` item is not inside a `##` section",
                        "add a section heading above it, e.g. `## Welcome` or `## Step 1: Set-up right`",
                    )
                elif item is not None:
                    items.append(item)
        close_section()

        if title is None:
            self.problem(
                0,
                "the agenda has no `#` title",
                "start the file with a title line, e.g. `# PCN partnership — session 1`",
            )
        if not item_headings and not empty_sections:
            self.problem(
                blocks[0].line if blocks else 0,
                "the agenda has no timed items",
                f"add a `## Section` with at least one item under it, e.g. {_EXAMPLE_ITEM}",
            )
        return title or "", notes, sections

    def section(self, block: _Block) -> Section:
        title = _plain(block.inline.children)
        step = None
        if not title:
            self.problem(
                block.line,
                "the `##` section heading is empty",
                "write the section's name after `##`, e.g. `## Welcome`",
            )
        elif (match := _STEP.match(title)) is not None:
            n = int(match["n"])
            if match["colon"] is None:
                self.problem(
                    block.line,
                    f"'{title}' is not read as a framework step: the colon is missing",
                    f"write `## Step {n}: …` with a colon straight after the number",
                )
            elif not 1 <= n <= 4:
                self.problem(
                    block.line,
                    f"there is no step {n}: the framework has steps 1 to 4",
                    "number it `Step 1:` to `Step 4:`, or rename the section so it does not start with `Step`",
                )
            else:
                step = n
        stray = _has_content(block.tokens)
        if stray is not None and stray.map[0] < self._first_item_line(block):
            hint = (
                "items take exactly three #: " + _EXAMPLE_ITEM
                if stray.type == "heading_open"
                else "move it into the item below, or into the notes under the `#` title"
            )
            self.problem(stray.map[0], "text between a section heading and its first item is not shown anywhere", hint)
        return Section(title, step, (), block.line + 1)

    def _first_item_line(self, block: _Block) -> int:
        # A section's own tokens stop at the next structural heading, so all of them are preamble.
        return block.body[1]

    def section_without_items(self, section: Section) -> None:
        fix = (
            f"a timed item takes three #: `### {section.title}`"
            if _LOOKS_TIMED.search(section.title)
            else f"add at least one timed item under it, e.g. {_EXAMPLE_ITEM}, or remove the section"
        )
        self.problem(section.line - 1, f"section '{section.title}' has no `###` items", fix)

    def item(self, block: _Block) -> AgendaItem | None:
        count = len(self.problems)
        raw = block.inline.content
        match = _TIMING.match(raw)
        if match is None or not any(c.isdigit() for c in match["inner"]):
            self.problem(
                block.line,
                f"item '{_plain_source(raw)}' has no duration",
                "end the heading with its time in brackets, e.g. "
                f"`### {_plain_source(raw) or 'Introductions'} (15 min)` or `(15 min, checklist)`",
            )
            return None
        title = _plain_source(match["title"])
        if not title:
            self.problem(
                block.line,
                "the item has no title, only a time",
                f"write what the item is before its time, e.g. {_EXAMPLE_ITEM}",
            )
        seconds, kind = self.timing(block.line, title, match["inner"])
        if seconds is None or kind is None:
            return None
        start, end = block.body
        prompt, options, areas = self.source(start, end), (), ()
        if kind in ("checklist", "scorecard"):
            found = self.first_list(block.tokens)
            if found is None:
                bullets, skip = [], None
            else:
                bullets, skip = found
                prompt = self.source(start, end, skip)
            if kind == "checklist":
                options = self.checklist(block.line, title, bullets)
            else:
                areas = self.scorecard(block.line, title, bullets)
        elif kind == "reflection" and not prompt:
            self.problem(
                block.line,
                f"reflection '{title}' has no prompt",
                "write the private question each person answers as a paragraph under the heading",
            )
        if len(self.problems) > count:
            return None
        return AgendaItem(title, seconds, kind, prompt, options, areas, block.line + 1)

    def timing(self, line: int, title: str, inner: str) -> tuple[int | None, str | None]:
        parts = _PARTS.split(inner.strip())
        if len(parts) > 2:
            self.problem(
                line,
                f"'({inner})' has too many parts",
                "write `(DURATION)` or `(DURATION, KIND)`, e.g. `(15 min, checklist)`",
            )
            return None, None
        seconds = parse_duration(parts[0])
        kind = parts[1].lower() if len(parts) == 2 else "discussion"
        if seconds is None:
            if parts[0].lower() in KINDS and len(parts) == 2 and parse_duration(parts[1]):
                self.problem(
                    line,
                    f"'({inner})' has the kind before the duration",
                    f"put the duration first: `({parts[1]}, {parts[0].lower()})`",
                )
            else:
                self.problem(
                    line,
                    f"'{parts[0]}' is not a duration",
                    "write minutes or hours, e.g. `15 min`, `1 h` or `1 h 30 min`",
                )
            seconds = None
        elif seconds == 0:
            self.problem(
                line,
                f"item '{title}' lasts no time at all",
                "give it at least `1 min`, or remove the item",
            )
            seconds = None
        elif seconds > MAX_ITEM_SECONDS:
            self.problem(
                line,
                f"item '{title}' is {format_duration(seconds)} long, more than the 8 h limit",
                "check the unit (`15 min`, not `15 h`), or split it into shorter items",
            )
            seconds = None
        if kind not in KINDS:
            self.problem(
                line,
                f"'{parts[1]}' is not a kind of item",
                "use one of: " + ", ".join(KINDS),
            )
            return seconds, None
        return seconds, kind

    def first_list(self, tokens: list[Token]) -> tuple[list[_Bullet], tuple[int, int]] | None:
        for i, token in enumerate(tokens):
            if token.level == 0 and token.type in ("bullet_list_open", "ordered_list_open"):
                bullets, _ = _read_list(tokens, i)
                return bullets, (token.map[0], token.map[1])
        return None

    def checklist(self, line: int, title: str, bullets: list[_Bullet]) -> tuple[str, ...]:
        for bullet in bullets:
            if bullet.children:
                self.problem(
                    bullet.children[0].line,
                    "a checklist option cannot have bullets indented under it",
                    "make each option its own unindented `- ` line",
                )
        options = self.texts(bullets, "option")
        if len(options) < 2:
            have = "only one option" if options else "no options"
            self.problem(
                line,
                f"checklist '{title}' has {have}",
                "list at least two options as bullets under the heading, e.g. `- We do not know who to ask`",
            )
        return options

    def scorecard(self, line: int, title: str, bullets: list[_Bullet]) -> tuple[ScorecardArea, ...]:
        if not bullets:
            self.problem(
                line,
                f"scorecard '{title}' has no statements",
                "list the statements to score as bullets, e.g. `- We share a clear, agreed purpose`",
            )
            return ()
        grouped = [b for b in bullets if b.children]
        if not grouped:
            return (ScorecardArea("", self.texts(bullets, "statement")),)
        areas = []
        for bullet in bullets:
            if not bullet.children:
                self.problem(
                    bullet.line,
                    f"scorecard mixes areas with loose statements: '{bullet.text}' has nothing "
                    "indented under it",
                    "indent each area's statements under it (`  - statement`), or make the whole "
                    "list flat with no areas",
                )
                continue
            if not bullet.text:
                self.problem(
                    bullet.line,
                    "a scorecard area has no name",
                    "write the area's name on the bullet above its statements, e.g. `- Purpose`",
                )
            for child in bullet.children:
                if child.children:
                    self.problem(
                        child.children[0].line,
                        "scorecard bullets go two levels deep at most",
                        "use `- Area` with `  - statement` under it, and nothing deeper",
                    )
            statements = self.texts(bullet.children, "statement")
            if not statements:
                self.problem(
                    bullet.line,
                    f"scorecard area '{bullet.text}' has no statements",
                    "indent at least one statement under it, e.g. `  - We share a clear purpose`",
                )
            areas.append(ScorecardArea(bullet.text, statements))
        return tuple(areas)

    def texts(self, bullets: list[_Bullet], noun: str) -> tuple[str, ...]:
        """Each bullet's words; empty and repeated ones are problems, since nobody can tick them."""
        seen: set[str] = set()
        out = []
        for bullet in bullets:
            if not bullet.text:
                self.problem(
                    bullet.line,
                    f"an empty {noun}",
                    f"write the {noun} after the `- `, or delete the line",
                )
            elif bullet.text in seen:
                self.problem(
                    bullet.line,
                    f"the {noun} '{bullet.text}' appears twice",
                    "delete one of them, or reword it so each can be told apart",
                )
            else:
                seen.add(bullet.text)
                out.append(bullet.text)
        return tuple(out)


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


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_agenda_bytes(data: bytes, path: str, source: str | None = None) -> Agenda:
    """As parse_agenda, from a file's bytes: a file that is not UTF-8 text gets one clear problem."""

    def refuse(line: int, what: str, fix: str) -> AgendaError:
        return AgendaError([AgendaProblem(path, line, what, fix)])

    save_as = "save it as UTF-8 text (in most editors: Save As, then Encoding: UTF-8)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(1, "the file is saved as UTF-16, not UTF-8", save_as)
    if b"\x00" in data:
        raise refuse(
            _line_of(data, data.index(b"\x00")),
            "this is a binary file, not Markdown text",
            "give the path to a `.md` agenda file",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(
            _line_of(data, error.start),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read)",
            save_as,
        ) from None
    if not text.strip():
        raise refuse(
            1,
            "the file is empty",
            f"start it with a `# Title` line, then `## Section` headings with items like {_EXAMPLE_ITEM}",
        )
    return parse_agenda(text, path, source)


def load_agenda(path: str | Path, source: str | None = None) -> Agenda:
    """The agenda in the file at `path`; AgendaError if it is missing, unreadable or malformed."""
    name = str(path)
    file = Path(path)

    def refuse(what: str, fix: str) -> AgendaError:
        return AgendaError([AgendaProblem(name, 0, what, fix)])

    if file.is_dir():
        raise refuse("this is a folder, not an agenda file", "give the path to a `.md` file inside it")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise refuse(
            "there is no such file",
            "check the path, or run `facilitator agenda list` to see the agendas by name",
        ) from None
    except OSError as error:
        raise refuse(
            f"the file cannot be read ({error.strerror or error})",
            "check that it exists and that you may read it",
        ) from None
    return parse_agenda_bytes(data, name, source)
