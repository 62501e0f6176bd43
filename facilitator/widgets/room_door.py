"""The room's door on the session screen: it opens the room to phones, says where they
join, how many are in and how many have answered the item, and closes it again.

The room is served inside the app, on its own event loop: the web page's service calls
run in threads, so the keys keep answering while phones answer. The door closes the
room whenever the session screen goes (finishing, leaving or quitting), so a phone can
never answer a session nobody is running.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.commit_feed import Committed
from sessions.errors import FacilitatorError
from sessions.services import questions, room_reveal, room_tally
from sessions.services.room_reveal import Revealing, RoomAnswers

if TYPE_CHECKING:
    from facilitator.room.hosting import HostedRoom
    from facilitator.room.place import Place

# How often the door counts the phones in, and those that have answered, and sees whether
# the room was closed elsewhere, where it is not told of each commit (and five times
# slower where it is). Told of a commit, it counts only once the room's tally has moved;
# this timer counts whatever the tally says, as the net.
COUNT_SECONDS = 2.0

REVEALED = {
    Revealing.SHOWN: "The room sees this item's results now: F12 hides them again.",
    Revealing.HIDDEN: "This item's results are hidden from the room until F12 shows them.",
    Revealing.NO_ROOM: "No room is open: the room sees the results already.",
    Revealing.NO_RESULTS: "This item has no running results to show or hide.",
}


def where_to_listen() -> Place:
    """As `facilitator room` listens by default: this computer's address on its local
    network, port 8080."""
    from facilitator.room.place import DEFAULT_PORT, Place, local_address

    return Place(local_address(), DEFAULT_PORT)


class RoomDoor(Static):
    """`Room open · http://192.168.1.20:8080 · code ABCD-EFGH · 2 answered · 3 phones`,
    while it is."""

    class Counted(Message):
        """The phones were counted afresh: what they answered since may need showing."""

    app = getters.app(FacilitatorApp)

    hosted: var[HostedRoom | None] = var(None, init=False)
    """The room served from here, with its code; None while it is closed."""
    phones: var[int] = var(0, init=False)
    """How many phones are in, as last counted: not those turned out."""
    answers: var[RoomAnswers | None] = var(None, init=False)
    """Which phones have answered the current item, as last counted; never what."""
    questions_waiting: var[int] = var(0, init=False)
    """How many questions from phones wait in the queue (F11), as last counted."""

    def __init__(self, session_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session_id = session_id
        self._counting: Timer | None = None
        self._counted_at: int | None = None
        """The room's tally as it stood before the last count; None before the first."""
        # Opening and closing take turns: a key pressed twice opens one room, not two.
        self._turn = asyncio.Lock()

    @property
    def joining(self) -> tuple[str, str] | None:
        """(address, code) while the room is open here."""
        return None if self.hosted is None else (self.hosted.address, self.hosted.shown_code)

    def on_mount(self) -> None:
        self.display = False

    async def open(self) -> bool:
        """Listen, then open the room; False, with the reason shown, if it cannot be."""
        from facilitator.room.hosting import HostedRoom

        async with self._turn:
            if self.hosted is not None:
                return True
            here = self.app.holder
            opened_by = (f"{here.user} on {here.host}" if here.user else here.host)[:200]
            try:
                self.hosted = await HostedRoom.open(
                    self.app.store, self.session_id, where_to_listen(), opened_by=opened_by
                )
            except FacilitatorError as exc:
                self.app.show_error(str(exc))
                return False
        self.phones = 0
        self.answers = None
        self._counted_at = None
        # Told of each commit, a phone's answer among them; the count's timer is the net.
        self.app.commits.subscribe(self)
        self._counting = self.set_interval(self.app.commits.fallback(COUNT_SECONDS), self.recount)
        return True

    async def close(self) -> None:
        """Close the room: every phone's access ends, and the address stops answering."""
        async with self._turn:
            hosted, self.hosted = self.hosted, None
            self._stop_counting()
            if hosted is None:
                return
            try:
                await hosted.close()
            except FacilitatorError as exc:
                self.app.show_error(str(exc))

    def _stop_counting(self) -> None:
        if self._counting is not None:
            self._counting.stop()
            self._counting = None
            self.app.commits.unsubscribe(self)

    @on(Committed)
    async def _committed(self) -> None:
        # Most commits are the facilitator's own notes: the room's tally says whether this
        # one changed anything counted here, for one statement rather than a count.
        await self._count(if_moved=True)

    async def recount(self) -> None:
        """Count the phones in; a room closed, or opened again, elsewhere is no longer
        served from here."""
        await self._count(if_moved=False)

    async def _count(self, *, if_moved: bool) -> None:
        hosted = self.hosted
        if hosted is None:
            return
        store = self.app.store
        try:
            # Read before counting: a change made meanwhile moves it past what is kept.
            tally = await asyncio.to_thread(room_tally.room_tally, store, hosted.session_id)
            if if_moved and tally == self._counted_at:
                return
            still_open = await hosted.still_open()
            answers = await asyncio.to_thread(room_reveal.room_answers, store, hosted.session_id)
            waiting = await asyncio.to_thread(questions.waiting_count, store, hosted.session_id)
        except FacilitatorError:
            return  # the database is busy or away: the next count will tell
        if not still_open:
            await self._closed_elsewhere(hosted)
            return
        if self.hosted is hosted:
            self._counted_at = tally
            self.phones = answers.in_room
            self.answers = answers
            self.questions_waiting = waiting
            if self.phones:
                # A member may change a rating without changing how many have answered:
                # the panel and the projector read their results again, and redraw only
                # what changed.
                self.post_message(self.Counted())
                self._room_views_again()

    async def _closed_elsewhere(self, hosted: HostedRoom) -> None:
        async with self._turn:
            if self.hosted is not hosted:
                return
            self.hosted = None
            self._stop_counting()
            await hosted.stop_listening()
        self.app.say("The room was closed or opened again elsewhere: it is no longer served here.")

    async def on_unmount(self) -> None:
        # The session screen is going: finished, left or the app quitting.
        await self.close()

    def watch_hosted(self) -> None:
        self.display = self.hosted is not None
        self._draw()

    def watch_phones(self) -> None:
        self._draw()

    def watch_answers(self) -> None:
        self._draw()
        # The projector view shows the room how many have answered: it follows each count.
        self._room_views_again()

    def reveal(self, position: int) -> None:
        """Show the room the running results of the item at `position`, or hide them again."""
        done = self.app.attempt(
            room_reveal.toggle_reveal, self.app.store, self.session_id, position, self.app.now()
        )
        if done is REFUSED:
            return
        self.app.say(REVEALED[done])
        self._room_views_again()

    def _room_views_again(self) -> None:
        from facilitator.widgets.room_view import RoomView

        for screen in self.app.screen_stack:
            for view in screen.query(RoomView):
                view.reload()

    def watch_questions_waiting(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.hosted is None:
            self.update("")
            return
        phones = f"{self.phones} phone{'' if self.phones == 1 else 's'}"
        answers = self.answers
        if self.phones and answers is not None and answers.takes_answers:
            # Quiet: how many, never who or what; the phones dialog (F9) says who.
            phones = f"{answers.answered} answered · {phones}"
        line = Text(
            f"Room open · {self.hosted.address} · code {self.hosted.shown_code} · {phones}",
            # One row: a long address cuts the end short, never wraps it out of sight.
            no_wrap=True,
            overflow="ellipsis",
        )
        if waiting := self.questions_waiting:
            line.append(f" · {waiting} question{'' if waiting == 1 else 's'}")
        self.update(line)
