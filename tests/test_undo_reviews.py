"""Undoing a review outcome in matters arising: the action and its review go back as they were."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.models import Action, ActionReview
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions, set_action_status
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import session_minutes
from sessions.services.programmes import create_programme
from sessions.services.room import room_markdown
from sessions.services.undo import UndoRefusedError, undo_change
from sessions.store import Store
from sessions.vocabulary import ActionStatus, ItemKind, ReviewOutcome

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2026, 11, 23)
DRAFT_DUE = date(2026, 12, 1)


@pytest.fixture
def agenda() -> Agenda:
    return Agenda(
        title="Two items",
        sections=(Section("Step 1: Set-up right", 1, (AgendaItem("Vision", 600),)),),
        source="test",
    )


@pytest.fixture
def carried(store: Store, agenda: Agenda, clock) -> tuple[int, int, int]:
    """Session 1 raised two actions; session 2 reviews them: (programme id, session 2's id,
    the draft's action id)."""
    programme = create_programme(store, "Harbour programme")
    first = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, first, clock())
    for line in ("a: Send the draft @Sam 2026-12-01", "a: ask the LMC"):
        notes.add_note(store, first, 0, line, "deal", today=TODAY, now=clock.advance(1))
    running.finish_session(store, first, clock.advance(600))
    second = planning.start_session(store, programme.id, agenda)
    draft = next(e for e in review_entries(store, second, TODAY) if e.text == "Send the draft")
    return programme.id, second, draft.action_id


def shown(store: Store, programme_id: int, session_id: int) -> tuple[object, ...]:
    """Everything that shows a review: the list to review, the minutes (their matters
    arising), the projector, and the programme's actions."""
    session = running.get_session(store, session_id)
    item = next(i for i in session.items if i.kind == ItemKind.MATTERS_ARISING)
    return (
        review_entries(store, session_id, TODAY),
        session_minutes(store, session_id),
        room_markdown(store, session_id, item, TODAY),
        list_actions(store, programme_id, today=TODAY),
    )


def reviews(store: Store) -> int:
    with store.reading() as db:
        return db.query(ActionReview).count()


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        (ReviewOutcome.DONE, "“Send the draft” marked done"),
        (ReviewOutcome.DROPPED, "“Send the draft” dropped"),
        (ReviewOutcome.KEPT, "“Send the draft” kept open"),
    ],
)
def test_an_outcome_undone_leaves_the_action_to_review(
    store, carried, clock, outcome: str, said: str
) -> None:
    programme_id, second, draft = carried
    before = shown(store, programme_id, second)
    change = review_action(store, second, draft, outcome, now=clock.advance(5))
    assert change.said == said
    assert change.position == 1  # matters arising comes after the last minutes
    assert shown(store, programme_id, second) != before
    assert undo_change(store, change, clock.advance(1)) == f"Undone: {said}."
    assert shown(store, programme_id, second) == before
    entry = next(e for e in review_entries(store, second, TODAY) if e.action_id == draft)
    assert (entry.outcome, entry.outcome_label, entry.due) == (None, "not reviewed", DRAFT_DUE)
    assert reviews(store) == 0


def test_kept_open_with_a_new_date_undone_restores_the_old_date(store, carried, clock) -> None:
    programme_id, second, draft = carried
    before = shown(store, programme_id, second)
    change = review_action(
        store, second, draft, ReviewOutcome.KEPT, new_due=date(2027, 1, 15), now=clock()
    )
    assert change.said == "“Send the draft” kept open, due 15 Jan 2027"
    undo_change(store, change, clock.advance(1))
    assert shown(store, programme_id, second) == before
    with store.reading() as db:
        action = db.get(Action, draft)
        assert action is not None
        assert (action.status, action.due_on) == (ActionStatus.OPEN, DRAFT_DUE)


def test_an_outcome_that_replaced_another_goes_back_to_it(store, carried, clock) -> None:
    programme_id, second, draft = carried
    at_first = shown(store, programme_id, second)
    kept = review_action(
        store, second, draft, ReviewOutcome.KEPT, new_due=date(2027, 1, 15), now=clock()
    )
    after_kept = shown(store, programme_id, second)
    done = review_action(store, second, draft, ReviewOutcome.DONE, now=clock.advance(5))
    undo_change(store, done, clock.advance(1))
    assert shown(store, programme_id, second) == after_kept
    # Undone last first, the review goes all the way back.
    undo_change(store, kept, clock.advance(1))
    assert shown(store, programme_id, second) == at_first


def test_nothing_is_undone_once_the_session_has_finished(store, carried, clock) -> None:
    programme_id, second, draft = carried
    change = review_action(store, second, draft, ReviewOutcome.DONE, now=clock())
    running.finish_session(store, second, clock.advance(60))
    before = shown(store, programme_id, second)
    with pytest.raises(UndoRefusedError, match="This session has finished"):
        undo_change(store, change, clock.advance(1))
    assert shown(store, programme_id, second) == before


def test_an_action_changed_since_is_not_put_back(store, carried, clock) -> None:
    programme_id, second, draft = carried
    change = review_action(store, second, draft, ReviewOutcome.DONE, now=clock())
    set_action_status(store, draft, ActionStatus.OPEN)
    before = shown(store, programme_id, second)
    with pytest.raises(UndoRefusedError) as refused:
        undo_change(store, change, clock.advance(1))
    assert str(refused.value) == (
        "Cannot undo “Send the draft” marked done: the action has changed since."
    )
    assert shown(store, programme_id, second) == before


def test_an_outcome_undone_can_be_chosen_again(store, carried, clock) -> None:
    programme_id, second, draft = carried
    change = review_action(store, second, draft, ReviewOutcome.DROPPED, now=clock())
    undo_change(store, change, clock.advance(1))
    review_action(store, second, draft, ReviewOutcome.DONE, now=clock.advance(1))
    entry = next(e for e in review_entries(store, second, TODAY) if e.action_id == draft)
    assert (entry.outcome, entry.due_before) == (ReviewOutcome.DONE, DRAFT_DUE)
    assert [a.status for a in list_actions(store, programme_id) if a.id == draft] == ["done"]
