"""What an agenda is for, in a line, and the kinds of activity it uses: for choosing one.

An agenda may say its purpose in a paragraph of its notes that begins `Purpose:`.
Without one, the purpose is the first sentence of the notes under the title, or
else of the first prompt, so an agenda written before this line existed still
says something about itself.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from sessions.agenda.activities import plain
from sessions.agenda.model import Agenda
from sessions.vocabulary import ItemKind

PURPOSE_LABEL = "purpose:"

# Notes are written to the one who runs the session; the label says nothing of the agenda.
_ADDRESS = re.compile(r"^for the facilitator\s*:\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")

_md = MarkdownIt("commonmark")


def _paragraphs(markdown: str) -> list[str]:
    """Each paragraph's words as a reader sees them, Markdown marks removed."""
    out = []
    for token in _md.parse(markdown):
        if token.type == "inline" and (words := plain(token.children)):
            out.append(words)
    return out


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def agenda_purpose(agenda: Agenda) -> str:
    """One line on what the agenda is for; '' when it says nothing at all."""
    notes = _paragraphs(agenda.notes)
    for paragraph in notes:
        if paragraph.lower().startswith(PURPOSE_LABEL):
            return paragraph[len(PURPOSE_LABEL) :].strip()
    if notes:
        sentence = _first_sentence(_ADDRESS.sub("", notes[0]))
        return sentence[:1].upper() + sentence[1:]
    for item in agenda.items:
        if prompt := _paragraphs(item.prompt):
            return _first_sentence(prompt[0])
    return ""


def agenda_activities(agenda: Agenda) -> list[str]:
    """The kinds of item beyond plain discussion, in the order the agenda first uses them."""
    kinds: list[str] = []
    for item in agenda.items:
        if item.kind != ItemKind.DISCUSSION and item.kind.value not in kinds:
            kinds.append(item.kind.value)
    return kinds
