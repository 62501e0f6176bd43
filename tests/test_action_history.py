"""Every change to an action is kept, with when and in which session, so its state on any
day can be told."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sessions.domain.action_history import ActionState, latest_updates, states_at
from sessions.models import ActionChange
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions, set_action_status, update_action
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.note_editing import edit_note, note_history
from sessions.services.programmes import create_programme
from sessions.services.undo import undo_change
from sessions.store import Store
from tests.schema_at import schema_at


def _changes(store: Store, action_id: int) -> list[tuple[str, str | None, str | None, int | None]]:
    with store.reading() as db:
        return [
            (c.field, c.before, c.after, c.session_id)
            for c in db.scalars(
                select(ActionChange)
                .where(ActionChange.action_id == action_id)
                .order_by(ActionChange.id)
            )
        ]


@pytest.fixture
def two_sessions(store, small_agenda, clock) -> tuple[int, int, int]:
    """Session 1 raised one action and finished; session 2 is running. (first, second, action)"""
    programme = create_programme(store, "History programme")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 1, "a: send the draft @Sam 2026-12-01", "deal", now=clock())
    running.finish_session(store, first, clock.advance(600))
    second = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, second, clock.advance(86400))
    (action,) = list_actions(store, programme.id)
    return first, second, action.id


def test_an_undone_review_takes_its_changes_with_it(store, two_sessions, clock) -> None:
    first, second, action_id = two_sessions
    change = review_action(
        store, second, action_id, "kept", new_due=date(2027, 1, 15), now=clock.advance(60)
    )
    undo_change(store, change, clock.advance(60))
    review_action(store, second, action_id, "done", now=clock.advance(60))
    # The undo is a slip put right in the room: as its review row goes, so do its changes.
    assert _changes(store, action_id) == [("status", "open", "done", second)]
    finished = running.get_session(store, first).finished_at
    with store.reading() as db:
        assert states_at(db, [action_id], finished)[action_id] == ActionState(
            "send the draft", "Sam", date(2026, 12, 1), "open"
        )
        assert states_at(db, [action_id], None)[action_id].status == "done"
        (update,) = latest_updates(db, [action_id], None).values()
    assert update.words == "Session 2 review: done"


def test_the_actions_list_changes_are_kept_as_made_outside_a_session(
    store, two_sessions, clock
) -> None:
    first, _, action_id = two_sessions
    set_action_status(store, action_id, "done", now=clock.advance(60))
    moved = update_action(
        store,
        action_id,
        text="send the  final draft",
        owner="Dr Sam Jones",
        due=date(2026, 12, 8),
        now=clock.advance(60),
    )
    assert moved == ["text", "owner", "due"]
    assert _changes(store, action_id) == [
        ("status", "open", "done", None),
        ("text", "send the draft", "send the final draft", None),
        ("owner", "Sam", "Dr Sam Jones", None),
        ("due", "2026-12-01", "2026-12-08", None),
    ]
    (action,) = list_actions(store, running.get_session(store, first).programme_id)
    assert (action.text, action.owner, action.due) == (
        "send the final draft",
        "Dr Sam Jones",
        date(2026, 12, 8),
    )
    # The note that raised it keeps the line it had, as any edit of a note does.
    assert note_history(store, action.note_id) == [
        "a: send the draft @Sam 2026-12-01",
        "a: send the final draft @Dr Sam Jones 2026-12-08",
    ]
    # Nothing to change is nothing kept.
    assert (
        update_action(
            store,
            action_id,
            text="send the final draft",
            owner="Dr Sam Jones",
            due=date(2026, 12, 8),
            now=clock.advance(60),
        )
        == []
    )
    assert len(_changes(store, action_id)) == 4


def test_an_action_needs_words(store, two_sessions) -> None:
    from sessions.errors import InputError

    _, _, action_id = two_sessions
    with pytest.raises(InputError, match="An action needs words"):
        update_action(store, action_id, text="  ", owner="Sam", due=None)
    assert _changes(store, action_id) == []


def test_editing_an_action_note_in_the_session_is_kept(store, two_sessions, clock) -> None:
    _, second, _ = two_sessions
    note = notes.add_note(store, second, 1, "a: ring the LMC @Jo 2026-12-10", "deal", now=clock())
    edit_note(store, note.id, "a: ring the LMC chair @Jo", today=date(2026, 11, 24), now=clock())
    edit_note(store, note.id, "d: the LMC is rung", today=date(2026, 11, 24), now=clock())
    action_id = next(a.id for a in list_actions(store, 1) if a.note_id == note.id)
    assert _changes(store, action_id) == [
        ("text", "ring the LMC", "ring the LMC chair", second),
        ("due", "2026-12-10", None, second),
        ("text", "ring the LMC chair", "the LMC is rung", second),
        ("status", "open", "dropped", second),
    ]


@pytest.mark.sqlite_only  # builds an older schema's file by hand
def test_the_upgrade_writes_in_what_reviews_and_revisions_knew(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    schema_at(
        db_path,
        "0017",
        "INSERT INTO programme (id, name, slug, pcn_name, created_at) "
        "VALUES (1, 'Old', 'old', '', '2026-01-01 09:00:00')",
        *(
            "INSERT INTO session (id, programme_id, number, agenda_title, agenda_source, "
            "agenda_notes, agenda_text, created_at, facilitator) "
            f"VALUES ({n}, 1, {n}, 'A', '', '', '', '2026-01-0{n} 09:00:00', '')"
            for n in (1, 2)
        ),
        "INSERT INTO agenda_item (id, session_id, position, section_title, title, kind, "
        "prompt, planned_seconds, answers_in_minutes) "
        "VALUES (1, 1, 0, 'S', 'Item', 'discussion', '', 60, 0)",
        "INSERT INTO note (id, session_id, agenda_item_id, kind, text, created_at) "
        "VALUES (1, 1, 1, 'action', 'send the final draft', '2026-01-01 09:10:00')",
        "INSERT INTO action (id, programme_id, note_id, owner, due_on, status) "
        "VALUES (1, 1, 1, 'Sam Jones', '2026-02-01', 'done')",
        "INSERT INTO note_revision (note_id, line, replaced_at) "
        "VALUES (1, 'a: send the draft @Sam 2026-01-20', '2026-01-01 09:12:00')",
        "INSERT INTO action_review (session_id, action_id, outcome, due_before, due_after, "
        "reviewed_at) VALUES (2, 1, 'done', '2026-01-20', '2026-01-20', '2026-01-02 09:05:00')",
    )
    store = Store.open(db_path)
    try:
        assert _changes(store, 1) == [
            ("text", "send the draft", "send the final draft", 1),
            ("owner", "Sam", "Sam Jones", 1),
            ("due", "2026-01-20", "2026-02-01", 1),
            ("status", "open", "done", 2),
        ]
    finally:
        store.close()


def test_states_before_and_after_each_change(store, two_sessions, clock) -> None:
    first, second, action_id = two_sessions
    finished = running.get_session(store, first).finished_at
    assert finished is not None
    review_action(store, second, action_id, "kept", new_due=date(2027, 1, 5), now=clock())
    with store.reading() as db:
        assert states_at(db, [action_id], finished)[action_id].due == date(2026, 12, 1)
        assert states_at(db, [action_id], finished + timedelta(days=2))[action_id].due == date(
            2027, 1, 5
        )
    assert [e.due for e in review_entries(store, second)] == [date(2027, 1, 5)]


def test_an_action_at_risk_is_still_open(store, two_sessions, clock) -> None:
    from sessions.services.dashboard import programme_dashboard

    first, second, action_id = two_sessions
    programme_id = running.get_session(store, first).programme_id
    review_action(store, second, action_id, "at risk", now=clock.advance(60))
    (action,) = list_actions(store, programme_id, today=date(2026, 11, 24))
    assert (action.status, action.rag) == ("at risk", "at risk")
    assert action.update == "Session 2 review: kept open, at risk"
    # Counted among the open, and past its date, overdue like any open action.
    assert programme_dashboard(store, programme_id, today=date(2026, 11, 24)).open_actions == 1
    (late,) = list_actions(store, programme_id, today=date(2026, 12, 2))
    assert (late.rag, late.overdue) == ("overdue", True)
    # A review that keeps it open takes it off the risk list again.
    review_action(store, second, action_id, "kept", now=clock.advance(60))
    assert list_actions(store, programme_id)[0].status == "open"


def test_the_rag_reads_done_and_dropped_before_the_date() -> None:
    from sessions.domain.action_log import rag

    day = date(2026, 12, 1)
    assert rag("done", date(2026, 11, 1), day) == "done"
    assert rag("dropped", None, day) == "dropped"
    assert rag("open", date(2026, 11, 30), day) == "overdue"
    assert rag("at risk", date(2026, 12, 1), day) == "at risk"
    assert rag("open", None, day) == "on track"
