"""The room's web application: one session's participant page, ready to serve."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from datetime import datetime

from aiohttp import web

from facilitator.room import asking, fist, joining
from facilitator.room.answer import ANSWERS
from facilitator.room.answers import by_kind
from facilitator.room.attempts import Attempts
from facilitator.room.context import ROOM, RoomContext
from facilitator.room.hosts import only_hosts
from facilitator.room.item import item_page
from facilitator.room.pages import STYLESHEET, stylesheet
from facilitator.room.security import MAX_BODY, add_headers, new_secret
from sessions.store import Store
from sessions.utc import utcnow


def make_room_app(
    store: Store,
    session_id: int,
    *,
    now: Callable[[], datetime] = utcnow,
    monotonic: Callable[[], float] = time.monotonic,
    allowed_hosts: Collection[str] | None = None,
) -> web.Application:
    """The participant page of one session, on the given store.

    `now` stamps what phones save; `monotonic` times the limit on join-code attempts.
    Each application has its own secret, so forms from an earlier run are refused.
    Given `allowed_hosts` (as `hosts.host_names` gives them), it answers only requests
    naming one of them as their Host; without, any.
    """
    middlewares = [only_hosts(allowed_hosts)] if allowed_hosts is not None else []
    app = web.Application(client_max_size=MAX_BODY, middlewares=middlewares)
    app[ROOM] = RoomContext(store, session_id, now, new_secret(), Attempts(monotonic))
    app.on_response_prepare.append(add_headers)
    app.router.add_get("/", joining.join_page)
    app.router.add_post("/join", joining.join)
    app[ANSWERS] = answers = by_kind()
    app.router.add_get("/item", item_page)
    for answer in answers.values():
        app.router.add_post(answer.path, answer.post)
    asking.add_routes(app.router)
    app.router.add_post(fist.PATH, fist.answer_proposal)
    app.router.add_get(STYLESHEET, stylesheet)
    return app
