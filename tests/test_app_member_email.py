"""`e` on the members screen gives the highlighted member an e-mail address for the
reminders of their actions: refused as typed when it is none, taken off when blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.screens.home import HomeScreen
from facilitator.screens.members import MemberEmailScreen, MembersScreen
from sessions.services import people
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text, type_text


@pytest.fixture
def programme_id(db_path: Path) -> int:
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    finally:
        store.close()
    return programme.id


@pytest.mark.sqlite_only  # about the screen, the same whatever the database
async def test_an_address_is_given_refused_as_typed_and_taken_off(
    db_path: Path, clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MembersScreen)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MemberEmailScreen)
        await type_text(pilot, "asha.patel")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused: what was typed stays, with why
        assert dialog.query_one("#email", Input).value == "asha.patel"
        assert "is not an e-mail address" in static_text(dialog, "#error")
        await type_text(pilot, "@nhs.net")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "asha.patel@nhs.net" in static_text(screen, "#member-detail")

        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#email", Input).value == "asha.patel@nhs.net"
        app.screen.query_one("#email", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen

    store = Store.open(db_path)
    try:
        assert [m.email for m in people.list_members(store, programme_id)] == [""]
    finally:
        store.close()
