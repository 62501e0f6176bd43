"""The item the facilitator is on, as a phone sees it: its part to answer, if it has one."""

from __future__ import annotations

from aiohttp import web

from facilitator.room.answer import ANSWERS
from facilitator.room.context import joined_device, room_of
from facilitator.room.pages import page, see_other
from facilitator.room.security import DEVICE_COOKIE, forget_cookie, form_token
from sessions.services import phone_answers, running
from sessions.services.participants import DeviceView
from sessions.services.proposals import FINGER_WORDS

DEVICE_PURPOSE = "device"
SAVED = {"saved": "Saved."}
"""What `?done=` after an answer says; each kind adds its own words."""


async def item_page(request: web.Request) -> web.StreamResponse:
    joined = await joined_device(request)
    if joined is None:
        response = see_other("/")
        forget_cookie(response, DEVICE_COOKIE)
        return response
    token, device = joined
    outcomes = dict(SAVED)
    for answer in request.app[ANSWERS].values():
        outcomes.update(answer.outcomes)
    return await show_item(request, token, device, outcomes.get(request.query.get("done", ""), ""))


async def show_item(
    request: web.Request,
    token: str,
    device: DeviceView,
    message: str = "",
    *,
    error: str = "",
    status: int = 200,
) -> web.Response:
    """The page of the item the meeting is on, with this phone's part to answer."""
    room = room_of(request)
    session = await room.call(running.get_session, room.session_id)
    clock = await room.call(running.clock_state, room.session_id)
    item = next((i for i in session.items if i.position == clock.position), None)
    answer = request.app[ANSWERS].get(item.kind) if item is not None else None
    shown = await answer.shown(room, device, item) if answer is not None and item else None
    proposal, fingers = await room.call(phone_answers.proposal_for_device, device, clock.position)
    return page(
        "item.html.j2",
        status,
        device=device,
        item=item,
        answer=answer.template if answer is not None and shown is not None else None,
        action=answer.path if answer is not None else "",
        message=message,
        error=error,
        csrf=form_token(room.secret, DEVICE_PURPOSE, token),
        proposal=proposal,
        fingers=fingers,
        finger_words=FINGER_WORDS,
        **(shown or {}),
    )
