"""`facilitator serve`: the app and the projector mirror in a browser, over loopback, for real."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import urllib.request

import pytest

from facilitator.cli import build_parser
from facilitator.serve import is_loopback, public_url, warning
from sessions.services import planning, running
from sessions.services.programmes import create_programme, list_programmes
from sessions.store import Store
from tests.browser import CHROMIUM, Browser
from tests.served import ROOT, Served, free_port, screen_through_websocket


@pytest.fixture
def served(db_path):
    started: list[Served] = []

    def start(*args: str) -> Served:
        server = Served(db_path, *args)
        started.append(server)
        assert server.said("Serving") and server.listening(), server.lines
        return server

    yield start
    for server in started:
        server.stop()


def test_the_page_and_the_app_come_over_loopback(served) -> None:
    server = served()
    assert server.said("Anyone who can reach"), server.lines
    assert server.lines[0] == f"Serving facilitator at {server.url}"
    assert "can see and drive every session" in server.lines[1]
    assert "not reachable from other computers" in server.lines[1]
    with urllib.request.urlopen(server.url + "/", timeout=30) as page:
        html = page.read().decode("utf-8")
    assert page.status == 200
    assert f"ws://127.0.0.1:{server.port}/ws" in html  # the page connects back to this server
    screen = screen_through_websocket(server.url, b"Programmes")
    assert b"Programmes" in screen, (screen[-800:], server.lines)


def test_present_serves_the_read_only_mirror(served, db_path, small_agenda, clock) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    store.close()
    server = served("--present")
    assert server.said("Anyone who can reach"), server.lines
    assert server.lines[0] == f"Serving facilitator: projector at {server.url}"
    assert "can see the session" in server.lines[1]
    screen = screen_through_websocket(server.url, b"Introductions")
    assert b"Introductions" in screen, (screen[-800:], server.lines)


def test_a_port_already_in_use_is_one_line(db_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = subprocess.run(
            [
                sys.executable,
                "-m",
                "facilitator",
                "--db",
                str(db_path),
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert refused.returncode == 2, refused
    assert refused.stderr.startswith(f"facilitator: Cannot serve on 127.0.0.1 port {port}: ")
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr


def test_it_listens_on_this_computer_unless_told() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.present) == ("127.0.0.1", 8000, None)
    assert build_parser().parse_args(["serve", "--present"]).present == ""  # follow
    assert build_parser().parse_args(["serve", "--present", "harbour/2"]).present == "harbour/2"
    assert all(is_loopback(host) for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert not any(is_loopback(host) for host in ("0.0.0.0", "192.168.1.20", "example.org"))
    assert "no password" in warning("0.0.0.0", 8000, None)
    assert public_url("0.0.0.0", 8000) != "http://0.0.0.0:8000"  # a browser cannot go there
    assert public_url("::1", 8000) == "http://[::1]:8000"


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: apt-get install chromium)")
def test_a_browser_gets_the_app_and_drives_it(served, db_path, tmp_path) -> None:
    server = served()

    async def drive() -> None:
        async with Browser(free_port()) as browser:
            await browser.open(server.url + "/")
            assert await browser.seen("Programmes"), browser.received[-500:]
            assert await browser.evaluate(
                "(() => { const keys = document.querySelector('textarea'); keys.focus();"
                " return document.activeElement === keys; })()"
            )
            await browser.type("n")
            assert await browser.seen("New programme")
            # Enter on the name moves on to the PCN field. Keys typed before the app has
            # moved there still reach the name, so Enter is pressed until it creates: an
            # early one only submits the name again.
            await browser.type("Browser partnership\r")
            for _ in range(30):
                await browser.type("\r")
                if await browser.seen("created", timeout=2):
                    return
            await browser.screenshot(tmp_path / "browser.png")  # for whoever looks into it
            raise AssertionError(f"no programme created; the screen: {tmp_path / 'browser.png'}")

    asyncio.run(drive())
    store = Store.open(db_path)
    try:
        assert [p.name for p in list_programmes(store)] == ["Browser partnership"]
    finally:
        store.close()


def test_a_session_to_present_that_is_not_there_is_one_line(db_path, capsys) -> None:
    from facilitator.cli import main

    Store.open(db_path).close()
    assert main(["--db", str(db_path), "serve", "--present", "nowhere/9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("facilitator: ") and err.count("\n") == 1, err
