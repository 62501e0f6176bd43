"""What every activity kind tells the rest of the product about itself.

Each kind (checklist, scorecard, roles, ...) is one module of this package
holding its own rules and one `Activity`; the registry finds it by kind. The
minutes, the projector and the export file ask the registry, never the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session as DbSession

from sessions.activities.document import DocumentPart
from sessions.models import SCORE_RANGE, AgendaItem, Session
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class ScoreRule:
    """What the score of one exported answer may be.

    Either one of `choices` (or none, where `nullable`), or a whole number from
    `minimum` to `most`, where going over `most` is told in `unit`.
    """

    choices: tuple[int, ...] = ()
    nullable: bool = False
    minimum: int = 1
    most: int = 0
    unit: str = ""


RATING_OR_NONE = ScoreRule(choices=tuple(SCORE_RANGE), nullable=True)
"""A rating from 1 to 5, or none (a reflection's answer has no score): every answer's rule
unless its kind says otherwise."""

MinutesPart = Callable[[DbSession, Session, AgendaItem], object | None]
RoomPart = Callable[[DbSession, Session, AgendaItem, date], str]
Undo = Callable[[DbSession, ActivityChange, datetime], None]


@dataclass(frozen=True)
class Activity:
    kind: ItemKind
    minutes_part: MinutesPart | None
    """What the item's minutes show of its answers, or None when nothing was answered;
    no function at all where the minutes show the kind some other way."""
    room_markdown: RoomPart
    """What the room sees in the prompt's place on the projector and the mirror (the
    prompt, and the answers so far as the room may see them, never private ones)."""
    document_part: DocumentPart
    """What the item's part of a written document shows (tables and short lines, as plain
    data), drawn from its minutes part; `nothing_shown` where its timing is all there is."""
    score_rule: ScoreRule = RATING_OR_NONE
    undo: Undo | None = None
    """Puts the item back exactly as it was before one change its keys made, or refuses
    (UndoRefusedError) when it no longer holds what that change left; None where no key
    changes anything."""


def prompt_only(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """The room sees the item's own prompt, and nothing of its answers."""
    return item.prompt


def with_prompt(item: AgendaItem, shown: str) -> str:
    """The prompt with the answers so far beneath it."""
    return f"{item.prompt}\n\n{shown}"
