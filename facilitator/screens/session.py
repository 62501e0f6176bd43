"""The session screen: the current item, its countdown, its prompt and the note line.

Every key writes to the database first and redraws from what was saved, so the
screen never claims more than a restarted app would show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import getters, on
from textual.app import ComposeResult
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens import session_dialogs as dialogs
from facilitator.screens.session_driver import SessionDriver
from facilitator.screens.session_keys import SESSION_KEYS
from facilitator.screens.session_undo import MarkedNote, UndoList
from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.capture_bar import CaptureBar
from facilitator.widgets.checklist_panel import ChecklistPanel
from facilitator.widgets.editable_note_list import EditableNoteList
from facilitator.widgets.footer import Footer
from facilitator.widgets.item_heading import ItemHeading
from facilitator.widgets.item_prompt import ItemPrompt
from facilitator.widgets.panel_host import PanelHost
from facilitator.widgets.room_door import RoomDoor
from facilitator.widgets.session_clocks import BreakReturn, PacingLine
from sessions.clock import HEARTBEAT_SECONDS, ClockState
from sessions.services import notes as note_service
from sessions.services import running
from sessions.services.capture import current_choice
from sessions.views import ItemView, SessionView
from sessions.vocabulary import NoteKind


class SessionScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = ["session.tcss", "../widgets/identifier_warning.tcss"]
    BINDINGS = SESSION_KEYS

    view: var[SessionView | None] = var(None, init=False)
    """The session as last read: its programme, agenda and items."""
    state: var[ClockState] = var(ClockState, init=False)
    """The clock as last saved: the item it is at, what each has run, running or paused."""
    now: var[datetime | None] = var(None, init=False)
    """The time the clocks were last drawn at: they redraw from it, twice a second."""

    capture = getters.query_one(CaptureBar)
    notes = getters.query_one(EditableNoteList)
    panels = getters.query_one(PanelHost)
    door = getters.query_one(RoomDoor)

    driver: SessionDriver
    """Set as the screen mounts: what saves the clock's changes, under this copy's lease."""

    def __init__(self, session_id: int, *, take_over: bool = False):
        super().__init__()
        self.session_id = session_id
        # Set when the facilitator chose to take over a session another copy abandoned.
        self.take_over = take_over
        self.show_notes_to_room = True
        self.undoable = UndoList()

    def compose(self) -> ComposeResult:
        yield Header()
        clock = (SessionScreen.view, SessionScreen.state, SessionScreen.now)
        yield ItemHeading(id="top").data_bind(*clock)
        yield BreakReturn(id="break-box").data_bind(*clock)
        yield ItemPrompt(id="prompt-box")
        yield PanelHost(self.session_id, id="panels")
        yield EditableNoteList(self.session_id, id="notes")
        yield CaptureBar(self.session_id, id="capture-bar")
        yield RoomDoor(self.session_id, id="room-door")
        yield PacingLine(id="session-clock").data_bind(*clock)
        yield Footer()

    def on_mount(self) -> None:
        self.driver = SessionDriver(
            self.app, self.session_id, lost=lambda exc: dialogs.watch_only(self, exc)
        )
        opened = dialogs.open_or_explain(self)
        if opened is None:
            return
        self.view, self.state = opened
        self.title = self.view.programme_name
        dialogs.heading(self)
        choice = self.app.attempt(current_choice, self.app.store, self.session_id)
        if choice is not REFUSED:
            self.capture.restore(choice)
        self.show_item()
        self.set_interval(0.5, self.tick)
        self.set_interval(HEARTBEAT_SECONDS, self.beat)

    def on_screen_resume(self) -> None:
        # Back from any dialog, what is typed goes to the note line.
        if not self.notes.has_focus:
            self.capture.note_line.focus()

    def on_unmount(self) -> None:
        # Leaving or quitting pauses the clock, so the session waits for the room.
        if self.view is not None and not self.view.finished:
            self.driver.let_go()

    @property
    def opened(self) -> SessionView:
        """The session as opened: no key can act before it is, as mounting opens it."""
        if self.view is None:
            raise RuntimeError(f"session {self.session_id} is not open on this screen")
        return self.view

    @property
    def item(self) -> ItemView:
        return self.opened.items[self.state.position]

    def show_item(self) -> None:
        item = self.item
        self.panels.item = item
        prompt = self.query_one(ItemPrompt)
        prompt.text, prompt.display = item.prompt, self.panels.keeps_prompt
        if self.capture.position != item.position:  # arriving: typing goes on in the note line
            self.capture.position = item.position
            self.capture.note_line.focus()
        self.refresh_notes()
        self.tick()

    def refresh_notes(self) -> None:
        """The current item's notes and the deal/relationship balance, as saved."""
        self.notes.show_for(self.state.position)
        self.capture.recount()

    def tick(self) -> None:
        """Redraw the clocks from the last saved state and the time now; nothing is counted here."""
        self.now = self.app.now()

    def beat(self) -> None:
        """Log that the clock runs (if it does) and keep this copy's hold on the session."""
        if (state := self.driver.beat()) is not None:
            self.state = state

    def clock_change(self, change: Callable[..., ClockState], *args: int) -> bool:
        """Whether `change` was saved; the clock is redrawn from what was."""
        state = self.driver.change(change, *args)
        if state is None:
            return False
        self.state = state
        return True

    def action_toggle_clock(self) -> None:
        if self.clock_change(running.toggle_clock):
            self.tick()

    def action_next_item(self) -> None:
        self._moved(running.move, +1)

    def action_previous_item(self) -> None:
        self._moved(running.move, -1)

    def action_extend(self, seconds: int) -> None:
        self._moved(running.extend, seconds)

    def _moved(self, change: Callable[..., ClockState], *args: int) -> None:
        """A change of item or of its time: the item is drawn afresh once it is saved."""
        if self.clock_change(change, *args):
            self.show_item()

    def action_skip(self) -> None:
        self._moved(running.skip)

    def action_dialog(self, opener: str) -> None:
        """Open the dialog that `session_dialogs.<opener>` opens: outline, rebalance, projector,
        speaker, search, attendance, phones or finish."""
        getattr(dialogs, opener)(self)

    async def action_toggle_room(self) -> None:
        """Open the room to phones; or close it, asking first while phones are in."""
        await dialogs.toggle_room(self)

    def action_reveal(self) -> None:
        """While phones answer, the room sees the item's results only once they are revealed."""
        self.door.reveal(self.state.position)

    def action_leave(self) -> None:
        # Unmounting pauses the clock and lets go of the session, as quitting does.
        self.dismiss(None)

    def action_toggle_kind(self) -> None:
        self.capture.kind = note_service.other_capture_kind(self.capture.kind)

    @on(RoomDoor.Counted)
    def phones_counted(self) -> None:
        """Answers from phones reach the facilitator's panel as the door counts them."""
        self.panels.reload()

    @on(ChecklistPanel.ToNoteLine)
    def begin_note(self, message: ChecklistPanel.ToNoteLine) -> None:
        self.capture.begin(message.text)

    @on(CaptureBar.Saved)
    def note_saved(self, message: CaptureBar.Saved) -> None:
        if message.note is None:  # an edit: the item's notes read afresh
            self.refresh_notes()
            return
        self.notes.append(message.note)  # as saved: no need to read the item afresh
        self.capture.recount()
        if message.note.kind == NoteKind.ACTION:  # it may be a RAG area's next step
            self.panels.reload()

    @on(ActivityPanel.Acted)
    def activity_key_used(self, message: ActivityPanel.Acted) -> None:
        """The panel's one key is spent: back to typing, and what it changed can be undone."""
        if message.change is not None:
            self.undoable.changed(message.change)
            if message.change.action_id is not None:  # a next step raised is a note too
                self.refresh_notes()
        if self.panels.panel is not None and self.panels.panel.has_focus:
            self.capture.note_line.focus()

    @on(ActivityPanel.Typed)
    def typed_at_panel(self, message: ActivityPanel.Typed) -> None:
        self.capture.type_text(message.text)

    @on(EditableNoteList.Picked)
    def picked_to_edit(self, event: EditableNoteList.Picked) -> None:
        event.stop()
        self.capture.edit(event.note)

    @on(EditableNoteList.Left)
    def back_to_typing(self, event: EditableNoteList.Left) -> None:
        event.stop()
        self.capture.note_line.focus()

    def action_switch_focus(self) -> None:
        """Round the note line, the item's panel for one key (where it has one), the notes."""
        note_line, panel = self.capture.note_line, self.panels.panel
        if note_line.has_focus:
            if not self.panels.arm():
                self.notes.focus()
        elif panel is not None and panel.has_focus:
            self.notes.focus()
        else:
            note_line.focus()

    def action_move_panel(self, step: int) -> None:
        self.panels.move(step)

    def action_cancel_edit(self) -> None:
        if self.capture.editing is not None:
            self.capture.end_edit("Edit cancelled")
            self.refresh_notes()

    @on(EditableNoteList.Changed)
    def notes_changed(self) -> None:
        self.undoable.notes_deleted(len(self.notes.deleted))
        self.capture.recount()

    @on(EditableNoteList.Marked)
    def note_marked(self, event: EditableNoteList.Marked) -> None:
        event.stop()
        self.undoable.changed(MarkedNote(event.note_id, event.was))

    def action_undo(self) -> None:
        self.undoable.undo(self)
