"""Each activity kind's part of the Word minutes, found by kind: the same as its block of the
Markdown template (templates/activities/<kind>.md.j2), drawn as Word draws it.

What a part shows comes from the activity (the item's minutes part); how a
document draws it belongs to the document, so it lives here beside the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from sessions.minutes import wording
from sessions.minutes.model import Minutes, MinutesItem
from sessions.minutes.word import WordDocument
from sessions.vocabulary import ItemKind

WordPart = Callable[[WordDocument, Minutes, MinutesItem], None]


def _scorecard(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    if item.scorecard:
        doc.table(
            ("Area", "Statement", "Ratings", "Mean", "Range", "Since last time"),
            [
                (
                    r.area or "—",
                    r.statement,
                    len(r.scores),
                    wording.score_mean(r),
                    wording.score_range(r),
                    wording.score_change(r),
                )
                for r in item.scorecard
            ],
        )


def _checklist(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    if item.checklist:
        doc.table(
            ("Option", "Votes", "Rank"),
            [(r.option, r.votes, r.rank or "—") for r in item.checklist],
        )


def _roles(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    if item.roles:
        doc.table(
            ("Group", "Team role", "Played by"),
            [
                (
                    c.role.group,
                    c.role.name,
                    (", ".join(c.players) if c.players else "nobody")
                    + (" (crowded)" if c.crowded else ""),
                )
                for c in item.roles.coverage
            ],
        )


def _reflection(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    if not item.reflection:
        return
    if item.reflection.in_minutes:
        doc.table(
            ("Person", "Reflection"),
            [
                (a.name or "Not named", a.text)
                for a in item.reflection.answers
                if a.text is not None
            ],
        )
    else:
        doc.paragraph(wording.private_answers(item.reflection.answered), italic=True)


def _matters_arising(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    # The review is the session's, minuted as of its day, so it comes from the minutes.
    if m.matters_arising:
        doc.table(
            ("Action", "Owner", "From session", "Outcome"),
            [(r.text, r.owner or "—", r.raised_in, r.outcome_text) for r in m.matters_arising],
        )
    else:
        doc.paragraph("No actions were open from earlier sessions.", italic=True)


def _break(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    """A break takes no answers: its timing, above, is all the minutes give."""


WORD_PARTS: Mapping[ItemKind, WordPart] = MappingProxyType(
    {
        ItemKind.SCORECARD: _scorecard,
        ItemKind.CHECKLIST: _checklist,
        ItemKind.ROLES: _roles,
        ItemKind.REFLECTION: _reflection,
        ItemKind.MATTERS_ARISING: _matters_arising,
        ItemKind.BREAK: _break,
    }
)


def word_part(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    """Draw the item's activity part; a discussion has none."""
    part = next((part for kind, part in WORD_PARTS.items() if kind == item.kind), None)
    if part is not None:
        part(doc, m, item)
