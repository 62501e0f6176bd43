"""The session screen: the current item, its countdown, its prompt and the note line.

Every key writes to the database first and redraws from what was saved, so the
screen never claims more than a restarted app would show.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Digits, Footer, Header, Input, Label, Markdown, Static

from facilitator.widgets.action_review import ActionReview
from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.checklist_panel import ChecklistPanel
from facilitator.widgets.editable_note_list import EditableNoteList
from facilitator.widgets.note_list import NoteList
from facilitator.widgets.reflection_panel import ReflectionPanel
from facilitator.widgets.roles_panel import RolesPanel
from facilitator.widgets.scorecard_panel import ScorecardPanel
from sessions.agenda.durations import format_duration
from sessions.clock import (
    HEARTBEAT_SECONDS,
    ClockState,
    current_countdown,
    format_clock,
    return_time,
)
from sessions.errors import (
    FacilitatorError,
    LeaseLostError,
    SessionLeasedError,
    StoreError,
)
from sessions.note_syntax import PREFIX_HELP
from sessions.pacing import pace
from sessions.services import notes as note_service
from sessions.services import running
from sessions.vocabulary import ItemKind, NoteKind

LATE_WARNING_SECONDS = 5 * 60


BAR_CELLS = 8


def balance_bar(deal: int, relationship: int) -> Text:
    """`████░░░░`: the deal's share of the notes, filled; the relationship's, shaded."""
    total = deal + relationship
    if not total:
        return Text("·" * BAR_CELLS, style="dim")
    filled = round(BAR_CELLS * deal / total)
    return Text("█" * filled + "░" * (BAR_CELLS - filled))


def balance_text(shown) -> Text:
    """`Step 1 deal 4 · rel 1  ▸ session deal 9 · rel 6`, and a nudge when one side is thin."""
    line = Text("Balance ", style="bold")
    if shown.step_label:
        line.append(f"{shown.step_label}: deal {shown.step_deal} ")
        line.append_text(balance_bar(shown.step_deal, shown.step_relationship))
        line.append(f" rel {shown.step_relationship}")
        line.append("  │  ", style="dim")
    line.append(f"session: deal {shown.session_deal} · rel {shown.session_relationship}")
    if shown.lagging == NoteKind.DEAL:
        line.append("  · little on the deal here: what will we achieve?", style="bold")
    elif shown.lagging == NoteKind.RELATIONSHIP:
        line.append("  · little on the relationship here: how are we working?", style="bold")
    return line


class SessionScreen(Screen[None]):
    CSS_PATH = "session.tcss"
    # Priority bindings: the note line keeps focus, and these must still work from it.
    BINDINGS = [
        # Short descriptions: all of them must fit the Footer of an 80-column terminal.
        Binding(
            "ctrl+t",
            "toggle_clock",
            "Start/pause",
            id="session.toggle_clock",
            priority=True,
            tooltip="Start, pause or resume the clock",
        ),
        Binding(
            "ctrl+n",
            "next_item",
            "Next",
            id="session.next_item",
            priority=True,
            tooltip="Go to the next agenda item",
        ),
        Binding(
            "ctrl+b",
            "previous_item",
            "Back",
            id="session.previous_item",
            priority=True,
            tooltip="Go back to the previous agenda item",
        ),
        Binding(
            "ctrl+r",
            "toggle_kind",
            "Deal/rel",
            id="session.toggle_kind",
            priority=True,
            tooltip="Switch the next notes between deal and relationship",
        ),
        Binding(
            "ctrl+f",
            "finish",
            "Finish",
            id="session.finish",
            priority=True,
            tooltip="Finish the session and write the minutes",
        ),
        # Pacing keys: in the command palette and README; the Footer has no room for them.
        Binding(
            "ctrl+up",
            "extend(60)",
            "+1 min",
            id="session.extend_1",
            priority=True,
            show=False,
            tooltip="Give the current item 1 more minute",
        ),
        Binding(
            "ctrl+g",
            "extend(300)",
            "+5 min",
            id="session.extend_5",
            priority=True,
            show=False,
            tooltip="Give the current item 5 more minutes",
        ),
        Binding(
            "ctrl+down",
            "extend(-60)",
            "-1 min",
            id="session.shorten_1",
            priority=True,
            show=False,
            tooltip="Take 1 minute from the current item",
        ),
        Binding(
            "ctrl+o",
            "outline",
            "Agenda",
            id="session.outline",
            priority=True,
            show=False,
            tooltip="Show the agenda outline and jump to any item",
        ),
        Binding(
            "ctrl+l",
            "rebalance",
            "Rebalance",
            id="session.rebalance",
            priority=True,
            show=False,
            tooltip="Rebalance the items left to finish at the planned time",
        ),
        Binding(
            "f5",
            "projector",
            "Projector",
            id="session.projector",
            priority=True,
            show=False,
            tooltip="Show the projector view: item and countdown, large",
        ),
        Binding(
            "ctrl+s",
            "skip",
            "Skip",
            id="session.skip",
            priority=True,
            show=False,
            tooltip="Skip the current item (marked skipped, not done)",
        ),
        Binding(
            "ctrl+y",
            "pick_speaker",
            "Speaker",
            id="session.speaker",
            priority=True,
            show=False,
            tooltip="Choose who is speaking: the next notes are theirs",
        ),
        Binding(
            "ctrl+z",
            "undo_delete",
            "Undo delete",
            id="session.undo_delete",
            priority=True,
            show=False,
            tooltip="Bring back the note deleted last",
        ),
        Binding(
            "f2",
            "attendance",
            "Attendance",
            id="session.attendance",
            priority=True,
            show=False,
            tooltip="Who is present, apologies, and declarations of interest",
        ),
        Binding(
            "f3",
            "search",
            "Search",
            id="session.search",
            priority=True,
            show=False,
            tooltip="Search every note of this programme",
        ),
        Binding(
            "f10",
            "leave",
            "Leave",
            id="session.leave",
            priority=True,
            show=False,
            tooltip="Pause the clock and go back; the session waits to be resumed",
        ),
        # Tab goes between the note line and the note list, not through the prompt's scroll box.
        Binding(
            "tab,shift+tab",
            "switch_focus",
            "Notes/typing",
            id="session.switch_focus",
            show=False,
            tooltip="Move between the note line and the list of notes (to edit or delete)",
        ),
        # Not a priority: Escape belongs to whatever has focus first (the note list's own).
        Binding("escape", "cancel_edit", "Cancel edit", id="session.cancel_edit", show=False),
    ]

    capture_kind: reactive[str] = reactive("deal")

    def __init__(self, session_id: int, *, take_over: bool = False):
        super().__init__()
        self.session_id = session_id
        # Set when the facilitator chose to take over a session another copy abandoned.
        self.take_over = take_over
        self._lease_lost = False
        self.view = None
        self.state = ClockState()
        self._heartbeat_failed = False
        self._bell_rung_for: int | None = None
        self._warned_late = False
        self._session_line = ""
        self.show_notes_to_room = True
        # The note being edited in the note line, if any; the notes deleted, newest last.
        self.editing = None
        self._draft = ""
        self._deleted: list[int] = []
        # Who the next notes are attributed to: (member id, name), or None.
        self.speaker: tuple[int, str] | None = None
        # The position whose panel was last shown, to know when an item is arrived at.
        self._panel_at: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top"):
            with Vertical(id="where"):
                yield Static(id="step")
                yield Static(id="item-title")
                yield Static(id="item-meta")
            yield Digits("00:00", id="countdown")
        with Horizontal(id="break-box"):
            yield Label("Back at", id="back-label")
            yield Digits("", id="back-at")
        with VerticalScroll(id="prompt-box"):
            yield Markdown(id="prompt")
        yield ActionReview(self.session_id, id="review", classes="panel")
        yield ScorecardPanel(self.session_id, id="scorecard", classes="panel")
        yield ChecklistPanel(self.session_id, id="checklist", classes="panel")
        yield RolesPanel(self.session_id, id="roles", classes="panel")
        yield ReflectionPanel(self.session_id, id="reflection", classes="panel")
        yield EditableNoteList(id="notes")
        with Horizontal(id="capture"):
            yield Static(id="kind")
            # Coming back to a half-typed note must not select it: the next key would replace it.
            yield Input(placeholder="Type a note and press Enter", id="note", select_on_focus=False)
        yield Static(f"{PREFIX_HELP} · tab: edit notes", id="capture-status")
        yield Static(id="balance")
        yield Static(id="session-clock")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.view, self.state = running.open_session(
                self.app.store,
                self.session_id,
                self.app.holder,
                self.app.now(),
                take_over=self.take_over,
            )
        except SessionLeasedError as exc:
            from facilitator.screens.lease import LeaseScreen

            self.app.switch_screen(LeaseScreen(self.session_id, str(exc), exc.lease))
            return
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            self.app.pop_screen()
            return
        self.title = self.view.programme_name
        self.sub_title = f"Session {self.view.number} · {self.view.agenda_title}"
        self.show_item()
        self.set_interval(0.5, self.tick)
        self.set_interval(HEARTBEAT_SECONDS, self.beat)
        self.watch_capture_kind(self.capture_kind)
        note = self.query_one("#note", Input)
        # A steady cursor: a blinking one redraws the whole framed line twice a second
        # for three hours, more than the clocks themselves cost.
        note.cursor_blink = False
        if self._panel is None or not self._panel.has_rows:
            note.focus()

    def on_unmount(self) -> None:
        # Leaving or quitting pauses the clock, so the session waits for the room.
        if self.view is not None and not self.view.finished and not self._lease_lost:
            holder, now = self.app.holder, self.app.now()
            try:
                running.pause_clock(self.app.store, self.session_id, now, holder=holder)
                running.release_session(self.app.store, self.session_id, holder, now)
            except FacilitatorError:
                pass  # the last heartbeat already bounds what a reopen will count

    @property
    def item(self):
        return self.view.items[self.state.position]

    def show_item(self) -> None:
        item, items = self.item, self.view.items
        self.query_one("#step", Static).update(Text(item.where, style="bold"))
        self.query_one("#item-title", Static).update(Text(item.title, style="bold"))
        kind = "" if item.kind == ItemKind.DISCUSSION else f" · {item.kind.replace('-', ' ')}"
        now_seconds = item.base_seconds + self.state.extra_for(item.position)
        given = (
            f", now {format_duration(now_seconds)}" if now_seconds != item.planned_seconds else ""
        )
        skipped = " · skipped" if item.position in self.state.skipped else ""
        self.query_one("#item-meta", Static).update(
            f"Item {item.position + 1} of {len(items)} · planned "
            f"{format_duration(item.planned_seconds)}{given}{kind}{skipped}"
        )
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
        note_line = self.query_one("#note", Input)
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
        from sessions.services.balance import balance

        position = self.state.position
        self.query_one(NoteList).show(
            note_service.list_notes(self.app.store, self.session_id, position)
        )
        try:
            shown = balance(self.app.store, self.session_id, position)
        except FacilitatorError:
            return  # the notes are shown; the meter waits for the next change
        meter = self.query_one("#balance", Static)
        meter.update(balance_text(shown))
        meter.set_class(shown.lagging is not None, "-lagging")

    def tick(self) -> None:
        """Redraw the clocks from the last saved state and the time now; nothing is counted here."""
        if self.view is None:
            return
        now = self.app.now()
        live = self.state.at(now)
        seconds = [item.base_seconds for item in self.view.items]
        reading = current_countdown(live, seconds)
        if reading.level == "over" and live.running and self._bell_rung_for != live.position:
            self._bell_rung_for = live.position
            self.app.ring()
        break_box = self.query_one("#break-box")
        break_box.display = self.item.kind == ItemKind.BREAK and not live.finished
        if break_box.display:
            back = f"{return_time(live, seconds, now).astimezone():%H:%M}"
            self.query_one("#back-at", Digits).update(back)
        digits = self.query_one("#countdown", Digits)
        if digits.value != reading.text:  # it changes once a second; the tick comes twice
            digits.update(reading.text)
        digits.set_class(reading.level == "warning", "-warning")
        digits.set_class(reading.level == "over", "-over")
        heading = pace(self.state, seconds, now, self.view.planned_seconds)
        local = lambda moment: f"{moment.astimezone():%H:%M}"  # noqa: E731
        if heading.planned_finish is None:
            where = f"ends {local(heading.projected_finish)} if started now"
        else:
            where = (
                f"finish {local(heading.planned_finish)} → "
                f"{local(heading.projected_finish)}, {heading.verdict}"
            )
        if live.running:
            status = "running"
        elif live.started:
            status = "paused (ctrl+t)"
        else:
            status = "ctrl+t starts the clock"
        line = (
            f"{format_clock(live.session_elapsed)} of "
            f"{format_duration(self.view.planned_seconds)} · {where} · {status}"
        )
        if line != self._session_line:  # half the ticks change nothing
            self._session_line = line
            # One line of fixed height: its text never changes its size, so no re-layout.
            self.query_one("#session-clock", Static).update(line, layout=False)
        self._warn_if_late(heading.late_seconds)

    def _warn_if_late(self, late_seconds: float) -> None:
        """Say it once when the session is projected to run over 5 minutes late."""
        if late_seconds > LATE_WARNING_SECONDS and not self._warned_late:
            self._warned_late = True
            self.app.say(
                f"The session is projected to finish {round(late_seconds / 60)} min late: "
                "shorten or skip what is left.",
                severity="warning",
                timeout=10,
            )
        elif late_seconds <= LATE_WARNING_SECONDS:
            self._warned_late = False

    def beat(self) -> None:
        """Log that the clock runs (if it does) and keep this copy's hold on the session."""
        try:
            self.state = running.heartbeat(
                self.app.store, self.session_id, self.app.now(), holder=self.app.holder
            )
            self._heartbeat_failed = False
        except LeaseLostError as exc:
            self._lost(exc)
        except FacilitatorError as exc:
            if not self._heartbeat_failed:
                self.app.show_error(f"{exc} The clock keeps running on screen.")
            self._heartbeat_failed = True

    def _lost(self, exc: LeaseLostError) -> None:
        """Another copy took the session over: this one only watches from now on."""
        from facilitator.screens.mirror import MirrorScreen

        if self._lease_lost:
            return
        self._lease_lost = True
        self.app.show_error(str(exc))
        # A dialog open over the session (the outline, a picker) goes too: it would act on
        # a session this copy no longer drives.
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.app.switch_screen(MirrorScreen(self.session_id, can_close=True))

    def _clock_change(self, change, *args) -> bool:
        try:
            self.state = change(
                self.app.store, self.session_id, *args, self.app.now(), holder=self.app.holder
            )
        except LeaseLostError as exc:
            self._lost(exc)
            return False
        except FacilitatorError as exc:
            severity = "error" if isinstance(exc, StoreError) else "warning"
            self.app.say(str(exc), severity=severity)
            return False
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

        self.app.push_screen(OutlineScreen(self.view, self.state.at(self.app.now())), chosen)

    def action_rebalance(self) -> None:
        from facilitator.screens.rebalance import RebalanceScreen
        from sessions.services.rebalancing import apply_rebalance

        def answered(plan) -> None:
            if plan is None:
                return
            try:
                changed = apply_rebalance(self.app.store, self.session_id, plan, self.app.now())
            except FacilitatorError as exc:
                self.app.show_error(str(exc))
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

        def closed(_result) -> None:
            # The room's choice of notes is kept for the next time the view is shown.
            self.show_notes_to_room = projector.show_notes

        self.app.push_screen(projector, closed)

    def action_toggle_kind(self) -> None:
        self.capture_kind = note_service.other_capture_kind(self.capture_kind)

    def watch_capture_kind(self, kind: str) -> None:
        found = self.query("#kind")
        if not found:  # the reactive's first call can come before compose
            return
        badge = found.first(Static)
        speaker = f" · {self.speaker[1]}" if self.speaker else ""
        badge.update(Text(f" {kind.upper()}{speaker} "))
        badge.set_class(kind == NoteKind.DEAL, "-deal")
        badge.set_class(kind == NoteKind.RELATIONSHIP, "-relationship")

    def on_checklist_panel_to_note_line(self, message: ChecklistPanel.ToNoteLine) -> None:
        note_line = self.query_one("#note", Input)
        if note_line.value.strip():
            # Never overwrite what the facilitator was typing.
            self.app.say(
                "The note line has text in it: save or clear it first.", severity="warning"
            )
            return
        note_line.value = message.text
        note_line.cursor_position = len(message.text)
        note_line.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.editing is not None:
            self._save_edit(event.input)
            return
        status = self.query_one("#capture-status", Static)
        now = self.app.now()
        try:
            note = note_service.add_note(
                self.app.store,
                self.session_id,
                self.state.position,
                event.value,
                self.capture_kind,
                today=now.astimezone().date(),
                now=now,
                member_id=self.speaker[0] if self.speaker else None,
            )
        except FacilitatorError as exc:
            self._refused(exc)
            return
        status.remove_class("-error")
        event.input.value = ""
        if note is None:
            status.update(PREFIX_HELP)
            return
        self.refresh_notes()
        status.update(f"Saved {note.kind} note at {now.astimezone():%H:%M:%S} · {PREFIX_HELP}")

    def _refused(self, exc: FacilitatorError) -> None:
        """The typed text stays in the note line; only the reason is shown."""
        status = self.query_one("#capture-status", Static)
        status.update(Text(str(exc)))
        status.add_class("-error")
        if isinstance(exc, StoreError):  # a line that can't be read only needs the status
            self.app.show_error(str(exc))

    def _save_edit(self, note_line: Input) -> None:
        from sessions.services.note_editing import edit_note

        now = self.app.now()
        try:
            edit_note(
                self.app.store,
                self.editing.id,
                note_line.value,
                today=now.astimezone().date(),
                now=now,
            )
        except FacilitatorError as exc:
            self._refused(exc)
            return
        self._end_edit("Note changed; the earlier text is kept in its history.")

    def _end_edit(self, message: str) -> None:
        self.editing = None
        note_line = self.query_one("#note", Input)
        note_line.value = self._draft
        note_line.placeholder = "Type a note and press Enter"
        status = self.query_one("#capture-status", Static)
        status.remove_class("-error")
        status.update(f"{message} · {PREFIX_HELP}")
        self.refresh_notes()
        note_line.focus()

    def on_editable_note_list_picked(self, event: EditableNoteList.Picked) -> None:
        event.stop()
        if event.what == "edit":
            from sessions.services.note_editing import note_line

            note_input = self.query_one("#note", Input)
            if self.editing is None:
                self._draft = note_input.value  # whatever was half-typed comes back afterwards
            self.editing = event.note
            note_input.value = note_line(event.note)
            note_input.placeholder = "Editing: Enter saves, Esc cancels"
            self.query_one("#capture-status", Static).update(
                "Editing a note: Enter saves (the earlier text is kept), Esc cancels"
            )
            note_input.focus()
        elif event.what == "delete":
            self._delete(event.note)
        else:
            self._attribute(event.note)

    def on_editable_note_list_left(self, event: EditableNoteList.Left) -> None:
        event.stop()
        self.query_one("#note", Input).focus()

    def action_switch_focus(self) -> None:
        """Round the note line, the item's panel (where it has one) and the note list."""
        note_line, panel = self.query_one("#note", Input), self._panel
        if note_line.has_focus:
            (panel or self.query_one(EditableNoteList)).focus()
        elif panel is not None and panel.has_focus:
            self.query_one(EditableNoteList).focus()
        else:
            note_line.focus()

    def action_cancel_edit(self) -> None:
        if self.editing is not None:
            self._end_edit("Edit cancelled")

    def _delete(self, note) -> None:
        from sessions.services.note_editing import delete_note

        try:
            delete_note(self.app.store, note.id, self.app.now())
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            return
        self._deleted.append(note.id)
        self.refresh_notes()
        self.app.say("Note deleted: ctrl+z brings it back.")

    def action_undo_delete(self) -> None:
        from sessions.services.note_editing import restore_note

        if not self._deleted:
            self.app.say("No deleted note to bring back.")
            return
        try:
            restored = restore_note(self.app.store, self._deleted[-1])
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            return
        self._deleted.pop()
        self.refresh_notes()
        where = (
            ""
            if restored.position == self.state.position
            else (f" (it belongs to item {restored.position + 1})")
        )
        self.app.say(f"Note brought back{where}.")

    def _pick_member(self, title: str, then) -> None:
        from facilitator.screens.member_picker import pick_member

        pick_member(self.app, self.session_id, title, then)

    def action_pick_speaker(self) -> None:
        def chosen(member_id: int | None, name: str) -> None:
            self.speaker = (member_id, name) if member_id else None
            self.watch_capture_kind(self.capture_kind)
            self.query_one("#note", Input).focus()

        self._pick_member("Who is speaking? Their name goes on the next notes", chosen)

    def _attribute(self, note) -> None:
        from sessions.services.note_editing import attribute_note

        def chosen(member_id: int | None, _name: str) -> None:
            try:
                attribute_note(self.app.store, note.id, member_id)
            except FacilitatorError as exc:
                self.app.show_error(str(exc))
                return
            self.refresh_notes()

        self._pick_member("Who said it?", chosen)

    def action_leave(self) -> None:
        # Unmounting pauses the clock and lets go of the session, as quitting does.
        self.dismiss(None)

    def action_search(self) -> None:
        from facilitator.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.view.programme_id))

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
        from sessions.services.minutes import write_minutes

        if not self._clock_change(running.finish_session):
            return
        try:
            path = write_minutes(self.app.store, self.session_id)
        except FacilitatorError as exc:
            self.app.show_error(
                f"The session is finished, but its minutes were not written: {exc} "
                "Press m to try again, or b or w for another format."
            )
            path = None
        from facilitator.screens.finish import FinishScreen

        self.view = running.get_session(self.app.store, self.session_id)
        self.app.switch_screen(FinishScreen(self.session_id, path))
