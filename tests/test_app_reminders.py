"""In the app: w on the programme's actions screen writes the reminders of open actions, for
every owner or the one the list is filtered to, leaving out what was said in confidence; and
holds them back for a review when they look like they hold patient details."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.screens.actions import ActionsScreen
from facilitator.screens.document_review import DocumentReviewScreen
from facilitator.screens.home import HomeScreen
from facilitator.widgets.identifier_review import IdentifierReview
from sessions.services import notes, planning, running
from sessions.services.confidential import set_note_confidential
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import type_text

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS = "943 476 5919"


def held(db_path: Path, clock, small_agenda, *lines: str, confidential: str = "") -> None:
    """A finished session that raised these actions, and one said in confidence."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        session_id = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, session_id, clock())
        for line in lines:
            notes.add_note(store, session_id, 1, line, "deal", now=clock.advance(60))
        if confidential:
            note = notes.add_note(store, session_id, 1, confidential, "deal", now=clock.advance(60))
            assert note is not None
            set_note_confidential(store, note.id, True)
        running.finish_session(store, session_id, clock.advance(600))
    finally:
        store.close()


def written(isolated_home: Path) -> dict[str, list[str]]:
    """The files in each reminders folder beside the minutes, by folder."""
    minutes = isolated_home / "minutes"
    return {
        folder.name: sorted(path.name for path in folder.iterdir())
        for folder in sorted(minutes.glob("harbour-programme-actions-*"))
    }


async def settle(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    for _ in range(3):
        await pilot.pause()
        await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


async def open_actions(pilot) -> ActionsScreen:
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionsScreen)
    return pilot.app.screen


def said(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_w_writes_every_owners_reminders_leaving_out_the_confidential(
    db_path, clock, small_agenda, make_facilitator_app, isolated_home
) -> None:
    held(
        db_path,
        clock,
        small_agenda,
        "a: send the draft @Sam",
        "a: book the room @Jo",
        confidential="a: speak to the practice manager @Jo",
    )
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        assert written(isolated_home) == {}
        await settle(pilot, "w")
        [(name, files)] = written(isolated_home).items()
        assert files == sorted(f"{who}.{s}" for who in ("jo", "sam") for s in ("eml", "html", "md"))
        folder = isolated_home / "minutes" / name
        assert "book the room" in (folder / "jo.md").read_text(encoding="utf-8")
        assert "practice manager" not in (folder / "jo.md").read_text(encoding="utf-8")
        assert (
            f"Reminders for 2 owners written to {folder} (.md, .html and .eml). "
            "Left out 1 action raised in private or in confidence."
        ) in said(app)


async def test_w_writes_only_the_owner_the_list_is_filtered_to(
    db_path, clock, small_agenda, make_facilitator_app, isolated_home
) -> None:
    held(db_path, clock, small_agenda, "a: send the draft @Sam", "a: book the room @Jo")
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions(pilot)
        await pilot.press("tab")
        await type_text(pilot, "sam")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(screen.focused, type(None)) and screen.focused.id == "actions"
        await settle(pilot, "w")
        [(name, files)] = written(isolated_home).items()
        assert files == ["sam.eml", "sam.html", "sam.md"]
        folder = isolated_home / "minutes" / name
        assert f"Reminders for Sam written to {folder} (.md, .html and .eml)." in said(app)


async def test_reminders_holding_patient_details_are_reviewed_before_they_are_written(
    db_path, clock, small_agenda, make_facilitator_app, isolated_home
) -> None:
    held(db_path, clock, small_agenda, f"a: ring Mrs Able back, NHS {NHS} @Sam")
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        await settle(pilot, "w")
        screen = app.screen
        assert isinstance(screen, DocumentReviewScreen)
        assert written(isolated_home) == {}
        review = screen.query_one(IdentifierReview)
        assert review.option_count == 1
        await settle(pilot, "escape")  # nothing written
        assert isinstance(app.screen, ActionsScreen) and written(isolated_home) == {}

        await settle(pilot, "w")
        assert isinstance(app.screen, DocumentReviewScreen)
        await settle(pilot, "a")
        [(name, files)] = written(isolated_home).items()
        assert files == ["sam.eml", "sam.html", "sam.md"]
        folder = isolated_home / "minutes" / name
        for suffix in ("md", "html", "eml"):
            assert NHS not in (folder / f"sam.{suffix}").read_text(encoding="utf-8")
        assert "[redacted: NHS number]" in (folder / "sam.md").read_text(encoding="utf-8")
