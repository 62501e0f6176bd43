"""The quorum as the facilitator meets it: set on the members screen, shown once attendance is
taken, and asked about when a session finishes with nobody marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.screens.attendance import AttendanceScreen
from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.finish import FinishScreen
from facilitator.screens.home import HomeScreen
from facilitator.screens.members import MembersScreen
from facilitator.screens.quorum import QuorumScreen
from facilitator.screens.session import SessionScreen
from sessions.domain.quorum import Quorum
from sessions.services import people, planning
from sessions.services.programmes import create_programme
from sessions.services.quorum import get_quorum, set_quorum
from sessions.store import Store
from sessions.vocabulary import QuorumOf
from tests.pilot import static_text, type_text


@pytest.fixture
def programme_id(db_path: Path, small_agenda) -> int:
    """A programme of three members with a session to resume."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    for name in ("Dr Asha Patel", "Sam Okoro", "Zoë Hughes"):
        people.add_member(store, programme.id, name)
    planning.start_session(store, programme.id, small_agenda)
    store.close()
    return programme.id


def confirm_text(screen: ConfirmScreen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query("Label, Static"))


async def test_the_quorum_is_set_on_the_members_screen(
    programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")
        await pilot.pause()
        members = app.screen
        assert isinstance(members, MembersScreen)
        assert "u quorum" in static_text(members, "#members-hint")

        await pilot.press("u")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuorumScreen)
        await type_text(pilot, "three")
        await pilot.press("enter")
        await pilot.pause()
        # Refused on its own line; what was typed stays to be mended.
        assert app.screen is dialog
        assert "Could not read the quorum" in static_text(dialog, "#error")
        assert dialog.query_one("#quorum", Input).value == "three"
        assert get_quorum(app.store, programme_id) is None

        dialog.query_one("#quorum", Input).value = "2 organisations"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is members
        assert get_quorum(app.store, programme_id) == Quorum(2, QuorumOf.ORGANISATIONS)
        assert "quorum 2 member organisations" in static_text(members, "#members-hint")

        # Opened again, it shows the quorum as set; Esc changes nothing.
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one("#quorum", Input).value == "2 organisations"
        await pilot.press("escape")
        await pilot.pause()
        assert get_quorum(app.store, programme_id) == Quorum(2, QuorumOf.ORGANISATIONS)


async def test_the_session_shows_whether_it_is_quorate_once_attendance_is_taken(
    programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    set_quorum(app.store, programme_id, "2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "quorate" not in screen.sub_title  # nobody marked yet

        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "The quorum is 2 members: mark who is here." in static_text(app.screen, "#quorum")
        await pilot.press("p")
        await pilot.pause()
        assert "Not quorate · 1 member was present" in static_text(app.screen, "#quorum")
        await pilot.press("p")
        await pilot.pause()
        assert "Quorate · 2 members were present" in static_text(app.screen, "#quorum")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.sub_title.endswith("quorate · 2 members were present · quorum 2")


async def test_finishing_with_no_attendance_taken_asks_once(
    programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    set_quorum(app.store, programme_id, "2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        session = app.screen
        await pilot.press("ctrl+f")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "No attendance was taken" in confirm_text(question)
        assert "cannot say whether the meeting was quorate" in confirm_text(question)
        await pilot.press("n")  # back, to take it
        await pilot.pause()
        assert app.screen is session

        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("p", "escape")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "No attendance was taken" not in confirm_text(app.screen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        written = Path(app.screen.written["md"]).read_text(encoding="utf-8")
        assert "The meeting was not quorate: 1 member was present" in written


async def test_the_members_screen_says_when_no_quorum_is_set(
    programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    set_quorum(app.store, programme_id, "3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        field = app.screen.query_one("#quorum", Input)
        assert field.value == "3 members"
        field.value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert get_quorum(app.store, programme_id) is None
        assert "quorum" not in static_text(app.screen, "#members-hint").split("·")[1]
