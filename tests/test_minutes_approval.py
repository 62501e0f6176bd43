"""Approving the minutes of the last meeting: as a true record, with amendments, and errata after."""

from __future__ import annotations

import pytest

from sessions.agenda.library import find_agenda
from sessions.errors import InputError, NotFoundError
from sessions.services import notes, people, planning, running, undo
from sessions.services.minutes_approval import (
    amend,
    approval_entries,
    approve,
    minutes_awaiting_approval,
    minutes_status,
)
from sessions.services.programmes import create_programme
from sessions.vocabulary import AGENDA_KINDS, AmendmentKind, ItemKind


def held(store, programme_id, clock, lines=("d: agreed the vision",)) -> int:
    """A session of the bundled agenda, run and finished, with a few notes."""
    sid = planning.start_session(store, programme_id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, sid, clock())
    for line in lines:
        notes.add_note(store, sid, 0, line, "deal", now=clock.advance(10))
    running.finish_session(store, sid, clock.advance(600))
    return sid


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


def test_from_the_second_session_the_last_minutes_come_first_then_matters_arising(
    store, programme, clock
) -> None:
    first = held(store, programme.id, clock)
    kinds = [item.kind for item in running.get_session(store, first).items]
    assert ItemKind.MINUTES_APPROVAL not in kinds
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    items = running.get_session(store, second).items
    assert [items[0].kind, items[1].kind] == [ItemKind.MINUTES_APPROVAL, ItemKind.MATTERS_ARISING]
    assert items[0].title == "Approve the minutes of session 1"
    assert items[0].step is None
    assert ItemKind.MINUTES_APPROVAL not in AGENDA_KINDS


def test_minutes_are_a_draft_until_the_next_session_approves_them(store, programme, clock) -> None:
    first = held(store, programme.id, clock)
    assert not minutes_status(store, first).approved
    assert minutes_awaiting_approval(store, programme.id) == [1]
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, second, clock.advance(86400))
    assert [e.number for e in approval_entries(store, second)] == [1]
    approve(store, second, first, now=clock.advance(30))
    status = minutes_status(store, first)
    assert status.approved and status.approved_in == 2
    assert status.approved_on == clock().date()
    assert status.amendments == ()
    assert minutes_awaiting_approval(store, programme.id) == []
    with pytest.raises(InputError, match="already approved at session 2"):
        approve(store, second, first, now=clock.advance(1))


def test_amendments_are_kept_with_their_proposer_and_later_corrections_are_errata(
    store, programme, clock
) -> None:
    ann = people.add_member(store, programme.id, "Dr Ann Patel")
    first = held(store, programme.id, clock)
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, second, clock.advance(86400))
    amend(
        store,
        second,
        first,
        "Item 3: the decision was to consult all six practices",
        proposer_member_id=ann.id,
        now=clock.advance(5),
    )
    amend(store, second, first, "Bea sent apologies", proposer="The chair", now=clock.advance(5))
    approve(store, second, first, now=clock.advance(5))
    running.finish_session(store, second, clock.advance(600))
    third = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, third, clock.advance(86400))
    amend(
        store, third, first, "The date was 2 March", proposer_member_id=ann.id, now=clock.advance(5)
    )

    status = minutes_status(store, first)
    assert [(a.kind, a.text, a.proposer, a.made_in) for a in status.amendments] == [
        (
            AmendmentKind.AMENDMENT,
            "Item 3: the decision was to consult all six practices",
            "Dr Ann Patel",
            2,
        ),
        (AmendmentKind.AMENDMENT, "Bea sent apologies", "The chair", 2),
    ]
    assert [(a.kind, a.text, a.made_in) for a in status.errata] == [
        (AmendmentKind.ERRATUM, "The date was 2 March", 3)
    ]
    # Session 2's own minutes are still a draft; session 3 may approve them.
    assert [(e.number, e.approved) for e in approval_entries(store, third)] == [
        (2, False),
        (1, True),
    ]


def test_an_amendment_needs_words_and_a_proposer_from_the_programme(
    store, programme, clock
) -> None:
    first = held(store, programme.id, clock)
    other = create_programme(store, "Elsewhere")
    stranger = people.add_member(store, other.id, "Stranger")
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    with pytest.raises(InputError, match="Type the amendment"):
        amend(store, second, first, "   ", proposer="Chair")
    with pytest.raises(InputError, match="who proposed it"):
        amend(store, second, first, "Fix the date", proposer="  ")
    with pytest.raises(NotFoundError, match="not a member of this programme"):
        amend(store, second, first, "Fix the date", proposer_member_id=stranger.id)
    assert minutes_status(store, first).amendments == ()


def test_only_earlier_finished_minutes_of_the_same_programme_are_approved(
    store, programme, clock
) -> None:
    first = held(store, programme.id, clock)
    elsewhere = create_programme(store, "Elsewhere")
    foreign = held(store, elsewhere.id, clock)
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    with pytest.raises(NotFoundError):
        approve(store, second, foreign)
    with pytest.raises(InputError, match="earlier sessions"):
        approve(store, second, second)
    running.finish_session(store, second, clock.advance(600))
    with pytest.raises(InputError, match="no longer approve"):
        approve(store, second, first)


def test_approved_minutes_are_locked(store, programme, clock) -> None:
    ann = people.add_member(store, programme.id, "Ann")
    first = held(store, programme.id, clock)
    people.set_attendance(store, first, ann.id, "present")  # put right after the finish
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    approve(store, second, first, now=clock.advance(5))
    with pytest.raises(InputError, match="approved at session 2, so who attended"):
        people.set_attendance(store, first, ann.id, "apologies")
    assert [a.status for a in people.attendance(store, first) if a.member.id == ann.id] == [
        "present"
    ]


def test_an_approval_and_an_amendment_are_undone_while_nothing_builds_on_them(
    store, programme, clock
) -> None:
    first = held(store, programme.id, clock)
    second = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, second, clock.advance(86400))
    amended = amend(store, second, first, "Fix the date", proposer="Chair", now=clock.advance(5))
    approved = approve(store, second, first, now=clock.advance(5))
    with pytest.raises(undo.UndoRefusedError, match="approved with it since"):
        undo.undo_change(store, amended, now=clock.advance(1))
    undo.undo_change(store, approved, now=clock.advance(1))
    assert not minutes_status(store, first).approved
    undo.undo_change(store, amended, now=clock.advance(1))
    assert minutes_status(store, first).amendments == ()
