"""A phone's ratings of a scorecard's statements.

Each rating goes through the same front door as the keyboard's: the room adds no rule.
Everything a form says is read before anything is saved, so a form with one bad field
saves none of its ratings.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from facilitator.room.answer import PhoneAnswer
from facilitator.room.answer_form import Answering, answer_form, number
from facilitator.room.context import RoomContext, room_of
from facilitator.room.forms import RATING_FIELD
from facilitator.room.item import show_item
from facilitator.room.pages import see_other
from facilitator.room.refusals import NOT_A_RATING, status_for
from sessions.errors import FacilitatorError
from sessions.services import phone_answers, running, scorecard
from sessions.services.participants import DeviceView
from sessions.services.scorecard import StatementResult
from sessions.views import ItemView
from sessions.vocabulary import ItemKind

SCORES = (1, 2, 3, 4, 5)


async def rate(request: web.Request) -> web.StreamResponse:
    """Save each statement's rating the form gives, then show the item again."""
    answering = await answer_form(request, {"item"}, RATING_FIELD)
    if not isinstance(answering, Answering):
        return answering
    room, token, device, form = answering.room, answering.token, answering.device, answering.form
    try:
        item_id = number(form.get("item", ""))
        ratings = {int(name[1:]): _score(value) for name, value in form.items() if name[0] == "s"}
    except ValueError:
        return await show_item(request, token, device, error=NOT_A_RATING, status=400)
    if not ratings:
        return see_other("/item?done=nothing")
    results = await _results_of(request, item_id)
    if results is not None:
        missing = [index for index in ratings if index >= len(results)]
        if missing:
            error = f"The scorecard has no statement {min(missing) + 1}."
            return await show_item(request, token, device, error=error, status=400)
        if device.member_id is not None:
            ratings = _changed(results, device.member_id, ratings)
    saved = 0
    refusals: list[FacilitatorError] = []
    for index, score in sorted(ratings.items()):
        try:
            await room.save(
                phone_answers.rate_from_device, token, item_id, index, score, room.now()
            )
            saved += 1
        except FacilitatorError as refused:
            refusals.append(refused)
    if refusals and not saved:
        first = refusals[0]
        return await show_item(request, token, device, error=str(first), status=status_for(first))
    return see_other("/item?done=partly" if refusals else "/item?done=saved")


async def _shown(room: RoomContext, device: DeviceView, item: ItemView) -> dict[str, Any] | None:
    results = await room.call(scorecard.scorecard_results, room.session_id, item.position)
    if not results:
        return None
    statements = [
        (
            index,
            result,
            result.rating_by(device.member_id) if device.member_id is not None else None,
        )
        for index, result in enumerate(results)
    ]
    return {"statements": statements, "scores": SCORES}


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


def _score(text: str) -> int:
    score = number(text)
    if score not in SCORES:
        raise ValueError(text)
    return score


ANSWER = PhoneAnswer(
    kind=ItemKind.SCORECARD,
    path="/rate",
    template="answer_scorecard.html.j2",
    shown=_shown,
    post=rate,
    outcomes={
        "partly": (
            "Saved your new ratings. A rating given anonymously cannot be changed, so those "
            "already given were kept as they were."
        ),
        "nothing": "Nothing to save: choose a rating first.",
    },
)
