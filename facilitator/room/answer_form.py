"""What every answer from a phone goes through before anything is read as an answer:
its own page's origin, a form the page would send, a phone still in the room, and that
phone's own form field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from aiohttp import web

from facilitator.room.context import RoomContext, joined_device, room_of
from facilitator.room.forms import BadForm, read_form
from facilitator.room.item import DEVICE_PURPOSE, show_item
from facilitator.room.pages import page
from facilitator.room.refusals import CROSS_SITE, NOT_IN_ROOM
from facilitator.room.security import (
    CSRF_FIELD,
    DEVICE_COOKIE,
    forget_cookie,
    form_token_matches,
    from_own_page,
)
from sessions.services.participants import DeviceView


@dataclass(frozen=True)
class Answering:
    room: RoomContext
    token: str
    device: DeviceView
    form: dict[str, str]


async def answer_form(
    request: web.Request, fields: Iterable[str] = (), pattern: re.Pattern[str] | None = None
) -> Answering | web.Response:
    """The phone and its form, let through; or the refusal to send, nothing written.

    `fields` and `pattern` say which fields the kind's form has, besides the form field
    that proves it came from this phone's own page.
    """
    room = room_of(request)
    if not from_own_page(request):
        return refused(CROSS_SITE, 403)
    try:
        form = await read_form(request, {CSRF_FIELD, *fields}, pattern)
    except BadForm as wrong:
        return refused(str(wrong), 400)
    joined = await joined_device(request)
    if joined is None:
        response = refused(NOT_IN_ROOM, 403)
        forget_cookie(response, DEVICE_COOKIE)
        return response
    token, device = joined
    if not form_token_matches(room.secret, DEVICE_PURPOSE, token, form.get(CSRF_FIELD)):
        return await show_item(request, token, device, error=CROSS_SITE, status=403)
    return Answering(room, token, device, form)


def number(text: str) -> int:
    """A whole number as a form sends it: plain ASCII digits, of a sensible length."""
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise ValueError(text)
    return int(text)


def refused(error: str, status: int) -> web.Response:
    return page("refused.html.j2", status, error=error)
