"""A phone's dots on a checklist: so many each, at most so many on one option.

The budget and every other rule are the checklist's own, applied by the same front door
in one unit of work: a form over the budget, or naming an option the checklist does not
have, saves nothing.
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
from sessions.views import ItemView
from sessions.vocabulary import ItemKind

DOTS_FIELD = re.compile(r"o(0|[1-9][0-9]{0,2})")
"""`o0`, `o1`, …: the dots on an option, by its place on the checklist."""
NOT_DOTS = "Dots are given as whole numbers, from 0."


async def give(request: web.Request) -> web.StreamResponse:
    """Save the phone's dots, all together, then show the item again."""
    answering = await answer_form(request, {"item"}, DOTS_FIELD)
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    try:
        item_id = number(form.get("item", ""))
        dots = {int(name[1:]): number(value) for name, value in form.items() if name[0] == "o"}
    except ValueError:
        return await show_item(request, token, device, error=NOT_DOTS, status=400)
    if device.member_id is None and not any(dots.values()):
        # Nothing to give; an anonymous phone keeps its one chance.
        return see_other("/item?done=no-dots")
    try:
        change = await room.save(phone_answers.dots_from_device, token, item_id, dots, room.now())
    except FacilitatorError as refused:
        status = status_for(refused)
        return await show_item(request, token, device, error=str(refused), status=status)
    return see_other("/item?done=dots" if change.added else "/item?done=dots-back")


async def _shown(room: RoomContext, device: DeviceView, item: ItemView) -> dict[str, Any] | None:
    ballot = await room.call(phone_answers.dots_ballot, device, item.position)
    if not ballot.options:
        return None
    choices = range(ballot.budget.per_option + 1)
    return {"ballot": ballot, "choices": choices, "anonymous": device.member_id is None}


ANSWER = PhoneAnswer(
    kind=ItemKind.CHECKLIST,
    path="/dots",
    template="answer_checklist.html.j2",
    shown=_shown,
    post=give,
    outcomes={
        "dots": "Your dots are in.",
        "dots-back": "Your dots are taken back: you have them all to give again.",
        "no-dots": "Nothing to save: put at least one dot on an option first.",
    },
)
