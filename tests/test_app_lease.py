"""Two copies of the app on one database: one drives, the other watches or takes over."""

from __future__ import annotations

from facilitator.screens.home import HomeScreen
from facilitator.screens.lease import LeaseScreen
from facilitator.screens.mirror import MirrorScreen
from facilitator.screens.session import SessionScreen
from sessions.services import running
from sessions.services.leases import LEASE_STALE_SECONDS
from tests.pilot import add_note, create_and_start, settled, static_text


async def resume_in(pilot) -> object:
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


async def test_a_second_copy_watches_and_later_takes_over(
    clock, make_facilitator_app, monkeypatch
) -> None:
    driver = make_facilitator_app(now=clock)
    async with driver.run_test() as pilot:
        session = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        clock.advance(60)
        session.beat()  # the driver's heartbeat keeps its hold on the session
        second = make_facilitator_app(now=clock)
        async with second.run_test() as other:
            dialog = await resume_in(other)
            assert isinstance(dialog, LeaseScreen)
            assert "has been running this session since" in static_text(dialog, "#lease-message")
            assert not dialog.lease.stale
            await other.press("t")  # refused: the driver is alive
            await other.pause()
            assert other.app.screen is dialog
            assert running.clock_state(driver.store, session.session_id).running

            await other.press("w")
            await other.pause()
            watching = other.app.screen
            assert isinstance(watching, MirrorScreen)
            await add_note(pilot, "Seen by the second copy")
            watching.poll()
            assert "Seen by the second copy" in [
                n.text for n in watching.query_one("#p-notes").notes
            ]
            await other.press("escape")
            await other.pause()
            assert isinstance(other.app.screen, HomeScreen)

            # The driver's laptop goes quiet: no heartbeat for longer than the lease lasts.
            # Its heartbeat timer runs on real time, and would otherwise, on a slow run,
            # renew the lease at the advanced clock before the second copy looks.
            with monkeypatch.context() as quiet:
                quiet.setattr(session.driver, "beat", lambda: None)
                clock.advance(LEASE_STALE_SECONDS + 5)
                dialog = await resume_in(other)
                assert isinstance(dialog, LeaseScreen) and dialog.lease.stale
                await other.press("t")
                await settled(other, lambda: isinstance(other.app.screen, SessionScreen))
                taken = other.app.screen
                assert isinstance(taken, SessionScreen) and taken.view is not None
                assert not taken.state.running  # paused where the quiet copy last wrote

            # The first copy wakes up and learns it only watches now.
            # Run in the driver's own loop, where `self.app` is the driver, not this copy.
            session.call_later(session.beat)
            await settled(pilot, lambda: isinstance(driver.screen, MirrorScreen))
            assert isinstance(driver.screen, MirrorScreen)
            await other.press("ctrl+t")
            assert running.clock_state(second.store, session.session_id).running


async def test_quitting_lets_the_next_copy_in_at_once(clock, make_facilitator_app) -> None:
    first = make_facilitator_app(now=clock)
    async with first.run_test() as pilot:
        await create_and_start(pilot)
    first.store.close()
    again = make_facilitator_app(now=clock)
    async with again.run_test() as pilot:
        assert isinstance(await resume_in(pilot), SessionScreen)


async def test_f10_leaves_the_session_paused_and_free_for_another_copy(
    clock, make_facilitator_app
) -> None:
    first = make_facilitator_app(now=clock)
    async with first.run_test() as pilot:
        session = await create_and_start(pilot)
        await pilot.press("ctrl+t")
        clock.advance(90)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(first.screen, HomeScreen)
        state = running.clock_state(first.store, session.session_id)
        assert not state.running and state.session_elapsed == 90
        assert "Sessions to start or resume" in [
            str(label.render()) for label in first.screen.query("Label")
        ]
        second = make_facilitator_app(now=clock)
        async with second.run_test() as other:
            assert isinstance(await resume_in(other), SessionScreen)


async def test_losing_the_session_closes_a_dialog_left_open_over_it(
    clock, make_facilitator_app
) -> None:
    from facilitator.screens.outline import OutlineScreen
    from sessions.services.leases import Holder

    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        session = await create_and_start(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
        clock.advance(LEASE_STALE_SECONDS + 1)
        running.open_session(
            app.store,
            session.session_id,
            Holder("rival", "ben", "other", 0),
            clock(),
            take_over=True,
        )
        session.beat()
        await pilot.pause()
        assert isinstance(app.screen, MirrorScreen)
        assert not any(isinstance(s, (OutlineScreen, SessionScreen)) for s in app.screen_stack)
