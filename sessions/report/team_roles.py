"""The team roles members said they play, in every roles item of a programme, and the mix
each time as that session's minutes judged it: the roles activity's own reading, so the
report never says a role was crowded where the minutes did not."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select, true
from sqlalchemy.orm import Session as DbSession

from sessions.activities import roles
from sessions.models import AgendaItem, Session
from sessions.vocabulary import ItemKind

ABOUT = (
    "The roles each member said they play, in each session that asked; blank where they "
    "gave no answer."
)
CROWDED_RULE = (
    f"A role is crowded where {roles.CROWDED_AT_LEAST} or more play it and they are over "
    "half of those who answered."
)


@dataclass(frozen=True)
class RolesAsked:
    """One roles item that somebody answered."""

    session_number: int
    item_number: int
    shared: bool
    """Whether the session asked in more than one item, so the item must be named too."""
    answered: int
    missing: tuple[str, ...]
    """Roles nobody plays, in the roles' order."""
    crowded: tuple[str, ...]

    @property
    def column(self) -> str:
        """The register's way: 'S2', or 'S2 item 5' where session 2 asked twice."""
        item = f" item {self.item_number}" if self.shared else ""
        return f"S{self.session_number}{item}"

    @property
    def heading(self) -> str:
        item = f", item {self.item_number}" if self.shared else ""
        return f"Session {self.session_number}{item}"

    @property
    def missing_text(self) -> str:
        return ", ".join(self.missing) or "none"

    @property
    def crowded_text(self) -> str:
        return ", ".join(self.crowded) or "none"


@dataclass(frozen=True)
class MemberRolesRow:
    name: str
    roles: tuple[tuple[str, ...], ...]
    """What they marked in each item asked, in order; empty where they gave no answer."""

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(", ".join(marked) for marked in self.roles)


@dataclass(frozen=True)
class TeamRoles:
    asked: tuple[RolesAsked, ...]
    """In session and item order."""
    members: tuple[MemberRolesRow, ...]
    """Everyone who answered at least once, by name."""

    @property
    def about(self) -> str:
        return ABOUT

    @property
    def crowded_rule(self) -> str:
        return CROWDED_RULE


def build_team_roles(db: DbSession, in_programme: Select[int], public: bool) -> TeamRoles | None:
    """Every roles item somebody answered (with `public`, leaving out those taken in
    private); None where there is none."""
    items = db.execute(
        select(Session, AgendaItem)
        .join(AgendaItem, AgendaItem.session_id == Session.id)
        .where(
            Session.id.in_(in_programme),
            AgendaItem.kind == ItemKind.ROLES,
            AgendaItem.confidential.is_(False) if public else true(),
        )
        .order_by(Session.number, AgendaItem.position)
    ).all()
    boards = [
        (session, item, board)
        for session, item in items
        if (board := roles.minutes_part(db, session, item)) is not None
    ]
    if not boards:
        return None
    per_session: dict[int, int] = {}
    for session, _item, _board in boards:
        per_session[session.number] = per_session.get(session.number, 0) + 1
    names: dict[int, str] = {}
    marked: dict[int, dict[int, tuple[str, ...]]] = {}
    for index, (_session, _item, board) in enumerate(boards):
        for member in board.members:
            if member.roles:
                names[member.member_id] = member.name
                marked.setdefault(member.member_id, {})[index] = member.roles
    return TeamRoles(
        asked=tuple(
            RolesAsked(
                session_number=session.number,
                item_number=item.position + 1,
                shared=per_session[session.number] > 1,
                answered=board.answered,
                missing=board.uncovered,
                crowded=board.crowded,
            )
            for session, item, board in boards
        ),
        members=tuple(
            MemberRolesRow(
                name, tuple(marked[member_id].get(index, ()) for index in range(len(boards)))
            )
            for member_id, name in sorted(
                names.items(), key=lambda pair: (pair[1].casefold(), pair[1])
            )
        ),
    )
