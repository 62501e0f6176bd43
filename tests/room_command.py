"""The room command's serving, run in the test's own event loop on a loopback port: what
it printed, where it listens, and phones sent to it."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from yarl import URL

from facilitator.room.announce import HOW_TO_CLOSE
from facilitator.room.place import Place
from facilitator.room.serve import serve_room


class RoomAt:
    """A served room's address, as the phones of tests/room_web.py want a server."""

    def __init__(self, address: str) -> None:
        self.url = URL(address)
        self.scheme = self.url.scheme
        self.host = self.url.host
        self.port = self.url.port

    def make_url(self, path: str) -> URL:
        return self.url.join(URL(path))


@dataclass
class Running:
    out: io.StringIO
    stop: asyncio.Event
    task: asyncio.Task[None]

    @property
    def printed(self) -> str:
        return self.out.getvalue()

    @property
    def address(self) -> str:
        return _shown(self.printed, "Address")

    @property
    def code(self) -> str:
        return _shown(self.printed, "Join code")

    @property
    def at(self) -> RoomAt:
        return RoomAt(self.address)

    async def stopped(self) -> None:
        self.stop.set()
        await self.task


def _shown(printed: str, label: str) -> str:
    found = re.search(rf"^  {label}: +(\S+)$", printed, re.MULTILINE)
    assert found is not None, printed
    return found.group(1)


@asynccontextmanager
async def room_served(
    store, session_id: int, place: Place | None = None, **options
) -> AsyncIterator[Running]:
    """The room served until the block ends, then stopped as the test leaves it."""
    out, stop = io.StringIO(), asyncio.Event()
    task = asyncio.create_task(
        serve_room(
            store,
            session_id,
            place or Place("127.0.0.1", 0),
            out,
            stop,
            watch_seconds=0.05,
            **options,
        )
    )
    while HOW_TO_CLOSE not in out.getvalue():
        if task.done():
            task.result()  # what stopped it, raised here
            raise AssertionError(f"it stopped without opening the room: {out.getvalue()}")
        await asyncio.sleep(0.01)
    running = Running(out, stop, task)
    try:
        yield running
    finally:
        if not task.done():
            await running.stopped()
