"""In the app: papers that hold what looks like patient details are written from the
dashboard only once the facilitator has chosen, for each finding, to redact it, keep it, or
edit the note, as the minutes are."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.document_review import CHOOSE_FIRST, DocumentReviewScreen
from facilitator.screens.edit_found_note import EditFoundNoteScreen
from facilitator.widgets.identifier_review import IdentifierReview
from sessions.services import notes, planning, running
from sessions.services.pack import FORMATS, papers_findings, write_pack
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS = "943 476 5919"
NOTE = f"Mrs Able rang about access, NHS {NHS}"
PAPERS = "harbour-programme-session-2-papers"


@pytest.fixture
def planned(db_path: Path, clock, small_agenda) -> dict[str, int]:
    """Session 1 held, a note in its minutes holding an NHS number; session 2 planned."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        first = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, first, clock())
        notes.add_note(store, first, 1, NOTE, "deal", now=clock.advance(60))
        running.finish_session(store, first, clock.advance(600))
        second = planning.start_session(store, programme.id, small_agenda)
    finally:
        store.close()
    return {"first": first, "second": second}


def written_files(isolated_home: Path) -> list[str]:
    folder = isolated_home / "minutes"
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def rows(review: IdentifierReview) -> list[str]:
    return [str(review.get_option_at_index(i).prompt) for i in range(review.option_count)]


async def settle(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    for _ in range(3):
        await pilot.pause()
        await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


async def papers_review(pilot) -> DocumentReviewScreen:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DashboardScreen)
    await settle(pilot, "p")
    screen = pilot.app.screen
    assert isinstance(screen, DocumentReviewScreen)
    return screen


def said(app) -> list[str]:
    return [notification.message for notification in app._notifications]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_papers_are_written_once_their_finding_is_redacted(
    size, clock, planned, make_facilitator_app, isolated_home
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=size) as pilot:
        screen = await papers_review(pilot)
        review = screen.query_one(IdentifierReview)
        assert written_files(isolated_home) == []
        assert static_text(screen, "#document-path") == CHOOSE_FIRST
        [row] = rows(review)
        assert row.startswith("[ to choose ] NHS number · ") and row.endswith(NHS)
        assert review.has_focus and review.region.bottom < size[1] - 1

        await settle(pilot, "w")  # not before a choice
        assert written_files(isolated_home) == []

        await settle(pilot, "r")
        assert "1 redacted in these papers, 0 kept" in str(review.border_title)
        names = [f"{PAPERS}.{suffix}" for suffix in FORMATS]
        assert written_files(isolated_home) == sorted(names)
        folder = isolated_home / "minutes"
        markdown = (folder / f"{PAPERS}.md").read_text(encoding="utf-8")
        assert "[redacted: NHS number]" in markdown and NHS not in markdown
        assert NHS not in (folder / f"{PAPERS}.html").read_text(encoding="utf-8")
        line = f"Papers for session 2 written to {folder}: {names[0]}, .html and .docx."
        assert line in said(app) and static_text(screen, "#document-path") == line
        # The note itself is as it was typed.
        assert [n.text for n in notes.list_notes(app.store, planned["first"])] == [NOTE]


async def test_a_kept_finding_is_recorded_and_later_papers_pass(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await papers_review(pilot)
        await settle(pilot, "k")
        review = screen.query_one(IdentifierReview)
        assert rows(review)[0].startswith("[ kept ] NHS number")
        markdown = (isolated_home / "minutes" / f"{PAPERS}.md").read_text(encoding="utf-8")
        assert NHS in markdown
        assert papers_findings(app.store, planned["second"]) == []
        # Written again from the dashboard, nothing is held back.
        await settle(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)
        await settle(pilot, "p")
        assert isinstance(app.screen, DashboardScreen)
        assert write_pack(app.store, planned["second"])  # and from the command line's door


async def test_escape_leaves_the_papers_unwritten(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await papers_review(pilot)
        await settle(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)
        assert written_files(isolated_home) == []
        assert "Papers for session 2: nothing written." in said(app)
        assert len(papers_findings(app.store, planned["second"])) == 1


async def test_editing_the_note_takes_the_finding_out_of_the_papers(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await papers_review(pilot)
        await settle(pilot, "e")
        editing = app.screen
        assert isinstance(editing, EditFoundNoteScreen)
        words = editing.query_one("#note-words", Input)
        assert words.value == NOTE
        words.value = "Mrs Able rang about access"
        await settle(pilot, "enter")
        assert isinstance(app.screen, DocumentReviewScreen)
        markdown = (isolated_home / "minutes" / f"{PAPERS}.md").read_text(encoding="utf-8")
        assert "Mrs Able rang about access" in markdown and NHS not in markdown
        texts = [n.text for n in notes.list_notes(app.store, planned["first"])]
        assert texts == ["Mrs Able rang about access"]


async def test_the_found_words_are_hidden_while_a_mirror_shows_a_session(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    """As on the minutes' screen; any session shown counts, since the papers draw on the
    programme's earlier sessions, not on the one the room sees."""
    from textual.widgets import Markdown

    from sessions.services.watching import RoomWatcher
    from tests.test_private_answers import mirror_holder

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        watcher = RoomWatcher(app.store, mirror_holder("wall"))
        try:
            watcher.beat(planned["first"], clock())
            screen = await papers_review(pilot)
            review = screen.query_one(IdentifierReview)
            [row] = rows(review)
            assert row.startswith("[ to choose ] NHS number · ") and NHS not in row
            # Said as it is: the mirror may show any session, not the one these papers are for.
            assert row.endswith("the words are hidden while a mirror shows a session")
            preview = screen.query_one("#preview", Markdown)
            assert NHS not in preview.source
            assert "preview is hidden until the mirror closes" in preview.source
            await pilot.press("e")  # the note's words would show: not while the room sees
            await pilot.pause()
            assert app.screen is screen
            assert said(app)[-1].startswith("A mirror shows a session to the room: close it")
            watcher.stop()  # the mirror has gone: the words may be read on screen again
            for _ in range(60):  # the screen looks again every two seconds
                if NHS in rows(review)[0]:
                    break
                await pilot.pause(0.1)
            assert NHS in rows(review)[0]
            assert NHS in preview.source
            assert written_files(isolated_home) == []
        finally:
            watcher.stop()
