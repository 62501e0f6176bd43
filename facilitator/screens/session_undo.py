"""What ctrl+z takes back on the session screen, newest last.

Two kinds of change are taken back in the order they were made: what an activity
key changed (a vote, a rating, a role mark, a review, an answer) and a note
deleted from the list, which the list itself brings back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.app import REFUSED
from sessions.views import ActivityChange

if TYPE_CHECKING:
    from facilitator.screens.session import SessionScreen

DELETED_NOTE = "deleted note"
"""Stands in the list for a note deleted from the note list, which keeps which one."""


class UndoList:
    def __init__(self) -> None:
        self._changes: list[ActivityChange | str] = []
        self._deleted = 0

    def __len__(self) -> int:
        return len(self._changes)

    def changed(self, change: ActivityChange) -> None:
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
        if not isinstance(last, ActivityChange):
            screen.notes.bring_back()
            return
        from sessions.services.undo import undo_change

        said = app.attempt(undo_change, app.store, last, app.now())
        if said is REFUSED:
            return
        screen.panels.reload()
        app.say(said)
