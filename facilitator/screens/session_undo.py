"""What ctrl+z takes back on the session screen, newest last.

Three kinds of change are taken back in the order they were made: what an activity
key changed (a vote, a rating, a role mark, a review, an answer), a note deleted from
the list, which the list itself brings back, and a note marked confidential (or
unmarked), which the list marks back as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.app import REFUSED
from sessions.views import ActivityChange

if TYPE_CHECKING:
    from facilitator.screens.session import SessionScreen

DELETED_NOTE = "deleted note"
"""Stands in the list for a note deleted from the note list, which keeps which one."""


@dataclass(frozen=True)
class MarkedNote:
    """A note's confidential mark, changed from the note list: `was` is the mark it had."""

    note_id: int
    was: bool


class UndoList:
    def __init__(self) -> None:
        self._changes: list[ActivityChange | MarkedNote | str] = []
        self._deleted = 0

    def __len__(self) -> int:
        return len(self._changes)

    def changed(self, change: ActivityChange | MarkedNote) -> None:
        self._changes.append(change)

    def notes_deleted(self, count: int) -> None:
        """The note list holds `count` deleted notes now: one more is one more to take back."""
        if count > self._deleted:
            self._changes.append(DELETED_NOTE)
        self._deleted = count

    def undo(self, screen: SessionScreen) -> None:
        """Take back the newest change, or say there is none."""
        app = screen.app
        if not self._changes:
            app.say("Nothing to undo here.")
            return
        last = self._changes.pop()
        if isinstance(last, MarkedNote):
            screen.notes.mark(last.note_id, last.was)
            return
        if not isinstance(last, ActivityChange):
            screen.notes.bring_back()
            return
        from sessions.services.undo import undo_change

        said = app.attempt(undo_change, app.store, last, app.now())
        if said is REFUSED:
            return
        screen.panels.reload()
        if last.action_id is not None:  # a next step taken back takes its note with it
            screen.refresh_notes()
        app.say(said)
