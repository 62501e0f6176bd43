"""The current item's notes, newest last, each marked by its kind.

The notes are rows of one list rather than a widget each: with hundreds of notes on an
item, a new note or a moved highlight redraws a row, not the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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
    """A note as one row; built from Text, so nothing a note says is read as markup.

    A note of several lines keeps them, each set under the first, clear of the kind.
    """
    badge = f" {KIND_LABELS.get(note.kind, note.kind.upper())} "
    line = Text()
    line.append(badge, style="bold reverse")
    line.append(" ")
    line.append(note.text.replace("\n", "\n" + " " * (len(badge) + 1)))
    if note.owner:
        line.append(f"  @{note.owner}", style="italic")
    if note.due:
        line.append(f"  due {note.due.isoformat()}", style="italic")
    if note.member_name:
        line.append(f"  — {note.member_name}", style="dim")
    if note.edited:
        line.append("  (edited)", style="dim")
    if note.confidential:
        # Said in words, not by colour alone: the public minutes leave this note out.
        line.append("  (confidential)", style="bold")
    return line


class NoteOption(Option):
    """One note's row; its colour is its kind's, as the stylesheet gives it."""

    def __init__(self, note: NoteView):
        row = Content.from_rich_text(note_text(note))
        # Looked up from the list's stylesheet as the row is drawn, so a theme change shows.
        super().__init__(row.stylize_before(f".note-list--{note.kind}"))
        self.note = note


class NoteList(OptionList, can_focus=False):
    """A read-only list of notes: the session's, the projector's and the mirror's."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *OptionList.COMPONENT_CLASSES,
        *(f"note-list--{kind}" for kind in NoteKind),
    }
    DEFAULT_CSS = """
    NoteList {
        border: none;
        background: transparent;
        padding: 0;
        &:focus { border: none; background-tint: transparent; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def show(self, notes: Sequence[NoteView]) -> None:
        """List `notes`; the rows already shown as they are stay, so a save adds one row."""
        shown = self.notes
        if len(notes) >= len(shown) and list(notes[: len(shown)]) == shown:
            self._add(notes[len(shown) :])
            return
        highlighted = self.highlighted
        self.set_options(NoteOption(note) for note in notes)
        if highlighted is not None:
            self.highlighted = highlighted
        self._to_newest()

    def append(self, note: NoteView) -> None:
        """One more note, at the end."""
        self._add([note])

    def _add(self, notes: Sequence[NoteView]) -> None:
        if notes:
            self.add_options(NoteOption(note) for note in notes)
            self._to_newest()

    def _to_newest(self) -> None:
        # The newest note is the one the room has just heard; keep it in sight.
        if self.highlighted is None:
            self.call_after_refresh(self._scroll_to_newest)

    def _scroll_to_newest(self) -> None:
        # The rows' heights are counted as they are drawn: count them before scrolling,
        # or the end would be that of the rows counted so far.
        self._update_lines()
        self.scroll_end(animate=False, immediate=True)

    def on_resize(self) -> None:
        self._to_newest()

    @property
    def notes(self) -> list[NoteView]:
        return [option.note for option in self.options if isinstance(option, NoteOption)]
