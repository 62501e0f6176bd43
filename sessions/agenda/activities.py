"""The lists inside checklist, scorecard and RAG items: their options, statements and areas.

Checked as strictly as the headings: an empty, repeated or mis-indented bullet
would otherwise become a box nobody can sensibly tick on the projector.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from sessions.agenda.model import ScorecardArea

Report = Callable[[int, str, str], None]
"""Records a problem: 0-based line, what is wrong, how to fix it."""


@dataclass
class Bullet:
    line: int
    """0-based, like markdown-it's maps."""
    text: str
    children: list[Bullet] = field(default_factory=list)


def plain(children: list[Token] | None) -> str:
    """Inline Markdown as the words a reader sees: no `*`, backticks or link targets."""
    out: list[str] = []
    for token in children or ():
        if token.type in ("text", "text_special", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(plain(token.children))
    return " ".join("".join(out).split())


def read_list(tokens: list[Token], start: int) -> tuple[list[Bullet], int]:
    """The bullets of the list opening at `start`, nested lists as children; and where it ends."""
    level = tokens[start].level
    bullets: list[Bullet] = []
    i = start + 1
    while i < len(tokens) and not (tokens[i].nesting == -1 and tokens[i].level == level):
        token = tokens[i]
        if token.type == "list_item_open" and token.level == level + 1:
            bullet = Bullet(line=token.map[0] if token.map else 0, text="")
            words: list[str] = []
            i += 1
            while not (tokens[i].type == "list_item_close" and tokens[i].level == level + 1):
                inner = tokens[i]
                if inner.type == "inline" and inner.level == level + 3:
                    words.append(plain(inner.children))
                elif inner.type in ("bullet_list_open", "ordered_list_open") and (
                    inner.level == level + 2
                ):
                    children, i = read_list(tokens, i)
                    bullet.children.extend(children)
                i += 1
            bullet.text = " ".join(w for w in words if w)
            bullets.append(bullet)
        i += 1
    return bullets, i


def source_lines(token: Token) -> tuple[int, int]:
    """A block token's [start, end) source lines: markdown-it maps every block it makes."""
    if token.map is None:
        raise ValueError(f"markdown-it gave the {token.type} block no source lines")
    return token.map[0], token.map[1]


def first_list(tokens: list[Token]) -> tuple[list[Bullet], tuple[int, int]] | None:
    """The first top-level list among an item's blocks, and the source lines it covers."""
    for i, token in enumerate(tokens):
        if token.level == 0 and token.type in ("bullet_list_open", "ordered_list_open"):
            bullets, _ = read_list(tokens, i)
            return bullets, source_lines(token)
    return None


def checklist_options(
    line: int, title: str, bullets: list[Bullet], report: Report
) -> tuple[str, ...]:
    for bullet in bullets:
        if bullet.children:
            report(
                bullet.children[0].line,
                "a checklist option cannot have bullets indented under it",
                "make each option its own unindented `- ` line",
            )
    options = _texts(bullets, "option", report)
    if len(options) < 2:
        have = "only one option" if options else "no options"
        report(
            line,
            f"checklist '{title}' has {have}",
            "list at least two options as bullets under the heading, e.g. `- Nobody has time`",
        )
    return options


def rag_areas(line: int, title: str, bullets: list[Bullet], report: Report) -> tuple[str, ...]:
    """The areas a RAG item rates: a flat list, one area a bullet, as a checklist's options."""
    for bullet in bullets:
        if bullet.children:
            report(
                bullet.children[0].line,
                "a RAG area cannot have bullets indented under it",
                "make each area its own unindented `- ` line",
            )
    listed = _texts(bullets, "area", report)
    if not listed:
        report(
            line,
            f"RAG item '{title}' has no areas",
            "list the areas to rate as bullets under the heading, e.g. `- Trust`",
        )
    return listed


def scorecard_areas(
    line: int, title: str, bullets: list[Bullet], report: Report
) -> tuple[ScorecardArea, ...]:
    if not bullets:
        report(
            line,
            f"scorecard '{title}' has no statements",
            "list the statements to score as bullets, e.g. `- We share a clear, agreed purpose`",
        )
        return ()
    grouped = [b for b in bullets if b.children]
    if not grouped:
        return (ScorecardArea("", _texts(bullets, "statement", report)),)
    areas = []
    for bullet in bullets:
        if not bullet.children:
            report(
                bullet.line,
                f"scorecard mixes areas with loose statements: '{bullet.text}' has nothing "
                "indented under it",
                "indent each area's statements under it (`  - statement`), or make the whole "
                "list flat with no areas",
            )
            continue
        if not bullet.text:
            report(
                bullet.line,
                "a scorecard area has no name",
                "write the area's name on the bullet above its statements, e.g. `- Purpose`",
            )
        for child in bullet.children:
            if child.children:
                report(
                    child.children[0].line,
                    "scorecard bullets go two levels deep at most",
                    "use `- Area` with `  - statement` under it, and nothing deeper",
                )
        statements = _texts(bullet.children, "statement", report)
        if not statements:
            report(
                bullet.line,
                f"scorecard area '{bullet.text}' has no statements",
                "indent at least one statement under it, e.g. `  - We share a clear purpose`",
            )
        areas.append(ScorecardArea(bullet.text, statements))
    return tuple(areas)


def _texts(bullets: list[Bullet], noun: str, report: Report) -> tuple[str, ...]:
    """Each bullet's words; empty and repeated ones are problems, since nobody can tick them."""
    seen: set[str] = set()
    out = []
    for bullet in bullets:
        if not bullet.text:
            report(
                bullet.line,
                f"an empty {noun}",
                f"write the {noun} after the `- `, or delete the line",
            )
        elif bullet.text in seen:
            report(
                bullet.line,
                f"the {noun} '{bullet.text}' appears twice",
                "delete one of them, or reword it so each can be told apart",
            )
        else:
            seen.add(bullet.text)
            out.append(bullet.text)
    return tuple(out)
