"""The minutes item in the session screen: `a` approves the highlighted minutes, `m` amends
them (an erratum once approved), each with who proposed it; ctrl+z takes a change back."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from facilitator.screens.amend_minutes import AmendMinutesScreen
from facilitator.screens.help_page import help_markdown
from facilitator.screens.session import SessionScreen
from facilitator.widgets.minutes_approval_panel import MinutesApprovalPanel
from sessions.agenda.library import find_agenda
from sessions.services import minutes_approval, notes, planning, running
from sessions.store import Store
from tests.pilot import activity_key, option_texts, second_session, settled, type_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


def at_minutes(db_path, clock) -> int:
    """Session 2 of a programme, its clock started at its first item: the minutes of session 1."""
    sid = second_session(db_path, clock)
    store = Store.open(db_path)
    try:
        running.toggle_clock(store, sid, clock.advance(10))
    finally:
        store.close()
    return sid


async def resume(pilot) -> tuple[SessionScreen, MinutesApprovalPanel]:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    panel = screen.query_one(MinutesApprovalPanel)
    assert panel.display and screen.query_one("#note", Input).has_focus
    return screen, panel


def first_minutes(app, sid: int) -> minutes_approval.MinutesStatus:
    return minutes_approval.approval_entries(app.store, sid)[0]


async def amend_with(pilot, words: str, proposer: str, *, down: int = 0) -> None:
    """`m`, the words, who proposed it (and ↓ that many times in the list), then Enter."""
    await activity_key(pilot, "m")
    assert await settled(pilot, lambda: isinstance(pilot.app.screen, AmendMinutesScreen))
    await type_text(pilot, words)
    await pilot.press("tab")
    await type_text(pilot, proposer)
    for _ in range(down):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_a_approves_the_minutes_and_ctrl_z_takes_it_back(
    db_path, clock, make_facilitator_app
) -> None:
    sid = at_minutes(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await resume(pilot)
        rows = option_texts(panel)
        assert rows[0].startswith("Session 1 · ") and rows[0].endswith(" · to approve")
        assert "1 to approve" in str(panel.border_title)

        await activity_key(pilot, "a")
        assert first_minutes(app, sid).approved_in == 2
        assert option_texts(panel)[0].endswith(" · approved here")
        assert "none to approve" in str(panel.border_title)
        assert screen.query_one("#note", Input).has_focus

        await activity_key(pilot, "a")  # twice: refused, and said why
        assert any("already approved" in n.message for n in app._notifications)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert first_minutes(app, sid).approved_in is None
        assert option_texts(panel)[0].endswith(" · to approve")


async def test_m_amends_with_a_member_or_a_name_typed_and_esc_keeps_nothing(
    db_path, clock, make_facilitator_app
) -> None:
    sid = at_minutes(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await resume(pilot)

        await amend_with(pilot, "Bea sent apologies", "be")  # finds Bea, the member
        assert isinstance(app.screen, SessionScreen)
        await amend_with(pilot, "Item 3 was deferred", "The chair", down=0)
        assert isinstance(app.screen, SessionScreen)
        changes = first_minutes(app, sid).amendments
        assert [(c.kind, c.text, c.proposer) for c in changes] == [
            ("amendment", "Bea sent apologies", "Bea"),
            ("amendment", "Item 3 was deferred", "The chair"),
        ]
        rows = option_texts(panel)
        assert rows[1] == "    amendment: Bea sent apologies — proposed by Bea"
        assert rows[2] == "    amendment: Item 3 was deferred — proposed by The chair"

        # Esc: the words typed are not saved.
        await activity_key(pilot, "m")
        assert await settled(pilot, lambda: isinstance(app.screen, AmendMinutesScreen))
        await type_text(pilot, "Never mind")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert len(first_minutes(app, sid).amendments) == 2
        assert screen.query_one("#note", Input).has_focus

        # ctrl+z takes back the last amendment.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [c.text for c in first_minutes(app, sid).amendments] == ["Bea sent apologies"]

        # Approved with the amendment agreed so far.
        await activity_key(pilot, "a")
        approved = first_minutes(app, sid)
        assert approved.approved_in == 2 and len(approved.amendments) == 1


async def test_a_refusal_keeps_the_dialog_and_what_was_typed(
    db_path, clock, make_facilitator_app
) -> None:
    sid = at_minutes(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await resume(pilot)
        await activity_key(pilot, "m")
        assert await settled(pilot, lambda: isinstance(app.screen, AmendMinutesScreen))
        dialog = app.screen
        await type_text(pilot, "Bea sent apologies")
        await pilot.press("enter")  # nobody said who proposed it
        await pilot.pause()
        assert app.screen is dialog
        assert "Say who proposed it" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#words", Input).value == "Bea sent apologies"
        assert first_minutes(app, sid).amendments == ()

        await pilot.press("tab")
        await type_text(pilot, "ann")
        assert option_texts(dialog.query_one("#proposers", OptionList))[0] == "Ann  present"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [c.proposer for c in first_minutes(app, sid).amendments] == ["Ann"]


async def test_approved_minutes_take_an_erratum(db_path, clock, make_facilitator_app) -> None:
    """Session 1's minutes approved at session 2; session 3 corrects them."""
    second = at_minutes(db_path, clock)
    store = Store.open(db_path)
    try:
        minutes_of = minutes_approval.approval_entries(store, second)[0].session_id
        minutes_approval.approve(store, second, minutes_of, now=clock.advance(10))
        running.finish_session(store, second, clock.advance(60))
        programme = running.get_session(store, second).programme_id
        third = planning.start_session(store, programme, find_agenda("pcn-partnership-4-step"))
        running.toggle_clock(store, third, clock.advance(10))
    finally:
        store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _, panel = await resume(pilot)
        rows = option_texts(panel)
        assert rows[0].startswith("Session 2 · ") and rows[0].endswith(" · to approve")
        assert rows[1].startswith("Session 1 · ") and rows[1].endswith(" · approved at session 2")
        await pilot.press("down")  # from the note line, to session 1's minutes
        await pilot.pause()
        await activity_key(pilot, "m")
        assert await settled(pilot, lambda: isinstance(app.screen, AmendMinutesScreen))
        heading = str(app.screen.query_one(".heading").render())
        assert heading == "An erratum to the minutes of session 1 (approved at session 2)"
        await type_text(pilot, "The date of the next meeting was 3 March")
        await pilot.press("tab")
        await type_text(pilot, "The chair")
        await pilot.press("enter")
        await pilot.pause()
        errata = minutes_approval.minutes_status(app.store, minutes_of).errata
        assert [(e.kind, e.proposer, e.made_in) for e in errata] == [("erratum", "The chair", 3)]
        rows = option_texts(panel)
        assert rows[2] == (
            "    erratum: The date of the next meeting was 3 March — proposed by The chair"
        )


async def test_keys_typed_at_the_note_line_are_a_note_not_an_approval(
    db_path, clock, make_facilitator_app
) -> None:
    sid = at_minutes(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await resume(pilot)
        await type_text(pilot, "a m agreed")
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in notes.list_notes(app.store, sid, 0)] == ["a m agreed"]
        # Armed, a key the panel does not use goes to the note line, and approves nothing.
        await activity_key(pilot, "z")
        assert app.screen.query_one("#note", Input).value == "z"
        status = first_minutes(app, sid)
        assert status.approved_in is None and status.amendments == ()


def test_the_keys_are_on_the_help_page() -> None:
    page = help_markdown()
    assert "## Minutes of the last meeting" in page
    assert "| a | Approve the highlighted minutes" in page
    assert "| m | Add an amendment to the highlighted minutes" in page
