"""A RAG item: the room rates each area red, amber or green, and gives it an owner and a next step.

A rating is a row of `activity_result`: its subject is the area as the agenda wrote it,
its score 1 for red, 2 for amber, 3 for green (worst to best, as every rating runs). The
room may change its mind: a later rating of an area takes the earlier one back (kept,
marked withdrawn), so an area has one rating standing, and undo puts the earlier back.

The owner and the next step are an action, not an answer: an action note of the item
whose text begins with the area's name and a colon (`Trust: agree how we share
referrals`), owned by a member. So it is in the action log and followed up at matters
arising like any action, and the facilitator can type one in the note line as well.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, ScoreRule, with_prompt
from sessions.activities.answers import activity_item, withdraw_latest
from sessions.activities.document import SessionMinutes, Shown, Table
from sessions.activities.undoing import open_session, quoted, refuse, undo_answers
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.domain.notes import record_note
from sessions.errors import InputError, NotFoundError
from sessions.models import Action, ActivityResult, AgendaItem, Note, Session
from sessions.names import OwnerChoice
from sessions.note_syntax import ParsedNote
from sessions.text import markdown_text
from sessions.views import ActivityChange
from sessions.vocabulary import ActionStatus, ItemKind, NoteKind

RED, AMBER, GREEN = 1, 2, 3
RATINGS = {RED: "Red", AMBER: "Amber", GREEN: "Green"}
"""Each rating as it is stored, and in words: a colour never says it alone."""
RATING_OF = {word.casefold(): score for score, word in RATINGS.items()}


@dataclass(frozen=True)
class NextStep:
    """An action raised for an area: what is to be done next, and who owns it."""

    text: str
    """The action's text after the area's name and colon."""
    owner: str
    confidential: bool = False


@dataclass(frozen=True)
class AreaRating:
    area: str
    rating: int | None
    """1 red, 2 amber, 3 green; None while the area is not rated."""
    steps: tuple[NextStep, ...] = ()
    """The area's next steps, oldest first (usually one)."""

    @property
    def rating_word(self) -> str:
        return RATINGS.get(self.rating or 0, "Not rated")

    @property
    def owner_text(self) -> str:
        return "; ".join(step.owner or "no owner" for step in self.steps) or "—"

    @property
    def step_text(self) -> str:
        return "; ".join(step.text for step in self.steps) or "—"


def areas(activity: dict[str, Any] | None) -> list[str]:
    """The areas of a RAG item, in the agenda's order."""
    return list((activity or {}).get("rag_areas") or [])


def rag_item(db: DbSession, session_id: int, position: int) -> AgendaItem:
    return with_areas(activity_item(db, session_id, position, ItemKind.RAG))


def with_areas(item: AgendaItem) -> AgendaItem:
    """The RAG item, refused if it has nothing to rate."""
    if not areas(item.activity):
        raise InputError("This RAG item has no areas.")
    return item


def area_of(item: AgendaItem, index: int) -> str:
    listed = areas(item.activity)
    if not 0 <= index < len(listed):
        raise NotFoundError(f"The RAG item has no area {index + 1}.")
    return listed[index]


def rating_said(score: int | None, area: str) -> str:
    """`Amber for “Trust”`."""
    return f"{RATINGS.get(score or 0, 'a rating')} for {quoted(area)}"


def set_rating(
    db: DbSession, session_id: int, position: int, index: int, score: int, now: datetime
) -> ActivityChange:
    """Rate area `index` (counting from 0) red (1), amber (2) or green (3); the area's rating
    standing before is taken back (kept, marked withdrawn)."""
    if score not in RATINGS:
        raise InputError("An area is rated red, amber or green.")
    unfinished_session_row(db, session_id, "its ratings can no longer change")
    item = rag_item(db, session_id, position)
    area = area_of(item, index)
    replaced = []
    for earlier in db.scalars(
        select(ActivityResult).where(
            ActivityResult.agenda_item_id == item.id,
            ActivityResult.subject == area,
            ActivityResult.deleted_at.is_(None),
        )
    ):
        earlier.deleted_at = now
        replaced.append(earlier.id)
    rating = ActivityResult(
        session_id=session_id,
        agenda_item_id=item.id,
        area="",
        subject=area,
        score=score,
        recorded_at=now,
    )
    db.add(rating)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.RAG,
        rating_said(score, area),
        now,
        added=(rating.id,),
        withdrawn=tuple(replaced),
        score=score,
    )


def withdraw_rating(
    db: DbSession, session_id: int, position: int, index: int, now: datetime
) -> ActivityChange | None:
    """Take back the area's rating (kept, marked withdrawn), leaving it not rated; None if it
    has none."""
    unfinished_session_row(db, session_id, "its ratings can no longer change")
    item = rag_item(db, session_id, position)
    area = area_of(item, index)
    last = withdraw_latest(db, item, area, now)
    if last is None:
        return None
    return ActivityChange(
        session_id,
        position,
        ItemKind.RAG,
        f"{rating_said(last.score, area)} taken back",
        now,
        withdrawn=(last.id,),
        score=last.score,
    )


def step_line(area: str, text: str) -> str:
    """The action's text: the area's name, a colon, the next step."""
    return f"{area}: {' '.join(text.split())}"


def add_next_step(
    db: DbSession,
    session_id: int,
    position: int,
    index: int,
    member_id: int,
    text: str,
    now: datetime,
) -> ActivityChange:
    """Raise the area's next step as an action of the item, owned by the member."""
    if not text.strip():
        raise InputError("Type the next step: what is to be done, in a few words.")
    session = unfinished_session_row(db, session_id, "its next steps can no longer change")
    item = rag_item(db, session_id, position)
    area = area_of(item, index)
    owner = member_of_programme(db, member_id, session.programme_id)
    parsed = ParsedNote(NoteKind.ACTION, step_line(area, text), owner.name)
    note = record_note(db, session_id, position, parsed, now, None, OwnerChoice(member_id=owner.id))
    action_id = db.scalar(select(Action.id).where(Action.note_id == note.id))
    return ActivityChange(
        session_id,
        position,
        ItemKind.RAG,
        f"next step for {quoted(area)}, owned by {owner.name}",
        now,
        action_id=action_id,
    )


def _next_steps(db: DbSession, item: AgendaItem) -> dict[str, list[NextStep]]:
    """Each area's next steps: the item's standing actions that begin with its name."""
    # The longest name first, so an area named inside another's name never takes its steps.
    prefixes = sorted(
        ((f"{area}:".casefold(), area) for area in areas(item.activity)),
        key=lambda pair: -len(pair[0]),
    )
    found: dict[str, list[NextStep]] = {}
    for text, owner, confidential in db.execute(
        select(Note.text, Action.owner, Note.confidential)
        .join(Action, Action.note_id == Note.id)
        .where(
            Note.agenda_item_id == item.id,
            Note.kind == NoteKind.ACTION,
            Note.deleted_at.is_(None),
        )
        .order_by(Note.created_at, Note.id)
    ):
        for prefix, area in prefixes:
            head = len(area) + 1
            if text[:head].casefold() == prefix:
                step = text[head:].strip()
                found.setdefault(area, []).append(NextStep(step, owner, confidential))
                break
    return found


def results_for(db: DbSession, item: AgendaItem) -> list[AreaRating]:
    """Every area with its standing rating and next steps, in the agenda's order."""
    rated = dict(
        db.execute(
            select(ActivityResult.subject, ActivityResult.score)
            .where(ActivityResult.agenda_item_id == item.id, ActivityResult.deleted_at.is_(None))
            .order_by(ActivityResult.id)
        ).all()
    )
    steps = _next_steps(db, item)
    return [
        AreaRating(area, rated.get(area), tuple(steps.get(area, ())))
        for area in areas(item.activity)
    ]


def said_openly(results: list[AreaRating]) -> list[AreaRating]:
    """The areas without next steps said in confidence: what the room and the public see."""
    return [
        replace(r, steps=tuple(step for step in r.steps if not step.confidential)) for r in results
    ]


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> list[AreaRating] | None:
    """The areas with their ratings, owners and next steps, once any area has either."""
    if not areas(item.activity):
        return None
    results = results_for(db, item)
    return results if any(r.rating or r.steps for r in results) else None


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """A table of each area's rating in words, its owner and next step, as far as the room
    has gone."""
    lines = ["| Area | Rating | Owner | Next step |", "|---|---|---|---|"]
    for r in said_openly(results_for(db, with_areas(item))):
        rating = f"**{r.rating_word}**" if r.rating else "*not rated yet*"
        lines.append(
            f"| {markdown_text(r.area)} | {rating} | {markdown_text(r.owner_text)} "
            f"| {markdown_text(r.step_text)} |"
        )
    return with_prompt(item, "\n".join(lines))


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """Each area with its rating in words, its owner and next step."""
    results = cast(list[AreaRating] | None, part)
    if not results:
        return ()
    rows = tuple((r.area, r.rating_word, r.owner_text, r.step_text) for r in results)
    return (Table(("Area", "Rating", "Owner", "Next step"), rows),)


def undo(db: DbSession, change: ActivityChange, now: datetime) -> None:
    """A rating is undone as any answer is; a next step is taken back by deleting its action's
    note, while the action is still as it was raised."""
    if change.action_id is None:
        undo_answers(db, change, now)
        return
    open_session(db, change)
    action = db.get(Action, change.action_id)
    if action is None or change.position is None:
        raise refuse(change, "its action is not there")
    note = action.note
    if note.deleted_at is not None:
        raise refuse(change, "its action has been deleted since")
    if note.edited_at is not None or action.status != ActionStatus.OPEN:
        raise refuse(change, "its action has changed since")
    note.deleted_at = now


ACTIVITY = Activity(
    kind=ItemKind.RAG,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    score_rule=ScoreRule(choices=tuple(RATINGS)),
    undo=undo,
)
