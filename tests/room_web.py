"""Phones for the room's web page in tests: each its own cookies, sending forms as the
page does, to a room served on loopback; and what the database holds meanwhile."""

from __future__ import annotations

import html
import re

import aiohttp
from aiohttp.test_utils import TestServer

from facilitator.room import make_room_app
from sessions.models import Base
from sessions.services import scorecard
from tests.row_counts import row_counts
from tests.test_room import card_of


class Seconds:
    """A steady clock the test moves by hand, for the limit on join-code attempts."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Phone:
    """One phone's browser: its own cookies, sending forms as the room's page does."""

    def __init__(self, server: TestServer) -> None:
        self.server = server
        self.origin = f"http://{server.host}:{server.port}"
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def get(self, path: str, **kwargs) -> tuple[aiohttp.ClientResponse, str]:
        async with self.http.get(self.server.make_url(path), **kwargs) as response:
            return response, await response.text()

    async def post(
        self, path: str, data, *, origin: str | None = "own", headers=None, **kwargs
    ) -> tuple[aiohttp.ClientResponse, str]:
        sent = dict(headers or {})
        if origin == "own":
            sent["Origin"] = self.origin
        elif origin is not None:
            sent["Origin"] = origin
        async with self.http.post(
            self.server.make_url(path), data=data, headers=sent, **kwargs
        ) as response:
            return response, await response.text()

    async def csrf(self, path: str = "/") -> str:
        _, html = await self.get(path)
        return field(html, "csrf")

    async def join(
        self, code: str, member: str = "anonymous"
    ) -> tuple[aiohttp.ClientResponse, str]:
        token = await self.csrf("/")
        response, html = await self.post("/join", {"csrf": token, "code": code})
        assert response.status == 200, html
        return await self.post(
            "/join", {"csrf": field(html, "csrf"), "code": code, "member": member}
        )

    def cookie(self, name: str) -> str | None:
        morsel = self.http.cookie_jar.filter_cookies(self.server.make_url("/")).get(name)
        return morsel.value if morsel is not None else None

    async def close(self) -> None:
        await self.http.close()


def said(page: str, text: str) -> bool:
    """Whether the page shows this text, whatever its characters were escaped as."""
    return text in html.unescape(page)


def field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found is not None, f"no {name} field in {html}"
    return found.group(1)


class Rooms:
    """Rooms served on loopback and the phones sent to them, all closed as the test ends."""

    def __init__(self, store) -> None:
        self.store = store
        self.seconds = Seconds()
        self._servers: list[TestServer] = []
        self._phones: list[Phone] = []

    async def serve(self, session_id: int) -> TestServer:
        app = make_room_app(self.store, session_id, monotonic=self.seconds)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        self._servers.append(server)
        return server

    def phone(self, server: TestServer) -> Phone:
        self._phones.append(Phone(server))
        return self._phones[-1]

    async def __aenter__(self) -> Rooms:
        return self

    async def __aexit__(self, *exc_info) -> None:
        for phone in self._phones:
            await phone.close()
        for server in self._servers:
            await server.close()


def counts(db_path) -> dict[str, int]:
    return row_counts(db_path, Base.metadata.tables)


def ratings_of(store, sid) -> list[tuple[int, ...]]:
    position = card_of(store, sid).position
    return [result.scores for result in scorecard.scorecard_results(store, sid, position)]
