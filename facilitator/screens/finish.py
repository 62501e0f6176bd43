"""The minutes of a session: where they were written, the other formats, and a preview.

Shown when a session finishes (the Markdown is already written by then) and for
a finished session opened from its programme's dashboard. Minutes that hold what looks
like patient details are written only once the facilitator has chosen, for each finding,
to redact it, keep it, or edit the note. Where something was taken in private, each format
is written twice: the full minutes for members and the public ones beside them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import Button, Header, Markdown, Static
from textual.worker import Worker, WorkerState

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.minutes_versions import (
    FULL,
    PUBLIC,
    MinutesFindings,
    public_beside,
    versions_of,
    write_versions,
)
from facilitator.screens.room_guarded import RoomGuardedScreen
from facilitator.widgets.footer import Footer
from facilitator.widgets.identifier_review import IdentifierReview
from sessions.errors import FacilitatorError
from sessions.minutes.formats import FORMAT_NAMES, SUFFIXES
from sessions.private_files import open_folder_warning
from sessions.services.governance import IdentifiersFound
from sessions.services.minutes import minutes_markdown
from sessions.services.reflection import session_sharing, share_all
from sessions.services.running import get_session

if TYPE_CHECKING:
    from sessions.store import Store

FORMAT_KEYS = {"md": "m", "html": "b", "docx": "w"}
CHOOSE_FIRST = "Not written yet: choose for each finding that looks like patient details."


class FinishScreen(RoomGuardedScreen):
    sharing: var[bool | None] = var(None, init=False)
    """Whether the reflections' answers are minuted; None for a session with no reflection."""
    CSS_PATH = "finish.tcss"
    BINDINGS = [
        Binding("h,escape", "home", "Back", id="finish.home"),
        Binding(
            "m",
            "write('md')",
            "Markdown",
            id="finish.markdown",
            tooltip="Write the minutes as Markdown (.md)",
        ),
        Binding(
            "b",
            "write('html')",
            "HTML",
            id="finish.html",
            tooltip="Write the minutes as a web page to open in a browser or print (.html)",
        ),
        Binding(
            "w",
            "write('docx')",
            "Word",
            id="finish.word",
            tooltip="Write the minutes as a Word document (.docx)",
        ),
        Binding(
            "p",
            "toggle_private",
            "Private answers",
            id="finish.private",
            tooltip="Put the reflections' private answers in the minutes, or keep them out",
        ),
    ]

    def __init__(
        self,
        session_id: int,
        minutes_path: Path | None,
        *,
        heading: str = "",
        write_when_chosen: bool = False,
        public_path: Path | None = None,
        versions: tuple[str, ...] | None = None,
    ):
        super().__init__()
        self.session_id = session_id
        self.heading = heading or "Session finished."
        self.written: dict[str, Path] = {}
        """The minutes written, by format: the full version, where there is a public one too."""
        self.public: dict[str, Path] = {}
        """The public minutes written beside them, by format."""
        if minutes_path is not None:
            self.written["md"] = minutes_path
        if public_path is not None:
            self.public["md"] = public_path
        # Read as the screen mounts when not given: whether there is a public version.
        self.versions: tuple[str, ...] = versions or ()
        self.failed: dict[str, str] = {}
        # The Markdown a finish writes waits, when it holds findings, for the last choice.
        self._write_when_chosen = write_when_chosen

    @classmethod
    def with_minutes_written(cls, app: FacilitatorApp, session_id: int) -> FinishScreen:
        """The screen for a session just finished, its Markdown minutes written first."""
        try:
            versions = versions_of(app.store, session_id)
            full, *public = write_versions(app.store, session_id, versions)
        except IdentifiersFound:
            # Nothing written: the screen lists the findings, and writes once each is chosen.
            return cls(session_id, None, write_when_chosen=True)
        except FacilitatorError as exc:
            app.show_error(
                f"The session is finished, but its minutes were not written: {exc} "
                "Press m to try again, or b or w for another format."
            )
            return cls(session_id, None)
        _warn_if_open(app, full)
        return cls(session_id, full, public_path=next(iter(public), None), versions=versions)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading, id="finished", classes="heading")
        yield Static("", id="minutes-path")
        with Horizontal(id="formats"):
            for fmt, name in FORMAT_NAMES.items():
                yield Button(
                    f"{name} ({FORMAT_KEYS[fmt]})",
                    id=f"write-{fmt}",
                    tooltip=f"Write the minutes as {name} ({SUFFIXES[fmt]})",
                )
        yield IdentifierReview(MinutesFindings(self.session_id), id="findings")
        with VerticalScroll(id="preview-box"):
            yield Markdown(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Minutes"
        if not self.versions:
            try:
                self.versions = versions_of(self.app.store, self.session_id)
            except FacilitatorError:
                self.versions = (FULL,)  # writing says why the minutes can't be read
        self.review.source = MinutesFindings(self.session_id, self.versions)
        if "md" not in self.written:
            self._find_earlier_markdown()
        self._reread_findings()
        self._show_written()
        try:
            self.sharing = session_sharing(self.app.store, self.session_id)
        except FacilitatorError:
            self.sharing = None
        self.refresh_bindings()
        self._preview()
        (self.review if self.review.findings else self.query_one("#preview-box")).focus()
        self.watch_the_room()

    def _room_sees(self, store: Store, now: datetime) -> bool:
        from sessions.services.watching import room_is_watching

        return room_is_watching(store, self.session_id, now)

    @property
    def review(self) -> IdentifierReview:
        return self.query_one(IdentifierReview)

    @property
    def _guarded(self) -> bool:
        """Whether the screen holds what the room must not see: private answers, or what
        looks like patient details."""
        return self.sharing is not None or bool(self.review.findings)

    def _preview(self) -> None:
        # Private answers and patient details are never drawn while the room can see the
        # screen: the preview, and the findings' words, stay hidden while a mirror shows it.
        self._hidden = self._guarded and self._room_can_see()
        self.review.hidden = self._hidden
        if self._hidden and self.sharing is not None:
            text = (
                "*This session has private answers, and a mirror shows it to the room: the "
                "preview is hidden until the mirror closes. The minutes are written as usual.*"
            )
        elif self._hidden:
            text = (
                "*These minutes hold what looks like patient details, and a mirror shows the "
                "session to the room: the preview is hidden until the mirror closes.*"
            )
        else:
            try:
                text = minutes_markdown(self.app.store, self.session_id)
            except FacilitatorError as exc:
                text = f"*{exc}*"
        self.query_one("#preview", Markdown).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_private":
            return self.sharing is not None
        return True

    def action_toggle_private(self) -> None:
        if self.sharing is None:
            return
        shared = self.app.attempt(share_all, self.app.store, self.session_id, not self.sharing)
        if shared is REFUSED:
            return
        self.sharing = not self.sharing
        self._reread_findings()  # the answers put in may hold some, or those kept out did
        self._preview()
        self._show_written()
        if not self.review.settled:
            self.review.focus()
        where = "in the minutes" if self.sharing else "kept out of the minutes"
        again = " Write them again to update the files." if self.written else ""
        self.app.say(f"Private answers are now {where}.{again}")

    def _find_earlier_markdown(self) -> None:
        try:
            earlier = get_session(self.app.store, self.session_id).minutes_path
        except FacilitatorError:
            return
        if earlier and Path(earlier).is_file():
            self.written["md"] = Path(earlier)
            public = public_beside(Path(earlier)) if PUBLIC in self.versions else None
            if public is not None and public.is_file():
                self.public["md"] = public

    def _show_written(self) -> None:
        # Files written side by side share one folder line, so three formats fit at 80x24.
        folders: dict[Path, list[str]] = {}
        for fmt in FORMAT_NAMES:
            for written in (self.written, self.public):
                if fmt in written:
                    folders.setdefault(written[fmt].parent, []).append(written[fmt].name)
        lines = Text()
        for folder, names in folders.items():
            lines.append(f"Written to {folder}\n", style="bold")
            lines.append("  " + " · ".join(names) + "\n")
        for fmt, problem in self.failed.items():
            lines.append(f"{FORMAT_NAMES[fmt]}: {problem}\n", style="bold red")
        if not lines and not self.review.settled:
            lines.append(CHOOSE_FIRST, style="bold")
        elif not lines:
            both = ", each full and public" if PUBLIC in self.versions else ""
            lines.append(f"Not written yet: m Markdown · b HTML · w Word{both}.")
        lines.rstrip()
        self.query_one("#minutes-path", Static).update(lines)
        for fmt in FORMAT_NAMES:
            self.query_one(f"#write-{fmt}", Button).variant = (
                "success" if fmt in self.written else "default"
            )

    def action_write(self, fmt: str) -> None:
        review = self.review
        if not review.ready_to_write():
            return
        redact = review.redact
        # Word minutes of a long session take a moment: the screen stays live meanwhile.
        self.query_one(f"#write-{fmt}", Button).loading = True
        versions = self.versions
        self.run_worker(
            lambda: write_versions(
                self.app.store, self.session_id, versions, fmt=fmt, redact=redact
            ),
            name=fmt,
            group="minutes",
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "minutes" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        fmt = worker.name
        self.query_one(f"#write-{fmt}", Button).loading = False
        written = worker.result
        if event.state == WorkerState.SUCCESS and isinstance(written, tuple) and written:
            full, *public = written
            self.written[fmt] = full
            also = ""
            if public:
                self.public[fmt] = public[0]
                also = f", and the public minutes beside them ({public[0].name})"
            self.failed.pop(fmt, None)
            self.app.say(f"{FORMAT_NAMES[fmt]} minutes written to {full}{also}")
            _warn_if_open(self.app, full)
        elif isinstance(worker.error, IdentifiersFound):
            # Found since the list was read (a note edited elsewhere): nothing was written.
            self._review_again()
            self.app.say(str(worker.error), severity="warning")
        else:
            error = worker.error
            # Whatever went wrong, the session itself is safe in the database: say so
            # rather than close the app.
            self.failed[fmt] = (
                str(error)
                if isinstance(error, FacilitatorError)
                else f"Could not write the minutes ({type(error).__name__}: {error})."
            )
            self.app.show_error(self.failed[fmt])
        self._show_written()

    @on(IdentifierReview.Chosen)
    def _chosen(self, message: IdentifierReview.Chosen) -> None:
        message.stop()
        self._show_written()
        self._write_if_waiting()

    @on(IdentifierReview.NoteEdited)
    def _note_edited(self, message: IdentifierReview.NoteEdited) -> None:
        message.stop()
        again = " Write the minutes again to update the files." if self.written else ""
        self.app.say(f"Note changed; its earlier words are kept in its history.{again}")
        self._preview()
        self._show_written()
        self._write_if_waiting()

    def _write_if_waiting(self) -> None:
        """The Markdown a finish held back, written once every finding has its choice."""
        if self._write_when_chosen and self.review.settled and "md" not in self.written:
            self._write_when_chosen = False
            self.action_write("md")

    def _reread_findings(self) -> None:
        """The findings as the minutes now stand; the list shows only while there are some."""
        review = self.review
        review.reload()
        review.display = bool(review.findings)

    def _review_again(self) -> None:
        self._reread_findings()
        self._preview()
        self._show_written()
        self.review.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id is not None:  # each format's button is named for it
            self.action_write(event.button.id.removeprefix("write-"))

    def action_home(self) -> None:
        # Opened over the home screen or the dashboard, which is still underneath.
        self.app.pop_screen()


def _warn_if_open(app: FacilitatorApp, written: Path) -> None:
    """The minutes are the facilitator's alone; say so once when others can see their folder."""
    if warning := open_folder_warning(written):
        app.say(warning, severity="warning")
