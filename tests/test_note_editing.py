"""After Enter: editing, deleting and restoring notes, attribution, and the kept history."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.errors import InputError, NotFoundError
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions
from sessions.services.note_editing import (
    attribute_note,
    delete_note,
    edit_note,
    note_history,
    note_line,
    restore_note,
)
from sessions.services.people import add_member
from sessions.services.programmes import create_programme
from tests.test_services import ODD_TEXT

TODAY = date(2026, 11, 23)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


@pytest.fixture
def session_id(store, programme, small_agenda) -> int:
    return planning.start_session(store, programme.id, small_agenda)


def add(store, session_id, line, kind="deal", **kwargs):
    return notes.add_note(store, session_id, 0, line, kind, today=TODAY, **kwargs)


def test_an_edit_keeps_the_earlier_line(store, session_id) -> None:
    note = add(store, session_id, "One front door for patients")
    edited = edit_note(store, note.id, "One front door for every patient", today=TODAY)
    assert edited.text == "One front door for every patient" and edited.edited
    assert [n.text for n in notes.list_notes(store, session_id)] == [edited.text]
    assert note_history(store, note.id) == [
        "One front door for patients",
        "One front door for every patient",
    ]


def test_an_unchanged_edit_adds_no_revision(store, session_id) -> None:
    note = add(store, session_id, "Stays as it was")
    assert not edit_note(store, note.id, "  Stays as it was ", today=TODAY).edited
    assert note_history(store, note.id) == ["Stays as it was"]


def test_editing_an_action_changes_owner_and_date(store, programme, session_id) -> None:
    note = add(store, session_id, "a: draft the agreement @Sam 2026-12-01")
    assert note_line(note) == "a: draft the agreement @Sam 2026-12-01"
    edited = edit_note(store, note.id, "a: draft the agreement @Dr Patel fri", today=TODAY)
    assert (edited.kind, edited.owner, edited.due) == ("action", "Dr Patel", date(2026, 11, 27))
    [action] = list_actions(store, programme.id, today=TODAY)
    assert (action.owner, action.due, action.status) == ("Dr Patel", date(2026, 11, 27), "open")


def test_an_action_edited_into_a_decision_is_dropped_not_removed(store, programme, session_id):
    note = add(store, session_id, "a: pool the funding @Sam")
    edit_note(store, note.id, "d: pool the funding", today=TODAY)
    assert list_actions(store, programme.id, status="open", today=TODAY) == []
    [dropped] = list_actions(store, programme.id, status="dropped", today=TODAY)
    assert dropped.text == "pool the funding"
    edit_note(store, note.id, "a: pool the funding @Sam", today=TODAY)
    assert [a.status for a in list_actions(store, programme.id, today=TODAY)] == ["open"]


def test_a_deal_note_that_reads_like_a_prefix_keeps_its_kind(store, session_id) -> None:
    note = add(store, session_id, "deal: q: is the question itself the deal?")
    assert note.kind == "deal" and note.text == "q: is the question itself the deal?"
    assert note_line(note) == "deal: q: is the question itself the deal?"
    assert edit_note(store, note.id, note_line(note), today=TODAY).kind == "deal"


def test_a_bad_edit_changes_nothing(store, session_id) -> None:
    note = add(store, session_id, "a: book the room @Sam")
    with pytest.raises(InputError, match="empty"):
        edit_note(store, note.id, "   ", today=TODAY)
    with pytest.raises(InputError, match="due date"):
        edit_note(store, note.id, "a: book the room @Sam due 31/02/2026", today=TODAY)
    assert note_history(store, note.id) == ["a: book the room @Sam"]


def test_odd_text_survives_an_edit_exactly(store, session_id) -> None:
    note = add(store, session_id, "placeholder")
    long_text = "x" * 10_000
    for text in [*ODD_TEXT, long_text]:
        assert edit_note(store, note.id, text, today=TODAY).text == text.strip()
    history = note_history(store, note.id)
    assert history[1:-1] == [t.strip() for t in ODD_TEXT]


def test_delete_hides_and_undo_restores(store, programme, session_id) -> None:
    kept = add(store, session_id, "Kept")
    gone = add(store, session_id, "a: follow up @Sam")
    delete_note(store, gone.id)
    assert [n.text for n in notes.list_notes(store, session_id)] == ["Kept"]
    assert list_actions(store, programme.id, today=TODAY) == []
    restore_note(store, gone.id)
    assert [n.id for n in notes.list_notes(store, session_id)] == [kept.id, gone.id]
    assert len(list_actions(store, programme.id, today=TODAY)) == 1


def test_a_finished_session_refuses_changes(store, session_id) -> None:
    note = add(store, session_id, "Final words")
    running.finish_session(store, session_id)
    for change in (
        lambda: edit_note(store, note.id, "Changed", today=TODAY),
        lambda: delete_note(store, note.id),
        lambda: attribute_note(store, note.id, None),
    ):
        with pytest.raises(InputError, match="finished"):
            change()


def test_attribution_names_only_members_of_the_programme(store, programme, session_id) -> None:
    patel = add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery", "practice", "GP")
    other = create_programme(store, "Elsewhere")
    stranger = add_member(store, other.id, "Stranger")
    note = add(store, session_id, "We should share the rota", member_id=patel.id)
    assert note.member_name == "Dr Asha Patel"
    with pytest.raises(NotFoundError, match="not a member"):
        add(store, session_id, "Not theirs to say", member_id=stranger.id)
    with pytest.raises(NotFoundError, match="not a member"):
        attribute_note(store, note.id, stranger.id)
    assert attribute_note(store, note.id, None).member_name == ""
    assert attribute_note(store, note.id, patel.id).member_name == "Dr Asha Patel"
    assert notes.list_notes(store, session_id)[0].member_name == "Dr Asha Patel"
