"""In the app: naming the facilitator, and the minutes screen writing all three formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Markdown

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.finish import FinishScreen
from facilitator.screens.home import HomeScreen
from facilitator.screens.next_session import NextSessionScreen
from facilitator.screens.session import SessionScreen
from sessions.services import notes, planning, running
from sessions.services.minutes import minutes_markdown
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import add_note, create_and_start, static_text, type_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


async def _finish(pilot) -> FinishScreen:
    await pilot.press("ctrl+f")
    await pilot.press("y")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FinishScreen)
    return screen


async def _written(pilot, screen: FinishScreen, key: str) -> None:
    await pilot.press(key)
    await screen.workers.wait_for_complete()
    await pilot.pause()


async def test_the_finish_screen_writes_html_and_word_beside_the_markdown(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await add_note(pilot, "We want one <b>front</b> door | for patients")
        screen = await _finish(pilot)
        folder = isolated_home / "minutes"
        assert set(screen.written) == {"md"}
        shown = static_text(screen, "#minutes-path")
        assert f"Written to {folder}" in shown and "harbour-programme-session-1.md" in shown
        preview = screen.query_one("#preview", Markdown).source
        assert preview.startswith("# Harbour programme: session 1")

        await _written(pilot, screen, "w")
        await _written(pilot, screen, "b")
        assert screen.written == {
            "md": folder / "harbour-programme-session-1.md",
            "docx": folder / "harbour-programme-session-1.docx",
            "html": folder / "harbour-programme-session-1.html",
        }
        shown = static_text(screen, "#minutes-path")
        assert (
            "harbour-programme-session-1.md · harbour-programme-session-1.html · "
            "harbour-programme-session-1.docx"
        ) in shown
        assert screen.query_one("#write-docx", Button).variant == "success"
        html = screen.written["html"].read_text(encoding="utf-8")
        assert "&lt;b&gt;front&lt;/b&gt; door | for patients" in html
        from docx import Document

        texts = [p.text for p in Document(str(screen.written["docx"])).paragraphs]
        assert "We want one <b>front</b> door | for patients" in texts


async def test_a_minutes_folder_that_cannot_be_written_is_said_and_the_app_goes_on(
    clock, isolated_home, monkeypatch, make_facilitator_app
) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    blocker = isolated_home / "not a folder"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_MINUTES_DIR", str(blocker / "minutes"))
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_and_start(pilot)
        await add_note(pilot, "Kept whatever the disk says")
        screen = await _finish(pilot)
        assert screen.written == {}
        await _written(pilot, screen, "w")
        shown = static_text(screen, "#minutes-path")
        assert shown.startswith("Word: Could not write ")
        assert screen.query_one("#write-docx", Button).loading is False
        # The session is finished and whole: the minutes can be written once the disk allows.
        assert "- Kept whatever the disk says" in screen.query_one("#preview", Markdown).source
        monkeypatch.setenv("FACILITATOR_MINUTES_DIR", str(isolated_home / "elsewhere"))
        await _written(pilot, screen, "w")
        assert screen.written == {
            "docx": isolated_home / "elsewhere" / "harbour-programme-session-1.docx"
        }
        assert "Could not write" not in static_text(screen, "#minutes-path")


@pytest.fixture
def finished_programme(db_path: Path, small_agenda, clock) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "d: An old decision", "deal", now=clock())
    running.finish_session(store, sid, clock.advance(600))
    store.close()
    return programme.id


async def test_enter_on_a_finished_session_opens_its_minutes(
    clock, finished_programme, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.query_one("#sessions", DataTable).has_focus
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        assert static_text(screen, "#finished") == "Session 1: its minutes"
        assert static_text(screen, "#minutes-path").startswith("Not written yet")
        assert "- An old decision" in screen.query_one("#preview", Markdown).source
        assert "**Facilitator:** Morgan Lee" in screen.query_one("#preview", Markdown).source
        # With no reflection in the session there are no private answers to choose about.
        assert not screen.check_action("toggle_private", ())
        await _written(pilot, screen, "m")
        assert (
            screen.written["md"]
            .read_text(encoding="utf-8")
            .startswith("# Harbour programme: session 1")
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dashboard


async def test_the_facilitator_is_remembered_for_the_next_session(
    clock, finished_programme, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NextSessionScreen)
        name = dialog.query_one("#facilitator", Input)
        assert name.value == "Morgan Lee"
        name.value = ""
        name.focus()
        await type_text(pilot, "Priya  Shah ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        session = running.get_session(app.store, app.screen.session_id)
        assert session.number == 2
        assert "**Facilitator:** Priya Shah\n" in minutes_markdown(app.store, session.id)


async def test_a_name_too_long_is_refused_in_the_dialog(
    clock, finished_programme, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#facilitator", Input).value = "x" * 201
        dialog.query_one("#facilitator", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "keep it to 200" in static_text(dialog, "#error")
        assert dialog.query_one("#facilitator", Input).value == "x" * 201
        # Nothing else was opened: the dialog stands on the home screen, the first screen.
        assert len(app.screen_stack) == 2 and isinstance(app.screen_stack[0], HomeScreen)
