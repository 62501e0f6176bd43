"""Setting up a programme's next session: its agenda, its date, who is expected, matters arising.

A session is created whole before its clock starts. One planned ahead is the
same row with a date and its clock not yet started; starting it later is
opening it, as any session is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session as DbSession

from sessions.agenda.model import Agenda
from sessions.domain.lookup import member_of_programme, session_row
from sessions.domain.meetings import meeting_before
from sessions.errors import InputError, NotFoundError
from sessions.models import (
    Action,
    ActionReview,
    AgendaItem,
    Attendance,
    Member,
    Note,
    Programme,
    Session,
    TimerEvent,
)
from sessions.vocabulary import STILL_OPEN, AttendanceStatus, ItemKind

MATTERS_ARISING_SECTION = "Matters arising"
MATTERS_ARISING_TITLE = "Actions from earlier sessions"
MATTERS_ARISING_PROMPT = (
    "Go through each action still open from earlier sessions: is it done, kept open "
    "(with a new due date), or dropped?"
)
MINUTES_SECTION = "Minutes of the last meeting"
MINUTES_SECONDS = 5 * 60


def minutes_title(last: int) -> str:
    return f"Approve the minutes of session {last}"


def minutes_prompt(last: int) -> str:
    return (
        f"Are the minutes of session {last} a true record? Agree any amendment and who "
        "proposed it, then approve them. Earlier minutes still a draft can be approved here "
        "too, and a mistake found in minutes already approved is kept as an erratum."
    )


NO_MINUTES_TITLE = "No earlier minutes to approve"
NO_MINUTES_PROMPT = "No earlier session met, so there are no minutes to approve: move on."


def name_last_meeting(db: DbSession, cancelled: Session) -> None:
    """Point the minutes item of each later session not yet started, where it named the
    session now cancelled, at the meeting before it instead: that one never met, so it has no
    minutes. A title or prompt the facilitator changed is theirs and is kept. A new title
    changes the session's invitation, whose agenda names it: its SEQUENCE goes up, so
    calendars take the new one."""
    last = meeting_before(db, cancelled)
    title = minutes_title(last.number) if last else NO_MINUTES_TITLE
    prompt = minutes_prompt(last.number) if last else NO_MINUTES_PROMPT
    items = db.scalars(
        select(AgendaItem)
        .join(Session, AgendaItem.session_id == Session.id)
        .where(
            Session.programme_id == cancelled.programme_id,
            Session.number > cancelled.number,
            Session.finished_at.is_(None),
            ~exists().where(TimerEvent.session_id == Session.id),
            AgendaItem.kind == ItemKind.MINUTES_APPROVAL,
        )
    )
    renamed: set[Session] = set()
    for item in items:
        if item.title == minutes_title(cancelled.number) and item.title != title:
            item.title = title
            renamed.add(item.session)
        if item.prompt == minutes_prompt(cancelled.number):
            item.prompt = prompt
    for session in renamed:
        session.calendar_sequence += 1


# Enough for a quick round when little is open; two minutes an action, up to twenty.
REVIEW_MIN_SECONDS = 5 * 60
REVIEW_SECONDS_PER_ACTION = 2 * 60
REVIEW_MAX_SECONDS = 20 * 60


def review_seconds(open_actions: int) -> int:
    return max(
        REVIEW_MIN_SECONDS, min(REVIEW_MAX_SECONDS, open_actions * REVIEW_SECONDS_PER_ACTION)
    )


FACILITATOR_MAX = 200


def clean_facilitator(name: str) -> str:
    name = " ".join(name.split())
    if len(name) > FACILITATOR_MAX:
        raise InputError(
            f"The facilitator's name is {len(name):,} characters; keep it to {FACILITATOR_MAX}."
        )
    return name


def _last_number(db: DbSession, programme_id: int) -> int:
    """The highest session number the programme has used; 0 before its first."""
    return (
        db.scalar(select(func.max(Session.number)).where(Session.programme_id == programme_id)) or 0
    )


def _open_actions(db: DbSession, programme_id: int, reviewed_in: int | None = None) -> int:
    """The programme's open actions; with `reviewed_in`, also those that session has
    reviewed already, which its matters arising still goes through."""
    counted: ColumnElement[bool] = Action.status.in_(STILL_OPEN)
    if reviewed_in is not None:
        counted = or_(
            counted,
            exists().where(
                ActionReview.action_id == Action.id, ActionReview.session_id == reviewed_in
            ),
        )
    return (
        db.scalar(
            select(func.count(Action.id))
            .join(Note, Action.note_id == Note.id)
            .where(Action.programme_id == programme_id, counted, Note.deleted_at.is_(None))
        )
        or 0
    )


def _matters_arising_item(db: DbSession, session: Session, programme_id: int) -> AgendaItem:
    open_actions = _open_actions(db, programme_id)
    return AgendaItem(
        session_id=session.id,
        position=0,
        section_title=MATTERS_ARISING_SECTION,
        step=None,
        title=MATTERS_ARISING_TITLE,
        kind=ItemKind.MATTERS_ARISING,
        prompt=MATTERS_ARISING_PROMPT,
        planned_seconds=review_seconds(open_actions),
    )


def time_matters_arising(db: DbSession, session: Session) -> None:
    """Give matters arising the time for the actions open now, as its clock first starts.

    A session set up ahead (a plan sets up a year of them at once) counted the actions
    open on the day it was set up, often none; on the day it meets it gets the time a
    session set up that morning would, counting the actions it has reviewed before its
    clock started. A time the facilitator rebalanced is kept.
    """
    item = db.scalar(
        select(AgendaItem).where(
            AgendaItem.session_id == session.id,
            AgendaItem.kind == ItemKind.MATTERS_ARISING,
            AgendaItem.rebalanced_seconds.is_(None),
        )
    )
    if item is not None:
        item.planned_seconds = review_seconds(
            _open_actions(db, session.programme_id, reviewed_in=session.id)
        )


@dataclass(frozen=True)
class Outlook:
    """What setting up the next session would make, and what already waits to start."""

    number: int
    waiting: tuple[tuple[int, date | None], ...]
    """(number, planned for) of the sessions set up whose clock has never started, and not
    cancelled."""


def outlook_of(db: DbSession, programme_id: int) -> Outlook:
    """The next session's number, and the sessions set up whose clock has never started."""
    rows = db.execute(
        select(Session.number, Session.planned_for)
        .where(
            Session.programme_id == programme_id,
            Session.finished_at.is_(None),
            Session.cancelled_at.is_(None),
            ~exists().where(TimerEvent.session_id == Session.id),
        )
        .order_by(Session.number)
    ).all()
    last = _last_number(db, programme_id)
    return Outlook(number=last + 1, waiting=tuple((n, when) for n, when in rows))


def agenda_to_run(agenda: Agenda, from_step: int | None) -> Agenda:
    """The agenda from `from_step` on, refused when that leaves nothing timed to run."""
    # An agenda of no framework step (a review day, a workshop) has nothing to leave out.
    if from_step is not None and agenda.steps:
        if max(agenda.steps) < from_step:
            covered = ", ".join(str(step) for step in agenda.steps)
            raise InputError(
                f"That agenda stops before step {from_step} (it covers steps {covered}): "
                "choose an earlier step or another agenda."
            )
        agenda = agenda.from_step(from_step)
    if not agenda.items:
        raise InputError("That agenda has no timed items to run.")
    return agenda


def plan_session(
    db: DbSession,
    programme_id: int,
    agenda: Agenda,
    planned_for: date | None,
    expected: Iterable[int],
    facilitator: str,
) -> int:
    """Session N+1 of the programme, with a snapshot of `agenda` as it will run (see
    `agenda_to_run`); its clock not yet started, the last meeting's minutes and matters
    arising first once an earlier session meets, and `expected` members marked so."""
    if db.get(Programme, programme_id) is None:
        raise NotFoundError("That programme no longer exists.")
    session = Session(
        programme_id=programme_id,
        number=_last_number(db, programme_id) + 1,
        agenda_title=agenda.title,
        agenda_source=agenda.source,
        agenda_notes=agenda.notes,
        agenda_text=agenda.text,
        planned_for=planned_for,
        facilitator=clean_facilitator(facilitator),
    )
    db.add(session)
    db.flush()
    position = 0
    # A session cancelled never met: the last meeting is the one before it.
    last = meeting_before(db, session)
    if last is not None:
        # The standing items of a board: the last meeting's minutes, then its actions.
        db.add(
            AgendaItem(
                session_id=session.id,
                position=0,
                section_title=MINUTES_SECTION,
                step=None,
                title=minutes_title(last.number),
                kind=ItemKind.MINUTES_APPROVAL,
                prompt=minutes_prompt(last.number),
                planned_seconds=MINUTES_SECONDS,
            )
        )
        review = _matters_arising_item(db, session, programme_id)
        review.position = 1
        db.add(review)
        position += 2
    for section in agenda.sections:
        for item in section.items:
            activity: dict[str, Any] | None = None
            if item.options:
                activity = {"options": list(item.options)}
                if item.dots is not None:
                    activity.update(item.dots.stored())
            elif item.areas:
                activity = {"areas": [asdict(area) for area in item.areas]}
            elif item.rag_areas:
                activity = {"rag_areas": list(item.rag_areas)}
            db.add(
                AgendaItem(
                    session_id=session.id,
                    position=position,
                    section_title=section.title,
                    step=section.step,
                    title=item.title,
                    kind=item.kind,
                    prompt=item.prompt,
                    planned_seconds=item.planned_seconds,
                    activity=activity,
                    confidential=item.confidential,
                )
            )
            position += 1
    for member_id in dict.fromkeys(expected):
        member_of_programme(db, member_id, programme_id)
        db.add(
            Attendance(session_id=session.id, member_id=member_id, status=AttendanceStatus.EXPECTED)
        )
    return session.id


def latest_facilitator(db: DbSession, programme_id: int) -> str:
    """Who ran the programme's latest session that named someone, else the latest anywhere.

    One laptop is usually one facilitator, so a new programme starts with their name.
    """
    named = select(Session.facilitator).where(Session.facilitator != "")
    return (
        db.scalar(
            named.where(Session.programme_id == programme_id)
            .order_by(Session.number.desc())
            .limit(1)
        )
        or db.scalar(named.order_by(Session.created_at.desc(), Session.id.desc()).limit(1))
        or ""
    )


def name_facilitator(db: DbSession, session_id: int, name: str) -> None:
    session_row(db, session_id).facilitator = name


def likely_attendees(db: DbSession, programme_id: int) -> list[int]:
    """Whom to expect next time: those present last time anyone was marked, else every member."""
    members = list(
        db.scalars(
            select(Member.id)
            .where(Member.programme_id == programme_id, Member.archived_at.is_(None))
            .order_by(Member.name)
        )
    )
    latest = db.scalar(
        select(Session.id)
        .join(Attendance, Attendance.session_id == Session.id)
        .where(Session.programme_id == programme_id, Attendance.status == AttendanceStatus.PRESENT)
        .order_by(Session.number.desc())
        .limit(1)
    )
    if latest is None:
        return members
    present = set(
        db.scalars(
            select(Attendance.member_id).where(
                Attendance.session_id == latest, Attendance.status == AttendanceStatus.PRESENT
            )
        )
    )
    return [member_id for member_id in members if member_id in present]
