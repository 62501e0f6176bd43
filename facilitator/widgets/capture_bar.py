"""The session screen's capture bar: whose and which kind the next note is, the note line,
a warning while it looks like it holds patient details, what became of the last note, and
the deal/relationship balance of the notes so far.

It saves what is typed itself, on the item the screen says it is at, and tells
the screen a note was saved; the driver's choice of kind and speaker is kept
with the session, so a resume types on as it left off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from facilitator.app import FacilitatorApp
from facilitator.widgets.activity_panel import ARMED, ActivityPanel
from facilitator.widgets.identifier_warning import IdentifierWarning
from facilitator.widgets.note_input import NoteInput, OwnerSuggester
from sessions.errors import FacilitatorError, StoreError
from sessions.note_syntax import PREFIX_HELP
from sessions.services import note_editing
from sessions.services import notes as note_service
from sessions.services.identifiers import identifier_kinds
from sessions.services.notes import OwnerChoice, OwnerQuestion
from sessions.views import BalanceMeter, CaptureChoice, NoteView
from sessions.vocabulary import NoteKind

BAR_CELLS = 8
TYPING = "Type a note and press Enter"
EDITING = "Editing: Enter saves, Esc cancels"
CHECK_AFTER = 0.3
"""Seconds of quiet in the note line before it is read for patient details: not every key."""


def balance_bar(deal: int, relationship: int) -> Text:
    """`████░░░░`: the deal's share of the notes, filled; the relationship's, shaded."""
    total = deal + relationship
    if not total:
        return Text("·" * BAR_CELLS, style="dim")
    filled = round(BAR_CELLS * deal / total)
    return Text("█" * filled + "░" * (BAR_CELLS - filled))


def balance_text(shown: BalanceMeter) -> Text:
    """`Step 1 deal 4 · rel 1  ▸ session deal 9 · rel 6`, and a nudge when one side is thin."""
    line = Text("Balance ", style="bold")
    if shown.step_label:
        line.append(f"{shown.step_label}: deal {shown.step_deal} ")
        line.append_text(balance_bar(shown.step_deal, shown.step_relationship))
        line.append(f" rel {shown.step_relationship}")
        line.append(" │ ", style="dim")
    line.append(f"session: deal {shown.session_deal} · rel {shown.session_relationship}")
    if shown.lagging == NoteKind.DEAL:
        line.append(" · little on the deal: what will we achieve?", style="bold")
    elif shown.lagging == NoteKind.RELATIONSHIP:
        line.append(" · little on the relationship: how are we working?", style="bold")
    return line


class CaptureBar(Vertical):
    """What the facilitator types into, and what it says back."""

    app = getters.app(FacilitatorApp)

    kind: var[str] = var(NoteKind.DEAL, init=False)
    """Deal or relationship: what the next notes count towards."""
    speaker: var[tuple[int, str] | None] = var(None, init=False)
    """Who the next notes are attributed to: (member id, name)."""
    position: var[int | None] = var(None, init=False)
    """The item the next note belongs to; None until the screen shows one."""
    editing: var[NoteView | None] = var(None, init=False, always_update=True)
    """The saved note the note line holds to be changed, if any."""
    draft: var[str] = var("")
    """What was half-typed when an edit began; it comes back when the edit ends."""
    status: var[str | Text] = var(PREFIX_HELP, init=False)
    """What became of the last note, or how to write one."""
    refused: var[bool] = var(False, init=False)
    """Whether the status is the reason the last note was not saved."""
    balance: var[BalanceMeter | None] = var(None, init=False)

    @dataclass
    class Saved(Message):
        """A note was added or changed: the item's notes and the balance are not as shown."""

        note: NoteView | None = None
        """The note added, as saved; None when a note was changed."""

    def __init__(self, session_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session_id = session_id
        self.owners = OwnerSuggester(self._owner_names)
        """Offers the rest of a member's name after an action's `@`."""
        self._check: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="capture"):
            yield Static(id="kind")
            # Coming back to a half-typed note must not select it: the next key would replace it.
            yield NoteInput(
                placeholder=TYPING, id="note", select_on_focus=False, suggester=self.owners
            )
            yield Static(id="speaker")
        yield IdentifierWarning(id="identifier-warning")
        yield Static(self.status, id="capture-status")
        yield Static(id="balance")

    def on_mount(self) -> None:
        # A steady cursor: a blinking one redraws the whole framed line twice a second
        # for three hours, more than the clocks themselves cost.
        self.note_line.cursor_blink = False
        self._show_badge()
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _owner_names(self) -> list[str]:
        """The names the note line offers after `@`, as the programme has them now."""
        from sessions.services.people import session_owner_names

        try:
            return session_owner_names(self.app.store, self.session_id)
        except FacilitatorError:
            return []  # no offer: the name typed in full is read the same

    def _focus_moved(self, focused: Widget | None) -> None:
        """Say so, unmistakably, while an activity panel holds the keyboard for its one key."""
        if focused is self.note_line:
            # Back from a dialog or another screen, where members may have been added.
            self.owners.stale = True
        if isinstance(focused, ActivityPanel):
            self.tell(ARMED)
        elif self.status == ARMED:
            self.tell(PREFIX_HELP)

    @property
    def note_line(self) -> Input:
        return self.query_one("#note", Input)

    def restore(self, choice: CaptureChoice) -> None:
        """The choice as it was saved: shown, not saved again."""
        speaker = (choice.speaker_id, choice.speaker_name) if choice.speaker_id else None
        self.set_reactive(CaptureBar.kind, choice.kind)
        self.set_reactive(CaptureBar.speaker, speaker)
        self._show_badge()

    def tell(self, status: str) -> None:
        """Say what became of a note, clearing any refusal."""
        self.refused = False
        self.status = status

    def refuse(self, reason: str) -> None:
        """The typed text stays in the note line; only the reason is shown."""
        self.status = Text(reason)
        self.refused = True

    def type_text(self, text: str) -> None:
        """Text meant for the note line that reached another widget: typed where the cursor is."""
        line = self.note_line
        line.focus()
        line.insert_text_at_cursor(text)

    def edit(self, note: NoteView) -> None:
        """Put a saved note in the note line to be changed; what was half-typed waits."""
        self.editing = note
        self.status = "Editing a note: Enter saves (the earlier text is kept), Esc cancels"
        self.note_line.focus()

    def end_edit(self, message: str) -> None:
        """Back to new notes: what was half-typed returns, and `message` says how it ended."""
        self.editing = None
        self.tell(f"{message} · {PREFIX_HELP}")
        self.note_line.focus()

    def begin(self, text: str) -> bool:
        """Start a note with `text`, unless the facilitator is typing one; whether it began."""
        line = self.note_line
        if line.value.strip():
            # Never overwrite what the facilitator was typing.
            self.app.say(
                "The note line has text in it: save or clear it first.", severity="warning"
            )
            return False
        line.value = text
        line.cursor_position = len(text)
        line.focus()
        return True

    @on(NoteInput.Pasted)
    def _lines_pasted(self, message: NoteInput.Pasted) -> None:
        message.stop()
        self.tell(f"{message.lines} lines pasted: Enter saves them as one note")

    @on(Input.Changed, "#note")
    def _changed(self, event: Input.Changed) -> None:
        """Read the line for patient details once typing pauses; an empty line at once."""
        if self._check is not None:
            self._check.stop()
            self._check = None
        if not event.value.strip():
            self.query_one(IdentifierWarning).kinds = ()
        else:
            self._check = self.set_timer(CHECK_AFTER, self._check_line)

    def _check_line(self) -> None:
        self._check = None
        self.query_one(IdentifierWarning).kinds = tuple(identifier_kinds(self.note_line.value))

    @on(Input.Submitted, "#note")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.editing is not None:
            self._save_edit(self.editing, event.value)
        elif self.take_note(event.value, then=lambda: self._clear(event.value)):
            event.input.value = ""

    def _clear(self, saved: str) -> None:
        """Empty the note line of the line just saved (what else it holds is not ours)."""
        if self.note_line.value == saved:
            self.note_line.value = ""

    def watch_position(self, before: int | None, _after: int | None) -> None:
        # Whoever spoke at the last item may not speak at this one: the speaker is cleared,
        # and the status says who it was. Opening the session keeps the speaker chosen there.
        if before is not None and self.speaker is not None:
            was = self.speaker[1]
            self.speaker = None
            self.tell(f"New item: speaker cleared (was {was}) · ctrl+y chooses who speaks")

    def recount(self) -> None:
        """The deal/relationship balance of the notes as saved."""
        from sessions.services.balance import balance

        if self.position is None:
            return
        try:
            self.balance = balance(self.app.store, self.session_id, self.position)
        except FacilitatorError:
            return  # the notes are shown; the meter waits for the next change

    def take_note(self, text: str, then: Callable[[], None] | None = None) -> bool:
        """Save `text` as a note of the current item; whether it was saved. A refusal keeps
        nothing and says why, so the text stays where it was typed.

        With `then`, an owner that finds several members or none is asked about first; the
        line stays as typed meanwhile, and `then` is called once the answer has saved it.
        """
        if self.position is None:
            return False
        try:
            note = self._add(text, None, ask_owner=then is not None)
        except OwnerQuestion as question:
            if then is not None:
                self._ask_owner(text, question, then)
            return False
        except FacilitatorError as exc:
            self._refused(exc)
            return False
        self._saved(note)
        return True

    def _add(self, text: str, owner: OwnerChoice | None, ask_owner: bool) -> NoteView | None:
        now = self.app.now()
        if self.position is None:
            raise FacilitatorError("There is no item to add the note to yet.")  # not reached
        return note_service.add_note(
            self.app.store,
            self.session_id,
            self.position,
            text,
            self.kind,
            today=now.astimezone().date(),
            now=now,
            member_id=self.speaker[0] if self.speaker else None,
            owner=owner,
            ask_owner=ask_owner,
        )

    def _saved(self, note: NoteView | None) -> None:
        if note is None:
            self.tell(PREFIX_HELP)
            return
        if note.kind == NoteKind.ACTION:
            self.owners.stale = True  # it may have added a member or a guest
        self.post_message(self.Saved(note))
        now = self.app.now()
        owner = f" for {note.owner}" if note.owner else ""
        self.tell(f"Saved {note.kind} note{owner} at {now.astimezone():%H:%M:%S} · {PREFIX_HELP}")

    def _ask_owner(self, text: str, question: OwnerQuestion, then: Callable[[], None]) -> None:
        """Ask who owns the action; the line waits as typed until the answer saves it."""
        from facilitator.screens.owner_question import OwnerQuestionScreen

        def answered(choice: OwnerChoice | None) -> None:
            if choice is None:
                self.tell(f"Not saved yet: the line is as you typed it · {PREFIX_HELP}")
                return
            try:
                note = self._add(text, choice, ask_owner=False)
            except FacilitatorError as exc:
                self._refused(exc)
                return
            then()
            self._saved(note)

        self.tell("Who owns this action? Choose in the box; Esc goes back to the line")
        self.app.push_screen(OwnerQuestionScreen(question), answered)

    def _save_edit(self, note: NoteView, text: str) -> None:
        now = self.app.now()
        try:
            note_editing.edit_note(
                self.app.store, note.id, text, today=now.astimezone().date(), now=now
            )
        except FacilitatorError as exc:
            self._refused(exc)
            return
        self.end_edit("Note changed; the earlier text is kept in its history.")
        self.post_message(self.Saved())

    def _refused(self, exc: FacilitatorError) -> None:
        self.refuse(str(exc))
        if isinstance(exc, StoreError):  # a line that can't be read only needs the status
            self.app.show_error(str(exc))

    def watch_kind(self) -> None:
        self._show_badge()
        self._keep_choice()

    def watch_speaker(self) -> None:
        self._show_badge()
        self._keep_choice()

    def _keep_choice(self) -> None:
        from sessions.services.capture import keep_choice

        speaker_id = self.speaker[0] if self.speaker else None
        # Not kept is no loss to the room: the choice stays on screen for this run.
        self.app.attempt(
            keep_choice, self.app.store, self.session_id, self.kind, speaker_id, self.app.now()
        )

    def _show_badge(self) -> None:
        badge = self.query_one("#kind", Static)
        badge.update(Text(f" {self.kind.upper()} "))
        badge.set_class(self.kind == NoteKind.DEAL, "-deal")
        badge.set_class(self.kind == NoteKind.RELATIONSHIP, "-relationship")
        speaker = self.query_one("#speaker", Static)
        speaker.update(
            Text(f" {self.speaker[1]} ") if self.speaker else Text(" no speaker · ctrl+y ")
        )
        speaker.set_class(self.speaker is not None, "-set")

    def watch_editing(self, before: NoteView | None, note: NoteView | None) -> None:
        line = self.note_line
        if note is None:
            line.value = self.draft
            line.placeholder = TYPING
            return
        if before is None:
            self.draft = line.value
        line.value = note_editing.note_line(note)
        line.placeholder = EDITING

    def watch_status(self, status: str | Text) -> None:
        self.query_one("#capture-status", Static).update(status)

    def watch_refused(self, refused: bool) -> None:
        self.query_one("#capture-status", Static).set_class(refused, "-error")

    def watch_balance(self, shown: BalanceMeter | None) -> None:
        if shown is None:
            return
        meter = self.query_one("#balance", Static)
        meter.update(balance_text(shown))
        meter.set_class(shown.lagging is not None, "-lagging")
