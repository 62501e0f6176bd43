"""In the app: minutes that hold what looks like patient details are written only once the
facilitator has chosen, for each finding, to redact it, keep it, or edit the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown

from facilitator.screens.edit_found_note import EditFoundNoteScreen
from facilitator.screens.finish import CHOOSE_FIRST, FinishScreen
from facilitator.widgets.identifier_review import IdentifierReview
from sessions.services import notes
from sessions.services.governance import minutes_findings
from sessions.services.minutes import write_minutes
from sessions.services.note_editing import note_history
from sessions.services.watching import RoomWatcher
from tests.pilot import add_note, create_and_start, static_text
from tests.test_private_answers import mirror_holder

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS = "943 476 5919"
NOTE = f"Mrs Able rang about access, NHS {NHS}"
REDACTED = "[redacted: NHS number]"
IN_MARKDOWN = REDACTED
"""As Markdown writes it: the words themselves, its brackets not escaped."""
MINUTES = "harbour-programme-session-1"


def folder(isolated_home: Path) -> Path:
    return isolated_home / "minutes"


def written_files(isolated_home: Path) -> list[str]:
    where = folder(isolated_home)
    return sorted(path.name for path in where.iterdir()) if where.is_dir() else []


def rows(review: IdentifierReview) -> list[str]:
    return [str(review.get_option_at_index(i).prompt) for i in range(review.option_count)]


async def finished_with(pilot, *lines: str) -> FinishScreen:
    """A session of the bundled agenda with these notes, finished: the minutes screen."""
    await create_and_start(pilot)
    for line in lines:
        await add_note(pilot, line)
    await pilot.press("ctrl+f")
    await pilot.press("y")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FinishScreen)
    return screen


async def written(pilot, screen: FinishScreen, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await screen.workers.wait_for_complete()
    await pilot.pause()


def notes_now(app, screen: FinishScreen) -> list[str]:
    return [note.text for note in notes.list_notes(app.store, screen.session_id)]


@pytest.mark.parametrize("size", [(80, 24), (200, 55)])
async def test_nothing_is_written_until_each_finding_is_chosen_then_redacted(
    size, clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=size) as pilot:
        screen = await finished_with(pilot, NOTE)
        review = screen.query_one(IdentifierReview)
        assert screen.written == {} and written_files(isolated_home) == []
        assert static_text(screen, "#minutes-path") == CHOOSE_FIRST
        assert review.display and review.has_focus
        [row] = rows(review)
        assert row.startswith("[ to choose ] NHS number · session 1, item ")
        assert row.endswith(f"note · {NHS}")
        # The list and the preview share the screen, the keys still in sight.
        assert review.region.bottom < size[1] - 1
        assert screen.query_one("#preview-box").region.height >= 3

        await written(pilot, screen, "m", "b", "w")  # not before a choice
        assert screen.written == {} and written_files(isolated_home) == []

        await written(pilot, screen, "r")  # the finish's Markdown goes once all are chosen
        assert rows(review)[0].startswith("[ redacted ] NHS number")
        assert "1 redacted in these minutes, 0 kept" in str(review.border_title)
        await written(pilot, screen, "m")
        await written(pilot, screen, "w")
        markdown = (folder(isolated_home) / f"{MINUTES}.md").read_text(encoding="utf-8")
        assert f"Mrs Able rang about access, NHS {IN_MARKDOWN}" in markdown and NHS not in markdown
        from docx import Document

        docx = Document(str(folder(isolated_home) / f"{MINUTES}.docx"))
        texts = "\n".join(p.text for p in docx.paragraphs)
        assert REDACTED in texts and NHS not in texts
        assert set(screen.written) == {"md", "docx"}
        # The database keeps the note as it was typed.
        assert notes_now(app, screen) == [NOTE]


async def test_each_choice_moves_on_to_the_next_finding_and_arrows_move_between_them(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE, "Her postcode is LS1 4AB", "DOB 12/03/1954")
        review = screen.query_one(IdentifierReview)
        assert [row.split(" · ")[0] for row in rows(review)] == [
            "[ to choose ] NHS number",
            "[ to choose ] postcode",
            "[ to choose ] date of birth",
        ]
        await written(pilot, screen, "r")  # the first redacted, the next highlighted
        assert review.highlighted == 1
        await written(pilot, screen, "down")
        assert review.highlighted == 2
        await written(pilot, screen, "k")  # the last kept, back to the one still to choose
        assert review.highlighted == 1
        await written(pilot, screen, "r")
        assert [row.split(" · ")[0] for row in rows(review)] == [
            "[ redacted ] NHS number",
            "[ redacted ] postcode",
            "[ kept ] date of birth",
        ]
        markdown = screen.written["md"].read_text(encoding="utf-8")
        assert "DOB 12/03/1954" in markdown and NHS not in markdown and "LS1 4AB" not in markdown


async def test_a_kept_finding_is_recorded_and_a_later_write_passes(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE)
        review = screen.query_one(IdentifierReview)
        await written(pilot, screen, "k")
        assert rows(review)[0].startswith("[ kept ] NHS number")
        assert minutes_findings(app.store, screen.session_id) == []
        markdown = screen.written["md"].read_text(encoding="utf-8")
        assert NOTE in markdown
        # Kept, it stops no later write: the command line's, or this screen's.
        again = write_minutes(app.store, screen.session_id, fmt="html")
        assert NHS in again.read_text(encoding="utf-8")
        await written(pilot, screen, "b")
        assert "html" in screen.written


async def test_editing_the_note_takes_the_finding_out_and_keeps_its_history(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditFoundNoteScreen)
        words = dialog.query_one("#note-words", Input)
        assert words.value == NOTE and words.has_focus
        words.value = "Mrs Able rang about access"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert notes_now(app, screen) == ["Mrs Able rang about access"]
        [note] = notes.list_notes(app.store, screen.session_id)
        assert note_history(app.store, note.id)[0].endswith(NOTE)
        markdown = screen.written["md"].read_text(encoding="utf-8")
        assert "Mrs Able rang about access" in markdown and NHS not in markdown
        assert NHS not in screen.query_one("#preview", Markdown).source


async def test_an_edit_is_cancelled_with_escape_and_nothing_changes(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditFoundNoteScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert notes_now(app, screen) == [NOTE] and written_files(isolated_home) == []
        assert rows(screen.query_one(IdentifierReview))[0].startswith("[ to choose ]")


async def test_one_key_redacts_every_finding(clock, isolated_home, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, NOTE, "r: call back on DOB 12/03/1954")
        review = screen.query_one(IdentifierReview)
        assert [row.split(" · ")[0] for row in rows(review)] == [
            "[ to choose ] NHS number",
            "[ to choose ] date of birth",
        ]
        await written(pilot, screen, "a")
        markdown = screen.written["md"].read_text(encoding="utf-8")
        assert IN_MARKDOWN in markdown and "[redacted: date of birth]" in markdown
        assert NHS not in markdown and "12/03/1954" not in markdown


async def test_opened_later_the_minutes_wait_for_the_keys_to_write(
    clock, isolated_home, make_facilitator_app
) -> None:
    """From the dashboard no Markdown is written by itself: the choice, then m."""
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        finished = await finished_with(pilot, NOTE)
        await pilot.press("escape")
        await pilot.pause()
        again = FinishScreen(finished.session_id, None)
        await app.push_screen(again)
        await pilot.pause()
        await written(pilot, again, "r")
        assert again.written == {} and written_files(isolated_home) == []
        assert static_text(again, "#minutes-path").startswith("Not written yet: m Markdown")
        await written(pilot, again, "m")
        assert IN_MARKDOWN in again.written["md"].read_text(encoding="utf-8")


async def test_the_found_words_are_hidden_while_a_mirror_shows_the_session(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        finished = await finished_with(pilot, NOTE)
        await pilot.press("escape")
        await pilot.pause()
        watcher = RoomWatcher(app.store, mirror_holder("wall"))
        try:
            watcher.beat(finished.session_id, clock())
            screen = FinishScreen(finished.session_id, None)
            await app.push_screen(screen)
            await pilot.pause()
            review = screen.query_one(IdentifierReview)
            [row] = rows(review)
            assert row.startswith("[ to choose ] NHS number · session 1") and NHS not in row
            preview = screen.query_one("#preview", Markdown)
            assert NHS not in preview.source
            assert "preview is hidden until the mirror closes" in preview.source
            await pilot.press("e")  # the note's words would show: not while the room sees
            await pilot.pause()
            assert app.screen is screen
            watcher.stop()  # the mirror has gone: the words may be read on screen again
            for _ in range(60):  # the screen looks again every two seconds
                if NHS in rows(review)[0]:
                    break
                await pilot.pause(0.1)
            assert NHS in rows(review)[0]
            assert NHS in preview.source
        finally:
            watcher.stop()


async def test_minutes_without_findings_show_no_review(
    clock, isolated_home, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finished_with(pilot, "Meeting 13:00-16:00, £1,200 for the room")
        assert not screen.query_one(IdentifierReview).display
        assert set(screen.written) == {"md"}
        assert screen.query_one("#preview-box").has_focus


async def test_private_answers_put_in_the_minutes_are_checked_too(
    db_path, clock, isolated_home, make_facilitator_app
) -> None:
    from sessions.services import reflection, running
    from sessions.store import Store
    from tests.pilot import bundled_session_at

    def add_people(store, programme_id: int) -> None:
        from sessions.services.people import add_member

        add_member(store, programme_id, "Ann Ode")

    _, sid, item = bundled_session_at(db_path, clock, "reflection", add_people)
    store = Store.open(db_path)
    try:
        ann = reflection.reflections(store, sid, item).answers[0].member_id
        reflection.answer(store, sid, item, ann, f"My neighbour's NHS number is {NHS}")
        running.finish_session(store, sid, clock.advance(60))
    finally:
        store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = FinishScreen(sid, None)
        await app.push_screen(screen)
        await pilot.pause()
        review = screen.query_one(IdentifierReview)
        await pilot.press("p")  # the answers go in the minutes, the finding with them
        await pilot.pause()
        assert screen.sharing and review.has_focus
        assert review.display and rows(review)[0].startswith("[ to choose ] NHS number")
        assert static_text(screen, "#minutes-path") == CHOOSE_FIRST
        await written(pilot, screen, "m")
        assert screen.written == {}
        await written(pilot, screen, "r", "m")
        markdown = screen.written["md"].read_text(encoding="utf-8")
        assert IN_MARKDOWN in markdown and NHS not in markdown
