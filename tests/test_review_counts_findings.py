"""A finding that shows on several rows of a review (an action's note, its log, the open
actions) takes one choice: the review's frame counts findings, not rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.widgets.identifier_review import IdentifierReview, review_title
from sessions.services import notes, planning, running
from sessions.services.pack import papers_findings
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS = "943 476 5919"


@pytest.fixture
def planned(db_path: Path, clock, small_agenda) -> int:
    """Session 1 held, an action in it naming an NHS number; session 2 planned: its id."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        first = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, first, clock())
        notes.add_note(
            store,
            first,
            1,
            f"a: Sam to ring Mrs Able back, NHS {NHS}",
            "deal",
            now=clock.advance(60),
        )
        running.finish_session(store, first, clock.advance(600))
        return planning.start_session(store, programme.id, small_agenda)
    finally:
        store.close()


def test_the_papers_show_one_finding_on_several_rows(store, planned) -> None:
    found = papers_findings(store, planned)
    assert len(found) > 1
    assert len({finding.key for finding in found}) == 1
    assert review_title(tuple(found), {}, "these papers") == (
        "Looks like patient details: 1 of 1 to choose"
    )


async def test_one_choice_settles_the_finding_on_every_row(
    clock, planned, make_facilitator_app, isolated_home
) -> None:
    from facilitator.screens.document_review import DocumentReviewScreen

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        for _ in range(3):
            await pilot.pause()
            await app.screen.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, DocumentReviewScreen)
        review = screen.query_one(IdentifierReview)
        assert review.option_count > 1
        assert str(review.border_title) == "Looks like patient details: 1 of 1 to choose"
        await pilot.press("r")
        await pilot.pause()
        assert str(review.border_title) == (
            "Looks like patient details: 1 redacted in these papers, 0 kept"
        )
