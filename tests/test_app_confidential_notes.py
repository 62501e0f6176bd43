"""Marking a note confidential while the session runs: `c` in the list of notes, saved at once,
said in the row in words, and taken back by ctrl+z like any other change there."""

from __future__ import annotations

from facilitator.widgets.editable_note_list import EditableNoteList
from sessions.services import notes
from tests.confidential_session import OPEN_NOTE, SECRET, session_with_secrets
from tests.pilot import option_texts, static_text

DEFICIT = f"{SECRET} the deficit"


def marks(app, session_id: int) -> dict[str, bool]:
    """Each note of the first item, and whether it is saved as confidential."""
    return {n.text: n.confidential for n in notes.list_notes(app.store, session_id, 0)}


def rows(screen) -> list[str]:
    return option_texts(screen.query_one(EditableNoteList))


async def test_c_marks_the_highlighted_note_and_ctrl_z_takes_it_back(
    db_path, clock, make_facilitator_app
) -> None:
    prepared = session_with_secrets(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        sid = prepared.session_id
        assert marks(app, sid) == {OPEN_NOTE: False, DEFICIT: True}
        open_row, secret_row = rows(screen)
        assert "(confidential)" not in open_row and secret_row.endswith("(confidential)")

        await pilot.press("tab", "up", "c")  # the open note, the one before the newest
        await pilot.pause()
        assert marks(app, sid) == {OPEN_NOTE: True, DEFICIT: True}
        assert all(row.endswith("(confidential)") for row in rows(screen))
        await pilot.press("c")
        await pilot.pause()
        assert marks(app, sid) == {OPEN_NOTE: False, DEFICIT: True}
        assert "(confidential)" not in rows(screen)[0]

        await pilot.press("down", "c")  # the newest: unmarked
        await pilot.pause()
        assert marks(app, sid) == {OPEN_NOTE: False, DEFICIT: False}
        await pilot.press("ctrl+z")  # the newest change first: the deficit's mark is back
        await pilot.pause()
        assert marks(app, sid) == {OPEN_NOTE: False, DEFICIT: True}
        assert rows(screen)[1].endswith("(confidential)")
        await pilot.press("ctrl+z")  # then the open note's unmarking: marked again
        await pilot.pause()
        assert marks(app, sid) == {OPEN_NOTE: True, DEFICIT: True}
        assert rows(screen)[0].endswith("(confidential)")


async def test_the_heading_says_an_item_is_taken_in_private(
    db_path, clock, make_facilitator_app
) -> None:
    session_with_secrets(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert static_text(screen, "#item-title") == "Budget"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert static_text(screen, "#item-title") == "Contract talks (confidential)"
