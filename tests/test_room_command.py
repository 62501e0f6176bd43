"""`facilitator room`: the room served on its own, joined with what it prints, and closed
as it stops, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.request

import aiohttp
import pytest

from facilitator.cli import build_parser, main
from facilitator.room.announce import HOW_TO_CLOSE, PLAIN_HTTP
from facilitator.room.place import Place
from facilitator.room.serve import CLOSED, CLOSED_ELSEWHERE
from sessions.errors import InputError
from sessions.services import participants, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.room_command import room_served
from tests.room_web import Phone, counts, field, ratings_of
from tests.served import ROOT, free_port
from tests.test_room import session_on_card


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


async def test_the_block_shows_the_address_and_code_a_phone_joins_with(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        assert room.address.startswith("http://127.0.0.1:")
        assert room.printed.startswith("The room is open for Harbour programme, session 1.\n")
        assert "\n".join(PLAIN_HTTP) in room.printed and HOW_TO_CLOSE in room.printed
        assert participants.room_for_session(store, sid) is not None
        phone = Phone(room.at)
        try:
            response, page = await phone.join(room.code)  # as shown: ABCD-EFGH
            assert response.status == 200 and "You joined as Anonymous." in page
            response, page = await phone.post(
                "/rate",
                {"csrf": field(page, "csrf"), "item": field(page, "item"), "s0": "5", "s1": "3"},
            )
            assert response.status == 200 and "Saved." in page
            token = phone.cookie("room_device")
            assert token and participants.device_for_token(store, token) is not None
        finally:
            await phone.close()
        await room.stopped()
    assert ratings_of(store, sid) == [(5,), (3,)]
    assert room.printed.endswith(f"\n{CLOSED}\n")
    assert participants.room_for_session(store, sid) is None
    assert participants.device_for_token(store, token) is None  # every phone's access ended


async def test_a_phone_is_turned_away_once_the_room_has_closed(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        phone = Phone(room.at)
        try:
            await phone.join(room.code)
            participants.close_room(store, sid)
            try:
                response, page = await phone.get("/item")
            except aiohttp.ClientConnectorError:
                # The room saw the close first and stopped serving: turned away all the same.
                pass
            else:
                assert str(response.url).endswith("/") and "join" in page.lower()
        finally:
            await phone.close()
        await room.task  # a closed room leaves nothing to serve: it stops by itself
    assert room.printed.endswith(f"\n{CLOSED_ELSEWHERE}\n")


async def test_the_room_opened_again_elsewhere_stops_this_one_and_stays_open(
    store, programme
) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        again = participants.open_room(store, sid)  # a copy that took the session over
        await room.task
    assert room.printed.endswith(f"\n{CLOSED_ELSEWHERE}\n")
    assert participants.room_opened_with(store, sid, again.code)


async def test_finishing_the_session_stops_the_room(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid) as room:
        running.finish_session(store, sid)
        await room.task
    assert room.printed.endswith(f"\n{CLOSED_ELSEWHERE}\n")


async def test_by_name_only_the_room_lets_nobody_in_anonymously(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    async with room_served(store, sid, anonymous_allowed=False):
        opened = participants.room_for_session(store, sid)
        assert opened is not None and not opened.anonymous_allowed


async def test_a_finished_session_opens_no_room(store, db_path, programme) -> None:
    sid, _ = session_on_card(store, programme)
    running.finish_session(store, sid)
    before = counts(db_path)
    with pytest.raises(InputError, match="This session has finished"):
        async with room_served(store, sid):
            pass
    assert counts(db_path) == before


def test_a_finished_session_is_one_line_and_exit_2(store, db_path, programme, capsys) -> None:
    sid, _ = session_on_card(store, programme)
    running.finish_session(store, sid)
    argv = ["--db", str(db_path), "room", str(sid), "--host", "127.0.0.1", "--port"]
    assert main([*argv, str(free_port())]) == 2
    captured = capsys.readouterr()
    assert captured.err == "facilitator: This session has finished; its room can no longer open.\n"
    assert "Join code" not in captured.out


def test_a_port_in_use_is_one_line_and_opens_no_room(store, db_path, programme, capsys) -> None:
    sid, _ = session_on_card(store, programme)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--db", str(db_path), "room", "--host", "127.0.0.1", "--port", str(port)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"facilitator: Cannot serve the room on 127.0.0.1 port {port}: ")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert participants.room_for_session(store, sid) is None


def not_this_computers() -> str:
    """A documentation address (RFC 5737) no interface here has, so none can listen on it."""
    for address in ("192.0.2.1", "198.51.100.1", "203.0.113.1"):
        try:
            with socket.socket() as probe:
                probe.bind((address, 0))
        except OSError:
            return address
    pytest.skip("this computer has every documentation address")


def test_a_host_that_is_not_this_computers_is_one_line(store, db_path, programme, capsys) -> None:
    session_on_card(store, programme)
    host = not_this_computers()
    assert main(["--db", str(db_path), "room", "--host", host, "--port", "8080"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"facilitator: Cannot serve the room on {host} port 8080: ")
    assert err.count("\n") == 1


def test_no_session_yet_is_one_line(db_path, capsys) -> None:
    Store.open(db_path).close()
    assert main(["--db", str(db_path), "room", "--host", "127.0.0.1"]) == 2
    assert capsys.readouterr().err == (
        "facilitator: There is no session yet to open the room for.\n"
    )


def test_tls_needs_both_the_certificate_and_its_key(tmp_path, capsys) -> None:
    assert main(["room", "--cert", str(tmp_path / "room.pem")]) == 2
    assert capsys.readouterr().err == "facilitator: TLS needs both --cert and --key.\n"


def test_it_listens_on_the_local_network_unless_told() -> None:
    args = build_parser().parse_args(["room"])
    assert (args.ref, args.host, args.port, args.by_name) == (None, None, 8080, False)
    args = build_parser().parse_args(["room", "harbour/2", "--host", "0.0.0.0", "--by-name"])
    assert (args.ref, args.host, args.by_name) == ("harbour/2", "0.0.0.0", True)
    assert Place("0.0.0.0", 8080).every_interface and not Place("10.0.0.5", 8080).every_interface


def test_ctrl_c_closes_the_room_and_exits_0(store, db_path, programme) -> None:
    """The command itself, in its own process, stopped as a facilitator stops it."""
    sid, _ = session_on_card(store, programme)
    port = free_port()
    command = subprocess.Popen(
        [
            *(sys.executable, "-m", "facilitator", "--db", str(db_path)),
            *("room", "harbour-programme/1", "--host", "127.0.0.1", "--port", str(port)),
        ],
        cwd=ROOT,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    printed: list[str] = []
    block_read = threading.Event()

    def read() -> None:
        for line in command.stdout:
            printed.append(line)
            if HOW_TO_CLOSE in line:
                block_read.set()
        block_read.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        block_read.wait()
        assert f"  Address:    http://127.0.0.1:{port}\n" in printed, (printed, command.stderr)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as page:
            assert page.status == 200
        assert participants.room_for_session(store, sid) is not None
        command.send_signal(signal.SIGINT)
        assert command.wait() == 0, command.stderr.read()
    finally:
        if command.poll() is None:
            command.kill()
            command.wait()
    reader.join()
    assert printed[-1] == f"{CLOSED}\n"
    assert command.stderr.read() == ""
    assert participants.room_for_session(store, sid) is None
