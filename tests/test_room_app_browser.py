"""The room end to end: the real app opens it, a phone in a real browser joins by name and
answers with the page's own forms, and each answer shows on the facilitator's own screen:
a rating on the scorecard panel and the door, the phone in F9, a question in F11 and then
in the notes, a proposal's answer in its spread."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from facilitator.room.place import Place
from facilitator.screens.proposal import ProposalScreen
from facilitator.screens.room_phones import RoomPhonesScreen
from facilitator.screens.room_questions import RoomQuestionsScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets import room_door
from sessions.services import people
from sessions.vocabulary import ItemKind
from tests.browser import CHROMIUM
from tests.pilot import bundled_session_at, option_texts, settled, static_text, type_text
from tests.test_accessible_html import FLAGS
from tests.test_app_room import opened

pytestmark = pytest.mark.sqlite_only  # about the browser and the screen; not the database

QUESTION = "Who books the room for the next meeting?"
ROTA = "Adopt the shared weekend rota"


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    if CHROMIUM is None:
        pytest.skip("needs Chromium (Debian: apt-get install chromium)")
    async_api = pytest.importorskip("playwright.async_api")
    async with async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=list(FLAGS))
        yield browser
        await browser.close()


def ann(store, programme_id: int) -> None:
    people.add_member(store, programme_id, "Ann Ode")


async def test_what_a_phone_answers_shows_on_the_facilitators_screen(
    db_path, clock, make_facilitator_app, browser
) -> None:
    bundled_session_at(db_path, clock, ItemKind.SCORECARD, ann)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        context = await browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = await context.new_page()

            # The phone joins by name with the code on the facilitator's screen, and rates.
            await page.goto(hosted.address + "/")
            await page.get_by_label("The join code on the facilitator's screen").fill(
                hosted.shown_code
            )
            await page.get_by_role("button", name="Next").click()
            await page.get_by_label("Ann Ode").check()
            await page.get_by_role("button", name="Join").click()
            await page.wait_for_url("**/item")
            statement = page.get_by_role(
                "group", name="Purpose: We agree why our network exists and what it is for"
            )
            await statement.get_by_label("4").check()
            await page.get_by_role("button", name="Save").click()
            await page.wait_for_url("**/item?done=saved")

            await screen.door.recount()  # as it does every COUNT_SECONDS
            panel = screen.panels.panel
            assert panel is not None
            assert await settled(pilot, lambda: panel.results and panel.results[0].scores == (4,))
            assert static_text(screen, "#room-door").endswith(" · 1 answered · 1 phone")
            await pilot.press("f9")
            assert await settled(pilot, lambda: isinstance(app.screen, RoomPhonesScreen))
            [row] = option_texts(app.screen.phone_list)
            assert row.startswith("Ann Ode · joined ") and row.endswith(" · answered")
            await pilot.press("escape")
            assert await settled(pilot, lambda: app.screen is screen)

            # The phone asks a question; the facilitator makes it a note.
            await page.get_by_role("link", name="Ask the facilitator a question").click()
            await page.wait_for_url("**/ask")
            await page.get_by_label("Your question or comment").fill(QUESTION)
            await page.get_by_role("button", name="Send").click()
            await page.wait_for_url("**/ask?done=sent")
            await pilot.press("f11")
            assert await settled(pilot, lambda: isinstance(app.screen, RoomQuestionsScreen))
            [asked] = option_texts(app.screen.query_one("OptionList"))
            assert asked.startswith("Ann Ode · at ") and asked.endswith(f"\n{QUESTION}")
            await pilot.press("enter")
            assert await settled(
                pilot, lambda: not option_texts(app.screen.query_one("OptionList"))
            )
            await pilot.press("escape")
            assert await settled(pilot, lambda: app.screen is screen)
            assert [note.text for note in screen.notes.notes] == [QUESTION]

            # A proposal to the room: the phone answers 4, the spread counts it.
            await pilot.press("ctrl+e")
            assert await settled(pilot, lambda: isinstance(app.screen, ProposalScreen))
            await type_text(pilot, ROTA)
            await pilot.press("enter")
            assert await settled(pilot, lambda: isinstance(app.screen, SessionScreen))
            await page.goto(hosted.address + "/item")
            assert await page.get_by_text(ROTA).is_visible()
            fist = page.get_by_role("group", name="How far are you for it? Show 0 to 5 fingers.")
            await fist.get_by_label("4: I'm for it").check()
            await page.get_by_role("button", name="Send my answer").click()
            await page.wait_for_url("**/item?done=saved")
            await pilot.press("ctrl+e")
            assert await settled(pilot, lambda: isinstance(app.screen, ProposalScreen))
            spread = static_text(app.screen, "#proposal-spread")
            assert spread.endswith("1 answer · lowest 4")
            assert re.search(r"^4 .* 1$", spread, re.MULTILINE)
            await pilot.press("escape")
            assert await settled(pilot, lambda: app.screen is screen)
        finally:
            await context.close()
