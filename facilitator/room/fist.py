"""A phone's fist of five on the proposal the facilitator has put to the room.

The proposal shows above whatever else the item asks, at any item: one answer from 0 (a
fist: I block this) to 5 (fully for it). It goes through the same front door as the
keyboard's count of hands; the room adds no rule.
"""

from __future__ import annotations

from aiohttp import web

from facilitator.room.answer_form import Answering, answer_form, number
from facilitator.room.item import show_item
from facilitator.room.pages import see_other
from facilitator.room.refusals import status_for
from sessions.errors import FacilitatorError
from sessions.services import phone_answers
from sessions.services.proposals import FINGERS

PATH = "/fist"
FIELDS = frozenset({"proposal", "fingers"})
NOT_FINGERS = "Choose from 0 (a fist: I block this) to 5 (fully for it)."


async def answer_proposal(request: web.Request) -> web.StreamResponse:
    """Save the phone's show of fingers, then show the item again."""
    answering = await answer_form(request, FIELDS)
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    if "fingers" not in form:
        return await show_item(request, token, device, error=NOT_FINGERS, status=400)
    try:
        proposal_id = number(form.get("proposal", ""))
        fingers = number(form["fingers"])
        if fingers not in FINGERS:
            raise ValueError(fingers)
    except ValueError:
        return await show_item(request, token, device, error=NOT_FINGERS, status=400)
    try:
        await room.save(phone_answers.proposal_from_device, token, proposal_id, fingers, room.now())
    except FacilitatorError as refused:
        return await show_item(
            request, token, device, error=str(refused), status=status_for(refused)
        )
    return see_other("/item?done=saved")
