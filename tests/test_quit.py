"""No accidental exits: ctrl+q asks once while a session's clock runs, and only then."""

from __future__ import annotations

from textual.widgets import Label

from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.session import SessionScreen
from sessions.services import running
from tests.pilot import create_and_start


def asked(app) -> str:
    screen = app.screen
    assert isinstance(screen, ConfirmScreen)
    return str(screen.query_one(Label).render())


async def test_ctrl_q_with_the_clock_running_asks_and_no_keeps_the_session(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert asked(app) == f"The clock is running on {screen.item.title}: quit?"
        said = [str(text.render()) for text in app.screen.query("Static")]
        assert "The clock pauses and the session waits to be resumed." in said
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not app._exit
        assert screen.state.running


async def test_yes_quits_and_the_clock_pauses(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app._exit
    assert not running.clock_state(app.store, screen.session_id).running


async def test_ctrl_q_twice_is_a_yes(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await pilot.press("ctrl+t", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_the_projector_view_over_a_running_clock_asks_too(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t", "f5")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not app._exit and screen.state.running


async def test_paused_it_quits_at_once(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await pilot.press("ctrl+t", "ctrl+t")  # started, then paused
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_on_the_home_screen_it_quits_at_once(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_leaving_quietly_stays_one_key(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await create_and_start(pilot)
        await pilot.press("ctrl+t", "f10")
        await pilot.pause()
        assert not isinstance(app.screen, (SessionScreen, ConfirmScreen))
        assert not running.clock_state(app.store, screen.session_id).running


async def test_the_mirror_quits_on_q_without_asking(
    clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    driver = make_facilitator_app(now=clock)
    async with driver.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await pilot.press("ctrl+t")
        mirror_app = make_facilitator_mirror(now=clock)
        async with mirror_app.run_test(size=(80, 24)) as mirror_pilot:
            await mirror_pilot.press("q")
            await mirror_pilot.pause()
            assert mirror_app._exit
            assert not isinstance(mirror_app.screen, ConfirmScreen)
