"""The facilitator stays in charge: the door and F9 say who has answered, and the room
sees the running results only once F12 reveals them, on the projector and the mirror."""

from __future__ import annotations

import pytest
from textual.widgets import Markdown

from facilitator.room.place import Place
from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.room_phones import RoomPhonesScreen
from facilitator.widgets import room_door
from facilitator.widgets.room_view import RoomView
from sessions.vocabulary import ItemKind
from tests.pilot import bundled_session_at, settled, static_text
from tests.room_command import RoomAt
from tests.room_web import Phone
from tests.test_app_room import opened, rated

WAITING = "Answered so far: 1 of 1 phone."


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


@pytest.fixture
async def phone():
    made: list[Phone] = []

    def sent_to(address: str) -> Phone:
        made.append(Phone(RoomAt(address)))
        return made[-1]

    yield sent_to
    for each in made:
        await each.close()


def prompt_of(screen) -> str:
    return screen.query_one("#p-prompt", Markdown).source


async def test_the_door_and_f9_say_who_has_answered_never_what(
    db_path, clock, make_facilitator_app, phone
) -> None:
    bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await rated(phone(hosted.address), hosted.shown_code)
        await screen.door.recount()  # as it does every COUNT_SECONDS
        await pilot.pause()
        assert static_text(screen, "#room-door").endswith(" · 1 answered · 1 phone")
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoomPhonesScreen)
        assert str(dialog.phone_list.get_option_at_index(0).prompt).endswith(" · answered")
        # A second phone joins: the list follows the door's next count, with no poll of its own.
        response, _ = await phone(hosted.address).join(hosted.shown_code)
        assert response.status == 200
        await screen.door.recount()
        assert await settled(pilot, lambda: dialog.phone_list.option_count == 2)
        row = str(dialog.phone_list.get_option_at_index(1).prompt)
        assert row.startswith("Anonymous · joined ") and row.endswith(" · not yet")
        counted = static_text(dialog, "#room-phones-count")
        assert counted == "2 phones in the room · 1 answered"


async def test_the_room_sees_the_results_only_once_revealed_and_the_mirror_too(
    db_path, clock, make_facilitator_app, make_facilitator_mirror, phone
) -> None:
    bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await rated(phone(hosted.address), hosted.shown_code)
        await pilot.press("f5")
        assert await settled(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        projector = app.screen
        assert WAITING in prompt_of(projector) and "**4" not in prompt_of(projector)
        mirror = make_facilitator_mirror(now=clock)
        async with mirror.run_test(size=(100, 30)) as seen:
            assert await settled(seen, lambda: WAITING in prompt_of(mirror.screen))
            assert "**4" not in prompt_of(mirror.screen)
            await pilot.press("f12")  # from the projector view, as from the session
            assert await settled(pilot, lambda: "**4" in prompt_of(projector))
            assert WAITING not in prompt_of(projector)
            assert await settled(seen, lambda: "**4" in prompt_of(mirror.screen), pauses=200)
            await pilot.press("f12")  # hidden again
            assert await settled(pilot, lambda: WAITING in prompt_of(projector))
            assert await settled(seen, lambda: WAITING in prompt_of(mirror.screen), pauses=200)


async def test_once_the_room_closes_it_sees_the_results_as_before(
    db_path, clock, make_facilitator_app, phone
) -> None:
    bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await rated(phone(hosted.address), hosted.shown_code)
        await pilot.press("f8")  # closing asks while a phone is in
        await pilot.press("y")
        assert await settled(pilot, lambda: screen.door.hosted is None)
        await pilot.press("f5")
        assert await settled(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        # No open room: the room sees the results as a meeting at the keyboard does.
        assert "**4" in prompt_of(app.screen) and WAITING not in prompt_of(app.screen)


async def test_a_commit_heard_as_the_app_closes_redraws_nothing(
    db_path, clock, make_facilitator_app
) -> None:
    """Another copy's last write can be heard while this app takes its screens down: the
    projector's view, its parts going, must not be read into and redrawn."""
    bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f5")
        assert await settled(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        view = app.screen.query_one(RoomView)
        await view.query_one("#p-clock").remove()  # taken down first, as the app closes
        app.exit()
        view.reload()  # as the door's recount does on the commit it heard
        assert not view.query("#p-clock")


async def test_a_count_heard_as_the_projector_opens_waits_for_its_view(
    db_path, clock, make_facilitator_app
) -> None:
    """A phone's answer counted just as F5 pushes the projector finds its view attached but
    not yet built: the view reads the session once its parts are there, not before."""
    _, session_id, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        early = RoomView(session_id)
        mounting = app.screen.mount(early)  # attached at once, built a few turns later
        early.reload()  # as the door's count does on the commit it heard
        await mounting
        assert early.is_mounted and early.query_one("#p-prompt", Markdown).source == ""
        early.reload()
        assert early.query_one("#p-prompt", Markdown).source  # once built, it reads
