"""The register kept from the members screen, and offered when a member declares in a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, RadioButton, Select

from facilitator.screens.attendance import AttendanceScreen
from facilitator.screens.declaration import DeclarationScreen
from facilitator.screens.interests import InterestsScreen
from facilitator.screens.members import MembersScreen
from sessions.services import interests, people, planning
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import option_texts, static_text, type_text


@pytest.fixture
def member_id(db_path: Path, small_agenda) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    patel = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    planning.start_session(store, programme.id, small_agenda)
    store.close()
    return patel.id


async def test_an_interest_goes_on_the_register_and_is_offered_in_the_session(
    member_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        await pilot.press("i")
        await pilot.pause()
        register = app.screen
        assert isinstance(register, InterestsScreen)
        assert option_texts(register.query_one("#register", OptionList)) == [
            "Nothing on the register yet."
        ]
        await type_text(pilot, "Partner in the hub bid")
        await pilot.press("enter")
        await pilot.pause()
        # No kind chosen: refused, and what was typed is kept.
        assert "Choose the kind" in static_text(register, "#error")
        assert register.query_one("#what", Input).value == "Partner in the hub bid"
        register.query_one("#kind", Select).value = "financial"
        register.query_one("#since", Input).focus()
        await type_text(pilot, "1/4/2026")
        await pilot.press("enter")
        await pilot.pause()
        [line] = option_texts(register.query_one("#register", OptionList))
        assert line == "Partner in the hub bid · financial · since 1 Apr 2026"
        assert register.query_one("#what", Input).value == ""
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeclarationScreen)
        standing = form.query_one("#standing", OptionList)
        assert standing.display and standing.has_focus
        assert option_texts(standing) == ["Partner in the hub bid · financial · since 1 Apr 2026"]
        form.query_one("#left-room", RadioButton).value = True
        standing.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        [declared] = people.list_declarations(app.store, app.screen.session_id)
        assert (declared.interest, declared.kind, declared.handling) == (
            "Partner in the hub bid",
            "financial",
            "left-room",
        )


async def test_a_member_with_nothing_on_the_register_types_a_new_interest(
    member_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeclarationScreen)
        assert not form.query_one("#standing", OptionList).display
        assert form.query_one("#interest", Input).has_focus
        form.query_one("#kind", Select).value = "indirect"
        form.query_one("#interest", Input).focus()
        await type_text(pilot, "Spouse works for the bidder")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        [registered] = interests.interests(app.store, member_id)
        assert (registered.description, registered.kind) == (
            "Spouse works for the bidder",
            "indirect",
        )
