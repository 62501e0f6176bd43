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
