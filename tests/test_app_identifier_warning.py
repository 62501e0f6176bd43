"""While a note is typed: a quiet warning when it looks like it holds patient details, which
never stops the note being saved as typed, and which the room never sees."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets.capture_bar import CHECK_AFTER
from facilitator.widgets.identifier_warning import IdentifierWarning, warning_text
from sessions.services import notes
from sessions.services.identifiers import identifier_kinds
from tests.pilot import create_and_start, type_text

NHS_NOTE = "NHS 943 476 5919"
ORDINARY = "Meeting 13:00-16:00, £1,200"


def warning(screen) -> IdentifierWarning:
    return screen.query_one(IdentifierWarning)


async def checked(pilot, screen: SessionScreen) -> None:
    """Wait, a short pause at a time, until the note line has been read as typing paused."""
    for _ in range(100):
        if screen.capture._check is None:
            break
        await pilot.pause(CHECK_AFTER / 3)
    await pilot.pause()
    assert screen.capture._check is None


def test_the_kinds_are_named_once_each_in_order_with_their_articles() -> None:
    assert identifier_kinds(NHS_NOTE) == ["NHS number"]
    assert identifier_kinds(ORDINARY) == []
    assert identifier_kinds("DOB 12/03/1954, NHS 9434765919, again 943 476 5919") == [
        "date of birth",
        "NHS number",
    ]
    assert warning_text(("NHS number", "date of birth")) == (
        "Looks like an NHS number and a date of birth: keep patient details out of notes."
    )
    assert warning_text(("e-mail address", "postcode")).startswith(
        "Looks like an e-mail address and a postcode:"
    )
    assert warning_text(("NHS number", "postcode", "telephone number")).startswith(
        "Looks like an NHS number, a postcode and a telephone number:"
    )
    assert warning_text(()) == ""


@pytest.mark.parametrize("size", [(80, 24), (200, 55)])
async def test_an_nhs_number_is_warned_of_and_saved_as_typed(
    size, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=size) as pilot:
        screen = await create_and_start(pilot)
        line = screen.query_one("#note", Input)
        await type_text(pilot, NHS_NOTE)
        await checked(pilot, screen)
        shown = warning(screen)
        assert shown.display and shown.kinds == ("NHS number",)
        assert "an NHS number: keep patient details out of notes" in str(shown.render())
        # Under the note line, whole, with the note line and the status still on screen.
        assert shown.region.y > line.region.y and shown.region.bottom <= size[1]
        assert shown.region.height == 1 and line.region.height == 3
        assert screen.query_one("#capture-status").region.bottom <= size[1]
        assert line.has_focus and line.value == NHS_NOTE

        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in notes.list_notes(app.store, screen.session_id)] == [NHS_NOTE]
        assert line.value == "" and line.has_focus
        assert not shown.display and shown.kinds == ()


async def test_ordinary_meeting_numbers_are_not_warned_of(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await type_text(pilot, ORDINARY)
        await checked(pilot, screen)
        assert not warning(screen).display and warning(screen).kinds == ()


async def test_the_warning_goes_when_the_text_no_longer_looks_so(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await type_text(pilot, f"Call back {NHS_NOTE}")
        await checked(pilot, screen)
        assert warning(screen).display
        await pilot.press("backspace")  # nine digits: no longer an NHS number
        await checked(pilot, screen)
        assert not warning(screen).display
        assert screen.query_one("#note", Input).value == "Call back NHS 943 476 591"


async def test_the_projector_view_never_shows_the_warning(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("f5")
        await pilot.pause()
        projector = pilot.app.screen
        assert isinstance(projector, ProjectorScreen)
        await type_text(pilot, NHS_NOTE)
        await pilot.pause(CHECK_AFTER * 2)
        assert not projector.query(IdentifierWarning)
        assert not warning(screen).display  # nor the session's line, under the room's view
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in notes.list_notes(app.store, screen.session_id)] == [NHS_NOTE]
