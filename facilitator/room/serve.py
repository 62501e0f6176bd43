"""`facilitator room`: the room served on its own, with no screen of the app, for a
computer on the same database as the facilitator's.

It listens first, so a port it cannot have opens no room; then it opens the room, shows
the address, the code and the QR code, and serves until told to stop. Stopping closes
the room, so every phone's access ends with it. The room closed by the app, opened again
elsewhere with a fresh code, or its session finished, stops it too: there is nothing left
to serve here.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TextIO

from facilitator.room.announce import opened_block
from facilitator.room.hosting import HostedRoom
from facilitator.room.place import Place
from sessions.services import running
from sessions.store import Store

# How often it looks whether the room is still open: a closed room already lets no
# phone in, so this only decides how soon the command ends after it.
WATCH_SECONDS = 2.0
CLOSED = "The room is closed: phones can no longer answer."
CLOSED_ELSEWHERE = (
    "The room was closed, opened again elsewhere, or its session finished: nothing left to serve."
)


async def serve_room(
    store: Store,
    session_id: int,
    place: Place,
    out: TextIO,
    stop: asyncio.Event,
    *,
    anonymous_allowed: bool = True,
    opened_by: str = "",
    watch_seconds: float = WATCH_SECONDS,
) -> None:
    """Serve the session's room at `place` until `stop` is set, or the room is closed.

    Raises InputError when it cannot listen there, or the session has finished.
    """
    room = await HostedRoom.open(
        store, session_id, place, opened_by=opened_by, anonymous_allowed=anonymous_allowed
    )
    try:
        session = await asyncio.to_thread(running.get_session, store, session_id)
        title = f"{session.programme_name}, session {session.number}"
        _say(out, *opened_block(title, room.place, room.shown_code))
        closed_elsewhere = await _until_stopped(room, stop, watch_seconds)
    finally:
        await room.close()
    _say(out, "", CLOSED_ELSEWHERE if closed_elsewhere else CLOSED)


async def _until_stopped(room: HostedRoom, stop: asyncio.Event, watch_seconds: float) -> bool:
    """Wait for `stop`; True if the room closed, its session finished, or it was opened
    again elsewhere, first."""
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), watch_seconds)
            return False
        if not await room.still_open():
            return True


def run_room(
    store: Store, session_id: int, place: Place, out: TextIO, *, anonymous_allowed: bool = True
) -> None:
    """Serve the room until Ctrl+C (or a termination signal), then close it. The room
    records it was opened by whoever is logged in here, on this computer."""
    from sessions.services.leases import Holder

    here = Holder.this_process()
    opened_by = (f"{here.user} on {here.host}" if here.user else here.host)[:200]

    async def until_signalled() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            # Not on every system: there Ctrl+C cancels the serving, which closes the room.
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signum, stop.set)
        await serve_room(
            store,
            session_id,
            place,
            out,
            stop,
            anonymous_allowed=anonymous_allowed,
            opened_by=opened_by,
        )

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(until_signalled())


def _say(out: TextIO, *lines: str) -> None:
    out.write("".join(f"{line}\n" for line in lines))
    out.flush()
