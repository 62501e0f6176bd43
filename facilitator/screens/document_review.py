"""A document held back because it looks like it holds patient details (the papers, the
reminders), reviewed as the minutes are: each finding redacted in this document, kept on
purpose or taken out of its note. Nothing is written until each has a choice; then it is
written at once, and the screen says where."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static
from textual.worker import Worker, WorkerState

from facilitator.screens.room_guarded import RoomGuardedScreen
from facilitator.widgets.footer import Footer
from facilitator.widgets.identifier_review import FindingSource, IdentifierReview
from sessions.errors import FacilitatorError
from sessions.private_files import open_folder_warning
from sessions.services.governance import IdentifiersFound
from sessions.store import Store

CHOOSE_FIRST = "Not written yet: choose for each finding that looks like patient details."

HIDDEN_PREVIEW = (
    "*This document holds what looks like patient details, and a mirror shows a session to "
    "the room: the preview is hidden until the mirror closes.*"
)


class ReviewedDocument(FindingSource, Protocol):
    """A document the screen reviews and then writes."""

    @property
    def heading(self) -> str:
        """'Papers for session 3', at the top of the screen."""
        ...

    def preview(self, store: Store) -> str:
        """The document as Markdown, as it stands."""
        ...

    def write(self, store: Store, redact: frozenset[str]) -> tuple[str, list[Path]]:
        """Write it, the chosen findings redacted: the one line that says where it went,
        and the files written."""
        ...


class DocumentReviewScreen(RoomGuardedScreen):
    CSS_PATH = "document_review.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="document_review.back"),
        Binding(
            "w",
            "write",
            "Write",
            id="document_review.write",
            tooltip="Write the document again with the choices made",
        ),
    ]

    def __init__(self, document: ReviewedDocument):
        super().__init__()
        self.document = document
        self.written: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.document.heading, id="document-heading", classes="heading")
        yield Static(CHOOSE_FIRST, id="document-path")
        # The papers and reminders draw on the whole programme: any session a mirror shows
        # hides their words, not only one of theirs.
        yield IdentifierReview(self.document, watched="a session", id="findings")
        with VerticalScroll(id="preview-box"):
            yield Markdown(id="preview")
        yield Footer()

    @property
    def review(self) -> IdentifierReview:
        return self.query_one(IdentifierReview)

    def on_mount(self) -> None:
        self.sub_title = "Patient details"
        self.review.reload()
        self._preview()
        self.review.focus()
        if self.review.settled:  # taken out since it was held back: nothing left to choose
            self.action_write()
        self.watch_the_room()

    @property
    def _guarded(self) -> bool:
        return bool(self.review.findings)

    def _room_sees(self, store: Store, now: datetime) -> bool:
        # Any session: the papers and reminders draw on the programme's, not on the one shown.
        from sessions.services.watching import room_sees_a_session

        return room_sees_a_session(store, now)

    def _preview(self) -> None:
        # What looks like patient details is never drawn while the room can see the
        # screen: the preview, and the findings' words, stay hidden while a mirror runs.
        self._hidden = self._guarded and self._room_can_see()
        self.review.hidden = self._hidden
        if self._hidden:
            text = HIDDEN_PREVIEW
        else:
            try:
                text = self.document.preview(self.app.store)
            except FacilitatorError as exc:
                text = f"*{exc}*"
        self.query_one("#preview", Markdown).update(text)

    @on(IdentifierReview.Chosen)
    def _chosen(self, message: IdentifierReview.Chosen) -> None:
        message.stop()
        if message.settled and not self.written:
            self.action_write()

    @on(IdentifierReview.NoteEdited)
    def _note_edited(self, message: IdentifierReview.NoteEdited) -> None:
        message.stop()
        self.app.say("Note changed; its earlier words are kept in its history.")
        self._preview()
        if self.review.settled and not self.written:
            self.action_write()

    def action_write(self) -> None:
        review = self.review
        if not review.ready_to_write():
            return
        store, redact, document = self.app.store, review.redact, self.document
        self.run_worker(
            lambda: document.write(store, redact),
            group="document",
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "document" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, tuple):
            line, self.written = worker.result
            self.query_one("#document-path", Static).update(line)
            self.app.say(line)
            if self.written and (warning := open_folder_warning(self.written[0])):
                self.app.say(warning, severity="warning")
        elif isinstance(worker.error, IdentifiersFound):
            # Found since the list was read (a note edited elsewhere): nothing was written.
            self.review.reload()
            self._preview()
            self.review.focus()
            self.app.say(str(worker.error), severity="warning")
        elif isinstance(worker.error, FacilitatorError):
            self.app.show_error(str(worker.error))
        else:
            error = worker.error
            self.app.show_error(f"Could not write them ({type(error).__name__}: {error}).")

    def action_back(self) -> None:
        if not self.written:
            self.app.say(f"{self.document.heading}: nothing written.")
        self.app.pop_screen()
