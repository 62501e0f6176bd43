"""The review of what looks like patient details in a document about to leave the app (the
minutes, the papers, the reminders): each finding, where it is, and what the facilitator chose
for it. Nothing is written until each has a choice.

Redacting is a choice for this document only: the note in the database stays as it is. Keeping
is recorded at once, with who and when, so the finding passes every later write. Editing the
note changes the note itself, its earlier words kept in its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from sessions.errors import FacilitatorError
from sessions.services.governance import keep_findings
from sessions.services.identifiers import DocumentFinding
from sessions.store import Store

REDACT = "redacted"
KEEP = "kept"
TO_CHOOSE = "to choose"

CHOICE_STYLES = {TO_CHOOSE: "bold", REDACT: "bold green", KEEP: "bold yellow"}


def finding_text(
    finding: DocumentFinding, choice: str, hidden: bool, watched: str = "the session"
) -> Text:
    """`[ to choose ] NHS number · session 1, item 2 (Access), deal note · 943 476 5919`;
    hidden, the words give way to why: a mirror shows `watched` to the room."""
    text = Text(no_wrap=False)
    text.append(f"[ {choice} ] ", style=CHOICE_STYLES[choice])
    text.append(finding.label, style="bold")
    text.append(f" · {finding.where}")
    if hidden:
        text.append(f" · the words are hidden while a mirror shows {watched}", style="dim italic")
    else:
        text.append(" · ")
        text.append(finding.text, style="reverse")
    return text


class FindingSource(Protocol):
    """Where a review's findings come from: a document as it would now be written."""

    @property
    def document(self) -> str:
        """How the facilitator reads it in a sentence: 'these minutes', 'these papers'."""
        ...

    def found(self, store: Store) -> list[DocumentFinding]:
        """The document's findings not yet kept, each once."""
        ...


def review_title(
    findings: tuple[DocumentFinding, ...], choices: dict[str, str], document: str
) -> str:
    """What the list's frame says: how far the choosing has gone, counted by finding. One
    finding may show on several rows (an action's note, its log, the open actions) and
    takes one choice: counting rows would ask for choices never to be made."""
    chosen = [choices.get(key) for key in dict.fromkeys(finding.key for finding in findings)]
    waiting = chosen.count(None)
    if waiting:
        return f"Looks like patient details: {waiting} of {len(chosen)} to choose"
    return (
        f"Looks like patient details: {chosen.count(REDACT)} redacted in {document}, "
        f"{chosen.count(KEEP)} kept"
    )


KEYS = "r redact · e edit the note · k keep · a redact all"


class IdentifierReview(OptionList):
    """A document's findings, one row each, and a key for each choice."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [
        Binding(
            "r",
            "redact",
            "Redact",
            id="finding.redact",
            tooltip="Redact the highlighted finding in this document; the note stays as it is",
        ),
        Binding(
            "e",
            "edit",
            "Edit note",
            id="finding.edit",
            tooltip="Edit the note that holds the highlighted finding",
        ),
        Binding(
            "k",
            "keep",
            "Keep",
            id="finding.keep",
            tooltip="Keep the highlighted finding as it is, recorded with who and when",
        ),
        Binding(
            "a",
            "redact_all",
            "Redact all",
            id="finding.redact_all",
            tooltip="Redact in this document every finding still to choose",
        ),
    ]

    findings: var[tuple[DocumentFinding, ...]] = var((), init=False)
    """Those still open in the document, and those kept on this screen."""
    choices: var[dict[str, str]] = var(dict, init=False)
    """What was chosen for each finding, by its key: redacted or kept."""
    hidden: var[bool] = var(False, init=False)
    """Whether a mirror shows `watched` to the room: the found words are not drawn."""

    @dataclass
    class Chosen(Message):
        """The choices changed; `settled` once every finding has one."""

        redact: frozenset[str]
        settled: bool

    @dataclass
    class NoteEdited(Message):
        """A note was edited: the document is not as it was read."""

    def __init__(self, source: FindingSource, watched: str = "the session", **kwargs) -> None:
        """`watched` is what a mirror that hides the words shows, as the rows say it: the
        session whose minutes these are, or, for the papers and reminders, which draw on
        the whole programme, any session."""
        super().__init__(**kwargs)
        self.source = source
        self.watched = watched

    @property
    def redact(self) -> frozenset[str]:
        """The keys of the findings to redact in the document written from here."""
        keys = {finding.key for finding in self.findings}
        return frozenset(
            key for key, choice in self.choices.items() if choice == REDACT and key in keys
        )

    @property
    def settled(self) -> bool:
        """Whether every finding has its choice (true when there are none)."""
        return all(finding.key in self.choices for finding in self.findings)

    def ready_to_write(self) -> bool:
        """Whether the document may be written: every finding has its choice. If not, says
        so and takes the keyboard, so the next key chooses."""
        if self.settled:
            return True
        self.app.say(
            "Nothing written: choose for each finding first (r redact, e edit the note, "
            "k keep, a redact all).",
            severity="warning",
        )
        self.focus()
        return False

    def reload(self) -> None:
        """Read the document's open findings afresh; those kept here stay listed as kept, and
        each choice made stays with its finding."""
        try:
            found = self.source.found(self.app.store)
        except FacilitatorError:
            return  # the document can't be read: writing it says why, as it always has
        keys = {finding.key for finding in found}
        kept_here = tuple(
            finding
            for finding in self.findings
            if self.choices.get(finding.key) == KEEP and finding.key not in keys
        )
        self.findings = (*found, *kept_here)
        present = {finding.key for finding in self.findings}
        self.choices = {key: choice for key, choice in self.choices.items() if key in present}

    def watch_findings(self) -> None:
        self._draw()

    def watch_choices(self) -> None:
        self._draw()
        self.post_message(self.Chosen(self.redact, self.settled))

    def watch_hidden(self) -> None:
        self._draw()

    def _draw(self) -> None:
        at = self.highlighted
        self.clear_options()
        self.add_options(
            Option(
                finding_text(
                    finding, self.choices.get(finding.key, TO_CHOOSE), self.hidden, self.watched
                )
            )
            for finding in self.findings
        )
        if self.findings:
            waiting = [i for i, f in enumerate(self.findings) if f.key not in self.choices]
            first = waiting[0] if waiting else 0
            self.highlighted = at if at is not None and at < len(self.findings) else first
        self.border_title = review_title(self.findings, self.choices, self.source.document)
        self.border_subtitle = KEYS

    @property
    def highlighted_finding(self) -> DocumentFinding | None:
        at = self.highlighted
        return self.findings[at] if at is not None and 0 <= at < len(self.findings) else None

    def _choose(self, keys: set[str], choice: str) -> None:
        self.choices = {**self.choices, **dict.fromkeys(keys, choice)}
        self._next_to_choose()

    def _next_to_choose(self) -> None:
        waiting = [i for i, f in enumerate(self.findings) if f.key not in self.choices]
        if waiting:
            self.highlighted = waiting[0]

    def action_redact(self) -> None:
        if (finding := self.highlighted_finding) is not None:
            self._choose({finding.key}, REDACT)

    def action_redact_all(self) -> None:
        self._choose({f.key for f in self.findings if f.key not in self.choices}, REDACT)

    def action_keep(self) -> None:
        finding = self.highlighted_finding
        if finding is None or self.choices.get(finding.key) == KEEP:
            return
        if self.app.attempt(keep_findings, self.app.store, [finding]) is not REFUSED:
            self._choose({finding.key}, KEEP)

    def action_edit(self) -> None:
        from facilitator.screens.edit_found_note import EditFoundNoteScreen

        finding = self.highlighted_finding
        if finding is None:
            return
        if finding.note_id is None:
            self.app.say(
                f"The {finding.label} is in the {finding.where}, not in a note: "
                f"redact it in {self.source.document}, or keep it.",
                severity="warning",
            )
            return
        if self.hidden:
            self.app.say(
                f"A mirror shows {self.watched} to the room: close it to edit the note, "
                f"or redact the finding in {self.source.document}.",
                severity="warning",
            )
            return

        def edited(changed: bool | None) -> None:
            if changed:
                self.reload()
                self.post_message(self.NoteEdited())

        self.app.push_screen(EditFoundNoteScreen(finding.note_id, finding.where), edited)
