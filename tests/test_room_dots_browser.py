"""Dots from a phone in a real browser: headless Chromium gives a member's dots with the
page's own form, changes them, and the checklist's results show them; the page passes axe."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sessions.services import participants, people
from sessions.services.programmes import create_programme
from tests.browser import CHROMIUM
from tests.room_web import Rooms
from tests.test_accessible_html import FLAGS
from tests.test_room_dots import OPTIONS, session_on_checklist, votes
from tests.test_room_web_browser import axe_violations

pytestmark = pytest.mark.sqlite_only  # about the browser; the database is tested elsewhere


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    if CHROMIUM is None:
        pytest.skip("needs Chromium (Debian: apt-get install chromium)")
    async_api = pytest.importorskip("playwright.async_api")
    async with async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=list(FLAGS))
        yield browser
        await browser.close()


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


async def test_a_member_gives_and_changes_their_dots_in_a_real_browser(
    store, backend, browser, rooms
) -> None:
    programme = create_programme(store, "Harbour programme")
    sid, _ = session_on_checklist(store, programme)
    people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).shown_code
    server = await rooms.serve(sid)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    problems: list[str] = []
    try:
        page = await context.new_page()
        page.on("console", lambda message: problems.append(message.text))
        await page.goto(str(server.make_url("/")))
        await page.get_by_label("The join code on the facilitator's screen").fill(code)
        await page.get_by_role("button", name="Next").click()
        await page.get_by_label("Ann Ode").check()
        await page.get_by_role("button", name="Join").click()
        await page.wait_for_url("**/item")
        first, _, last = (page.get_by_role("group", name=option) for option in OPTIONS)
        await first.get_by_label("2").check()
        await last.get_by_label("1").check()
        await page.get_by_role("button", name="Save my dots").click()
        await page.wait_for_url("**/item?done=dots")
        assert await page.get_by_text("Your dots are in.").is_visible()
        assert await first.get_by_label("2").is_checked()
        assert await page.get_by_text("Dots left: 0 of 3").is_visible()
        assert votes(store, sid) == [2, 0, 1]
        await first.get_by_label("1").check()
        await page.get_by_role("button", name="Save my dots").click()
        await page.wait_for_url("**/item?done=dots")
        assert await page.get_by_text("Dots left: 1 of 3").is_visible()
        assert problems == []
    finally:
        await context.close()
    assert votes(store, sid) == [1, 0, 1]
    # axe is a script the page's policy rightly refuses; this context lets it in to look.
    context = await browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    try:
        page = await context.new_page()
        await page.goto(str(server.make_url("/")))
        await page.get_by_label("The join code on the facilitator's screen").fill(code)
        await page.get_by_role("button", name="Next").click()
        await page.get_by_label("Join anonymously").check()
        await page.get_by_role("button", name="Join").click()
        await page.wait_for_url("**/item")
        assert await axe_violations(page) == []
    finally:
        await context.close()
