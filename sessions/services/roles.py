"""The team roles' front door: members' marks changed, and the coverage as it stands."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import roles
from sessions.activities.answers import activity_item
from sessions.activities.roles import (
    ROLE_NAMES,
    TEAM_ROLES,
    MemberRoles,
    RoleCoverage,
    RolesBoard,
    TeamRole,
    programme_roles,
)
from sessions.db_types import utcnow
from sessions.domain.lookup import member_of_programme, session_row
from sessions.store import Store
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

__all__ = [
    "ROLE_NAMES",
    "TEAM_ROLES",
    "MemberRoles",
    "RoleCoverage",
    "RolesBoard",
    "TeamRole",
    "programme_roles",
    "roles_board",
    "set_roles",
    "toggle_role",
]


def set_roles(
    store: Store,
    session_id: int,
    position: int,
    member_id: int,
    marked: list[str] | tuple[str, ...],
    now: datetime | None = None,
) -> ActivityChange:
    """Make `marked` the member's marks in the item: new ones added, dropped ones withdrawn."""
    with store.transaction("save the team roles") as db:
        return roles.set_marks(db, session_id, position, member_id, marked, now or utcnow())


def toggle_role(
    store: Store,
    session_id: int,
    position: int,
    member_id: int,
    role: str,
    now: datetime | None = None,
) -> ActivityChange:
    """Mark the role for the member, or take the mark back."""
    with store.transaction("save the team roles") as db:
        return roles.toggle_mark(db, session_id, position, member_id, role, now or utcnow())


def roles_board(
    store: Store, session_id: int, position: int, include: tuple[int, ...] = ()
) -> RolesBoard:
    """The item's coverage and whom to ask; `include` adds members chosen by hand, such as
    someone who arrived after the register was taken."""
    with store.reading() as db:
        session = session_row(db, session_id)
        item = activity_item(db, session_id, position, ItemKind.ROLES)
        extra = [member_of_programme(db, member_id, session.programme_id) for member_id in include]
        return roles.board_for(db, session, item, extra)
