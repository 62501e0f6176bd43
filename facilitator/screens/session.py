"""The session screen: the current item, its countdown, its prompt and the note line.

Every key writes to the database first and redraws from what was saved, so the
screen never claims more than a restarted app would show.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.session_driver import SessionDriver
from facilitator.screens.session_keys import SESSION_KEYS
from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.capture_bar import CaptureBar
from facilitator.widgets.checklist_panel import ChecklistPanel
from facilitator.widgets.editable_note_list import EditableNoteList
from facilitator.widgets.item_heading import ItemHeading
from facilitator.widgets.panels import activity_panels
from facilitator.widgets.session_clocks import BreakReturn, ItemCountdown, PacingLine
from sessions.clock import HEARTBEAT_SECONDS, ClockState
from sessions.errors import FacilitatorError, LeaseLostError, SessionLeasedError, StoreError
from sessions.note_syntax import PREFIX_HELP
from sessions.rebalance import RebalancePlan
from sessions.services import notes as note_service
from sessions.services import running
from sessions.views import ItemView, NoteView, SessionView
from sessions.vocabulary import ItemKind


class SessionScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = "session.tcss"
    BINDINGS = SESSION_KEYS

    view: var[SessionView | None] = var(None, init=False)
    """The session as last read: its programme, agenda and items."""
    state: var[ClockState] = var(ClockState, init=False)
    """The clock as last saved: the item it is at, what each has run, running or paused."""

    capture = getters.query_one(CaptureBar)
    notes = getters.query_one(EditableNoteList)

    driver: SessionDriver
    """Set as the screen mounts: what saves the clock's changes, under this copy's lease."""

    def __init__(self, session_id: int, *, take_over: bool = False):
        super().__init__()
        self.session_id = session_id
        # Set when the facilitator chose to take over a session another copy abandoned.
        self.take_over = take_over
        self.show_notes_to_room = True
        # The position whose panel was last shown, to know when an item is arrived at.
        self._panel_at: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ItemHeading(id="top")
        yield BreakReturn(id="break-box")
        with VerticalScroll(id="prompt-box"):
            yield Markdown(id="prompt")
        yield from activity_panels(self.session_id)
        yield EditableNoteList(self.session_id, id="notes")
        yield CaptureBar(id="capture-bar")
        yield PacingLine(id="session-clock")
        yield Footer()

    def on_mount(self) -> None:
        self.driver = SessionDriver(self.app, self.session_id, lost=self._lost)
        try:
            view, self.state = self.driver.open(take_over=self.take_over)
        except SessionLeasedError as exc:
            from facilitator.screens.lease import LeaseScreen

            self.app.switch_screen(LeaseScreen(self.session_id, str(exc), exc.lease))
            return
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            self.app.pop_screen()
            return
        self.view = view
        self.title = view.programme_name
        self.sub_title = f"Session {view.number} · {view.agenda_title}"
        self.show_item()
        self.set_interval(0.5, self.tick)
        self.set_interval(HEARTBEAT_SECONDS, self.beat)
        if self._panel is None or not self._panel.has_rows:
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
        self.query_one(ItemHeading).show(item, len(self.opened.items), self.state)
        self.query_one("#prompt", Markdown).update(item.prompt or "*No prompt for this item.*")
        self.query_one("#prompt-box").scroll_home(animate=False)
        self._show_panel()
        self.refresh_notes()
        self.tick()

    def _show_panel(self) -> None:
        """An item of a special kind shows its panel in place of the prompt, keys and all."""
        item = self.item
        active = None
        for panel in self.query(ActivityPanel):
            panel.display = item.kind == panel.KIND
            if panel.display:
                active = panel
        self.query_one("#prompt-box").display = active is None or active.KEEPS_PROMPT
        arrived, self._panel_at = self._panel_at != item.position, item.position
        note_line = self.capture.note_line
        if active is None:
            if isinstance(self.focused, ActivityPanel):
                note_line.focus()
            return
        active.prompt = item.prompt
        active.show_for(item.position)
        # Arriving at the item, the panel is what the room works through; with
        # nothing in it, typing goes on in the note line.
        if arrived:
            (active if active.has_rows else note_line).focus()

    @property
    def _panel(self) -> ActivityPanel | None:
        return next((panel for panel in self.query(ActivityPanel) if panel.display), None)

    def refresh_notes(self) -> None:
        """The current item's notes and the deal/relationship balance, as saved."""
        self.notes.show_for(self.state.position)
        self.show_balance()

    @on(EditableNoteList.Changed)
    def show_balance(self) -> None:
        from sessions.services.balance import balance

        try:
            self.capture.balance = balance(self.app.store, self.session_id, self.state.position)
        except FacilitatorError:
            return  # the notes are shown; the meter waits for the next change

    def tick(self) -> None:
        """Redraw the clocks from the last saved state and the time now; nothing is counted here."""
        if self.view is None:
            return
        now = self.app.now()
        live = self.state.at(now)
        seconds = [item.base_seconds for item in self.view.items]
        self.query_one(ItemCountdown).show(live, seconds)
        self.query_one(BreakReturn).show(
            live, seconds, now, on_break=self.item.kind == ItemKind.BREAK
        )
        self.query_one(PacingLine).show(self.state, seconds, now, self.view.planned_seconds)

    def beat(self) -> None:
        """Log that the clock runs (if it does) and keep this copy's hold on the session."""
        if (state := self.driver.beat()) is not None:
            self.state = state

    def _lost(self, exc: LeaseLostError) -> None:
        """Another copy took the session over: this one only watches from now on."""
        from facilitator.screens.mirror import MirrorScreen

        self.app.show_error(str(exc))
        # A dialog open over the session (the outline, a picker) goes too: it would act on
        # a session this copy no longer drives.
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.app.switch_screen(MirrorScreen(self.session_id, can_close=True))

    def _clock_change(self, change: Callable[..., ClockState], *args: int) -> bool:
        """Whether `change` was saved; the clock is redrawn from what was."""
        state = self.driver.change(change, *args)
        if state is None:
            return False
        self.state = state
        return True

    def action_toggle_clock(self) -> None:
        if self._clock_change(running.toggle_clock):
            self.tick()

    def action_next_item(self) -> None:
        if self._clock_change(running.move, +1):
            self.show_item()

    def action_previous_item(self) -> None:
        if self._clock_change(running.move, -1):
            self.show_item()

    def action_extend(self, seconds: int) -> None:
        if self._clock_change(running.extend, seconds):
            self.show_item()

    def action_skip(self) -> None:
        if self._clock_change(running.skip):
            self.show_item()

    def action_outline(self) -> None:
        from facilitator.screens.outline import OutlineScreen

        def chosen(position: int | None) -> None:
            if position is not None and self._clock_change(running.jump, position):
                self.show_item()

        self.app.push_screen(OutlineScreen(self.opened, self.state.at(self.app.now())), chosen)

    def action_rebalance(self) -> None:
        from facilitator.screens.rebalance import RebalanceScreen
        from sessions.services.rebalancing import apply_rebalance

        def answered(plan: RebalancePlan | None) -> None:
            if plan is None:
                return
            changed = self.app.attempt(
                apply_rebalance, self.app.store, self.session_id, plan, self.app.now()
            )
            if changed is REFUSED:
                return
            self.view = running.get_session(self.app.store, self.session_id)
            self.show_item()
            self.app.say(f"Rebalanced: {changed} item(s) have new times.")

        self.app.push_screen(RebalanceScreen(self.session_id), answered)

    def action_projector(self) -> None:
        from facilitator.screens.projector import ProjectorScreen

        projector = ProjectorScreen(
            self.session_id, show_notes=self.show_notes_to_room, driver=self
        )

        def closed(_result: None) -> None:
            # The room's choice of notes is kept for the next time the view is shown.
            self.show_notes_to_room = projector.show_notes

        self.app.push_screen(projector, closed)

    def action_toggle_kind(self) -> None:
        self.capture.kind = note_service.other_capture_kind(self.capture.kind)

    @on(ChecklistPanel.ToNoteLine)
    def begin_note(self, message: ChecklistPanel.ToNoteLine) -> None:
        if not self.capture.begin(message.text):
            # Never overwrite what the facilitator was typing.
            self.app.say(
                "The note line has text in it: save or clear it first.", severity="warning"
            )

    @on(Input.Submitted, "#note")
    def note_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.capture.editing is not None:
            self._save_edit(self.capture.editing, event.value)
        elif self.take_note(event.value):
            event.input.value = ""

    def take_note(self, text: str) -> bool:
        """Save `text` as the current item's note, as typed in the note line; the capture
        bar says what became of it. False when refused: the text is to be kept."""
        capture = self.capture
        now = self.app.now()
        try:
            note = note_service.add_note(
                self.app.store,
                self.session_id,
                self.state.position,
                text,
                capture.kind,
                today=now.astimezone().date(),
                now=now,
                member_id=capture.speaker[0] if capture.speaker else None,
            )
        except FacilitatorError as exc:
            self._refused(exc)
            return False
        if note is None:
            capture.tell(PREFIX_HELP)
            return True
        self.refresh_notes()
        capture.tell(f"Saved {note.kind} note at {now.astimezone():%H:%M:%S} · {PREFIX_HELP}")
        return True

    def _refused(self, exc: FacilitatorError) -> None:
        """The typed text stays in the note line; only the reason is shown."""
        self.capture.refuse(str(exc))
        if isinstance(exc, StoreError):  # a line that can't be read only needs the status
            self.app.show_error(str(exc))

    def _save_edit(self, note: NoteView, text: str) -> None:
        from sessions.services.note_editing import edit_note

        now = self.app.now()
        try:
            edit_note(self.app.store, note.id, text, today=now.astimezone().date(), now=now)
        except FacilitatorError as exc:
            self._refused(exc)
            return
        self.capture.end_edit("Note changed; the earlier text is kept in its history.")
        self.refresh_notes()

    @on(EditableNoteList.Picked)
    def picked_to_edit(self, event: EditableNoteList.Picked) -> None:
        event.stop()
        self.capture.edit(event.note)

    @on(EditableNoteList.Left)
    def back_to_typing(self, event: EditableNoteList.Left) -> None:
        event.stop()
        self.capture.note_line.focus()

    def action_switch_focus(self) -> None:
        """Round the note line, the item's panel (where it has one) and the note list."""
        note_line, panel = self.capture.note_line, self._panel
        if note_line.has_focus:
            (panel or self.notes).focus()
        elif panel is not None and panel.has_focus:
            self.notes.focus()
        else:
            note_line.focus()

    def action_cancel_edit(self) -> None:
        if self.capture.editing is not None:
            self.capture.end_edit("Edit cancelled")
            self.refresh_notes()

    def action_undo_delete(self) -> None:
        self.notes.bring_back()

    def action_pick_speaker(self) -> None:
        from facilitator.screens.member_picker import pick_member

        def chosen(member_id: int | None, name: str) -> None:
            self.capture.speaker = (member_id, name) if member_id else None
            self.capture.note_line.focus()

        pick_member(
            self.app, self.session_id, "Who is speaking? Their name goes on the next notes", chosen
        )

    def action_leave(self) -> None:
        # Unmounting pauses the clock and lets go of the session, as quitting does.
        self.dismiss(None)

    def action_search(self) -> None:
        from facilitator.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.opened.programme_id))

    def action_attendance(self) -> None:
        from facilitator.screens.attendance import AttendanceScreen

        self.app.push_screen(
            AttendanceScreen(self.session_id, self.state.position, self.item.title)
        )

    def action_finish(self) -> None:
        from facilitator.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.finish()

        self.app.push_screen(
            ConfirmScreen(
                "Finish the session and write the minutes?",
                "The clock stops for good; notes can no longer be added.",
            ),
            answered,
        )

    def finish(self) -> None:
        from facilitator.screens.finish import FinishScreen

        if not self._clock_change(running.finish_session):
            return
        finished = FinishScreen.with_minutes_written(self.app, self.session_id)
        self.view = running.get_session(self.app.store, self.session_id)
        self.app.switch_screen(finished)
