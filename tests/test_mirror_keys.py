"""The mirror drives nothing: its only keys are its own, and the session's keys do nothing there."""

from __future__ import annotations

from textual.binding import Binding

from facilitator.screens.mirror import MirrorScreen
from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.session_keys import SESSION_KEYS
from sessions.services import notes, running
from tests.pilot import add_note, create_and_start

SESSION_BINDINGS = [b for b in SESSION_KEYS if isinstance(b, Binding)]
# What the session and the projector view do, but for the mirror's own three.
DRIVING_ACTIONS = {b.action for b in SESSION_BINDINGS} | {
    b.action for b in ProjectorScreen.BINDINGS if isinstance(b, Binding)
}
MIRROR_KEYS = {"mirror.toggle_notes", "mirror.quit", "mirror.close"}


def test_the_mirror_is_no_driving_screen() -> None:
    assert not issubclass(MirrorScreen, ProjectorScreen)


async def test_no_session_key_is_active_on_the_mirror_and_none_changes_anything(
    clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    driver = make_facilitator_app(now=clock)
    async with driver.run_test(size=(80, 24)) as pilot:
        session = await create_and_start(pilot)
        await add_note(pilot, "Before the mirror")
        mirror_app = make_facilitator_mirror(now=clock)
        async with mirror_app.run_test(size=(80, 24)) as mirror_pilot:
            mirror = mirror_app.screen
            assert isinstance(mirror, MirrorScreen)
            # Walk every key the mirror answers to: its own, and the app's (quit, help).
            active = mirror.active_bindings
            for key, (node, binding, _enabled, _tooltip) in active.items():
                assert not (binding.id or "").startswith(("session.", "projector.")), key
                assert binding.action not in DRIVING_ACTIONS or node is mirror, key
                if node is not mirror_app:
                    assert node is mirror and binding.id in MIRROR_KEYS, key
            on_screen = {
                key
                for key, active_binding in active.items()
                if active_binding.node is not mirror_app
            }
            assert on_screen == {"n", "q"}  # as its own app, Escape has nowhere to go back to

            before = (
                running.clock_state(driver.store, session.session_id),
                notes.list_notes(driver.store, session.session_id),
            )
            for binding in SESSION_BINDINGS:
                if binding.key == "escape":
                    continue  # the mirror's own: it goes back only inside the main app
                for key in binding.key.split(","):
                    await mirror_pilot.press(key)
            await mirror_pilot.pause()
            assert mirror_app.screen is mirror and not mirror_app._exit
            after = (
                running.clock_state(driver.store, session.session_id),
                notes.list_notes(driver.store, session.session_id),
            )
            assert after == before
