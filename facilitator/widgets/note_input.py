"""The note line: whatever is typed or pasted into it is what the note will say.

Textual's own line takes only what Python calls printable, so a name spelt with a
zero-width joiner, an emoji sequence, a right-to-left mark or a soft hyphen was
saved altered; and it kept only the first line of a paste. Here every character
a key or a paste brings goes in, except control characters, and a paste keeps its
lines: they stay in the note line, each break drawn as a dim ↵, until Enter saves
them as one note.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.expand_tabs import expand_tabs_inline
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from sessions.names import owner_completion

BREAK_MARK = "↵"
"""How a line break is drawn in the note line; the note itself holds "\\n"."""
UNSHOWABLE_MARK = "\ufffd"
"""How any other control character already in a note (an imported one) is drawn."""

# The breaks str.splitlines() knows that are not control characters: typed, they are a new line.
_LINE_SEPARATORS = frozenset("\u2028\u2029")


def _is_control(character: str) -> bool:
    # Surrogates are no characters at all: they could not even be written to the database.
    return unicodedata.category(character) in ("Cc", "Cs")


def typed_text(character: str | None) -> str:
    """What a key puts in the note line: its character, or nothing for a control key."""
    if not character or any(_is_control(c) for c in character):
        # Enter, Tab, Esc, Backspace and ctrl+ keys: they act, they do not type.
        return ""
    return "".join("\n" if c in _LINE_SEPARATORS else c for c in character)


def pasted_text(text: str) -> str:
    """A paste as the note will hold it: its lines kept, broken by "\\n" whatever the source
    used; blank lines before and after dropped; a tab a space, so the words either side stay
    apart; any other control character left out."""
    lines = text.splitlines()
    # Only around several lines: a paste of a space between two words is that space.
    while len(lines) > 1 and not lines[0].strip():
        lines.pop(0)
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    return "\n".join(
        "".join(" " if c == "\t" else c for c in line if c == "\t" or not _is_control(c))
        for line in lines
    )


def drawn_text(value: str) -> str:
    """The note line as drawn: one character for each of the note's, so the cursor and the
    selection fall where they should; a break is ↵, any other control character �."""
    return "".join(
        BREAK_MARK if c == "\n" else UNSHOWABLE_MARK if _is_control(c) and c != "\t" else c
        for c in value
    )


class OwnerSuggester(Suggester):
    """Offers the rest of a member's name after an action's `@`; → takes it.

    The names are the programme's, read by `read_names` the first time an `@` is typed
    after they were last said to be stale (members and guests are added mid-session), so
    a note without an owner costs no read. No offer is cached, for the same reason.
    """

    def __init__(self, read_names: Callable[[], list[str]]) -> None:
        # Case kept: the offer must begin with exactly what was typed.
        super().__init__(use_cache=False, case_sensitive=True)
        self.read_names = read_names
        self.names: list[str] = []
        self.stale = True

    async def get_suggestion(self, value: str) -> str | None:
        if "@" not in value:
            return None
        if self.stale:
            self.names, self.stale = self.read_names(), False
        return owner_completion(value, self.names)


class NoteInput(Input):
    """One line to type a note into, holding every character typed and every line pasted."""

    class Pasted(Message):
        """Several lines were pasted: they wait in the note line as one note."""

        def __init__(self, note_input: NoteInput, lines: int) -> None:
            super().__init__()
            self.note_input = note_input
            self.lines = lines
            """How many lines the note line now holds: Enter saves them as one note."""

        @property
        def control(self) -> NoteInput:
            return self.note_input

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return bool(typed_text(character))

    async def _on_key(self, event: events.Key) -> None:
        text = typed_text(event.character)
        if not text:
            return  # left to Input: its bindings move, delete and submit
        # Stopped here, before Input's own handler drops what is not "printable".
        event.stop()
        event.prevent_default()
        self._restart_blink()
        self._put(text)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self._paste(event.text)

    def action_paste(self) -> None:
        """Paste from the app's own clipboard, by the same rules as a terminal's paste."""
        self._paste(self.app.clipboard)

    def _paste(self, raw: str) -> None:
        text = pasted_text(raw)
        if not text:
            return
        self._put(text)
        if "\n" in text:
            self.post_message(self.Pasted(self, self.value.count("\n") + 1))

    def _put(self, text: str) -> None:
        """`text` in place of the selection, or at the cursor."""
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    # Drawing: Input measures and draws the value itself, where a "\n" would take no cell
    # and end the line. These measure and draw the marks instead, one for one.

    @property
    def _value(self) -> Text:
        value = self.value
        if self.password or ("\n" not in value and not any(map(_is_control, value))):
            return super()._value
        text = Text(drawn_text(value), no_wrap=True, overflow="ignore", end="")
        mark = self.get_component_rich_style("input--placeholder")
        for index, character in enumerate(value):
            if character == "\n":
                text.stylize(mark, index, index + 1)
        return text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(drawn_text(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        cell_offset = 0
        drawn = drawn_text(self.value)
        for index, character in enumerate(drawn):
            width = get_character_cell_size(character)
            if cell_offset <= offset < cell_offset + width:
                return index
            cell_offset += width
        return max(0, min(offset, len(drawn)))
