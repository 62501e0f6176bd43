"""ctrl+z on the session screen takes back the last change, whichever key made it: a vote,
a rating, a role mark, a review outcome, a private answer, or a deleted note."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from sessions.services import notes, running
from sessions.services.checklist import checklist_results
from sessions.services.matters_arising import review_entries
from sessions.services.reflection import reflections
from sessions.services.roles import roles_board
from sessions.services.scorecard import scorecard_results
from sessions.store import Store
from sessions.vocabulary import ItemKind
from tests.pilot import activity_key, second_session, type_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


def at(db_path, clock, kind: str) -> tuple[int, int]:
    """(session, position): session 2 of a programme, its clock moved to its item of `kind`."""
    sid = second_session(db_path, clock)
    store = Store.open(db_path)
    try:
        position = next(i.position for i in running.get_session(store, sid).items if i.kind == kind)
        running.toggle_clock(store, sid, clock.advance(10))
        running.jump(store, sid, position, clock.advance(10))
    finally:
        store.close()
    return sid, position


async def resume(pilot):
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


async def undo(pilot) -> None:
    await pilot.press("ctrl+z")
    await pilot.pause()


async def test_a_vote_and_a_withdrawal_are_each_undone(
    db_path, clock, make_facilitator_app
) -> None:
    sid, at_item = at(db_path, clock, ItemKind.CHECKLIST)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await resume(pilot)

        def votes() -> list[int]:
            return [r.votes for r in checklist_results(app.store, sid, at_item)]

        await activity_key(pilot, "5", "space")
        assert votes()[0] == 6
        await undo(pilot)
        assert votes()[0] == 5
        await activity_key(pilot, "backspace")  # takes back the five
        assert votes()[0] == 0
        await undo(pilot)
        assert votes()[0] == 5
        await undo(pilot)
        assert votes()[0] == 0
        await undo(pilot)  # nothing left: says so, changes nothing
        assert votes()[0] == 0


async def test_a_rating_and_a_role_mark_are_undone(db_path, clock, make_facilitator_app) -> None:
    sid, card = at(db_path, clock, ItemKind.SCORECARD)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await resume(pilot)
        await activity_key(pilot, "4")
        assert scorecard_results(app.store, sid, card)[0].scores == (4,)
        await undo(pilot)
        assert scorecard_results(app.store, sid, card)[0].scores == ()
        assert screen.query_one("#note", Input).has_focus

        roles_at = next(i.position for i in screen.opened.items if i.kind == ItemKind.ROLES)
        while screen.state.position != roles_at:
            await pilot.press("ctrl+n")
            await pilot.pause()
        await activity_key(pilot, "space")
        assert roles_board(app.store, sid, roles_at).members[0].roles == ("Shaper",)
        await undo(pilot)
        assert roles_board(app.store, sid, roles_at).members[0].roles == ()


async def test_a_review_goes_back_to_to_review_with_its_date(
    db_path, clock, make_facilitator_app
) -> None:
    sid, _ = at(db_path, clock, ItemKind.MATTERS_ARISING)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await resume(pilot)
        before = review_entries(app.store, sid)
        await activity_key(pilot, "d")
        assert [e.outcome for e in review_entries(app.store, sid)].count("done") == 1
        await undo(pilot)
        assert review_entries(app.store, sid) == before

        await activity_key(pilot, "k")
        await type_text(pilot, "2027-02-01")
        await pilot.press("enter")
        await pilot.pause()
        assert [e.outcome for e in review_entries(app.store, sid)].count("kept") == 1
        await undo(pilot)
        assert review_entries(app.store, sid) == before


async def test_an_answer_and_a_deleted_note_are_undone_newest_first(
    db_path, clock, make_facilitator_app
) -> None:
    sid, item = at(db_path, clock, ItemKind.REFLECTION)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await resume(pilot)
        await type_text(pilot, "Kept then deleted")
        await pilot.press("enter")
        await pilot.pause()
        await activity_key(pilot, "enter")  # Ann's private answer
        await type_text(pilot, "Less email")
        await pilot.press("enter")
        await pilot.pause()
        assert reflections(app.store, sid, item).answered == 1
        await pilot.press("tab", "tab")  # past the answers, to the notes
        await pilot.press("delete")
        await pilot.pause()
        assert notes.list_notes(app.store, sid, item) == []

        await undo(pilot)  # the delete, made last
        assert [n.text for n in notes.list_notes(app.store, sid, item)] == ["Kept then deleted"]
        assert reflections(app.store, sid, item).answered == 1
        await undo(pilot)  # then the answer
        assert reflections(app.store, sid, item).answered == 0
        assert screen.query_one("#note", Input).value == ""
