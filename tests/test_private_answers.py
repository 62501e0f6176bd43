"""Private answers stay off every screen the room may see: the projector view, and any
screen while a mirror follows the session."""

from __future__ import annotations

from sessions.domain.watching import WATCH_STALE_SECONDS
from sessions.services.leases import Holder
from sessions.services.watching import RoomWatcher, room_is_watching
from sessions.store import Store
from tests.row_counts import row_counts


def mirror_holder(name: str) -> Holder:
    return Holder(token=f"mirror-{name}", user=name, host="projector-pc", pid=0)


def test_a_mirror_is_known_while_it_beats_and_forgotten_when_it_stops(
    store, db_path, small_agenda, clock
) -> None:
    from sessions.services import planning
    from sessions.services.programmes import create_programme

    programme = create_programme(store, "Harbour")
    shown = planning.start_session(store, programme.id, small_agenda)
    other = planning.start_session(store, programme.id, small_agenda)
    assert not room_is_watching(store, shown, clock())

    mirror = Store.open(db_path, read_only=True)
    watcher = RoomWatcher(mirror, mirror_holder("named"))
    try:
        watcher.beat(shown, clock())
        assert room_is_watching(store, shown, clock())
        assert not room_is_watching(store, other, clock())  # it names another session
        watcher.stop()
        assert not room_is_watching(store, shown, clock())
        assert row_counts(db_path, ["room_watch"]) == {"room_watch": 0}
    finally:
        watcher.stop()
        mirror.close()


def test_a_following_mirror_watches_every_session_and_a_silent_one_expires(
    store, small_agenda, clock
) -> None:
    from sessions.services import planning
    from sessions.services.programmes import create_programme

    programme = create_programme(store, "Harbour")
    session_id = planning.start_session(store, programme.id, small_agenda)
    crashed = RoomWatcher(store, mirror_holder("crashed"))
    following = RoomWatcher(store, mirror_holder("next"))
    try:
        crashed.beat(None, clock())  # follows whichever session runs
        assert room_is_watching(store, session_id, clock())
        clock.advance(WATCH_STALE_SECONDS - 1)
        assert room_is_watching(store, session_id, clock())
        clock.advance(2)  # nothing heard for longer than a missed heartbeat or three
        assert not room_is_watching(store, session_id, clock())
        # The next mirror to beat clears the silent one away.
        following.beat(session_id, clock())
        assert row_counts(store.url, ["room_watch"]) == {"room_watch": 1}
    finally:
        following.stop()
        crashed.stop()


# On the session screen: `v` and the room.

SECRET = "Stop sending replies at midnight"


def at_an_answered_reflection(db_path, clock) -> tuple[int, int]:
    from sessions.services import reflection
    from sessions.services.people import add_member
    from tests.pilot import bundled_session_at

    def add_people(store, programme_id: int) -> None:
        add_member(store, programme_id, "Ann Ode")

    _, sid, item = bundled_session_at(db_path, clock, "reflection", add_people)
    store = Store.open(db_path)
    try:
        ann = reflection.reflections(store, sid, item).answers[0].member_id
        reflection.answer(store, sid, item, ann, SECRET)
    finally:
        store.close()
    return sid, item


def drawn(panel) -> str:
    from tests.pilot import option_texts

    return "\n".join(option_texts(panel))


async def hidden_soon(pilot, panel) -> bool:
    """The guard looks twice a second; a few of its looks are plenty."""
    for _ in range(40):
        if not panel.shown and SECRET not in drawn(panel):
            return True
        await pilot.pause(0.05)
    return False


async def test_v_refuses_while_a_mirror_follows_the_session(
    db_path, clock, make_facilitator_app
) -> None:
    from facilitator.widgets.reflection_panel import ReflectionPanel
    from tests.pilot import activity_key, resume_at_panel

    at_an_answered_reflection(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, panel = await resume_at_panel(pilot, ReflectionPanel)
        watcher = RoomWatcher(app.store, mirror_holder("wall"))
        try:
            watcher.beat(None, clock())  # a mirror following whichever session runs
            await activity_key(pilot, "v")
            await pilot.pause()
            assert not panel.shown and SECRET not in drawn(panel)
            told = [n.message for n in app._notifications]
            assert any("private answers stay hidden" in message for message in told)
            watcher.stop()  # the mirror has gone: the facilitator may look again
            await activity_key(pilot, "v")
            await pilot.pause()
            assert panel.shown and SECRET in drawn(panel)
        finally:
            watcher.stop()


async def test_shown_answers_hide_once_a_mirror_starts(
    db_path, clock, make_facilitator_app, make_facilitator_mirror
) -> None:
    from facilitator.widgets.reflection_panel import ReflectionPanel
    from tests.pilot import activity_key, resume_at_panel

    at_an_answered_reflection(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, panel = await resume_at_panel(pilot, ReflectionPanel)
        await activity_key(pilot, "v")
        await pilot.pause()
        assert SECRET in drawn(panel)
        mirror_app = make_facilitator_mirror(now=clock)
        async with mirror_app.run_test(size=(80, 24)):
            assert await hidden_soon(pilot, panel)
            # The room's view of the reflection on the mirror: a count, never the words.
            mirror_text = "\n".join(
                str(widget.render()) for widget in mirror_app.screen.query("Static")
            )
            assert SECRET not in mirror_text
            assert SECRET not in mirror_app.screen.query_one("#p-prompt").source


async def test_shown_answers_hide_once_the_projector_view_is_up(
    db_path, clock, make_facilitator_app
) -> None:
    from facilitator.screens.projector import ProjectorScreen
    from facilitator.widgets.reflection_panel import ReflectionPanel
    from tests.pilot import activity_key, resume_at_panel

    at_an_answered_reflection(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await resume_at_panel(pilot, ReflectionPanel)
        await activity_key(pilot, "v")
        await pilot.pause()
        assert SECRET in drawn(panel)
        await pilot.press("f5")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert SECRET not in projector.query_one("#p-prompt").source
        assert await hidden_soon(pilot, panel)
        await pilot.press("v")  # typed into the projector's note line, not a key to show
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is screen
        assert not panel.shown and SECRET not in drawn(panel)


async def test_the_minutes_preview_hides_shared_answers_while_a_mirror_shows_the_session(
    db_path, clock, make_facilitator_app
) -> None:
    from textual.widgets import Markdown

    from facilitator.screens.finish import FinishScreen
    from sessions.services import reflection, running

    sid, item = at_an_answered_reflection(db_path, clock)
    store = Store.open(db_path)
    try:
        reflection.set_in_minutes(store, sid, item, True)
        running.finish_session(store, sid, clock.advance(60))
    finally:
        store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        watcher = RoomWatcher(app.store, mirror_holder("wall"))
        try:
            watcher.beat(sid, clock())
            finish = FinishScreen(sid, None)
            await app.push_screen(finish)
            await pilot.pause()
            preview = finish.query_one("#preview", Markdown)
            assert SECRET not in preview.source
            assert "preview is hidden until the mirror closes" in preview.source
            watcher.stop()  # the mirror has gone: the minutes may be read on screen again
            for _ in range(60):
                if SECRET in preview.source:
                    break
                await pilot.pause(0.1)
            assert SECRET in preview.source
        finally:
            watcher.stop()
