"""The facilitator's own screens are told of what phones answer through another copy (the
room served by `facilitator room`, another store on the same database), and fall back on
their timers where no notice can be had."""

from __future__ import annotations

import sys

import pytest
from textual.widgets import OptionList

from facilitator import commit_feed
from facilitator.room.place import Place
from facilitator.screens import proposal as proposal_screen
from facilitator.screens import room_questions
from facilitator.screens.proposal import ProposalScreen
from facilitator.screens.room_questions import RoomQuestionsScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets import room_door
from sessions.commit_notices import CommitNotices
from sessions.services import participants, phone_answers, proposals, running
from sessions.services import questions as queue
from sessions.services.watching import RoomWatcher
from sessions.store import Store
from sessions.vocabulary import ItemKind
from tests.pilot import add_note, bundled_session_at, option_texts, settled, static_text

NEVER = 3600.0
"""A timer an hour apart cannot be what brings the answer within the test."""
GUARD_PAUSES = 400
"""Not how fast: only long enough that an answer which was told would have been shown."""

needs_notices = pytest.mark.skipif(
    sys.platform != "linux", reason="a file database's notices come from inotify"
)


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


@pytest.fixture
def no_timers(monkeypatch) -> None:
    """Every timer that could read the answers again, an hour apart, told or not."""
    monkeypatch.setattr(commit_feed, "NET_SECONDS", NEVER)
    monkeypatch.setattr(room_door, "COUNT_SECONDS", NEVER)
    monkeypatch.setattr(proposal_screen, "REFRESH_SECONDS", NEVER)
    monkeypatch.setattr(room_questions, "REFRESH_SECONDS", NEVER)


@pytest.fixture
def phone_store(db_path):
    """The store of another copy serving the room, as `facilitator room` would."""
    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def app(clock, make_facilitator_app):
    return make_facilitator_app(now=clock)


@pytest.fixture
def scorecard(db_path, clock) -> tuple[int, int]:
    """A session waiting at a scorecard: its id, and the scorecard's position."""
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.SCORECARD)
    return sid, position


@pytest.fixture
def phone(phone_store, scorecard) -> str:
    """A phone that has joined the scorecard's room: its token."""
    return joined(phone_store, scorecard[0])


@pytest.fixture
def wall_mirror(phone_store):
    """A mirror's watcher, as one started on the projector's computer would keep."""
    from tests.test_private_answers import mirror_holder

    watcher = RoomWatcher(phone_store, mirror_holder("wall"))
    yield watcher
    watcher.stop()


def joined(store: Store, sid: int) -> str:
    """The token of a phone joining the session's room, opened for it."""
    code = participants.open_room(store, sid).code
    return participants.join_room(store, code)[0]


async def until(pilot, done) -> bool:
    for _ in range(GUARD_PAUSES):
        if done():
            return True
        await pilot.pause(0.025)
    return bool(done())


def item_id(store: Store, sid: int, position: int) -> int:
    return next(i.id for i in running.get_session(store, sid).items if i.position == position)


async def resumed(pilot) -> SessionScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_a_rating_from_another_copy_reaches_the_door_and_the_panel(
    app, phone_store, scorecard
) -> None:
    sid, position = scorecard
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await resumed(pilot)
        await pilot.press("f8")
        assert await settled(pilot, lambda: screen.door.hosted is not None)
        hosted = screen.door.hosted
        assert hosted is not None
        assert app.commits.told
        token = participants.join_room(phone_store, hosted.shown_code)[0]
        phone_answers.rate_from_device(
            phone_store, token, item_id(phone_store, sid, position), 0, 4
        )
        assert await until(pilot, lambda: static_text(screen, "#room-door").endswith(" · 1 phone"))
        panel = screen.panels.panel
        assert panel is not None
        assert await until(pilot, lambda: panel.results and panel.results[0].scores == (4,))
        await screen.door.close()
        assert screen.door.hosted is None
        assert not app.commits.told


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_a_note_typed_with_the_room_open_counts_no_phones(
    app, phone_store, scorecard, monkeypatch
) -> None:
    """Told of the note's commit, the door reads the room's tally, finds it where it was and
    counts nothing; told of a phone's answer, it counts once, as before."""
    from sessions.services import room_reveal, room_tally

    calls = {"tally": 0, "count": 0}

    def counted(name, call):
        def counting(*args):
            calls[name] += 1
            return call(*args)

        return counting

    monkeypatch.setattr(room_tally, "room_tally", counted("tally", room_tally.room_tally))
    monkeypatch.setattr(room_reveal, "room_answers", counted("count", room_reveal.room_answers))
    sid, position = scorecard
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await resumed(pilot)
        await pilot.press("f8")
        assert await settled(pilot, lambda: screen.door.hosted is not None)
        hosted = screen.door.hosted
        assert hosted is not None and app.commits.told
        token = participants.join_room(phone_store, hosted.shown_code)[0]
        assert await until(pilot, lambda: static_text(screen, "#room-door").endswith(" · 1 phone"))
        looked, count = calls["tally"], calls["count"]
        await add_note(pilot, "The rota is shared from March")
        assert [note.text for note in screen.notes.notes] == ["The rota is shared from March"]
        assert await until(pilot, lambda: calls["tally"] > looked)  # the door heard of it
        # The door is told of one commit at a time: the phone's answer is heard after the
        # note, so one count more means the note's commit counted nothing.
        phone_answers.rate_from_device(
            phone_store, token, item_id(phone_store, sid, position), 0, 4
        )
        panel = screen.panels.panel
        assert panel is not None
        assert await until(pilot, lambda: panel.results and panel.results[0].scores == (4,))
        assert "1 answered · 1 phone" in static_text(screen, "#room-door")
        assert calls["count"] == count + 1


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_a_phones_fist_of_five_reaches_the_open_proposal(
    db_path, clock, app, phone_store
) -> None:
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.DISCUSSION)
    put = proposals.put_proposal(phone_store, sid, position, "Share the weekend rota")
    token = joined(phone_store, sid)
    async with app.run_test(size=(120, 40)) as pilot:
        await resumed(pilot)
        await pilot.press("ctrl+e")
        assert await settled(pilot, lambda: isinstance(app.screen, ProposalScreen))
        dialog = app.screen
        assert "0 answers" in static_text(dialog, "#proposal-spread")
        phone_answers.proposal_from_device(phone_store, token, put.id, 4)
        assert await until(
            pilot, lambda: "1 answer · lowest 4" in static_text(dialog, "#proposal-spread")
        )


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_a_question_sent_meanwhile_joins_the_open_queue(
    app, phone_store, scorecard, phone
) -> None:
    sid, position = scorecard
    async with app.run_test(size=(80, 24)) as pilot:
        await resumed(pilot)
        await pilot.press("f11")
        assert await settled(pilot, lambda: isinstance(app.screen, RoomQuestionsScreen))
        dialog = app.screen
        assert app.commits.told
        queue.ask_from_device(
            phone_store, phone, item_id(phone_store, sid, position), "Who holds the rota?"
        )
        assert await until(pilot, lambda: len(option_texts(dialog.query_one(OptionList))) == 1)
        await pilot.press("escape")
        assert await settled(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert not app.commits.told  # its last subscriber gone, the feed stops listening


async def test_without_notices_the_queue_still_finds_a_question_on_its_timer(
    app, phone_store, scorecard, phone, monkeypatch
) -> None:
    monkeypatch.setattr(CommitNotices, "start", lambda self: False)
    monkeypatch.setattr(room_questions, "REFRESH_SECONDS", 0.05)
    sid, position = scorecard
    async with app.run_test(size=(80, 24)) as pilot:
        await resumed(pilot)
        await pilot.press("f11")
        assert await settled(pilot, lambda: isinstance(app.screen, RoomQuestionsScreen))
        dialog = app.screen
        assert not app.commits.told
        queue.ask_from_device(
            phone_store, phone, item_id(phone_store, sid, position), "Polled, not told?"
        )
        assert await until(pilot, lambda: len(option_texts(dialog.query_one(OptionList))) == 1)


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_shown_answers_hide_as_soon_as_another_copys_mirror_starts(
    db_path, clock, app, wall_mirror, monkeypatch
) -> None:
    from facilitator.widgets import reflection_panel
    from facilitator.widgets.reflection_panel import ReflectionPanel
    from tests.pilot import activity_key, resume_at_panel
    from tests.test_private_answers import SECRET, at_an_answered_reflection, drawn

    monkeypatch.setattr(reflection_panel, "ROOM_CHECK_SECONDS", NEVER)
    at_an_answered_reflection(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, panel = await resume_at_panel(pilot, ReflectionPanel)
        await activity_key(pilot, "v")
        await pilot.pause()
        assert panel.shown and SECRET in drawn(panel)
        wall_mirror.beat(None, clock())  # a mirror started on the projector's computer
        assert await until(pilot, lambda: not panel.shown and SECRET not in drawn(panel))


@needs_notices
@pytest.mark.usefixtures("no_timers")
async def test_the_minutes_preview_hides_as_soon_as_a_mirror_starts(
    clock, app, wall_mirror, monkeypatch
) -> None:
    from textual.widgets import Markdown

    from facilitator.screens import room_guarded
    from tests.test_app_minutes_identifiers import NHS, NOTE, finished_with

    monkeypatch.setattr(room_guarded, "ROOM_CHECK_SECONDS", NEVER)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE)
        preview = screen.query_one("#preview", Markdown)
        assert NHS in preview.source
        wall_mirror.beat(screen.session_id, clock())
        assert await until(pilot, lambda: NHS not in preview.source)
        assert "preview is hidden until the mirror closes" in preview.source
