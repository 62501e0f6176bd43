"""What the facilitator and the room see, pinned as SVG snapshots at laptop and projector size.

Update them on purpose, after looking at the new pictures:
`python -m pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sessions.agenda.library import DEFAULT_AGENDA, find_agenda
from sessions.services import notes, planning, running
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.programmes import create_programme
from sessions.store import Store

LAPTOP = (80, 24)
PROJECTOR = (200, 55)


# Dates and times on screen are local: pin the zone so they are the same anywhere.
# Drawing, not storage: one database is enough, and the names stay those of the pictures.
pytestmark = [pytest.mark.usefixtures("utc_local_time"), pytest.mark.sqlite_only]


@pytest.fixture
def recorded(db_path: Path, clock) -> Path:
    """A session 3 min 20 s into its second item, with notes of several kinds, then left."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, find_agenda(DEFAULT_AGENDA))
    running.toggle_clock(store, session_id, clock())
    running.move(store, session_id, +1, clock.advance(8 * 60))
    today = date(2026, 11, 23)
    for line in (
        "Everyone has declared: no conflicts today",
        "rel: the new practice manager felt heard",
        "d: minutes go to every practice within a week",
        "a: circulate the draft agreement @Dr Patel 2026-12-01",
    ):
        notes.add_note(store, session_id, 1, line, "deal", today=today, now=clock.advance(40))
    running.toggle_clock(store, session_id, clock.advance(40))
    store.close()
    return db_path


def resumed(press: tuple[str, ...] = ()):
    async def run_before(pilot) -> None:
        await pilot.press("r")  # resume the unfinished session from the home screen
        await pilot.pause()
        for key in press:
            await pilot.press(key)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    return run_before


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_session_view(snap_compare, recorded: Path, clock, size, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(app, terminal_size=size, run_before=resumed())


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_projector_view(snap_compare, recorded: Path, clock, size, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(app, terminal_size=size, run_before=resumed(("f5",)))


@pytest.fixture
def reviewing(recorded: Path, clock) -> Path:
    """Session 1 finished with two actions; session 2 has settled one in matters arising."""
    store = Store.open(recorded)
    first = running.list_unfinished(store)[0].session_id
    notes.add_note(
        store,
        first,
        1,
        "a: ask the LMC about indemnity @Sam",
        "deal",
        today=date(2026, 11, 23),
        now=clock.advance(10),
    )
    running.finish_session(store, first, clock.advance(10))
    programme_id = running.get_session(store, first).programme_id
    second = planning.start_session(store, programme_id, find_agenda(DEFAULT_AGENDA), from_step=2)
    entries = review_entries(store, second, date(2026, 11, 23))
    review_action(store, second, entries[0].action_id, "done", now=clock.advance(60))
    store.close()
    return recorded


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_matters_arising_view(
    snap_compare, reviewing: Path, clock, size, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    # The session opens at the last minutes; matters arising is the item after.
    assert snap_compare(app, terminal_size=size, run_before=at_kind("matters-arising"))


@pytest.fixture
def every_kind(db_path: Path, clock) -> Path:
    """Session 2 of the bundled agenda, three members present and actions carried in: an item of
    every kind, each with something to show (nine roles, eight checklist options)."""
    from sessions.services import people

    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, find_agenda(DEFAULT_AGENDA))
    running.toggle_clock(store, first, clock())
    notes.add_note(
        store,
        first,
        0,
        "a: send the data sharing draft @Ade Okafor",
        "deal",
        today=date(2026, 11, 23),
        now=clock.advance(30),
    )
    running.finish_session(store, first, clock.advance(60))
    second = planning.start_session(store, programme.id, find_agenda(DEFAULT_AGENDA))
    for name in ("Ade Okafor", "Dr Siobhán O'Neill", "Sam Reed"):
        member = people.add_member(store, programme.id, name)
        people.set_attendance(store, second, member.id, "present")
    running.toggle_clock(store, second, clock.advance(60))
    store.close()
    return db_path


def at_kind(kind: str, press: tuple[str, ...] = ()):
    """Resume the session, then go on item by item to its first item of `kind`."""

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        screen = pilot.app.screen
        while screen.item.kind != kind:
            await pilot.press("ctrl+n")
            await pilot.pause()
        for key in press:
            await pilot.press(key)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    return run_before


KINDS = [
    "minutes-approval",
    "discussion",
    "scorecard",
    "checklist",
    "roles",
    "break",
    "reflection",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_each_kind_of_item(
    snap_compare, every_kind: Path, clock, size, kind, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(app, terminal_size=size, run_before=at_kind(kind))


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_an_activity_holding_the_keyboard_for_one_key(
    snap_compare, every_kind: Path, clock, size, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(
        app, terminal_size=size, run_before=at_kind("checklist", ("down", "down", "tab"))
    )


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])
def test_the_mirror(snap_compare, recorded: Path, clock, size, make_facilitator_mirror) -> None:
    app = make_facilitator_mirror(now=clock)
    assert snap_compare(app, terminal_size=size)
