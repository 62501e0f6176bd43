"""The current item's notes, newest last, each marked by its kind."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from sessions.views import NoteView
from sessions.vocabulary import NoteKind

KIND_LABELS: dict[str, str] = {
    NoteKind.DEAL: "DEAL",
    NoteKind.RELATIONSHIP: "REL ",
    NoteKind.DECISION: "DEC ",
    NoteKind.ACTION: "ACT ",
    NoteKind.RISK: "RISK",
    NoteKind.QUESTION: "Q   ",
}


def note_text(note: NoteView) -> Text:
    """A note as one line; built from Text, so nothing a note says is read as markup."""
    line = Text()
    line.append(f" {KIND_LABELS.get(note.kind, note.kind.upper())} ", style="bold reverse")
    line.append(" ")
    line.append(note.text)
    if note.owner:
        line.append(f"  @{note.owner}", style="italic")
    if note.due:
        line.append(f"  due {note.due.isoformat()}", style="italic")
    if note.member_name:
        line.append(f"  — {note.member_name}", style="dim")
    if note.edited:
        line.append("  (edited)", style="dim")
    return line


class NoteLine(Static):
    def __init__(self, note: NoteView):
        super().__init__(note_text(note), classes=f"note -{note.kind}")
        self.note = note


class NoteList(VerticalScroll, can_focus=False):
    def show(self, notes: list[NoteView]) -> None:
        self.remove_children()
        self.mount_all([NoteLine(note) for note in notes])
        self.call_after_refresh(self.scroll_end, animate=False)

    def append(self, note: NoteView) -> None:
        self.mount(NoteLine(note))
        self.call_after_refresh(self.scroll_end, animate=False)

    @property
    def notes(self) -> list[NoteView]:
        return [line.note for line in self.query(NoteLine)]
