"""The projector view: what the room sees, large and uncluttered.

It reads everything from the store, so the same screen serves the facilitator's
own toggle (F5) and the read-only mirror in a second terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from facilitator.app import FacilitatorApp
from facilitator.widgets.big_clock import BigClock
from facilitator.widgets.note_list import NoteList
from sessions.clock import ClockState, current_countdown, return_time
from sessions.errors import FacilitatorError
from sessions.minutes.text import markdown_text
from sessions.services import notes as note_service
from sessions.services import running
from sessions.services.checklist import OptionResult, checklist_results, ranked
from sessions.services.matters_arising import ReviewEntry, review_entries
from sessions.services.reflection import reflections
from sessions.services.roles import RolesBoard, roles_board
from sessions.services.scorecard import StatementResult, scorecard_results
from sessions.views import SessionView
from sessions.vocabulary import ItemKind

LAST_NOTES = 5
# The clock redraws twice a second so a whole second never goes unshown.
TICK_SECONDS = 0.5


def review_markdown(entries: list[ReviewEntry]) -> str:
    """Matters arising for the room: each action and what has been made of it so far."""
    if not entries:
        return "*No actions are open from earlier sessions.*"
    lines = []
    for entry in entries:
        outcome = f"**{entry.outcome_label}**" if entry.outcome else "*to review*"
        owner = f" — {markdown_text(entry.owner)}" if entry.owner else ""
        lines.append(f"- {outcome} · {markdown_text(entry.text)}{owner}")
    return "\n".join(lines)


def scorecard_markdown(results: list[StatementResult]) -> str:
    """Each statement with the room's mean so far, so the room sees where it stands."""
    lines = []
    for result in results:
        where = f"{markdown_text(result.area)} · " if result.area else ""
        score = (
            f"**{result.mean:.1f}** ({len(result.scores)})" if result.scores else "*not rated yet*"
        )
        lines.append(f"- {where}{markdown_text(result.statement)} — {score}")
    return "\n".join(lines)


def checklist_markdown(results: list[OptionResult]) -> str:
    """The options the room has voted for, most votes first, the rest after."""
    lines = []
    for result in ranked(results):
        if result.votes:
            lines.append(f"- **{result.votes}** · {markdown_text(result.option)}")
        else:
            lines.append(f"- {markdown_text(result.option)}")
    return "\n".join(lines)


def roles_markdown(board: RolesBoard) -> str:
    """The nine roles by group, with who plays each: where the team is thin or crowded."""
    lines, group = [], None
    for coverage in board.coverage:
        if coverage.role.group != group:
            group = coverage.role.group
            lines.append(f"\n**{group} roles**\n")
        who = (
            ", ".join(markdown_text(name) for name in coverage.players)
            if coverage.players
            else "*nobody yet*"
        )
        crowded = " · *crowded*" if coverage.crowded else ""
        lines.append(f"- **{coverage.role.name}** ({coverage.role.gist}) — {who}{crowded}")
    return "\n".join(lines).lstrip()


class ProjectorScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = ["projector.tcss", "../widgets/big_clock.tcss"]
    BINDINGS = [
        Binding("f5,escape", "close", "Back to the session", id="projector.close"),
        Binding(
            "n",
            "toggle_notes",
            "Show/hide notes",
            id="projector.toggle_notes",
            tooltip="Show or hide the last notes from the room",
        ),
        # The facilitator keeps the clock keys while the room watches.
        Binding("ctrl+t", "drive('toggle_clock')", "Start/pause", id="projector.toggle_clock"),
        Binding("ctrl+n", "drive('next_item')", "Next", id="projector.next_item"),
        Binding("ctrl+b", "drive('previous_item')", "Back", id="projector.previous_item"),
    ]

    def __init__(
        self, session_id: int | None, *, show_notes: bool = True, driver: Screen | None = None
    ):
        super().__init__()
        self.session_id = session_id
        # The session screen underneath, when this view is the facilitator's own toggle;
        # None in the read-only mirror.
        self.driver = driver
        self.show_notes = show_notes
        self.view: SessionView | None = None
        self.state = ClockState()
        # What each part of the screen shows now, by name.
        self._drawn: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="p-where")
        yield Static(id="p-title")
        yield BigClock(id="p-clock")
        with VerticalScroll(id="p-prompt-box"):
            yield Markdown(id="p-prompt")
        yield NoteList(id="p-notes")
        yield Static(id="p-status")

    def on_mount(self, event: events.Mount) -> None:
        self.reload()
        self.set_interval(TICK_SECONDS, self.tick)

    def reload(self) -> None:
        """Read the session afresh: after a key in the app, or a change seen by the mirror."""
        if self.session_id is None:
            self._waiting("Waiting for a session to start…")
            return
        try:
            self.view = running.get_session(self.app.store, self.session_id)
            self.state = running.clock_state(self.app.store, self.session_id)
            notes = note_service.list_notes(self.app.store, self.session_id, self.state.position)
        except FacilitatorError as exc:
            self._waiting(str(exc))
            return
        item = self.view.items[self.state.position]
        prompt = item.prompt
        try:
            if item.kind == ItemKind.MATTERS_ARISING:
                prompt = review_markdown(
                    review_entries(
                        self.app.store, self.session_id, self.app.now().astimezone().date()
                    )
                )
            elif item.kind == ItemKind.SCORECARD:
                statements = scorecard_results(self.app.store, self.session_id, item.position)
                prompt = f"{item.prompt}\n\n{scorecard_markdown(statements)}"
            elif item.kind == ItemKind.CHECKLIST:
                options = checklist_results(self.app.store, self.session_id, item.position)
                prompt = f"{item.prompt}\n\n{checklist_markdown(options)}"
            elif item.kind == ItemKind.REFLECTION:
                # The answers are private: the room sees only how many have been given.
                given = reflections(self.app.store, self.session_id, item.position).answered
                prompt = (
                    f"{item.prompt}\n\n*Private answers given so far: {given}. "
                    "They are never shown here.*"
                )
            elif item.kind == ItemKind.ROLES:
                board = roles_board(self.app.store, self.session_id, item.position)
                prompt = f"{item.prompt}\n\n{roles_markdown(board)}"
        except FacilitatorError:
            pass  # the item's own prompt says what the room is doing
        # The mirror reloads on every heartbeat: redraw only what has changed, so a
        # quiet room costs next to nothing.
        if self._changed("where", item.where):
            self.query_one("#p-where", Static).update(Text(item.where))
        if self._changed("title", item.title):
            self.query_one("#p-title", Static).update(Text(item.title))
        if self._changed("prompt", prompt):
            self.query_one("#p-prompt", Markdown).update(prompt)
            self.query_one("#p-prompt-box").display = bool(prompt)
        shown = tuple(notes[-LAST_NOTES:]) if self.show_notes else ()
        if self._changed("notes", shown):
            note_list = self.query_one("#p-notes", NoteList)
            note_list.display = bool(shown)
            if shown:
                note_list.show(list(shown))
        self.tick()

    def _changed(self, part: str, value: object) -> bool:
        """True, and remembered, when `part` is about to show something new."""
        if part in self._drawn and self._drawn[part] == value:
            return False
        self._drawn[part] = value
        return True

    def _waiting(self, message: str) -> None:
        self.view = None
        self._drawn.clear()
        self.query_one("#p-where", Static).update("")
        self.query_one("#p-title", Static).update(Text(message))
        self.query_one("#p-prompt-box").display = False
        self.query_one("#p-notes").display = False
        self.query_one("#p-clock", BigClock).display = False
        self.query_one("#p-status", Static).update("")

    def tick(self) -> None:
        if self.view is None:
            return
        clock = self.query_one("#p-clock", BigClock)
        clock.display = True
        now = self.app.now()
        live = self.state.at(now)
        seconds = [item.base_seconds for item in self.view.items]
        reading = current_countdown(live, seconds)
        on_break = self.view.items[live.position].kind == ItemKind.BREAK and not live.finished
        if on_break:
            # The room needs the time to be back, not a countdown to watch.
            back = return_time(live, seconds, now).astimezone()
            clock.show(f"{back:%H:%M}", "ok")
        else:
            clock.show(reading.text, reading.level)
        if live.finished:
            status = "finished"
        elif on_break:
            status = f"Back at {back:%H:%M}" + ("" if live.running else " · paused")
        elif live.running:
            status = ""
        else:
            status = "paused" if live.started else "about to start"
        if self._changed("status", status):
            self.query_one("#p-status", Static).update(status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.driver is not None if action == "drive" else True

    async def action_drive(self, action: str) -> None:
        if self.driver is None:  # the mirror has no session screen to drive
            return
        await self.driver.run_action(action)
        self.reload()

    def action_toggle_notes(self) -> None:
        self.show_notes = not self.show_notes
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
