"""Undoing a vote, a rating, a role mark or a private answer: the item reads exactly as before."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.models import ActivityResult
from sessions.services import checklist, planning, reflection, roles, running, scorecard
from sessions.services.minutes import session_minutes
from sessions.services.people import add_member
from sessions.services.programmes import create_programme
from sessions.services.room import room_markdown
from sessions.services.undo import UndoRefusedError, undo_change
from sessions.store import Store
from sessions.vocabulary import ItemKind

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2026, 11, 23)
VISION = "Shared vision"
TRUST = "We trust each other"


@pytest.fixture
def agenda() -> Agenda:
    return Agenda(
        title="Every answer",
        sections=(
            Section(
                "Step 2: Trusted people",
                2,
                (
                    AgendaItem("Barriers", 300, ItemKind.CHECKLIST, options=(VISION, "Time")),
                    AgendaItem(
                        "Health check",
                        300,
                        ItemKind.SCORECARD,
                        areas=(ScorecardArea("Trust", (TRUST, "We say what we think")),),
                    ),
                    AgendaItem("Team roles", 300, ItemKind.ROLES, prompt="Mark yours."),
                    AgendaItem("Looking back", 300, ItemKind.REFLECTION, prompt="One word."),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def room(store: Store, agenda: Agenda) -> tuple[int, dict[str, int], dict[str, int]]:
    """(session id, each kind's position, each member's id)."""
    programme = create_programme(store, "Harbour programme")
    people = {name: add_member(store, programme.id, name).id for name in ("Ade Okafor", "Bea Ng")}
    sid = planning.start_session(store, programme.id, agenda)
    at = {item.kind: item.position for item in running.get_session(store, sid).items}
    return sid, at, people


def shown(store: Store, sid: int) -> tuple[object, ...]:
    """Everything the session shows of its answers: the minutes (each item's part in
    them), the projector's view of each item, and each activity's results."""
    items = running.get_session(store, sid).items
    at = {item.kind: item.position for item in items}
    return (
        session_minutes(store, sid),
        tuple(room_markdown(store, sid, item, TODAY) for item in items),
        checklist.checklist_results(store, sid, at[ItemKind.CHECKLIST]),
        scorecard.scorecard_results(store, sid, at[ItemKind.SCORECARD]),
        roles.roles_board(store, sid, at[ItemKind.ROLES]),
        reflection.reflections(store, sid, at[ItemKind.REFLECTION]),
    )


def answers_kept(store: Store) -> list[tuple[int, str, int | None]]:
    """Every answer row there is, standing or withdrawn: none is ever removed."""
    with store.reading() as db:
        rows = db.query(ActivityResult).order_by(ActivityResult.id)
        return [(row.id, row.subject, row.score) for row in rows]


def test_a_vote_undone_leaves_the_checklist_as_it_was(store, room, clock) -> None:
    sid, at, _ = room
    checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, 2, now=clock())
    before = shown(store, sid)
    change = checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, now=clock.advance(1))
    assert change.said == "one vote for “Shared vision”"
    assert shown(store, sid) != before
    assert undo_change(store, change, clock.advance(1)) == "Undone: one vote for “Shared vision”."
    assert shown(store, sid) == before
    # The vote undone is kept, marked withdrawn, as a vote taken back by hand is.
    assert [row[2] for row in answers_kept(store)] == [2, 1]


def test_many_votes_at_once_are_undone_together(store, room, clock) -> None:
    sid, at, _ = room
    before = shown(store, sid)
    change = checklist.vote(store, sid, at[ItemKind.CHECKLIST], 1, 7, now=clock())
    assert (change.said, change.score) == ("7 votes for “Time”", 7)
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before


def test_votes_taken_back_are_brought_back(store, room, clock) -> None:
    sid, at, _ = room
    checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, 3, now=clock())
    checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, 2, now=clock.advance(1))
    before, kept = shown(store, sid), answers_kept(store)
    change = checklist.withdraw_last(store, sid, at[ItemKind.CHECKLIST], 0, now=clock.advance(1))
    assert change is not None
    assert change.said == "2 votes for “Shared vision” taken back"
    assert undo_change(store, change, clock.advance(1)) == (
        "Undone: 2 votes for “Shared vision” taken back."
    )
    assert shown(store, sid) == before
    assert answers_kept(store) == kept


def test_changes_undone_last_first_go_back_to_the_start(store, room, clock) -> None:
    sid, at, _ = room
    before = shown(store, sid)
    voted = checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, 4, now=clock())
    taken_back = checklist.withdraw_last(store, sid, at[ItemKind.CHECKLIST], 0, clock.advance(1))
    assert taken_back is not None
    undo_change(store, taken_back, clock.advance(1))
    undo_change(store, voted, clock.advance(1))
    assert shown(store, sid) == before


def test_a_rating_undone_leaves_the_scorecard_as_it_was(store, room, clock) -> None:
    sid, at, _ = room
    scorecard.rate(store, sid, at[ItemKind.SCORECARD], 0, 2, now=clock())
    before = shown(store, sid)
    change = scorecard.rate(store, sid, at[ItemKind.SCORECARD], 0, 4, now=clock.advance(1))
    assert change.said == "a rating of 4 for “We trust each other”"
    assert undo_change(store, change, clock.advance(1)) == (
        "Undone: a rating of 4 for “We trust each other”."
    )
    assert shown(store, sid) == before


def test_a_named_rating_undone_brings_back_the_one_it_replaced(store, room, clock) -> None:
    sid, at, people = room
    ade = people["Ade Okafor"]
    scorecard.rate(store, sid, at[ItemKind.SCORECARD], 0, 3, now=clock(), member_id=ade)
    scorecard.rate(store, sid, at[ItemKind.SCORECARD], 0, 1, now=clock.advance(1))
    before = shown(store, sid)
    change = scorecard.rate(
        store, sid, at[ItemKind.SCORECARD], 0, 5, now=clock.advance(1), member_id=ade
    )
    assert change.said == "Ade Okafor's rating of 5 for “We trust each other”"
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before
    assert scorecard.scorecard_results(store, sid, at[ItemKind.SCORECARD])[0].scores == (3, 1)


def test_a_rating_taken_back_is_brought_back(store, room, clock) -> None:
    sid, at, people = room
    ade = people["Ade Okafor"]
    scorecard.rate(store, sid, at[ItemKind.SCORECARD], 1, 4, now=clock(), member_id=ade)
    before = shown(store, sid)
    change = scorecard.withdraw_last(
        store, sid, at[ItemKind.SCORECARD], 1, now=clock.advance(1), member_id=ade
    )
    assert change is not None
    assert change.said == "Ade Okafor's rating of 4 for “We say what we think” taken back"
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before


def test_a_role_mark_undone_either_way(store, room, clock) -> None:
    sid, at, people = room
    ade = people["Ade Okafor"]
    roles.toggle_role(store, sid, at[ItemKind.ROLES], ade, "Shaper", now=clock())
    before = shown(store, sid)
    marked = roles.toggle_role(store, sid, at[ItemKind.ROLES], ade, "Plant", now=clock.advance(1))
    assert marked.said == "Ade Okafor as Plant"
    assert undo_change(store, marked, clock.advance(1)) == "Undone: Ade Okafor as Plant."
    assert shown(store, sid) == before
    unmarked = roles.toggle_role(
        store, sid, at[ItemKind.ROLES], ade, "Shaper", now=clock.advance(1)
    )
    assert unmarked.said == "Ade Okafor's mark as Shaper taken back"
    undo_change(store, unmarked, clock.advance(1))
    assert shown(store, sid) == before


def test_roles_set_at_once_are_undone_at_once(store, room, clock) -> None:
    sid, at, people = room
    ade = people["Ade Okafor"]
    roles.set_roles(store, sid, at[ItemKind.ROLES], ade, ["Shaper", "Plant"], now=clock())
    before = shown(store, sid)
    change = roles.set_roles(
        store,
        sid,
        at[ItemKind.ROLES],
        ade,
        ["Plant", "Specialist", "Teamworker"],
        now=clock.advance(1),
    )
    assert change.said == "Ade Okafor as Teamworker, Plant and Specialist"
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before
    cleared = roles.set_roles(store, sid, at[ItemKind.ROLES], ade, [], now=clock.advance(1))
    assert cleared.said == "Ade Okafor's team roles cleared"
    undo_change(store, cleared, clock.advance(1))
    assert shown(store, sid) == before


def test_a_private_answer_undone_brings_back_the_one_it_replaced(store, room, clock) -> None:
    sid, at, people = room
    bea = people["Bea Ng"]
    reflection.answer(store, sid, at[ItemKind.REFLECTION], bea, "Listen more", now=clock())
    before = shown(store, sid)
    change = reflection.answer(
        store, sid, at[ItemKind.REFLECTION], bea, "Speak up", now=clock.advance(1)
    )
    # Its words are private: the change says whose answer it was, never what.
    assert change.said == "Bea Ng's answer"
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before
    unnamed = reflection.answer(
        store, sid, at[ItemKind.REFLECTION], None, "Hope", now=clock.advance(1)
    )
    assert unnamed.said == "an unnamed answer"
    undo_change(store, unnamed, clock.advance(1))
    assert shown(store, sid) == before


def test_a_private_answer_taken_back_is_brought_back(store, room, clock) -> None:
    sid, at, people = room
    reflection.answer(store, sid, at[ItemKind.REFLECTION], people["Bea Ng"], "Pace", now=clock())
    before = shown(store, sid)
    change = reflection.withdraw(
        store, sid, at[ItemKind.REFLECTION], people["Bea Ng"], now=clock.advance(1)
    )
    assert change is not None and change.said == "Bea Ng's answer taken back"
    undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before


def test_nothing_is_undone_once_the_session_has_finished(store, room, clock) -> None:
    sid, at, _ = room
    change = checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, now=clock())
    running.finish_session(store, sid, now=clock.advance(60))
    before = shown(store, sid)
    with pytest.raises(UndoRefusedError, match="This session has finished"):
        undo_change(store, change, clock.advance(1))
    assert shown(store, sid) == before


def test_a_vote_taken_back_since_is_not_undone_again(store, room, clock) -> None:
    sid, at, _ = room
    change = checklist.vote(store, sid, at[ItemKind.CHECKLIST], 0, now=clock())
    checklist.withdraw_last(store, sid, at[ItemKind.CHECKLIST], 0, now=clock.advance(1))
    before = shown(store, sid)
    with pytest.raises(UndoRefusedError) as refused:
        undo_change(store, change, clock.advance(1))
    assert str(refused.value) == (
        "Cannot undo one vote for “Shared vision”: it has been taken back since."
    )
    assert shown(store, sid) == before


def test_an_answer_brought_back_since_is_not_brought_back_again(store, room, clock) -> None:
    sid, at, people = room
    ade = people["Ade Okafor"]
    roles.toggle_role(store, sid, at[ItemKind.ROLES], ade, "Plant", now=clock())
    unmarked = roles.toggle_role(store, sid, at[ItemKind.ROLES], ade, "Plant", clock.advance(1))
    undo_change(store, unmarked, clock.advance(1))
    with pytest.raises(UndoRefusedError, match="what it took back has changed since"):
        undo_change(store, unmarked, clock.advance(1))


def test_a_long_subject_is_cut_short_in_the_words(store, clock) -> None:
    long = "We share one view of where the network is going and why " * 3
    card = AgendaItem("Long", 300, ItemKind.SCORECARD, areas=(ScorecardArea("A", (long,)),))
    programme = create_programme(store, "Long programme")
    sid = planning.start_session(
        store,
        programme.id,
        Agenda(title="Long", sections=(Section("Only", None, (card,)),), source="test"),
    )
    change = scorecard.rate(store, sid, 0, 0, 3, now=clock())
    quoted = change.said.removeprefix("a rating of 3 for ")
    assert quoted.startswith("“We share one view") and quoted.endswith("…”")
    assert len(quoted) <= 62
