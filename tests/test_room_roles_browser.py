"""Team roles and a private reflection from a real browser: headless Chromium ticks a
member's roles, then writes her reflection, with the page's own forms under its own
security policy, and both pages pass axe-core."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sessions.services import participants, people, reflection, roles, running
from sessions.services.programmes import create_programme
from tests.browser import CHROMIUM
from tests.room_web import Rooms
from tests.test_accessible_html import FLAGS
from tests.test_room_roles import session_on
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


async def test_a_member_marks_her_roles_and_writes_her_reflection_in_a_real_browser(
    store, backend, browser, rooms
) -> None:
    programme = create_programme(store, "Harbour programme")
    sid, _ = session_on(store, programme, "roles")
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).shown_code
    server = await rooms.serve(sid)
    # axe is a script the page's policy rightly refuses; it is let in only to look.
    looked = await browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    problems: list[str] = []
    found: dict[str, list[str]] = {}
    try:
        page = await context.new_page()
        page.on("console", lambda message: problems.append(message.text))
        await page.goto(str(server.make_url("/")))
        await page.get_by_label("The join code on the facilitator's screen").fill(code)
        await page.get_by_role("button", name="Next").click()
        await page.get_by_label("Ann Ode").check()
        await page.get_by_role("button", name="Join").click()
        await page.wait_for_url("**/item")
        action = page.get_by_role("group", name="Action roles")
        await action.get_by_label("Shaper").check()
        await page.get_by_role("group", name="Thinking roles").get_by_label("Plant").check()
        await page.get_by_role("button", name="Save").click()
        await page.wait_for_url("**/item?done=saved")
        assert await page.get_by_text("Saved.").is_visible()
        assert await action.get_by_label("Shaper").is_checked()
        assert not await action.get_by_label("Implementer").is_checked()
        axe = await looked.new_page()
        await axe.context.add_cookies(await context.cookies())
        await axe.goto(str(server.make_url("/item")))
        found["roles"] = await axe_violations(axe)
        # The facilitator moves on; the phone follows when refreshed.
        running.jump(store, sid, 2)
        await page.goto(str(server.make_url("/item")))
        assert await page.get_by_text("One thing you will change before we next meet?").is_visible()
        box = page.get_by_label("Your reflection")
        await box.fill("Listen first,\nthen speak")
        await page.get_by_role("button", name="Save").click()
        await page.wait_for_url("**/item?done=reflected")
        assert await page.get_by_text("Your reflection is private").is_visible()
        assert await box.input_value() == "Listen first,\nthen speak"
        await axe.goto(str(server.make_url("/item")))
        found["reflection"] = await axe_violations(axe)
        assert problems == []
    finally:
        await looked.close()
        await context.close()
    assert found == {"roles": [], "reflection": []}
    board = roles.roles_board(store, sid, 1)
    assert [(m.name, m.roles) for m in board.members] == [("Ann Ode", ("Shaper", "Plant"))]
    [answer] = reflection.reflections(store, sid, 2).answers
    assert (answer.member_id, answer.text) == (ann.id, "Listen first,\nthen speak")
