"""ctrl+e in the session: a proposal put to the room, hands counted at the keyboard, and the
outcome closing it into the item's decisions."""

from __future__ import annotations

from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.proposal import ProposalScreen
from facilitator.screens.session import SessionScreen
from sessions.services import notes, proposals
from sessions.vocabulary import ItemKind
from tests.pilot import bundled_session_at, settled, static_text, type_text

ROTA = "Adopt the shared weekend rota"


async def test_ctrl_e_puts_a_proposal_and_again_counts_hands_and_closes_it(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.DISCUSSION)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        await pilot.press("ctrl+e")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, ProposalScreen))
        await type_text(pilot, ROTA)
        await pilot.press("enter")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
        put = proposals.open_proposal(app.store, sid)
        assert put is not None and (put.text, put.position) == (ROTA, position)
        await pilot.press("ctrl+e")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, ProposalScreen))
        for key in "3445":
            await pilot.press(key)
        await pilot.pause()
        assert "4 answers · lowest 3" in static_text(pilot.app.screen, "#proposal-spread")
        await pilot.press("c")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
    assert proposals.open_proposal(app.store, sid) is None
    [decision] = [n.text for n in notes.list_notes(app.store, sid, position)]
    assert decision.startswith(f"Carried: {ROTA} (fist of five, 4 answers, lowest 3")


async def test_letters_typed_into_a_proposal_are_words_not_outcomes(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, _ = bundled_session_at(db_path, clock, ItemKind.DISCUSSION)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+e")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, ProposalScreen))
        await type_text(pilot, "cnd 5")
        await pilot.press("escape")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
    assert proposals.proposals_of(app.store, sid) == []


async def test_the_projector_shows_the_proposal_and_how_many_answered_not_the_spread(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, position = bundled_session_at(db_path, clock, ItemKind.DISCUSSION)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        proposals.put_proposal(app.store, sid, position, ROTA)
        for fingers in (0, 5, 5):
            proposals.count_hands(app.store, sid, fingers)
        await pilot.press("f5")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, ProjectorScreen))
        shown = static_text(pilot.app.screen, "#p-proposal")
        assert ROTA in shown and "3 answers so far" in shown
        assert "lowest" not in shown and "block" not in shown


async def test_finishing_with_a_proposal_open_says_the_minutes_will_not_record_it(
    db_path, clock, make_facilitator_app
) -> None:
    from facilitator.screens.confirm import ConfirmScreen

    _, sid, position = bundled_session_at(db_path, clock, ItemKind.DISCUSSION)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        proposals.put_proposal(app.store, sid, position, ROTA)
        await pilot.press("ctrl+f")
        assert await settled(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        said = " ".join(str(s.render()) for s in pilot.app.screen.query("Static"))
        assert f"The proposal \u201c{ROTA}\u201d is still open" in said
        await pilot.press("n")
        await pilot.pause()
    assert proposals.open_proposal(app.store, sid) is not None
