"""A roles item: each member marks the team roles they most often play; the room sees coverage.

The nine roles are Belbin's, in his three groups. What a member marks is how
they see their own behaviour, not a test result, so the words here describe
habits, never people. Each mark is a row and unmarking withdraws it, so the
programme keeps every member's latest answer and shows it the next time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.activity import Activity, ScoreRule, with_prompt
from sessions.activities.answers import activity_item, listed_people, programme_answers
from sessions.activities.document import SessionMinutes, Shown, Table
from sessions.activities.undoing import undo_answers
from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.domain.meetings import MEETS
from sessions.errors import InputError
from sessions.models import ActivityResult, AgendaItem, Member, Session
from sessions.text import markdown_text
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind


@dataclass(frozen=True)
class TeamRole:
    name: str
    group: str
    gist: str
    """What someone who plays the role tends to do, in a few words."""


TEAM_ROLES = (
    TeamRole("Shaper", "Action", "drives the group on and keeps up the pace"),
    TeamRole("Implementer", "Action", "turns ideas into plans that get done"),
    TeamRole("Completer Finisher", "Action", "checks the detail and sees work through"),
    TeamRole("Coordinator", "People", "draws in every voice and keeps to the goal"),
    TeamRole("Teamworker", "People", "eases friction and helps the group pull together"),
    TeamRole("Resource Investigator", "People", "finds contacts and chances beyond the room"),
    TeamRole("Plant", "Thinking", "brings new ideas and unexpected angles"),
    TeamRole("Monitor Evaluator", "Thinking", "weighs the options calmly and fairly"),
    TeamRole("Specialist", "Thinking", "brings deep knowledge of one field"),
)
ROLE_NAMES = tuple(role.name for role in TEAM_ROLES)
GROUP_OF = {role.name: role.group for role in TEAM_ROLES}

CROWDED_AT_LEAST = 3
"""A role is crowded when this many people play it and they are over half of those who answered:
two people sharing a role is ordinary, half a small room reaching for it is not."""


@dataclass(frozen=True)
class RoleCoverage:
    role: TeamRole
    players: tuple[str, ...]
    """The names of those who say they play it, alphabetically."""
    crowded: bool = False

    @property
    def count(self) -> int:
        return len(self.players)


@dataclass(frozen=True)
class MemberRoles:
    member_id: int
    name: str
    roles: tuple[str, ...]
    """What they marked in this item, in the roles' order."""
    previous: tuple[str, ...] = ()
    """What they marked the last time the programme asked them, if it has."""
    previous_session: int | None = None


@dataclass(frozen=True)
class RolesBoard:
    coverage: tuple[RoleCoverage, ...]
    members: tuple[MemberRoles, ...]
    """Whom to ask: those present (everyone, if nobody is marked present), and anyone who
    has answered, by name."""

    @property
    def answered(self) -> int:
        return sum(1 for member in self.members if member.roles)

    @property
    def uncovered(self) -> tuple[str, ...]:
        """Roles nobody plays, once somebody has answered."""
        if not self.answered:
            return ()
        return tuple(c.role.name for c in self.coverage if not c.players)

    @property
    def crowded(self) -> tuple[str, ...]:
        return tuple(c.role.name for c in self.coverage if c.crowded)


def role_named(name: str) -> str:
    if name not in GROUP_OF:
        raise InputError(f"'{name}' is not one of the nine team roles.")
    return name


def _marks(db: DbSession, item_id: int, member_id: int) -> dict[str, ActivityResult]:
    rows = db.scalars(
        select(ActivityResult).where(
            ActivityResult.agenda_item_id == item_id,
            ActivityResult.member_id == member_id,
            ActivityResult.deleted_at.is_(None),
        )
    )
    return {row.subject: row for row in rows}


def change_marks(
    db: DbSession,
    session_id: int,
    position: int,
    member_id: int,
    change: Callable[[set[str]], set[str]],
    said: Callable[[str, tuple[str, ...]], str],
    now: datetime,
) -> ActivityChange:
    """Read the member's marks, and make them `change(marks)`; `said` words the change
    from the member's name and their marks now."""
    session = unfinished_session_row(db, session_id, "its team roles can no longer change")
    item = activity_item(db, session_id, position, ItemKind.ROLES)
    member = member_of_programme(db, member_id, session.programme_id)
    marked = _marks(db, item.id, member_id)
    wanted = change(set(marked))
    withdrawn = []
    for name, row in marked.items():
        if name not in wanted:
            row.deleted_at = now
            withdrawn.append(row.id)
    added = []
    for name in ROLE_NAMES:
        if name in wanted and name not in marked:
            mark = ActivityResult(
                session_id=session_id,
                agenda_item_id=item.id,
                member_id=member_id,
                area=GROUP_OF[name],
                subject=name,
                score=1,
                recorded_at=now,
            )
            db.add(mark)
            added.append(mark)
    db.flush()
    return ActivityChange(
        session_id,
        position,
        ItemKind.ROLES,
        said(member.name, _in_order(wanted)),
        now,
        added=tuple(mark.id for mark in added),
        withdrawn=tuple(withdrawn),
    )


def toggle_mark(
    db: DbSession, session_id: int, position: int, member_id: int, role: str, now: datetime
) -> ActivityChange:
    """Mark the role for the member, or take the mark back."""
    role_named(role)

    def said(name: str, marks: tuple[str, ...]) -> str:
        return f"{name} as {role}" if role in marks else f"{name}'s mark as {role} taken back"

    return change_marks(
        db, session_id, position, member_id, lambda marked: marked ^ {role}, said, now
    )


def set_marks(
    db: DbSession,
    session_id: int,
    position: int,
    member_id: int,
    marked: Collection[str],
    now: datetime,
) -> ActivityChange:
    """Make `marked` the member's marks in the item: new ones added, dropped ones withdrawn."""
    wanted = {role_named(name) for name in marked}

    def said(name: str, marks: tuple[str, ...]) -> str:
        if not marks:
            return f"{name}'s team roles cleared"
        listed = ", ".join(marks[:-1]) + " and " if len(marks) > 1 else ""
        return f"{name} as {listed}{marks[-1]}"

    return change_marks(db, session_id, position, member_id, lambda _marked: wanted, said, now)


def board_for(
    db: DbSession, session: Session, item: AgendaItem, extra: list[Member] | None = None
) -> RolesBoard:
    marks: dict[int, set[str]] = {}
    names: dict[int, str] = {}
    for member_id, name, role in db.execute(
        select(Member.id, Member.name, ActivityResult.subject)
        .join(Member, ActivityResult.member_id == Member.id)
        .where(ActivityResult.agenda_item_id == item.id, ActivityResult.deleted_at.is_(None))
    ):
        marks.setdefault(member_id, set()).add(role)
        names[member_id] = name
    before = latest_roles(db, session.programme_id, before=session.number)
    members = tuple(
        MemberRoles(
            member_id,
            name,
            _in_order(marks.get(member_id, ())),
            *before.get(member_id, ((), None)),
        )
        for member_id, name in listed_people(db, session, names, extra)
    )
    return RolesBoard(_coverage(members), members)


def _in_order(roles: Collection[str]) -> tuple[str, ...]:
    return tuple(name for name in ROLE_NAMES if name in roles)


def _coverage(members: tuple[MemberRoles, ...] | list[MemberRoles]) -> tuple[RoleCoverage, ...]:
    answered = sum(1 for member in members if member.roles)
    coverage = []
    for role in TEAM_ROLES:
        players = tuple(m.name for m in members if role.name in m.roles)
        crowded = len(players) >= CROWDED_AT_LEAST and 2 * len(players) > answered
        coverage.append(RoleCoverage(role, players, crowded))
    return tuple(coverage)


def latest_roles(
    db: DbSession, programme_id: int, before: int | None = None
) -> dict[int, tuple[tuple[str, ...], int]]:
    """Each member's roles from the latest session (before session number `before`, if given)
    in which they marked any, with that session's number: what the programme keeps."""
    query = programme_answers(
        select(ActivityResult.member_id, Session.number, ActivityResult.subject),
        ItemKind.ROLES,
        programme_id,
    ).where(ActivityResult.member_id.is_not(None))
    if before is not None:
        # Last time is the last meeting: a session cancelled never met.
        query = query.where(Session.number < before, MEETS)
    latest: dict[int, tuple[int, set[str]]] = {}
    for member_id, number, role in db.execute(query):
        if member_id is None:  # left out by the query already; said again for the checker
            continue
        seen = latest.get(member_id)
        if seen is None or number > seen[0]:
            latest[member_id] = (number, {role})
        elif number == seen[0]:
            seen[1].add(role)
    return {member: (_in_order(roles), number) for member, (number, roles) in latest.items()}


def programme_roles(db: DbSession, programme_id: int) -> RolesBoard | None:
    """The team as the programme last heard it: each current member's latest roles, or None
    if no one has marked any. Each member's `previous_session` says which session that was."""
    latest = latest_roles(db, programme_id)
    if not latest:
        return None
    members = [
        MemberRoles(member.id, member.name, latest[member.id][0], (), latest[member.id][1])
        for member in db.scalars(
            select(Member)
            .where(Member.id.in_(latest), Member.archived_at.is_(None))
            .order_by(Member.name)
        )
    ]
    if not members:
        return None
    return RolesBoard(_coverage(members), tuple(members))


def minutes_part(db: DbSession, session: Session, item: AgendaItem) -> RolesBoard | None:
    """The coverage, once anyone has marked a role."""
    board = board_for(db, session, item)
    return board if board.answered else None


def room_markdown(db: DbSession, session: Session, item: AgendaItem, today: date) -> str:
    """The nine roles by group, with who plays each: where the team is thin or crowded."""
    lines: list[str] = []
    group = None
    for coverage in board_for(db, session, item).coverage:
        if coverage.role.group != group:
            group = coverage.role.group
            lines.append(f"\n**{group} roles**\n")
        who = (
            ", ".join(markdown_text(name) for name in coverage.players)
            if coverage.players
            else "*nobody yet*"
        )
        crowded = " · *crowded*" if coverage.crowded else ""
        lines.append(f"- **{coverage.role.name}** ({coverage.role.gist}) — {who}{crowded}")
    return with_prompt(item, "\n".join(lines).lstrip())


def document_part(part: object | None, minutes: SessionMinutes) -> tuple[Shown, ...]:
    """Each role by group with who plays it, once anyone has marked a role."""
    board = cast(RolesBoard | None, part)
    if board is None:
        return ()
    rows = tuple(
        (
            c.role.group,
            c.role.name,
            (", ".join(c.players) if c.players else "nobody") + (" (crowded)" if c.crowded else ""),
        )
        for c in board.coverage
    )
    return (Table(("Group", "Team role", "Played by"), rows),)


ACTIVITY = Activity(
    kind=ItemKind.ROLES,
    minutes_part=minutes_part,
    room_markdown=room_markdown,
    document_part=document_part,
    # A score is a mark: the member plays the role.
    score_rule=ScoreRule(choices=(1,)),
    undo=undo_answers,
)
