"""Joining the room: the code from the projector, then a name or anonymously.

The names are shown only once the code is right, so nobody outside the meeting learns
who is in it. Every try at the code is counted, and every wrong one gets the same answer.
"""

from __future__ import annotations

from aiohttp import web

from facilitator.room.attempts import retry_after
from facilitator.room.context import joined_device, room_of
from facilitator.room.forms import JOIN_FIELDS, BadForm, read_form
from facilitator.room.pages import page, see_other
from facilitator.room.refusals import CROSS_SITE, NO_ROOM, NOT_A_NAME, TOO_MANY, status_for
from facilitator.room.security import (
    CSRF_FIELD,
    DEVICE_COOKIE,
    JOIN_COOKIE,
    forget_cookie,
    form_token,
    form_token_matches,
    from_own_page,
    new_join_nonce,
    set_cookie,
)
from sessions.errors import FacilitatorError
from sessions.services import participants, people, running

ANONYMOUSLY = "anonymous"
JOIN_PURPOSE = "join"


async def join_page(request: web.Request) -> web.StreamResponse:
    """The code form; a phone already in goes straight to the item."""
    if await joined_device(request) is not None:
        return see_other("/item")
    response = await _code_form(request)
    if request.cookies.get(DEVICE_COOKIE):
        forget_cookie(response, DEVICE_COOKIE)  # its room closed, or it was turned out
    return response


async def join(request: web.Request) -> web.StreamResponse:
    """Check the code; with a name (or anonymously) too, let the phone in."""
    if not from_own_page(request):
        return await _code_form(request, CROSS_SITE, 403)
    try:
        form = await read_form(request, JOIN_FIELDS)
    except BadForm as refused:
        return await _code_form(request, str(refused), 400)
    nonce = request.cookies.get(JOIN_COOKIE)
    if not form_token_matches(room_of(request).secret, JOIN_PURPOSE, nonce, form.get(CSRF_FIELD)):
        return await _code_form(request, CROSS_SITE, 403)
    room = room_of(request)
    wait = room.attempts.try_from(request.remote)
    if wait:
        response = await _code_form(request, TOO_MANY, 429)
        response.headers["Retry-After"] = retry_after(wait)
        return response
    code = form.get("code", "")
    found = await room.call(participants.room_with_code, code)
    if found is None or found.session_id != room.session_id:
        return await _code_form(request, NO_ROOM, 403)
    if "member" not in form:
        return await _names_form(request, code, found.anonymous_allowed)
    try:
        member_id = _member_id(form["member"])
    except ValueError:
        return await _names_form(request, code, found.anonymous_allowed, NOT_A_NAME, 400)
    try:
        token, device = await room.save(participants.join_room, code, member_id, room.now())
    except FacilitatorError as refused:
        status = status_for(refused)
        return await _names_form(request, code, found.anonymous_allowed, str(refused), status)
    if device.session_id != room.session_id:  # a code reused by another room in between
        return await _code_form(request, NO_ROOM, 403)
    response = see_other("/item")
    set_cookie(response, request, DEVICE_COOKIE, token)
    forget_cookie(response, JOIN_COOKIE)
    return response


def _member_id(chosen: str) -> int | None:
    """The member chosen, or None for anonymously; ValueError for what the form never offers."""
    if chosen == ANONYMOUSLY:
        return None
    if chosen.isascii() and chosen.isdigit() and len(chosen) <= 18:
        return int(chosen)
    raise ValueError(chosen)


async def _code_form(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    room = room_of(request)
    is_open = await room.call(participants.room_for_session, room.session_id) is not None
    csrf, fresh = _join_csrf(request)
    shown = page("join.html.j2", status, error=error, is_open=is_open, csrf=csrf)
    _pair_cookie(shown, request, fresh)
    return shown


async def _names_form(
    request: web.Request, code: str, anonymous_allowed: bool, error: str = "", status: int = 200
) -> web.Response:
    room = room_of(request)
    session = await room.call(running.get_session, room.session_id)
    members = await room.call(people.list_members, session.programme_id)
    csrf, fresh = _join_csrf(request)
    shown = page(
        "names.html.j2",
        status,
        error=error,
        code=code,
        members=members,
        anonymous_allowed=anonymous_allowed,
        anonymously=ANONYMOUSLY,
        csrf=csrf,
    )
    _pair_cookie(shown, request, fresh)
    return shown


def _join_csrf(request: web.Request) -> tuple[str, str | None]:
    """The join form's hidden field, and the new cookie it pairs with, if the phone has
    none yet (one it has is kept, so two tabs both work)."""
    nonce = request.cookies.get(JOIN_COOKIE)
    fresh = None
    if not nonce or len(nonce) > 64:
        nonce = fresh = new_join_nonce()
    return form_token(room_of(request).secret, JOIN_PURPOSE, nonce), fresh


def _pair_cookie(response: web.Response, request: web.Request, fresh: str | None) -> None:
    if fresh is not None:
        set_cookie(response, request, JOIN_COOKIE, fresh)
