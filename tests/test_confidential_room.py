"""What was taken in private stays off the room's screens: the projector view and the mirror
draw no confidential note, nor the prompt and notes of an item taken in private, unless the
facilitator shows them on the projector, on purpose, each time it opens."""

from __future__ import annotations

from textual.widgets import Markdown

from facilitator.screens.mirror import MirrorScreen
from facilitator.screens.projector import ProjectorScreen
from facilitator.widgets.note_list import NoteList
from sessions.services import running
from sessions.store import Store
from tests.confidential_session import OPEN_NOTE, PRIVATE_PROMPT, SECRET, session_with_secrets
from tests.pilot import static_text

TAKEN_IN_PRIVATE = "Taken in private"


def screen_text(app) -> str:
    """Every line drawn on the app's screen, as the room would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shown_notes(screen) -> list[str]:
    note_list = screen.query_one("#p-notes", NoteList)
    return [note.text for note in note_list.notes] if note_list.display else []


def prompt(screen) -> str:
    return screen.query_one("#p-prompt", Markdown).source


async def test_the_projector_hides_what_was_taken_in_private_until_shown(
    db_path, clock, make_facilitator_app
) -> None:
    session_with_secrets(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert shown_notes(projector) == [OPEN_NOTE]
        assert OPEN_NOTE in screen_text(app) and SECRET not in screen_text(app)

        await pilot.press("f7")  # the facilitator chooses to show them
        await pilot.pause()
        assert shown_notes(projector) == [OPEN_NOTE, f"{SECRET} the deficit"]
        await pilot.press("f5", "f5")  # closed and opened again: hidden again
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert shown_notes(projector) == [OPEN_NOTE]
        assert SECRET not in screen_text(app)

        await pilot.press("ctrl+n")  # on to the item taken in private
        await pilot.pause()
        assert static_text(projector, "#p-title") == "Contract talks"
        assert prompt(projector) == f"*{TAKEN_IN_PRIVATE}*" and shown_notes(projector) == []
        drawn = screen_text(app)
        assert TAKEN_IN_PRIVATE in drawn and SECRET not in drawn
        await pilot.press("f7")
        await pilot.pause()
        assert prompt(projector) == PRIVATE_PROMPT
        assert shown_notes(projector) == [f"{SECRET} the rent figures"]


async def test_the_mirror_never_draws_what_was_taken_in_private(
    db_path, clock, make_facilitator_mirror
) -> None:
    prepared = session_with_secrets(db_path, clock)
    mirror_app = make_facilitator_mirror(now=clock)
    async with mirror_app.run_test(size=(100, 30)) as pilot:
        mirror = mirror_app.screen
        assert isinstance(mirror, MirrorScreen)
        assert shown_notes(mirror) == [OPEN_NOTE]
        assert OPEN_NOTE in screen_text(mirror_app) and SECRET not in screen_text(mirror_app)

        store = Store.open(db_path)
        try:
            running.move(store, prepared.session_id, +1, clock.advance(60))
        finally:
            store.close()
        mirror.poll()
        await pilot.pause()
        assert static_text(mirror, "#p-title") == "Contract talks"
        assert prompt(mirror) == f"*{TAKEN_IN_PRIVATE}*" and shown_notes(mirror) == []
        drawn = screen_text(mirror_app)
        assert TAKEN_IN_PRIVATE in drawn and SECRET not in drawn
