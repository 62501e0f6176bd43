"""What the room sees of a session: where it is, the item, the big clock, what the item's
activity shows the room, the last notes, and whether the clock runs.

It reads everything from the store and drives nothing, so the facilitator's own
projector view and the mirror in a second terminal both show the room this one part.
Never anyone's private answers: what an activity shows the room comes from the front
door's room view, which leaves them out. Nothing taken in private either, unless the
facilitator chooses to show it: a note marked confidential is not drawn, and an item
taken in private shows "Taken in private" in place of its prompt and its notes. While
phones may answer, an item's running results wait until the facilitator reveals them:
the room sees how many phones have answered instead.
"""

from __future__ import annotations

import time
from functools import cache

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import var
from textual.widgets import Markdown, Static

from facilitator.app import FacilitatorApp
from facilitator.widgets.big_clock import BigClock
from facilitator.widgets.note_list import NoteList
from sessions.clock import ClockState, current_countdown, return_time
from sessions.errors import FacilitatorError
from sessions.minutes.public import WITHHELD_TITLE
from sessions.services import notes as note_service
from sessions.services import proposals, room_reveal, running
from sessions.services.room import room_markdown
from sessions.services.room_reveal import HiddenResults
from sessions.views import ItemView, SessionView
from sessions.vocabulary import ItemKind

LAST_NOTES = 5
# The QR code goes beside the item only where the item keeps this many columns.
BESIDE_QR = 60
# How often the count of answers to an open proposal is read again between changes.
PROPOSAL_SECONDS = 2.0


def waiting_for_reveal(item: ItemView, hidden: HiddenResults) -> str:
    """The prompt, and how many phones have answered in place of the results so far."""
    phones = f"{hidden.phones} phone{'' if hidden.phones == 1 else 's'}"
    return (
        f"{item.prompt}\n\n*Answered so far: {hidden.answered} of {phones}. "
        "The results are shown when the facilitator reveals them.*"
    )


@cache
def _qr_of(address: str) -> tuple[str, ...]:
    """Drawn once an address: the view places it afresh at every resize."""
    from facilitator.room.qr_code import qr_lines

    return tuple(qr_lines(address))


class RoomView(Vertical):
    """The room's view of one session; `reload` reads it afresh, `tick` moves the clock on."""

    app = getters.app(FacilitatorApp)

    session_id: var[int | None] = var(None, init=False)
    """The session shown; None until there is one to show."""
    show_notes: var[bool] = var(True, init=False)
    """Whether the room sees the item's last notes."""
    show_confidential: var[bool] = var(False, init=False)
    """Whether the room sees what was taken in private: confidential notes, and the prompt
    and notes of an item taken in private. Never unless the facilitator chooses to."""
    joining: var[tuple[str, str] | None] = var(None, init=False)
    """Where phones join and the code they join with, while the room is open; only the
    copy that opened the room knows the code, so the mirror never shows it."""

    def __init__(self, session_id: int | None, *, show_notes: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.set_reactive(RoomView.session_id, session_id)
        self.set_reactive(RoomView.show_notes, show_notes)
        self.view: SessionView | None = None
        self.state = ClockState()
        # What each part shows now, by name.
        self._drawn: dict[str, object] = {}
        self._proposal_read = 0.0

    def compose(self) -> ComposeResult:
        yield Static(id="p-where")
        yield Static(id="p-title")
        yield Static(id="p-join")
        yield Static(id="p-proposal")
        yield Static(id="p-qr")
        yield BigClock(id="p-clock")
        # Nothing here takes the keyboard: on the mirror the keys are the screen's own,
        # and in the projector view they go to the note line.
        with VerticalScroll(id="p-prompt-box", can_focus=False):
            yield Markdown(id="p-prompt")
        yield NoteList(id="p-notes")
        yield Static(id="p-status")

    def watch_show_notes(self) -> None:
        self.reload()

    def watch_show_confidential(self) -> None:
        self.reload()

    def on_mount(self) -> None:
        self.query_one("#p-join").display = self.query_one("#p-qr").display = False
        self.query_one("#p-proposal").display = False

    def watch_joining(self) -> None:
        join = self.query_one("#p-join", Static)
        join.display = self.joining is not None
        if self.joining is not None:
            address, code = self.joining
            join.update(Text(f"Join on your phone: {address} · code {code}"))
            # The terminal's own colours: light modules on the dark background a camera wants.
            self.query_one("#p-qr", Static).update(Text("\n".join(self._qr_lines())))
        self._place_qr()

    def on_resize(self) -> None:
        self._place_qr()

    def _qr_lines(self) -> list[str]:
        return [] if self.joining is None else list(_qr_of(self.joining[0]))

    def _place_qr(self) -> None:
        """The QR code where the view can hold it beside the item; else the address alone."""
        qr = self.query_one("#p-qr", Static)
        if self.joining is None:
            qr.display = False
            return
        lines = self._qr_lines()
        width, height = max(map(len, lines)), len(lines)
        qr.display = self.size.width >= width + BESIDE_QR and self.size.height >= height + 2

    def reload(self) -> None:
        """Read the session afresh: after a key in the app, or a change seen by the mirror."""
        if not self.is_attached:
            # A commit heard as the app closes (another copy's last write): the view's parts
            # may already be taken down, and there is no one left to show them to.
            return
        if not self.is_mounted:
            # A count heard as the projector is pushed: the view is attached but its parts
            # are not built yet. Its screen reads the session once they are.
            return
        if self.session_id is None:
            self.waiting("Waiting for a session to start…")
            return
        try:
            self.view = running.get_session(self.app.store, self.session_id)
            self.state = running.clock_state(self.app.store, self.session_id)
            notes = note_service.list_notes(self.app.store, self.session_id, self.state.position)
        except FacilitatorError as exc:
            self.waiting(str(exc))
            return
        item = self.view.items[self.state.position]
        private = item.confidential and not self.show_confidential
        if private:
            # Not even the activity's part is read: what was said in private stays there.
            prompt = f"*{WITHHELD_TITLE}*"
        elif hidden := room_reveal.hidden_results(self.app.store, self.session_id, item):
            # Phones are answering: what the room has said so far waits to be revealed.
            prompt = waiting_for_reveal(item, hidden)
        else:
            # What the item's activity lets the room see: never anyone's private answers.
            prompt = room_markdown(
                self.app.store, self.session_id, item, self.app.now().astimezone().date()
            )
        # The mirror reloads on every change it sees: redraw only what has changed, so a
        # quiet room costs next to nothing.
        if self._changed("where", item.where):
            self.query_one("#p-where", Static).update(Text(item.where))
        if self._changed("title", item.title):
            self.query_one("#p-title", Static).update(Text(item.title))
        if self._changed("prompt", prompt):
            self.query_one("#p-prompt", Markdown).update(prompt)
            self.query_one("#p-prompt-box").display = bool(prompt)
        said = [note for note in notes if self.show_confidential or not note.confidential]
        shown = tuple(said[-LAST_NOTES:]) if self.show_notes and not private else ()
        if self._changed("notes", shown):
            note_list = self.query_one("#p-notes", NoteList)
            note_list.display = bool(shown)
            if shown:
                note_list.show(list(shown))
        self._show_proposal()
        self.tick()

    def _show_proposal(self) -> None:
        """The proposal open at this item and how many have answered: never the spread,
        so early answers do not lead later ones. The minutes give it once it closes."""
        self._proposal_read = time.monotonic()
        assert self.session_id is not None
        try:
            found = proposals.open_proposal(self.app.store, self.session_id)
        except FacilitatorError:
            found = None
        line = None
        if found is not None and found.position == self.state.position:
            answered = found.spread.answered
            line = (
                f"Proposal: {found.text} · fist of five on your phone · "
                f"{answered} answer{'' if answered == 1 else 's'} so far"
            )
        if self._changed("proposal", line):
            shown = self.query_one("#p-proposal", Static)
            shown.display = line is not None
            shown.update(Text(line or ""))

    def _changed(self, part: str, value: object) -> bool:
        """True, and remembered, when `part` is about to show something new."""
        if part in self._drawn and self._drawn[part] == value:
            return False
        self._drawn[part] = value
        return True

    def waiting(self, message: str) -> None:
        """No session to show: say why, in place of the item."""
        self.view = None
        self._drawn.clear()
        self.query_one("#p-where", Static).update("")
        self.query_one("#p-title", Static).update(Text(message))
        self.query_one("#p-prompt-box").display = False
        self.query_one("#p-notes").display = False
        self.query_one("#p-clock", BigClock).display = False
        self.query_one("#p-status", Static).update("")

    def tick(self) -> None:
        """Redraw the clock from the last reading and the time now."""
        if self.view is None:
            return
        if time.monotonic() - self._proposal_read >= PROPOSAL_SECONDS:
            self._show_proposal()
        clock = self.query_one("#p-clock", BigClock)
        clock.display = True
        now = self.app.now()
        live = self.state.at(now)
        seconds = [item.base_seconds for item in self.view.items]
        reading = current_countdown(live, seconds)
        on_break = self.view.items[live.position].kind == ItemKind.BREAK and not live.finished
        if on_break:
            # The room needs the time to be back, not a countdown to watch.
            back = return_time(live, seconds, now).astimezone()
            clock.show(f"{back:%H:%M}", "ok")
        else:
            clock.show(reading.text, reading.level)
        if live.finished:
            status = "finished"
        elif on_break:
            status = f"Back at {back:%H:%M}" + ("" if live.running else " · paused")
        elif live.running:
            status = ""
        else:
            status = "paused" if live.started else "about to start"
        if self._changed("status", status):
            self.query_one("#p-status", Static).update(status)
