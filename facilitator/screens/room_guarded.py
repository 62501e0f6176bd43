"""A screen that holds back what the room must not see while a mirror shows it.

The minutes' screen and the review of papers and reminders each hide what looks like patient
details (and the minutes, private answers) while a mirror runs. Here is the watch they share:
told of the commit a mirror makes as it starts, and asking on a timer as well, since a
mirror's end may make none; the screen redraws whenever what it may show has changed.
"""

from __future__ import annotations

from datetime import datetime

from textual import getters, on
from textual.screen import Screen

from facilitator.app import FacilitatorApp
from facilitator.commit_feed import Committed
from sessions.errors import FacilitatorError
from sessions.store import Store

ROOM_CHECK_SECONDS = 2.0
"""How often the screen asks whether a mirror shows the room, besides being told of the
commit a mirror makes as it starts."""


class RoomGuardedScreen(Screen[None]):
    """`_hidden` is what the screen last drew: true while it holds something the room must
    not see (`_guarded`) and a mirror could show it (`_room_sees`). `_preview` draws again,
    setting `_hidden` from `_room_can_see`, whenever the answer changes."""

    app = getters.app(FacilitatorApp)
    _hidden = False

    @property
    def _guarded(self) -> bool:
        """Whether the screen holds what the room must not see."""
        raise NotImplementedError

    def _room_sees(self, store: Store, now: datetime) -> bool:
        """Whether a mirror shows the room what this screen draws on."""
        raise NotImplementedError

    def _preview(self) -> None:
        """Draw what may be seen, `_hidden` set to whether the room can see the screen."""
        raise NotImplementedError

    def watch_the_room(self) -> None:
        """Start the watch: from the screen's mount, once it has drawn."""
        self.app.commits.subscribe(self)
        self.set_interval(ROOM_CHECK_SECONDS, self._room_changed)

    def on_unmount(self) -> None:
        self.app.commits.unsubscribe(self)

    @on(Committed)
    def _committed(self) -> None:
        self._room_changed()

    def _room_can_see(self) -> bool:
        """Whether the room can see what the screen holds; not knowing counts as seen."""
        try:
            return self._room_sees(self.app.store, self.app.now())
        except FacilitatorError:
            return True

    def _room_changed(self) -> None:
        if self._guarded and self._room_can_see() != self._hidden:
            self._preview()
