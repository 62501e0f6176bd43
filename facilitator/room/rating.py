"""The item the facilitator is on, as a phone sees it, and a phone's ratings of a scorecard.

Each rating goes through the same front door as the keyboard's: the room adds no rule.
Everything a form says is read before anything is saved, so a form with one bad field
saves none of its ratings.
"""

from __future__ import annotations

from aiohttp import web

from facilitator.room.context import joined_device, room_of
from facilitator.room.forms import RATING_FIELD, BadForm, read_form
from facilitator.room.pages import page, see_other
from facilitator.room.refusals import CROSS_SITE, NOT_A_RATING, NOT_IN_ROOM, status_for
from facilitator.room.security import (
    CSRF_FIELD,
    DEVICE_COOKIE,
    forget_cookie,
    form_token,
    form_token_matches,
    from_own_page,
)
from sessions.errors import FacilitatorError
from sessions.services import participants, running, scorecard
from sessions.services.participants import DeviceView
from sessions.services.scorecard import StatementResult
from sessions.vocabulary import ItemKind

DEVICE_PURPOSE = "device"
SCORES = (1, 2, 3, 4, 5)
OUTCOMES = {
    "saved": "Saved.",
    "partly": (
        "Saved your new ratings. A rating given anonymously cannot be changed, so those "
        "already given were kept as they were."
    ),
    "nothing": "Nothing to save: choose a rating first.",
}


async def item_page(request: web.Request) -> web.StreamResponse:
    joined = await joined_device(request)
    if joined is None:
        response = see_other("/")
        forget_cookie(response, DEVICE_COOKIE)
        return response
    token, device = joined
    return await _item(request, token, device, OUTCOMES.get(request.query.get("done", ""), ""))


async def rate(request: web.Request) -> web.StreamResponse:
    """Save each statement's rating the form gives, then show the item again."""
    room = room_of(request)
    if not from_own_page(request):
        return _refused(CROSS_SITE, 403)
    try:
        form = await read_form(request, {CSRF_FIELD, "item"}, RATING_FIELD)
    except BadForm as refused:
        return _refused(str(refused), 400)
    joined = await joined_device(request)
    if joined is None:
        response = _refused(NOT_IN_ROOM, 403)
        forget_cookie(response, DEVICE_COOKIE)
        return response
    token, device = joined
    if not form_token_matches(room.secret, DEVICE_PURPOSE, token, form.get(CSRF_FIELD)):
        return await _item(request, token, device, error=CROSS_SITE, status=403)
    try:
        item_id = _number(form.get("item", ""))
        ratings = {int(name[1:]): _score(value) for name, value in form.items() if name[0] == "s"}
    except ValueError:
        return await _item(request, token, device, error=NOT_A_RATING, status=400)
    if not ratings:
        return see_other("/item?done=nothing")
    results = await _results_of(request, item_id)
    if results is not None:
        missing = [index for index in ratings if index >= len(results)]
        if missing:
            error = f"The scorecard has no statement {min(missing) + 1}."
            return await _item(request, token, device, error=error, status=400)
        if device.member_id is not None:
            ratings = _changed(results, device.member_id, ratings)
    saved = 0
    refusals: list[FacilitatorError] = []
    for index, score in sorted(ratings.items()):
        try:
            await room.call(participants.rate_from_device, token, item_id, index, score, room.now())
            saved += 1
        except FacilitatorError as refused:
            refusals.append(refused)
    if refusals and not saved:
        first = refusals[0]
        return await _item(request, token, device, error=str(first), status=status_for(first))
    return see_other("/item?done=partly" if refusals else "/item?done=saved")


async def _item(
    request: web.Request,
    token: str,
    device: DeviceView,
    message: str = "",
    *,
    error: str = "",
    status: int = 200,
) -> web.Response:
    room = room_of(request)
    session = await room.call(running.get_session, room.session_id)
    clock = await room.call(running.clock_state, room.session_id)
    item = next((i for i in session.items if i.position == clock.position), None)
    statements = []
    if item is not None and item.kind == ItemKind.SCORECARD:
        results = await room.call(scorecard.scorecard_results, room.session_id, item.position)
        statements = [
            (
                index,
                result,
                result.rating_by(device.member_id) if device.member_id is not None else None,
            )
            for index, result in enumerate(results)
        ]
    return page(
        "item.html.j2",
        status,
        device=device,
        item=item,
        statements=statements,
        scores=SCORES,
        message=message,
        error=error,
        csrf=form_token(room.secret, DEVICE_PURPOSE, token),
    )


async def _results_of(request: web.Request, item_id: int) -> list[StatementResult] | None:
    """The statements of the scorecard a form answers, if it is one of this session's;
    None otherwise, for the front door to refuse, and say why."""
    room = room_of(request)
    session = await room.call(running.get_session, room.session_id)
    item = next((i for i in session.items if i.id == item_id), None)
    if item is None or item.kind != ItemKind.SCORECARD:
        return None
    return await room.call(scorecard.scorecard_results, room.session_id, item.position)


def _changed(
    results: list[StatementResult], member_id: int, ratings: dict[int, int]
) -> dict[int, int]:
    """The ratings that differ from the member's own: the page sends every one checked,
    and saving one unchanged would only replace it with itself."""
    return {
        index: score
        for index, score in ratings.items()
        if results[index].rating_by(member_id) != score
    }


def _number(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise ValueError(text)
    return int(text)


def _score(text: str) -> int:
    score = _number(text)
    if score not in SCORES:
        raise ValueError(text)
    return score


def _refused(error: str, status: int) -> web.Response:
    return page("refused.html.j2", status, error=error)
