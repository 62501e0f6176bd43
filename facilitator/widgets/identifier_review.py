"""The finish screen's review of what looks like patient details in the minutes: each finding,
where it is, and what the facilitator chose for it. Nothing is written until each has a choice.

Redacting is a choice for this document only: the note in the database stays as it is. Keeping
is recorded at once, with who and when, so the finding passes every later write. Editing the
note changes the note itself, its earlier words kept in its history.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from sessions.errors import FacilitatorError
from sessions.services.governance import keep_findings, minutes_findings
from sessions.services.identifiers import DocumentFinding

REDACT = "redacted"
KEEP = "kept"
TO_CHOOSE = "to choose"

CHOICE_STYLES = {TO_CHOOSE: "bold", REDACT: "bold green", KEEP: "bold yellow"}
HIDDEN = "the words are hidden while a mirror shows the session"


def finding_text(finding: DocumentFinding, choice: str, hidden: bool) -> Text:
    """`[ to choose ] NHS number · session 1, item 2 (Access), deal note · 943 476 5919`."""
    text = Text(no_wrap=False)
    text.append(f"[ {choice} ] ", style=CHOICE_STYLES[choice])
    text.append(finding.label, style="bold")
    text.append(f" · {finding.where}")
    if hidden:
        text.append(f" · {HIDDEN}", style="dim italic")
    else:
        text.append(" · ")
        text.append(finding.text, style="reverse")
    return text


def review_title(findings: tuple[DocumentFinding, ...], choices: dict[str, str]) -> str:
    """What the list's frame says: how far the choosing has gone, a finding to a row."""
    chosen = [choices.get(finding.key) for finding in findings]
    waiting = chosen.count(None)
    if waiting:
        return f"Looks like patient details: {waiting} of {len(chosen)} to choose"
    return (
        f"Looks like patient details: {chosen.count(REDACT)} redacted in these minutes, "
        f"{chosen.count(KEEP)} kept"
    )


KEYS = "r redact · e edit the note · k keep · a redact all"


class IdentifierReview(OptionList):
    """The minutes' findings, one row each, and a key for each choice."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [
        Binding(
            "r",
            "redact",
            "Redact",
            id="finding.redact",
            tooltip="Redact the highlighted finding in these minutes; the note stays as it is",
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
            tooltip="Redact in these minutes every finding still to choose",
        ),
    ]

    findings: var[tuple[DocumentFinding, ...]] = var((), init=False)
    """Those still open in the minutes, and those kept on this screen."""
    choices: var[dict[str, str]] = var(dict, init=False)
    """What was chosen for each finding, by its key: redacted or kept."""
    hidden: var[bool] = var(False, init=False)
    """Whether a mirror shows the session: the found words are not drawn."""

    @dataclass
    class Chosen(Message):
        """The choices changed; `settled` once every finding has one."""

        redact: frozenset[str]
        settled: bool

    @dataclass
    class NoteEdited(Message):
        """A note was edited: the minutes are not as they were read."""

    def __init__(self, session_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session_id = session_id
        self.versions: tuple[str, ...] = ("full",)
        """The versions of the minutes to be written: the findings of each are reviewed."""

    @property
    def redact(self) -> frozenset[str]:
        """The keys of the findings to redact in the minutes written from here."""
        keys = {finding.key for finding in self.findings}
        return frozenset(
            key for key, choice in self.choices.items() if choice == REDACT and key in keys
        )

    @property
    def settled(self) -> bool:
        """Whether every finding has its choice (true when there are none)."""
        return all(finding.key in self.choices for finding in self.findings)

    def reload(self) -> None:
        """Read the minutes' open findings afresh; those kept here stay listed as kept, and
        each choice made stays with its finding."""
        try:
            found = self._found()
        except FacilitatorError:
            return  # the minutes can't be read: writing them says why, as it always has
        keys = {finding.key for finding in found}
        kept_here = tuple(
            finding
            for finding in self.findings
            if self.choices.get(finding.key) == KEEP and finding.key not in keys
        )
        self.findings = (*found, *kept_here)
        present = {finding.key for finding in self.findings}
        self.choices = {key: choice for key, choice in self.choices.items() if key in present}

    def _found(self) -> list[DocumentFinding]:
        """The open findings of every version to be written: those of the full minutes, then
        any only another version holds. A choice holds in every version, as a finding is known
        by its kind, session and words, not by where it is."""
        found: list[DocumentFinding] = []
        for version in self.versions:
            keys = {finding.key for finding in found}
            more = minutes_findings(self.app.store, self.session_id, version=version)
            found += [finding for finding in more if finding.key not in keys]
        return found

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
            Option(finding_text(finding, self.choices.get(finding.key, TO_CHOOSE), self.hidden))
            for finding in self.findings
        )
        if self.findings:
            waiting = [i for i, f in enumerate(self.findings) if f.key not in self.choices]
            first = waiting[0] if waiting else 0
            self.highlighted = at if at is not None and at < len(self.findings) else first
        self.border_title = review_title(self.findings, self.choices)
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
                "redact it in these minutes, or keep it.",
                severity="warning",
            )
            return
        if self.hidden:
            self.app.say(
                "A mirror shows the session to the room: close it to edit the note, "
                "or redact the finding in these minutes.",
                severity="warning",
            )
            return

        def edited(changed: bool | None) -> None:
            if changed:
                self.reload()
                self.post_message(self.NoteEdited())

        self.app.push_screen(
            EditFoundNoteScreen(self.session_id, finding.note_id, finding.where), edited
        )
