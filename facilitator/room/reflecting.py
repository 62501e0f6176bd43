"""A phone's private reflection: written on the phone, shown to no one else in the room.

By name, saving again replaces the member's own answer, as at the keyboard, and the
phone shows its own words back to change them. Anonymous, an answer is given once and
is nobody's, so the phone is never shown it again. No page shows anyone's words but
the phone's own person's, and the projector only counts the answers. The phone says, as
the keyboard's box does, that the facilitator may put the answers in the minutes.
"""

from __future__ import annotations

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
from sessions.services.phone_answers import REFLECTION_LIMIT
from sessions.views import ItemView
from sessions.vocabulary import ItemKind

NOT_AN_ITEM = "This form was not sent by the room's page."


async def reflect(request: web.Request) -> web.StreamResponse:
    """Save the phone's reflection, then show the item again."""
    answering = await answer_form(request, {"item", "text"})
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    try:
        item_id = number(form.get("item", ""))
    except ValueError:
        return await show_item(request, token, device, error=NOT_AN_ITEM, status=400)
    text = form.get("text", "")
    if not text.strip():
        return see_other("/item?done=reflection-empty")
    try:
        if device.member_id is not None:
            own = await room.call(phone_answers.own_reflection, device, item_id)
            if own.text is not None and own.text == phone_answers.reflection_text(text):
                return see_other("/item?done=reflection-unchanged")
        await room.save(phone_answers.reflect_from_device, token, item_id, text, room.now())
    except FacilitatorError as refused:
        return await show_item(
            request, token, device, error=str(refused), status=status_for(refused)
        )
    return see_other("/item?done=reflected")


async def _shown(room: RoomContext, device: DeviceView, item: ItemView) -> dict[str, Any] | None:
    own = await room.call(phone_answers.own_reflection, device, item.id)
    return {
        "named": device.member_id is not None,
        "given": own.given,
        "own_text": own.text or "",
        "in_minutes": own.in_minutes,
        "limit": REFLECTION_LIMIT,
    }


ANSWER = PhoneAnswer(
    kind=ItemKind.REFLECTION,
    path="/reflect",
    template="answer_reflection.html.j2",
    shown=_shown,
    post=reflect,
    outcomes={
        "reflected": (
            "Saved. Your reflection is private: never shown to the room or another phone."
        ),
        "reflection-unchanged": "Nothing changed: your reflection is as it was.",
        "reflection-empty": "Nothing to save: write your reflection first.",
    },
)
