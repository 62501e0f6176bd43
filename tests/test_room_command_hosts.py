"""The room answers only to the address it is served on: a page elsewhere that points a
name of its own at the room (DNS rebinding) is refused before any page is drawn."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from facilitator.room import make_room_app
from facilitator.room.hosts import NOT_THIS_ROOM, host_names
from facilitator.room.place import LOOPBACK, Place, local_address
from sessions.services import participants
from sessions.services.programmes import create_programme
from tests.room_command import room_served
from tests.room_web import Phone, counts, field, ratings_of
from tests.test_room import session_on_card
from tests.test_room_web import SECURITY_HEADERS

ATTACKER = "rebound.example"


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


async def test_a_rebound_name_is_refused_everywhere_and_writes_nothing(
    store, db_path, programme
) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        phone = Phone(room.at)
        try:
            response, page = await phone.join(room.code)  # a phone in, on the right address
            form = {"csrf": field(page, "csrf"), "item": field(page, "item"), "s0": "4"}
            before = counts(db_path)
            # The attacker's page, its name now pointing at the room: its own origin and
            # Host, as the browser sends them, and the phone's own cookie riding along.
            rebound = f"{ATTACKER}:{room.at.port}"
            for path in ("/", "/item", "/room.css"):
                response, page = await phone.get(path, headers={"Host": rebound})
                assert response.status == 421 and page == NOT_THIS_ROOM
                assert SECURITY_HEADERS.items() <= response.headers.items()
            for path, sent in (("/join", {"code": room.code}), ("/rate", form)):
                response, page = await phone.post(
                    path, sent, origin=f"http://{rebound}", headers={"Host": rebound}
                )
                assert response.status == 421 and page == NOT_THIS_ROOM
                assert SECURITY_HEADERS.items() <= response.headers.items()
            assert counts(db_path) == before
            assert ratings_of(store, sid) == [(), ()]
        finally:
            await phone.close()


async def test_only_the_address_shown_is_answered(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        port = room.at.port
        async with aiohttp.ClientSession() as client:
            for host, status in (
                (f"127.0.0.1:{port}", 200),
                (f"localhost:{port}", 421),  # a name: only the address shown is let through
                (f"127.0.0.1:{port + 1}", 421),
                ("127.0.0.1", 421),  # no port: not the address on port 80
                (f"127.0.0.1:{port}.{ATTACKER}", 421),
                ("", 421),
            ):
                async with client.get(room.address + "/", headers={"Host": host}) as response:
                    assert response.status == status, host


async def test_a_request_naming_no_host_is_refused(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        reader, writer = await asyncio.open_connection("127.0.0.1", room.at.port)
        writer.write(b"GET / HTTP/1.0\r\n\r\n")  # HTTP/1.0 needs no Host
        await writer.drain()
        answer = await reader.read()
        writer.close()
        await writer.wait_closed()
    assert answer.startswith(b"HTTP/1.0 421 ") or answer.startswith(b"HTTP/1.1 421 "), answer


async def test_without_a_list_the_page_answers_any_host(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    participants.open_room(store, sid)
    server = TestServer(make_room_app(store, sid), host="127.0.0.1")
    await server.start_server()
    try:
        async with (
            aiohttp.ClientSession() as client,
            client.get(server.make_url("/"), headers={"Host": ATTACKER}) as response,
        ):
            assert response.status == 200
    finally:
        await server.close()


def test_what_a_browser_names_as_host() -> None:
    assert host_names("192.168.1.20", 8080, tls=False) == {"192.168.1.20:8080"}
    assert host_names("192.168.1.20", 80, tls=False) == {"192.168.1.20:80", "192.168.1.20"}
    assert host_names("192.168.1.20", 443, tls=True) == {"192.168.1.20:443", "192.168.1.20"}
    assert host_names("192.168.1.20", 443, tls=False) == {"192.168.1.20:443"}
    assert host_names("fe80::1", 8080, tls=False) == {"[fe80::1]:8080"}
    assert host_names("Room.Local", 8080, tls=False) == {"room.local:8080"}


def test_on_every_interface_it_answers_to_its_local_address_and_loopback() -> None:
    everywhere = Place("0.0.0.0", 8080)
    assert everywhere.address == f"http://{local_address()}:8080"
    assert {f"{local_address()}:8080", f"{LOOPBACK}:8080"} == everywhere.allowed_hosts
    assert Place("10.0.0.5", 8080).allowed_hosts == {"10.0.0.5:8080"}
    assert Place("::1", 8080).address == "http://[::1]:8080"
