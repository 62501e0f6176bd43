"""A question or comment for the facilitator, sent from a phone at any item.

Its own page, linked from every item's, so a long question is typed in peace and the
item's answers stay short. A phone that joined by name sends by name, or without it
where the room lets phones join anonymously; an anonymous phone's question is nobody's.
A refused question comes back in the box as typed, so nothing typed is lost.
"""

from __future__ import annotations

from aiohttp import web

from facilitator.room.answer_form import Answering, answer_form, number
from facilitator.room.context import joined_device, room_of
from facilitator.room.item import DEVICE_PURPOSE
from facilitator.room.pages import page, see_other
from facilitator.room.refusals import status_for
from facilitator.room.security import DEVICE_COOKIE, forget_cookie, form_token
from sessions.errors import FacilitatorError
from sessions.services import participants, questions, running
from sessions.services.participants import DeviceView

PATH = "/ask"
FIELDS = frozenset({"item", "text", "anonymous"})
WITHOUT_NAME = "yes"
"""What the "send without my name" box sends when ticked; unticked, it sends nothing."""
SENT = "Sent to the facilitator."
NOT_THE_FORM = "This form was not sent by the room's page."


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get(PATH, ask_page)
    router.add_post(PATH, ask)


async def ask_page(request: web.Request) -> web.StreamResponse:
    joined = await joined_device(request)
    if joined is None:
        response = see_other("/")
        forget_cookie(response, DEVICE_COOKIE)
        return response
    token, device = joined
    sent = request.query.get("done") == "sent"
    return await show_ask(request, token, device, message=SENT if sent else "")


async def ask(request: web.Request) -> web.StreamResponse:
    """Put the question in the facilitator's queue, or show why not with the text kept."""
    answering = await answer_form(request, FIELDS)
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    text = form.get("text", "")
    without_name = form.get("anonymous")
    try:
        item_id = number(form.get("item", ""))
        if without_name not in (None, WITHOUT_NAME):
            raise ValueError(without_name)
    except ValueError:
        return await show_ask(request, token, device, text=text, error=NOT_THE_FORM, status=400)
    anonymous = without_name is not None
    try:
        await room.save(questions.ask_from_device, token, item_id, text, anonymous, room.now())
    except FacilitatorError as refused:
        return await show_ask(
            request,
            token,
            device,
            text=text,
            anonymous=anonymous,
            error=str(refused),
            status=status_for(refused),
        )
    return see_other(f"{PATH}?done=sent")


async def show_ask(
    request: web.Request,
    token: str,
    device: DeviceView,
    *,
    text: str = "",
    anonymous: bool = False,
    message: str = "",
    error: str = "",
    status: int = 200,
) -> web.Response:
    """The question box, at the item the meeting is on."""
    room = room_of(request)
    session = await room.call(running.get_session, room.session_id)
    clock = await room.call(running.clock_state, room.session_id)
    item = next((i for i in session.items if i.position == clock.position), None)
    opened = await room.call(participants.room_for_session, room.session_id)
    may_choose = device.member_id is not None and opened is not None and opened.anonymous_allowed
    return page(
        "ask.html.j2",
        status,
        device=device,
        item=item,
        action=PATH,
        text=text,
        anonymous=anonymous,
        may_choose=may_choose,
        without_name=WITHOUT_NAME,
        most=questions.QUESTION_MAX,
        message=message,
        error=error,
        csrf=form_token(room.secret, DEVICE_PURPOSE, token),
    )
