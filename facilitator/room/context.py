"""What every page of the room shares: the store, the one session it serves, its clock,
its secret, and the phone asking, if it has joined."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from aiohttp import web

from facilitator.room.attempts import Attempts
from facilitator.room.security import DEVICE_COOKIE
from sessions.services import participants
from sessions.services.participants import DeviceView
from sessions.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class RoomContext:
    store: Store
    session_id: int
    now: Callable[[], datetime]
    secret: bytes
    attempts: Attempts
    # The room's saves take turns here, first come first served. Left to SQLite's busy
    # wait, the waiters poll in no order, and under forty phones one could be passed over
    # until its five seconds ran out and its answer failed as "busy".
    turns: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A front-door call, run off the event loop: the database is waited on in a
        thread, so one phone's save never holds up another's page."""
        return await asyncio.to_thread(service, self.store, *args, **kwargs)

    async def save(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A front-door call that writes, once the room's saves before it are done."""
        async with self.turns:
            return await self.call(service, *args, **kwargs)


ROOM = web.AppKey("room", RoomContext)


def room_of(request: web.Request) -> RoomContext:
    return request.app[ROOM]


async def joined_device(request: web.Request) -> tuple[str, DeviceView] | None:
    """The phone's token and who it joined as, while it may still answer in this
    session; None for no cookie, a removed phone, a closed room, a finished session, or a
    token of another session's room."""
    token = request.cookies.get(DEVICE_COOKIE)
    if not token:
        return None
    room = room_of(request)
    device = await room.call(participants.device_for_token, token)
    if device is None or device.session_id != room.session_id:
        return None
    return token, device
