"""The room's page in a real browser: headless Chromium joins, rates and saves with the
page's own forms under its own security policy, and every page passes axe-core."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sessions.services import participants, people
from sessions.services.programmes import create_programme
from tests.browser import CHROMIUM
from tests.room_web import Rooms, ratings_of
from tests.test_accessible_html import FLAGS, RULES
from tests.test_room import session_on_card

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


async def axe_violations(page) -> list[str]:
    from axe_playwright_python.async_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(RULES)}, "resultTypes": ["violations"]}
    found = (await Axe().run(page, options=options)).response["violations"]
    return [f"{v['id']}: {', '.join(t for n in v['nodes'] for t in n['target'])}" for v in found]


async def test_a_phone_joins_by_name_and_rates_in_a_real_browser(
    store, backend, browser, rooms
) -> None:
    programme = create_programme(store, "Harbour programme")
    sid, _ = session_on_card(store, programme)
    people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).shown_code
    server = await rooms.serve(sid)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    problems: list[str] = []
    try:
        page = await context.new_page()
        page.on("console", lambda message: problems.append(message.text))
        await page.goto(str(server.make_url("/")))
        await page.get_by_label("The join code on the facilitator's screen").fill(code.lower())
        await page.get_by_role("button", name="Next").click()
        await page.get_by_label("Ann Ode").check()
        await page.get_by_role("button", name="Join").click()
        await page.wait_for_url("**/item")
        assert await page.get_by_text("You joined as Ann Ode.").is_visible()
        statement = page.get_by_role("group", name="Purpose: We agree why we exist")
        await statement.get_by_label("4").check()
        await page.get_by_role("button", name="Save").click()
        await page.wait_for_url("**/item?done=saved")
        assert await page.get_by_text("Saved.").is_visible()
        assert await statement.get_by_label("4").is_checked()
        # The page's own stylesheet is let in by its policy; nothing else was asked for.
        colour = await page.get_by_role("button", name="Save").evaluate(
            "button => getComputedStyle(button).backgroundColor"
        )
        assert colour == "rgb(0, 94, 184)"
        assert problems == []
    finally:
        await context.close()
    assert ratings_of(store, sid) == [(4,), ()]


async def test_every_page_of_the_room_passes_axe(store, backend, browser, rooms) -> None:
    programme = create_programme(store, "Harbour programme")
    sid, _ = session_on_card(store, programme)
    people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    server = await rooms.serve(sid)
    # axe is a script the page's policy rightly refuses; this context lets it in to look.
    context = await browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    found: dict[str, list[str]] = {}
    try:
        page = await context.new_page()
        await page.goto(str(server.make_url("/")))
        found["join"] = await axe_violations(page)
        await page.get_by_label("The join code on the facilitator's screen").fill("WRONG")
        await page.get_by_role("button", name="Next").click()
        found["wrong code"] = await axe_violations(page)
        await page.get_by_label("The join code on the facilitator's screen").fill(code)
        await page.get_by_role("button", name="Next").click()
        found["names"] = await axe_violations(page)
        await page.get_by_label("Join anonymously").check()
        await page.get_by_role("button", name="Join").click()
        await page.wait_for_url("**/item")
        found["scorecard"] = await axe_violations(page)
    finally:
        await context.close()
    assert found == {name: [] for name in found}
