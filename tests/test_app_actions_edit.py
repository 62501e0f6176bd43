"""Changing an action from the actions list: its words, owner and due date, and marking it at
risk, each change kept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from facilitator.screens.actions import ActionsScreen
from facilitator.screens.edit_action import EditActionScreen
from facilitator.screens.home import HomeScreen
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text, type_text

TODAY = date(2026, 11, 23)
SAID_AT = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def finished(db_path: Path, small_agenda) -> tuple[int, int]:
    """A finished session that raised one action. (programme, session)"""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, session_id, SAID_AT)
    notes.add_note(
        store, session_id, 1, "a: send the draft @Sam 2026-12-01", "deal", today=TODAY, now=SAID_AT
    )
    running.finish_session(store, session_id, SAID_AT.replace(hour=13))
    store.close()
    return programme.id, session_id


def _actions(db_path: Path, programme_id: int):
    store = Store.open(db_path)
    try:
        return list_actions(store, programme_id, today=TODAY)
    finally:
        store.close()


def _minutes(db_path: Path, session_id: int) -> bytes:
    store = Store.open(db_path)
    try:
        return render_minutes(store, session_id, "md")
    finally:
        store.close()


async def _open_actions(pilot) -> ActionsScreen:
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionsScreen)
    return pilot.app.screen


async def test_an_action_is_changed_through_its_dialog(
    db_path: Path, clock, finished, make_facilitator_app
) -> None:
    programme_id, session_id = finished
    minutes_before = _minutes(db_path, session_id)
    clock.current = SAID_AT.replace(day=24)  # the day after the session
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_actions(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditActionScreen)
        assert dialog.query_one("#text", Input).value == "send the draft"
        assert dialog.query_one("#due", Input).value == "2026-12-01"
        # A date that is not one is refused, and everything typed stays.
        dialog.query_one("#text", Input).value = "send the final draft"
        dialog.query_one("#owner", Input).value = "Sam Jones"
        dialog.query_one("#due", Input).focus()
        dialog.query_one("#due", Input).value = ""
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "'someday' is not a date" in static_text(dialog, "#error")
        assert dialog.query_one("#text", Input).value == "send the final draft"
        dialog.query_one("#due", Input).value = "2026-12-08"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        (prompt,) = [str(o.prompt) for o in screen.query_one("#actions", OptionList).options]
        assert prompt.startswith("send the final draft")
        assert "1.1 · @Sam Jones · due 2026-12-08 (was 2026-12-01) · open" in prompt
        clock.advance(60)
        await pilot.press("r")
        await pilot.pause()
        assert "Latest: Marked at risk (Tue 24 Nov 2026)" in static_text(screen, "#action-detail")
    (action,) = _actions(db_path, programme_id)
    assert (action.text, action.owner, action.due, action.status) == (
        "send the final draft",
        "Sam Jones",
        date(2026, 12, 8),
        "at risk",
    )
    # The finished session's minutes still say what stood when it finished.
    assert _minutes(db_path, session_id) == minutes_before


async def test_escape_changes_nothing(db_path: Path, clock, finished, make_facilitator_app) -> None:
    programme_id, _ = finished
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actions(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "something else"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
    (action,) = _actions(db_path, programme_id)
    assert action.text == "send the draft" and action.update == ""
