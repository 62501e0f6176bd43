"""The services the UI calls: programmes, sessions, the clock log and notes."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.errors import InputError, NotFoundError, StoreError
from sessions.services import notes, planning, running
from sessions.services.programmes import (
    create_programme,
    find_programme,
    list_programmes,
)
from tests.sent_statements import sent_statements
from tests.test_store import make_disk_full

ODD_TEXT = [
    "Rydym ni'n cytuno: gwasanaeth ar y cyd i'r gymuned — diolch yn fawr",
    "連携の目的を共有する",
    "השותפות חשובה לנו",
    "👩‍⚕️🤝💊 shared care",
    "<script>alert('x')</script> **not bold** | pipe | # not a heading",
    "tab\there and a bell\x07 and zero-width\u200bjoiner",
]


@pytest.fixture
def session_id(store, small_agenda) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    return planning.start_session(store, programme.id, small_agenda)


def test_programme_names_are_unique_whatever_the_case(store) -> None:
    create_programme(store, "Harbour", "Harbour PCN")
    with pytest.raises(InputError, match="already exists"):
        create_programme(store, "  harbour ")
    assert [p.name for p in list_programmes(store)] == ["Harbour"]


def test_programme_needs_a_name(store) -> None:
    with pytest.raises(InputError, match="cannot be empty"):
        create_programme(store, "   ")


def test_slugs_stay_unique_and_keep_any_script(store) -> None:
    a = create_programme(store, "North & South")
    b = create_programme(store, "North / South")
    c = create_programme(store, "連携プログラム")
    assert (a.slug, b.slug, c.slug) == ("north-south", "north-south-2", "連携プログラム")
    assert find_programme(store, "NORTH & SOUTH").id == a.id
    assert find_programme(store, "north-south-2").id == b.id


def test_a_session_snapshots_its_agenda(store, session_id, small_agenda) -> None:
    view = running.get_session(store, session_id)
    assert view.number == 1
    assert [i.title for i in view.items] == [i.title for i in small_agenda.items]
    assert [i.step for i in view.items] == [None, 1, 1]
    assert view.items[1].step_label == "Step 1: Set-up right"
    assert view.items[1].where == "Step 1: Set-up right — vision and partners"
    assert view.items[0].where == "Welcome"
    assert view.planned_seconds == 2100
    second = planning.start_session(store, view.programme_id, small_agenda)
    assert running.get_session(store, second).number == 2


@pytest.mark.parametrize(
    ("section", "step", "where"),
    [
        ("Step 3: Roles and processes", 3, "Step 3: Roles and processes"),
        ("Step 2: Building trust", 2, "Step 2: Trusted people · Building trust"),
        ("Step 4:", 4, "Step 4: Enabling technologies"),
        ("Break", None, "Break"),
    ],
)
def test_where_always_names_the_framework_step(section, step, where) -> None:
    from sessions.views import ItemView

    item = ItemView(1, 0, section, step, "Item", "discussion", "", 60)
    assert item.where == where


def test_clock_keys_go_through_the_log(store, session_id, clock) -> None:
    state = running.toggle_clock(store, session_id, clock())
    assert state.running and state.started
    state = running.heartbeat(store, session_id, clock.advance(5))
    state = running.move(store, session_id, +1, clock.advance(55))
    assert (state.position, state.elapsed_for(0)) == (1, 60)
    state = running.toggle_clock(store, session_id, clock.advance(30))
    assert not state.running and state.elapsed_for(1) == 30
    assert running.toggle_clock(store, session_id, clock.advance(100)).running
    with pytest.raises(InputError, match="first item"):
        running.move(store, session_id, -2, clock())


def test_moving_past_the_last_item_says_to_finish(store, session_id, clock) -> None:
    running.move(store, session_id, +1, clock())
    running.move(store, session_id, +1, clock())
    with pytest.raises(InputError, match="last item"):
        running.move(store, session_id, +1, clock())


def test_reopening_after_a_crash_pauses_at_the_last_heartbeat(store, session_id, clock) -> None:
    running.toggle_clock(store, session_id, clock())
    for _ in range(4):
        running.heartbeat(store, session_id, clock.advance(5))
    # The app dies here, 3 s after its last heartbeat.
    clock.advance(3)
    _view, state = running.open_session(store, session_id)
    assert not state.running
    assert state.session_elapsed == 20
    # The pause is in the log, so every later reader agrees.
    assert not running.clock_state(store, session_id).running
    assert running.clock_state(store, session_id).session_elapsed == 20


def test_finished_sessions_are_closed(store, session_id, clock) -> None:
    running.toggle_clock(store, session_id, clock())
    running.finish_session(store, session_id, clock.advance(10))
    assert running.get_session(store, session_id).finished
    with pytest.raises(InputError, match="finished"):
        running.toggle_clock(store, session_id, clock())
    with pytest.raises(InputError, match="finished"):
        notes.add_note(store, session_id, 0, "late", "deal")
    assert running.list_unfinished(store) == []


def test_unfinished_sessions_say_where_they_stopped(store, session_id, clock) -> None:
    running.toggle_clock(store, session_id, clock())
    running.move(store, session_id, +1, clock.advance(90))
    [waiting] = running.list_unfinished(store)
    assert (waiting.session_id, waiting.position, waiting.item_count) == (session_id, 1, 3)
    assert waiting.item_title == "What can we only do together?"
    assert waiting.elapsed_seconds == 90


def test_waiting_sessions_are_read_in_the_same_few_statements_however_many(
    store, session_id, small_agenda, clock
) -> None:
    """A national database has a waiting session for each of a thousand programmes."""

    def statements() -> int:
        with sent_statements(store.engine) as sent:
            running.list_unfinished(store)
        return len(sent)

    running.toggle_clock(store, session_id, clock())
    with_one = statements()
    for number in range(4):
        other = create_programme(store, f"Programme {number}", f"PCN {number}")
        planning.start_session(store, other.id, small_agenda)
    waiting = running.list_unfinished(store)
    assert len(waiting) == 5
    assert statements() == with_one
    # Each still says where it stopped, in its own programme; the one under way first.
    assert waiting[0].programme_name == "Harbour programme"
    assert {(w.item_count, w.item_title) for w in waiting} == {(3, "Introductions")}


def test_session_refs(store, session_id, small_agenda) -> None:
    programme = find_programme(store, "Harbour programme")
    second = planning.start_session(store, programme.id, small_agenda)
    assert running.resolve_session_ref(store, str(session_id)) == session_id
    assert running.resolve_session_ref(store, "harbour-programme/2") == second
    assert running.resolve_session_ref(store, "Harbour programme/1") == session_id
    with pytest.raises(NotFoundError, match="has no session 3"):
        running.resolve_session_ref(store, "harbour-programme/3")
    with pytest.raises(NotFoundError, match="No programme"):
        running.resolve_session_ref(store, "elsewhere/1")
    with pytest.raises(InputError, match="PROGRAMME/N"):
        running.resolve_session_ref(store, "harbour-programme")
    with pytest.raises(NotFoundError):
        running.resolve_session_ref(store, "999")


def test_notes_are_stored_exactly(store, session_id) -> None:
    long_note = "word " * 2000
    for text in [*ODD_TEXT, long_note.strip()]:
        notes.add_note(store, session_id, 1, text, "relationship")
    stored = notes.list_notes(store, session_id, 1)
    assert [n.text for n in stored] == [*ODD_TEXT, long_note.strip()]
    assert len(stored[-1].text) == 9999
    assert {n.kind for n in stored} == {"relationship"}
    assert notes.list_notes(store, session_id, 0) == []


def test_blank_notes_are_not_stored(store, session_id) -> None:
    assert notes.add_note(store, session_id, 0, "   ", "deal") is None
    assert notes.list_notes(store, session_id) == []


def test_actions_belong_to_the_programme(store, session_id) -> None:
    note = notes.add_note(store, session_id, 1, "a: draft it @Dr Patel 2026-12-01", "deal")
    assert (note.kind, note.text, note.owner, note.due) == (
        "action",
        "draft it",
        "Dr Patel",
        date(2026, 12, 1),
    )
    with store.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT a.owner, a.status, a.programme_id, s.programme_id FROM action a "
            "JOIN note n ON n.id = a.note_id JOIN session s ON s.id = n.session_id"
        ).one()
    assert row[:2] == ("Dr Patel", "open") and row[2] == row[3]


def test_an_unreadable_action_stores_nothing(store, session_id) -> None:
    with pytest.raises(InputError):
        notes.add_note(store, session_id, 0, "a: thing due 99/99/2026", "deal")
    assert notes.list_notes(store, session_id) == []


@pytest.mark.sqlite_only  # fills SQLite's file to its page limit
def test_a_note_that_cannot_be_written_says_why_and_is_not_half_saved(store, session_id) -> None:
    notes.add_note(store, session_id, 0, "saved before the disk filled", "deal")
    make_disk_full(store)
    with pytest.raises(StoreError, match="disk is full"):
        for _ in range(50):
            notes.add_note(store, session_id, 0, "x" * 3000, "deal")
    texts = [n.text for n in notes.list_notes(store, session_id)]
    assert texts[0] == "saved before the disk filled"
    assert all(t == "x" * 3000 for t in texts[1:])


def test_extend_gives_time_and_never_shrinks_below_a_minute(store, session_id, clock) -> None:
    running.toggle_clock(store, session_id, clock())
    assert running.extend(store, session_id, 300, clock()).extra_for(0) == 300
    assert running.extend(store, session_id, -60, clock()).extra_for(0) == 240
    with pytest.raises(InputError, match="shorter than 1 minute"):
        running.extend(store, session_id, -(600 + 240 - 30), clock())
    assert running.clock_state(store, session_id).extra_for(0) == 240


def test_skip_marks_and_moves_but_not_past_the_end(store, session_id, clock) -> None:
    state = running.skip(store, session_id, clock())
    assert (state.position, state.skipped) == (1, {0})
    running.move(store, session_id, +1, clock())
    with pytest.raises(InputError, match="last item"):
        running.skip(store, session_id, clock())


def test_jump_goes_anywhere_and_keeps_the_clock_running(store, session_id, clock) -> None:
    running.toggle_clock(store, session_id, clock())
    state = running.jump(store, session_id, 2, clock.advance(30))
    assert (state.position, state.running, state.elapsed_for(0)) == (2, True, 30)
    state = running.jump(store, session_id, 0, clock.advance(10))
    assert state.item_elapsed == {0: 30, 2: 10}
    with pytest.raises(InputError, match="no item 9"):
        running.jump(store, session_id, 8, clock())
