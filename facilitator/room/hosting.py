"""A session's room being served: listening, open to phones, and closed again.

One way to open and close it, for the room on its own and the room inside the app. It
listens first, so a port it cannot have opens no room; closing it closes the room
before it stops listening, so every phone's access ends with it.
"""

from __future__ import annotations

import asyncio
import socket

from aiohttp import web

from facilitator.room.app import make_room_app
from facilitator.room.place import Place
from sessions.services import participants
from sessions.store import Store


class HostedRoom:
    """A room open and served at `place`, with the code phones join with.

    The code is known here alone: only its hash is stored.
    """

    def __init__(
        self,
        store: Store,
        session_id: int,
        place: Place,
        code: str,
        runner: web.AppRunner,
        listening: socket.socket,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.place = place
        self._code = code
        self._runner = runner
        self._listening = listening
        self._closed = False

    @property
    def address(self) -> str:
        return self.place.address

    @property
    def shown_code(self) -> str:
        """The code as the room reads it, in two groups of four."""
        return f"{self._code[:4]}-{self._code[4:]}"

    async def still_open(self) -> bool:
        """Whether the room is still open with this code: not closed, its session not
        finished, and not opened again elsewhere, as by a copy that took the session over."""
        return await asyncio.to_thread(
            participants.room_opened_with, self.store, self.session_id, self._code
        )

    @classmethod
    async def open(
        cls,
        store: Store,
        session_id: int,
        place: Place,
        *,
        opened_by: str = "",
        anonymous_allowed: bool = True,
    ) -> HostedRoom:
        """Listen at `place`, then open the session's room to phones.

        Raises InputError when it cannot listen there, or the session has finished;
        nothing is left listening or open then.
        """
        listening, place = place.bind()
        app = make_room_app(store, session_id, allowed_hosts=place.allowed_hosts)
        # Each phone's every request would bury what the facilitator reads.
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        try:
            await runner.setup()
            await web.SockSite(runner, listening, ssl_context=place.tls).start()
            opened = await asyncio.to_thread(
                participants.open_room, store, session_id, opened_by, anonymous_allowed
            )
        except BaseException:
            await runner.cleanup()
            listening.close()
            raise
        return cls(store, session_id, place, opened.code, runner, listening)

    async def close(self) -> None:
        """Close the room, so no phone answers any more, then stop listening. Once only.

        A room opened again elsewhere since, with a fresh code, is left open: it is no
        longer this one's to close.
        """
        if self._closed:
            return
        self._closed = True
        try:
            await asyncio.to_thread(
                participants.close_room, self.store, self.session_id, code=self._code
            )
        finally:
            await self.stop_listening()

    async def stop_listening(self) -> None:
        await self._runner.cleanup()
        self._listening.close()
