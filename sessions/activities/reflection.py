"""A reflection item: each person's private answer to the prompt, kept out of sight by default.

An answer is never shown on the projector, and goes in the minutes only when
the facilitator says so for that item. A new answer from the same person
replaces the last, which is kept, marked withdrawn, like every other answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, with_prompt
from sessions.activities.answers import activity_item, listed_people
from sessions.activities.document import Notice, SessionMinutes, Shown, Table
from sessions.activities.undoing import undo_answers
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.errors import InputError
from sessions.models import ActivityResult, AgendaItem, Member, Session
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class ReflectionAnswer:
    member_id: int | None
    """None for an answer given without a name."""
    name: str
    text: str | None
    """None until they answer."""


@dataclass(frozen=True)
class Reflections:
    answers: tuple[ReflectionAnswer, ...]
    """Those to ask by name (present, or everyone before the register), anyone else who
    answered, then the answers given without a name."""
    in_minutes: bool

    @property
    def answered(self) -> int:
        return sum(1 for answer in self.answers if answer.text is not None)


def _latest(db: DbSession, item_id: int, member_id: int | None) -> ActivityResult | None:
    who = (
        ActivityResult.member_id.is_(None)
        if member_id is None
        else ActivityResult.member_id == member_id
    )
    return db.scalar(
        select(ActivityResult)
        .where(ActivityResult.agenda_item_id == item_id, who, ActivityResult.deleted_at.is_(None))
        .order_by(ActivityResult.id.desc())
        .limit(1)
    )


def answer_said(name: str) -> str:
    """`Ann Ode's answer`; never its words, which are private."""
    return f"{name}'s answer" if name else "an unnamed answer"


def add_answer(
    db: DbSession,
    session_id: int,
    position: int,
    member_id: int | None,
    text: str,
    now: datetime,
) -> ActivityChange:
    """Save a person's answer; one from someone unnamed is added beside the others."""
    text = text.strip()
    if not text:
        raise InputError("The answer is empty: type it, or press Esc to leave it.")
    session = unfinished_session_row(db, session_id, "its reflections can no longer change")
    item = activity_item(db, session_id, position, ItemKind.REFLECTION)
    name = ""
    replaced: tuple[int, ...] = ()
    if member_id is not None:
        name = member_of_programme(db, member_id, session.programme_id).name
        previous = _latest(db, item.id, member_id)
        if previous is not None:
            previous.deleted_at = now
            replaced = (previous.id,)
    given = ActivityResult(
        session_id=session_id,
        agenda_item_id=item.id,
        member_id=member_id,
        area="",
        subject=text,
        score=None,
        recorded_at=now,
    )
    db.add(given)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.REFLECTION,
        answer_said(name),
        now,
        added=(given.id,),
        withdrawn=replaced,
    )


def withdraw_answer(
    db: DbSession, session_id: int, position: int, member_id: int | None, now: datetime
) -> ActivityChange | None:
    """Take back the person's answer (kept, marked withdrawn); None if there was none."""
    unfinished_session_row(db, session_id, "its reflections can no longer change")
    item = activity_item(db, session_id, position, ItemKind.REFLECTION)
    latest = _latest(db, item.id, member_id)
    if latest is None:
        return None
    latest.deleted_at = now
    name = latest.member.name if latest.member is not None else ""
    return ActivityChange(
        session_id,
        position,
        ItemKind.REFLECTION,
        f"{answer_said(name)} taken back",
        now,
        withdrawn=(latest.id,),
    )


def reflection_items(db: DbSession, session: Session) -> list[AgendaItem]:
    return list(
        db.scalars(
            select(AgendaItem).where(
                AgendaItem.session_id == session.id, AgendaItem.kind == ItemKind.REFLECTION
            )
        )
    )


def sharing(db: DbSession, session: Session) -> bool | None:
    """Whether the session's reflections are all in the minutes; None if it has none."""
    shown = [item.answers_in_minutes for item in reflection_items(db, session)]
    return all(shown) if shown else None


def reflections_for(db: DbSession, session: Session, item: AgendaItem) -> Reflections:
    named: dict[int, str] = {}
    names: dict[int, str] = {}
    unnamed: list[str] = []
    for member_id, name, text in db.execute(
        select(ActivityResult.member_id, Member.name, ActivityResult.subject)
        .outerjoin(Member, ActivityResult.member_id == Member.id)
        .where(ActivityResult.agenda_item_id == item.id, ActivityResult.deleted_at.is_(None))
        .order_by(ActivityResult.id)
    ):
        if member_id is None:
            unnamed.append(text)
        else:
            named[member_id] = text
            names[member_id] = name
    answers = [
        ReflectionAnswer(member_id, name, named.get(member_id))
        for member_id, name in listed_people(db, session, names)
    ]
    answers += [ReflectionAnswer(None, "", text) for text in unnamed]
    return Reflections(tuple(answers), item.answers_in_minutes)


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> Reflections | None:
    """The answers, once any is given; the minutes show only how many unless the
    facilitator chose to include them."""
    given = reflections_for(db, session, item)
    return given if given.answered else None


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    # The answers are private: the room sees only how many have been given.
    given = reflections_for(db, session, item).answered
    return with_prompt(item, f"*Private answers given so far: {given}. They are never shown here.*")


def private_answers(count: int) -> str:
    """What the minutes say of reflections kept private: that they were given, not what."""
    answers = "answer was" if count == 1 else "answers were"
    return f"{count} private {answers} given and stay out of the minutes."


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """Who said what, where the facilitator put the answers in the minutes; otherwise only
    how many were given."""
    given = cast(Reflections | None, part)
    if given is None:
        return ()
    if not given.in_minutes:
        return (Notice(private_answers(given.answered)),)
    rows = tuple((a.name or "Not named", a.text) for a in given.answers if a.text is not None)
    return (Table(("Person", "Reflection"), rows),)


ACTIVITY = Activity(
    kind=ItemKind.REFLECTION,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    undo=undo_answers,
)
