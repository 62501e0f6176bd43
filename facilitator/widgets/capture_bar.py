"""The session screen's capture bar: whose and which kind the next note is, the note line,
what became of the last one, and the deal/relationship balance of the notes so far."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import Input, Static

from facilitator.widgets.note_input import NoteInput
from sessions.note_syntax import PREFIX_HELP
from sessions.services import note_editing
from sessions.views import BalanceMeter, NoteView
from sessions.vocabulary import NoteKind

BAR_CELLS = 8
TYPING = "Type a note and press Enter"
EDITING = "Editing: Enter saves, Esc cancels"


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
        line.append("  │  ", style="dim")
    line.append(f"session: deal {shown.session_deal} · rel {shown.session_relationship}")
    if shown.lagging == NoteKind.DEAL:
        line.append("  · little on the deal here: what will we achieve?", style="bold")
    elif shown.lagging == NoteKind.RELATIONSHIP:
        line.append("  · little on the relationship here: how are we working?", style="bold")
    return line


class CaptureBar(Vertical):
    """What the facilitator types into, and what it says back; the screen saves the notes."""

    kind: var[str] = var(NoteKind.DEAL)
    """Deal or relationship: what the next notes count towards."""
    speaker: var[tuple[int, str] | None] = var(None)
    """Who the next notes are attributed to: (member id, name)."""
    editing: var[NoteView | None] = var(None, init=False, always_update=True)
    """The saved note the note line holds to be changed, if any."""
    draft: var[str] = var("")
    """What was half-typed when an edit began; it comes back when the edit ends."""
    status: var[str | Text] = var(f"{PREFIX_HELP} · tab: edit notes", init=False)
    """What became of the last note, or how to write one."""
    refused: var[bool] = var(False, init=False)
    """Whether the status is the reason the last note was not saved."""
    balance: var[BalanceMeter | None] = var(None, init=False)

    def compose(self) -> ComposeResult:
        with Horizontal(id="capture"):
            yield Static(id="kind")
            # Coming back to a half-typed note must not select it: the next key would replace it.
            yield NoteInput(placeholder=TYPING, id="note", select_on_focus=False)
        yield Static(self.status, id="capture-status")
        yield Static(id="balance")

    def on_mount(self) -> None:
        # A steady cursor: a blinking one redraws the whole framed line twice a second
        # for three hours, more than the clocks themselves cost.
        self.note_line.cursor_blink = False

    @property
    def note_line(self) -> Input:
        return self.query_one("#note", Input)

    def tell(self, status: str) -> None:
        """Say what became of a note, clearing any refusal."""
        self.refused = False
        self.status = status

    def refuse(self, reason: str) -> None:
        """The typed text stays in the note line; only the reason is shown."""
        self.status = Text(reason)
        self.refused = True

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
            return False
        line.value = text
        line.cursor_position = len(text)
        line.focus()
        return True

    def watch_kind(self) -> None:
        self._show_badge()

    def watch_speaker(self) -> None:
        self._show_badge()

    def _show_badge(self) -> None:
        badge = self.query_one("#kind", Static)
        speaker = f" · {self.speaker[1]}" if self.speaker else ""
        badge.update(Text(f" {self.kind.upper()}{speaker} "))
        badge.set_class(self.kind == NoteKind.DEAL, "-deal")
        badge.set_class(self.kind == NoteKind.RELATIONSHIP, "-relationship")

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
