"""The room inside the app: F8 opens it on the session screen, the projector shows how to
join, phones answer while the keys keep working, and it closes with the session screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from facilitator.room.place import Place
from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.finish import FinishScreen
from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.room_phones import RoomPhonesScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets import room_door
from sessions.services import notes, participants
from sessions.vocabulary import ItemKind
from tests.pilot import bundled_session_at, settled, static_text, type_text
from tests.room_command import RoomAt
from tests.room_web import Phone, field


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


@pytest.fixture
async def phone():
    """Phones sent to a room's address, each closed as the test ends."""
    made: list[Phone] = []

    def sent_to(address: str) -> Phone:
        made.append(Phone(RoomAt(address)))
        return made[-1]

    yield sent_to
    for each in made:
        await each.close()


async def opened(pilot) -> SessionScreen:
    """`r` resumes the session at its scorecard, and F8 opens its room."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    await pilot.press("f8")
    assert await settled(pilot, lambda: screen.door.hosted is not None)
    return screen


async def rated(phone: Phone, code: str) -> str:
    """The phone joins anonymously with the code and rates the first statement 4."""
    response, page = await phone.join(code)
    assert response.status == 200 and "You joined as Anonymous." in page
    response, page = await phone.post(
        "/rate", {"csrf": field(page, "csrf"), "item": field(page, "item"), "s0": "4"}
    )
    assert response.status == 200 and "Saved." in page
    token = phone.cookie("room_device")
    assert token is not None
    return token


@pytest.mark.parametrize(("size", "with_qr"), [((80, 24), False), ((200, 55), True)])
async def test_f8_opens_the_room_and_the_projector_shows_how_to_join(
    db_path, clock, make_facilitator_app, size, with_qr
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None and hosted.address.startswith("http://127.0.0.1:")
        assert participants.room_for_session(app.store, sid) is not None
        door = static_text(screen, "#room-door")
        assert door == f"Room open · {hosted.address} · code {hosted.shown_code} · 0 phones"
        await pilot.press("f5")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        shown = static_text(projector, "#p-join")
        assert hosted.address in shown and hosted.shown_code in shown
        assert projector.query_one("#p-qr").display is with_qr
        assert projector.note_line.has_focus


async def test_a_phone_joins_with_the_code_shown_and_the_screen_counts_it(
    db_path, clock, make_facilitator_app, phone
) -> None:
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await rated(phone(hosted.address), hosted.shown_code)
        await screen.door.recount()  # as it does every COUNT_SECONDS
        await pilot.pause()
        assert static_text(screen, "#room-door").endswith(" · 1 phone")
        from sessions.services.scorecard import scorecard_results

        assert scorecard_results(app.store, sid, position)[0].scores == (4,)
        # The facilitator's own panel shows the phone's rating with no key pressed.
        panel = screen.panels.panel
        assert panel is not None
        assert await settled(pilot, lambda: panel.results and panel.results[0].scores == (4,))


async def test_closing_the_room_asks_while_phones_are_in_and_ends_their_access(
    db_path, clock, make_facilitator_app, phone
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        the_phone = phone(hosted.address)
        token = await rated(the_phone, hosted.shown_code)
        await pilot.press("f8")
        assert await settled(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        assert await settled(pilot, lambda: screen.door.hosted is None)
        assert not screen.door.display
        assert participants.room_for_session(app.store, sid) is None
        assert participants.device_for_token(app.store, token) is None
        with pytest.raises(OSError):  # nothing listens there any more
            await the_phone.get("/item")


async def test_an_empty_room_closes_at_once(db_path, clock, make_facilitator_app) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        await pilot.press("f8")
        assert await settled(pilot, lambda: screen.door.hosted is None)
        assert app.screen is screen
        assert participants.room_for_session(app.store, sid) is None


async def test_finishing_the_session_closes_the_room(
    db_path, clock, make_facilitator_app, phone
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        token = await rated(phone(hosted.address), hosted.shown_code)
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        assert await settled(pilot, lambda: isinstance(app.screen, FinishScreen))
        assert await settled(pilot, lambda: participants.room_for_session(app.store, sid) is None)
        assert participants.device_for_token(app.store, token) is None


async def test_quitting_closes_the_room(db_path, clock, make_facilitator_app) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert participants.room_for_session(app.store, sid) is None


async def test_quitting_with_phones_in_asks_first(
    db_path, clock, make_facilitator_app, phone
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        await rated(phone(hosted.address), hosted.shown_code)
        await pilot.press("ctrl+q")
        assert await settled(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        said = [str(text.render()) for text in app.screen.query("Static")]
        assert "1 phone in the room: quit?" in said
        assert "The room closes: every phone stops answering." in said
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not app._exit
        assert participants.room_for_session(app.store, sid) is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert participants.room_for_session(app.store, sid) is None


async def test_typing_still_reaches_the_note_line_while_the_room_is_open(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        assert screen.query_one("#note", Input).has_focus
        await type_text(pilot, "Ann said 1 2 3 4 5 d x we agree")
        await pilot.press("enter")
        await pilot.pause()
        saved = [note.text for note in notes.list_notes(app.store, sid, position)]
        assert saved == ["Ann said 1 2 3 4 5 d x we agree"]


async def test_f9_lists_who_joined_and_turns_a_phone_out(
    db_path, clock, make_facilitator_app, phone
) -> None:
    bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        hosted = screen.door.hosted
        assert hosted is not None
        token = await rated(phone(hosted.address), hosted.shown_code)
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoomPhonesScreen)
        assert dialog.phone_list.option_count == 1
        row = str(dialog.phone_list.get_option_at_index(0).prompt)
        assert row.startswith("Anonymous · joined ")
        await pilot.press("delete")
        await pilot.pause()
        assert participants.device_for_token(app.store, token) is None
        assert static_text(dialog, "#room-phones-count") == "0 phones in the room · 1 turned out"
        assert "· turned out " in str(dialog.phone_list.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await screen.door.recount()
        await pilot.pause()
        assert static_text(screen, "#room-door").endswith(" · 0 phones")


async def test_leaving_the_session_closes_the_room(db_path, clock, make_facilitator_app) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        await pilot.press("f10")
        assert await settled(pilot, lambda: app.screen is not screen)
        assert await settled(pilot, lambda: participants.room_for_session(app.store, sid) is None)


async def test_a_room_closed_elsewhere_is_no_longer_served_here(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        participants.close_room(app.store, sid)  # by `facilitator room` on another computer
        await screen.door.recount()
        await pilot.pause()
        assert screen.door.hosted is None and not screen.door.display


async def test_a_finished_session_opens_no_room(db_path, clock, make_facilitator_app) -> None:
    from sessions.services import running

    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        running.finish_session(app.store, sid)  # by another copy, a moment ago
        await pilot.press("f8")
        await pilot.pause()
        assert screen.door.hosted is None
        assert participants.room_for_session(app.store, sid) is None
