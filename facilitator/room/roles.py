"""A phone's own team roles: the member ticks the roles they most often play.

Saving makes the ticked roles the member's marks, through the same front door as the
keyboard's: those newly ticked are added, those unticked withdrawn. A role is someone's,
so a phone that joined anonymously is told to join by name, and marks none.
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from facilitator.room.answer import PhoneAnswer
from facilitator.room.answer_form import Answering, answer_form, number
from facilitator.room.context import RoomContext
from facilitator.room.item import show_item
from facilitator.room.pages import see_other
from facilitator.room.refusals import status_for
from sessions.errors import FacilitatorError
from sessions.services import phone_answers
from sessions.services.participants import DeviceView
from sessions.services.roles import TEAM_ROLES, TeamRole, roles_board
from sessions.views import ItemView
from sessions.vocabulary import ItemKind

ROLE_FIELD = re.compile(r"r(0|[1-9][0-9]?)")
"""`r0`, `r1`, …: a role ticked, by its place among the nine."""
TICKED = "on"
"""What a ticked box sends: a browser's own word for a box with no value of its own."""
NOT_A_ROLE = "Tick the team roles you play, then save."


async def mark_roles(request: web.Request) -> web.StreamResponse:
    """Make the roles ticked the member's own, then show the item again."""
    answering = await answer_form(request, {"item"}, ROLE_FIELD)
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    try:
        item_id = number(form.get("item", ""))
        ticked = sorted(int(name[1:]) for name, value in form.items() if _ticked(name, value))
    except ValueError:
        return await show_item(request, token, device, error=NOT_A_ROLE, status=400)
    if ticked and ticked[-1] >= len(TEAM_ROLES):
        error = f"There are {len(TEAM_ROLES)} team roles; there is no role {ticked[-1] + 1}."
        return await show_item(request, token, device, error=error, status=400)
    marked = [TEAM_ROLES[index].name for index in ticked]
    try:
        change = await room.save(
            phone_answers.set_roles_from_device, token, item_id, marked, room.now()
        )
    except FacilitatorError as refused:
        return await show_item(
            request, token, device, error=str(refused), status=status_for(refused)
        )
    if not change.added and not change.withdrawn:
        return see_other("/item?done=roles-unchanged")
    return see_other("/item?done=saved" if marked else "/item?done=roles-cleared")


def _ticked(name: str, value: str) -> bool:
    """Whether the field is a ticked role; the form's other field, `item`, is not."""
    if name[0] != "r":
        return False
    if value != TICKED:
        raise ValueError(value)
    return True


async def _shown(room: RoomContext, device: DeviceView, item: ItemView) -> dict[str, Any] | None:
    if device.member_id is None:
        return {"by_name": False, "why": phone_answers.ROLES_BY_NAME}
    board = await room.call(roles_board, room.session_id, item.position)
    own = next((m.roles for m in board.members if m.member_id == device.member_id), ())
    groups: dict[str, list[tuple[int, TeamRole, bool]]] = {}
    for index, role in enumerate(TEAM_ROLES):
        groups.setdefault(role.group, []).append((index, role, role.name in own))
    return {"by_name": True, "groups": list(groups.items())}


ANSWER = PhoneAnswer(
    kind=ItemKind.ROLES,
    path="/roles",
    template="answer_roles.html.j2",
    shown=_shown,
    post=mark_roles,
    outcomes={
        "roles-unchanged": "Nothing changed: your team roles are as they were.",
        "roles-cleared": "Saved: you have no team roles marked now.",
    },
)
