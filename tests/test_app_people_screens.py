"""The actions, search and members screens, opened from Home and driven by keys."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from textual.widgets import Input, OptionList, Select

from facilitator.screens.actions import ActionsScreen
from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.home import HomeScreen
from facilitator.screens.members import MemberFormScreen, MembersScreen
from facilitator.screens.search import SearchScreen
from sessions.models import Member
from sessions.services import notes, people, planning
from sessions.services.actions import list_actions
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text, type_text

TODAY = date(2026, 11, 23)
SAID_AT = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def programme_id(db_path: Path, small_agenda) -> int:
    """A programme with one session: an overdue action, a later one, and a plain note."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    for position, line in [
        (0, "a: send the draft @Sam 2026-11-20"),
        (1, "a: book the room [bold]x[/] @Dr Patel 2026-12-01"),
        (1, "We want one front door for patients"),
    ]:
        # Said on TODAY at midday, whatever day the tests run: the search list shows the date.
        notes.add_note(store, session_id, position, line, "deal", today=TODAY, now=SAID_AT)
    store.close()
    return programme.id


def rendered(widget) -> str:
    """What the widget draws on the terminal, line by line."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join("".join(segment.text for segment in strip) for strip in lines)


def prompts(option_list: OptionList) -> list[str]:
    return [str(option.prompt) for option in option_list.options]


def statuses(db_path: Path, programme_id: int) -> dict[str, str]:
    store = Store.open(db_path)
    try:
        return {a.text: a.status for a in list_actions(store, programme_id, today=TODAY)}
    finally:
        store.close()


async def open_from_home(pilot, key: str, screen_type):
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)
    return pilot.app.screen


async def test_actions_show_owner_due_date_where_raised_and_overdue(
    clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "a", ActionsScreen)
        actions = screen.query_one("#actions", OptionList)
        first, second = prompts(actions)
        assert first.startswith(" OVERDUE  send the draft")
        assert "@Sam · due 2026-11-20 · open · session 1 · Introductions" in first
        assert "OVERDUE" not in second
        assert "@Dr Patel · due 2026-12-01 · open · session 1 · What can we only" in second
        # Markup in a note is shown as typed, on the terminal too.
        assert "book the room [bold]x[/]" in rendered(actions)
        assert "2 listed, 1 overdue" in static_text(screen, "#filter-line")
        # The highlighted action is shown in full, above the footer of an 80x24 terminal.
        detail = screen.query_one("#action-detail")
        assert "send the draft" in static_text(screen, "#action-detail")
        assert detail.region.height > 0 and detail.region.bottom <= 23
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_owner_filter_narrows_as_typed_and_letters_stay_text(
    db_path: Path, clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "a", ActionsScreen)
        await pilot.press("tab")
        assert isinstance(screen.focused, Input)
        await type_text(pilot, "dr")  # `d` is the done key on the list, but text here
        await pilot.pause()
        assert screen.query_one("#owner", Input).value == "dr"
        listed = prompts(screen.query_one("#actions", OptionList))
        assert [prompt.split("\n")[0].strip() for prompt in listed] == ["book the room [bold]x[/]"]
        assert "owned by 'dr'" in static_text(screen, "#filter-line")
        await type_text(pilot, "x")
        await pilot.pause()
        assert "No actions match" in prompts(screen.query_one("#actions", OptionList))[0]
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert screen.focused is screen.query_one("#actions", OptionList)
        await pilot.press("d")
        await pilot.pause()
    assert statuses(db_path, programme_id) == {
        "send the draft": "open",
        "book the room [bold]x[/]": "done",
    }


async def test_status_keys_commit_at_once_and_the_filter_cycles(
    db_path: Path, clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "a", ActionsScreen)
        actions = screen.query_one("#actions", OptionList)
        await pilot.press("d")  # the overdue one, highlighted first
        await pilot.pause()
        assert statuses(db_path, programme_id)["send the draft"] == "done"
        assert "· done ·" in prompts(actions)[0] and "OVERDUE" not in prompts(actions)[0]

        await pilot.press("f")  # open only
        await pilot.pause()
        assert "Showing open actions" in static_text(screen, "#filter-line")
        assert len(prompts(actions)) == 1 and "book the room" in prompts(actions)[0]
        await pilot.press("x")
        await pilot.pause()
        assert statuses(db_path, programme_id)["book the room [bold]x[/]"] == "dropped"
        assert "No actions match" in prompts(actions)[0]

        await pilot.press("f", "f")  # done, then dropped
        await pilot.pause()
        assert "Showing dropped actions" in static_text(screen, "#filter-line")
        assert "book the room" in prompts(actions)[0]
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("F")  # back to done: the first action
        await pilot.pause()
        assert "Showing done actions" in static_text(screen, "#filter-line")
        await pilot.press("o")
        await pilot.pause()
    assert statuses(db_path, programme_id) == {
        "send the draft": "open",
        "book the room [bold]x[/]": "open",
    }


async def test_actions_empty_state_explains_how_actions_are_made(
    db_path: Path, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    create_programme(store, "Quiet programme")
    store.close()
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "a", ActionsScreen)
        (message,) = prompts(screen.query_one("#actions", OptionList))
        assert "a:" in message and "@owner" in message and "due date" in message
        await pilot.press("d")  # nothing to mark: a warning, not a crash
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)


async def test_home_keys_ask_for_a_programme_first(make_facilitator_app) -> None:
    app = make_facilitator_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("a", "slash", "m"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert any("Create a programme first" in n.message for n in app._notifications)


async def test_search_finds_a_note_and_shows_where_it_was_said(
    clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "slash", SearchScreen)
        hits = screen.query_one("#hits", OptionList)
        assert "Type words" in static_text(screen, "#search-status")
        assert not hits.display

        await type_text(pilot, "FRONT do")  # word starts, any case
        await pilot.pause()
        (hit,) = prompts(hits)
        assert "DEAL" in hit and "We want one front door for patients" in hit
        assert "session 1 · What can we only do together? · 2026-11-2" in hit
        assert "1 note match" in static_text(screen, "#search-status")

        await pilot.press("enter")  # to the hits
        await pilot.press("enter")  # pick the highlighted one
        await pilot.pause()
        detail = static_text(screen, "#hit-detail")
        assert "Session 1 · item 2: What can we only do together?" in detail
        assert "Deal note" in detail and "We want one front door for patients" in detail
        assert screen.query_one("#hit-detail-box").region.bottom <= 23

        await pilot.press("slash")  # back to the words, to search again
        await type_text(pilot, "zebra")
        await pilot.pause()
        assert "No notes match" in static_text(screen, "#search-status")
        assert not hits.display and not screen.query_one("#hit-detail-box").display

        screen.query_one("#query", Input).value = "room"
        await pilot.pause()
        assert "book the room [bold]x[/]" in rendered(hits)

        screen.query_one("#query", Input).value = "   "
        await pilot.pause()
        assert "Type words" in static_text(screen, "#search-status")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_members_add_refuse_a_duplicate_and_archive(
    db_path: Path, clock, programme_id: int, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_home(pilot, "m", MembersScreen)
        members = screen.query_one("#members", OptionList)
        assert "No members yet" in prompts(members)[0]

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        await type_text(pilot, "Dr Asha Patel")
        await pilot.press("tab")
        await type_text(pilot, "Harbour Surgery")
        form.query_one("#kind", Select).value = "practice"
        form.query_one("#role", Input).focus()
        await type_text(pilot, "GP partner")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert prompts(members) == ["Dr Asha Patel · Harbour Surgery (practice) · GP partner"]

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await type_text(pilot, "dr asha patel")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # refused: the form stays, with what was typed
        assert form.query_one("#name", Input).value == "dr asha patel"
        assert "already a member" in static_text(form, "#error")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "[bold]Sam[/]")
        await pilot.press("enter")
        await pilot.pause()
        assert "[bold]Sam[/] (other)" in rendered(members)
        assert members.highlighted == 1  # the one just added

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert len(prompts(members)) == 2
        await pilot.press("delete")
        await pilot.press("y")
        await pilot.pause()
        assert prompts(members) == ["Dr Asha Patel · Harbour Surgery (practice) · GP partner"]
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)

    store = Store.open(db_path)
    try:
        assert [m.name for m in people.list_members(store, programme_id)] == ["Dr Asha Patel"]
        with store.reading() as db:
            sam = db.scalar(select(Member).where(Member.name == "[bold]Sam[/]"))
            assert sam is not None and sam.archived_at is not None  # kept, only archived
    finally:
        store.close()
