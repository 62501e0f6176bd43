"""Steps shared by the Pilot tests: driving the real app the way a facilitator would."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, OptionList, Static

from facilitator.screens.session import SessionScreen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def settled(pilot, done, pauses: int = 50) -> bool:
    """Pause until `done()` holds, or `pauses` pauses have passed: a screen switched by a
    callback lands a few event-loop turns later on a loaded machine. Counts turns, not
    time; the caller asserts what it waited for."""
    for _ in range(pauses):
        if done():
            return True
        await pilot.pause()
    return bool(done())


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def option_texts(options: OptionList) -> list[str]:
    """Every row of a list, as the facilitator reads it."""
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def resume_at_panel(pilot, panel_type):
    """`r` on Home resumes the session waiting at an activity item: (screen, its panel),
    the panel shown and the note line holding the keys, as at every item."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    panel = screen.query_one(panel_type)
    assert panel.display and screen.query_one("#note", Input).has_focus
    return screen, panel


async def activity_key(pilot, *keys: str) -> None:
    """Each key as the facilitator gives it to the activity: Tab lends the panel the
    keyboard, the key acts, and the keyboard is back with the note line."""
    for key in keys:
        await pilot.press("tab", key)
        await pilot.pause()


async def create_and_start(pilot) -> SessionScreen:
    """Home → new programme → start the bundled agenda; returns the session screen."""
    await pilot.press("n")
    await pilot.pause()
    pilot.app.screen.query_one("#name", Input).value = "Harbour programme"
    await pilot.press("enter")
    pilot.app.screen.query_one("#pcn", Input).value = "Harbour PCN"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")  # the first agenda: the bundled 4-step one
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def add_note(pilot, text: str) -> None:
    pilot.app.screen.query_one("#note", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def bundled_session_at(db_path, clock, kind: str, prepare=None) -> tuple[int, int, int]:
    """(programme id, session id, item position): a session of the bundled 4-step agenda,
    its clock started and moved on to its item of `kind`, for the app to resume there.

    `prepare(store, programme_id)` runs before the session starts: members, an earlier session.
    """
    from sessions.agenda.library import find_agenda
    from sessions.services import planning, running
    from sessions.services.programmes import create_programme
    from sessions.store import Store

    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme")
        if prepare is not None:
            prepare(store, programme.id)
        sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
        item = next(i.position for i in running.get_session(store, sid).items if i.kind == kind)
        running.toggle_clock(store, sid, clock())
        running.jump(store, sid, item, clock.advance(60))
    finally:
        store.close()
    return programme.id, sid, item


def second_session(db_path, clock, agenda_name: str = "pcn-partnership-4-step") -> int:
    """Session 2 of a programme whose first session left open actions, two members present:
    every kind of item has something a stray key could change."""
    from sessions.agenda.library import find_agenda
    from sessions.services import notes, people, planning, running
    from sessions.services.programmes import create_programme
    from sessions.store import Store

    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme")
        members = [people.add_member(store, programme.id, name) for name in ("Ann", "Bea")]
        first = planning.start_session(store, programme.id, find_agenda(agenda_name))
        running.toggle_clock(store, first, clock())
        for line in ("a: send the draft @Ann", "a: book the room @Bea"):
            notes.add_note(store, first, 0, line, "deal", now=clock.advance(10))
        running.finish_session(store, first, clock.advance(60))
        second = planning.start_session(store, programme.id, find_agenda(agenda_name))
        for member in members:
            people.set_attendance(store, second, member.id, "present")
    finally:
        store.close()
    return second


def store_opened_after_lists(app) -> asyncio.Event:
    """Set once the store, opened a moment after the home screen's first lists, is open.

    Call before the app runs; on a database the lists are not read from first, the store
    opens before them and this is never set.
    """
    opened = asyncio.Event()
    open_after_lists = app._open_after_lists

    def open_then_tell() -> None:
        open_after_lists()
        opened.set()

    app._open_after_lists = open_then_tell
    return opened
