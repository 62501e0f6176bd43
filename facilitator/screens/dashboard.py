"""A programme's dashboard: its sessions, the framework steps worked on, actions, the notes' trend.

Opened from home with Enter; everything on it is read in one service call and
redrawn whenever the facilitator comes back to it from a session or a list.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Static

from facilitator.screens.home import open_session, start_session_in
from facilitator.widgets.activity_trends import (
    BARS,
    checklist_text,
    roles_text,
    scorecard_text,
)
from sessions.errors import FacilitatorError
from sessions.services.dashboard import (
    DashboardView,
    SessionSummary,
    StepWork,
    programme_dashboard,
)
from sessions.vocabulary import SessionState

# The table's columns before the agenda's title, which takes the width that is left.
COLUMNS = (("No.", 4), ("Date", 10), ("State", 10), ("Run / plan", 11), ("Deal / rel", 10))
# Cell padding on both sides of every column, the page's padding and the scroll bar.
TABLE_FRAME = 2 * (len(COLUMNS) + 1) + 4
MIN_AGENDA_WIDTH = 10


def number_ranges(numbers: tuple[int, ...]) -> str:
    """`1–3, 5, 8–9`: a long programme's session numbers, short enough for one line."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def steps_text(steps: tuple[StepWork, ...]) -> Text:
    """One line a step: `Step 2: Trusted people — sessions 1, 3`, or that it is still to do."""
    width = max(len(step.label) for step in steps)
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, step in enumerate(steps):
        if index:
            text.append("\n")
        worked = bool(step.session_numbers)
        text.append(step.label.ljust(width), style="bold" if worked else "dim")
        if worked:
            noun = "session" if len(step.session_numbers) == 1 else "sessions"
            text.append(f" — {noun} {number_ranges(step.session_numbers)}")
        else:
            text.append(" — not worked on yet", style="dim italic")
    return text


def about_text(view: DashboardView) -> Text:
    """The PCN, how many sessions in each state, and the time run against the time planned."""
    text = Text()
    if view.programme.pcn_name:
        text.append(view.programme.pcn_name, style="bold")
        text.append(" · ")
    count = len(view.sessions)
    text.append(f"{count} session" + ("" if count == 1 else "s"))
    states = [
        (sum(s.state == state for s in view.sessions), label)
        for state, label in (
            (SessionState.FINISHED, "finished"),
            (SessionState.UNFINISHED, "unfinished"),
            (SessionState.PLANNED, "not started"),
        )
    ]
    shown = [f"{n} {label}" for n, label in states if n]
    if shown:
        text.append(": " + ", ".join(shown))
    if count:
        text.append(
            f" · run {short_time(view.actual_seconds)} of "
            f"{short_time(view.planned_seconds)} planned"
        )
    return text


def actions_text(view: DashboardView) -> Text:
    text = Text("Actions ", style="bold")
    text.append(f"{view.open_actions} open")
    if view.overdue_actions:
        text.append(" · ")
        text.append(f" {view.overdue_actions} OVERDUE ", style="bold reverse red")
    text.append("  a: see them", style="dim")
    return text


def session_date(summary: SessionSummary):
    """The day it met; a session not started yet shows the day it is planned for."""
    if summary.state == SessionState.PLANNED and summary.planned_for is not None:
        return summary.planned_for
    return summary.held_at.astimezone().date()


def next_text(view: DashboardView) -> Text:
    """What the next session would be: the step to continue from and what waits for review."""
    suggestion = view.suggestion
    text = Text("Next ", style="bold")
    text.append(
        f"session {len(view.sessions) + 1}: continue from {suggestion.label} ({suggestion.reason})"
    )
    if view.sessions and view.open_actions:
        noun = "action" if view.open_actions == 1 else "actions"
        text.append(f", {view.open_actions} open {noun} reviewed first")
    text.append("  s: set it up", style="dim")
    return text


def short_time(seconds: float) -> str:
    """`1h05`, `45m`: short enough for a table cell; `–` for a clock that never ran."""
    if seconds <= 0:
        return "–"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}h{minutes:02d}" if hours else f"{minutes}m"


def session_row(summary: SessionSummary, agenda_width: int) -> tuple[Text, ...]:
    state_style = {SessionState.FINISHED: "dim", SessionState.UNFINISHED: "bold"}.get(
        summary.state, "italic"
    )
    over = summary.actual_seconds > summary.planned_seconds
    agenda = Text(summary.agenda_title, no_wrap=True)
    agenda.truncate(agenda_width, overflow="ellipsis")
    return (
        Text(str(summary.number), justify="right"),
        Text(f"{session_date(summary):%Y-%m-%d}"),
        Text(summary.state, style=state_style),
        Text(
            f"{short_time(summary.actual_seconds)} / {short_time(summary.planned_seconds)}",
            style="yellow" if over else "",
        ),
        Text(f"{summary.deal_notes} / {summary.relationship_notes}"),
        agenda,
    )


class NoteTrend(Widget):
    """Deal and relationship notes session by session, as two lines of bars on one scale.

    One scale for both, unlike two Sparklines (each scaled to its own highest),
    so a thin relationship side looks thin beside the deal. The latest sessions
    are kept when they do not all fit.
    """

    COMPONENT_CLASSES = {"trend--deal", "trend--relationship"}
    LABEL = 6

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.trend: list[tuple[int, int, int]] = []

    def show(self, trend: list[tuple[int, int, int]]) -> None:
        self.trend = trend
        self.refresh()

    def render(self) -> Text:
        top = max((max(deal, rel) for _, deal, rel in self.trend), default=0)
        if not top:
            return Text(
                "No deal or relationship notes yet: they show here session by session.",
                style="dim italic",
            )
        room = max(1, self.content_size.width - self.LABEL)
        # A session's cells: a bar and a gap between sessions while they fit, else one cell.
        per = max(1, min(4, room // len(self.trend)))
        bar, gap = (per - 1, " ") if per > 1 else (1, "")
        shown = self.trend[-(room // per) :]
        first, last = shown[0][0], shown[-1][0]
        which = f"session {first}" if first == last else f"sessions {first}–{last}"
        text = Text(f"Notes per session, {which} (one scale)", style="dim", no_wrap=True)
        for label, index, part in (("Deal", 1, "trend--deal"), ("Rel", 2, "trend--relationship")):
            text.append("\n" + label.ljust(self.LABEL))
            style = self.get_component_rich_style(part)
            for row in shown:
                count = row[index]
                if count:
                    text.append(BARS[min(7, (count * 8 - 1) // top)] * bar, style=style)
                else:
                    text.append("·" * bar, style="dim")
                text.append(gap)
        return text


class DashboardScreen(Screen[None]):
    CSS_PATH = "dashboard.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="dashboard.back"),
        Binding(
            "s",
            "start_session",
            "Next session",
            id="dashboard.start_session",
            tooltip="Set up this programme's next session: start it now or plan it",
        ),
        Binding(
            "r",
            "resume",
            "Resume",
            id="dashboard.resume",
            tooltip="Resume the highlighted unfinished session",
        ),
        Binding(
            "a",
            "actions",
            "Actions",
            id="dashboard.actions",
            tooltip="This programme's actions: owners, due dates, overdue",
        ),
        Binding("e", "rename", "Rename", id="dashboard.rename", tooltip="Rename this programme"),
        # Out of the Footer, which has no room for it at 80 columns: the hint line says it.
        Binding(
            "x",
            "archive",
            "Archive",
            id="dashboard.archive",
            show=False,
            tooltip="Archive this programme: off the lists, nothing deleted",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="dashboard.search",
            show=False,
            tooltip="Search the notes of this programme",
        ),
        Binding(
            "m",
            "members",
            "Members",
            id="dashboard.members",
            show=False,
            tooltip="This programme's members",
        ),
    ]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id
        self.view: DashboardView | None = None
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dashboard"):
            yield Static("", id="about")
            yield Static("", id="next")
            with Horizontal(id="overview"):
                yield Static("", id="steps")
                with Vertical(id="side"):
                    yield Static("", id="action-counts")
                    yield NoteTrend(id="trend")
                    yield Static("", id="scorecard-trend")
                    yield Static("", id="checklist-trend")
                    yield Static("", id="team-roles")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="sessions-hint", classes="hint")
            yield Static(
                "Enter resumes a session or opens its minutes · / search · m members · x archive",
                id="keys-hint",
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Dashboard"

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: one read serves both.
        self.refresh_view()

    def on_resize(self) -> None:
        # Also sent as the screen is first shown, straight after the table was filled.
        if self.view is not None and self._agenda_width() != self._filled_width:
            self._fill_table(self.view)

    def _agenda_width(self) -> int:
        return max(MIN_AGENDA_WIDTH, self.app.size.width - TABLE_FRAME - sum(w for _, w in COLUMNS))

    def refresh_view(self) -> None:
        try:
            view = programme_dashboard(
                self.app.store, self.programme_id, self.app.now().astimezone().date()
            )
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            return
        self.view = view
        self.title = view.programme.name
        self.query_one("#about", Static).update(about_text(view))
        self.query_one("#next", Static).update(next_text(view))
        self.query_one("#steps", Static).update(steps_text(view.steps))
        self.query_one("#action-counts", Static).update(actions_text(view))
        self.query_one(NoteTrend).show(view.note_trend)
        for selector, shown, draw in (
            ("#scorecard-trend", view.scorecard_trends, scorecard_text),
            ("#checklist-trend", view.checklist_trends, checklist_text),
            ("#team-roles", view.team_roles, roles_text),
        ):
            part = self.query_one(selector, Static)
            part.display = bool(shown)
            if shown:
                part.update(draw(shown))
        self._fill_table(view)

    def _fill_table(self, view: DashboardView) -> None:
        table = self.query_one("#sessions", DataTable)
        kept = self.highlighted_session()
        agenda_width = self._filled_width = self._agenda_width()
        table.clear(columns=True)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        table.add_column("Agenda", width=agenda_width)
        for summary in view.sessions:
            table.add_row(*session_row(summary, agenda_width), key=str(summary.id))
        table.display = bool(view.sessions)
        hint = self.query_one("#sessions-hint", Static)
        hint.display = not view.sessions
        hint.update("No sessions yet: press s to set up the first one.")
        if view.sessions:
            row = self._row_to_highlight(view, kept)
            table.move_cursor(row=row, animate=False)
            # Filled as the screen first shows, the table has no height to scroll by yet.
            self.call_after_refresh(table.move_cursor, row=row, animate=False)
            table.focus()

    @staticmethod
    def _row_to_highlight(view: DashboardView, kept: SessionSummary | None) -> int:
        """The same session as before; else the latest one still open; else the latest."""
        ids = [s.id for s in view.sessions]
        if kept is not None and kept.id in ids:
            return ids.index(kept.id)
        open_rows = [i for i, s in enumerate(view.sessions) if s.resumable]
        return open_rows[-1] if open_rows else len(ids) - 1

    def highlighted_session(self) -> SessionSummary | None:
        table = self.query_one("#sessions", DataTable)
        if self.view is None or not table.row_count:
            return None
        row = table.cursor_row
        sessions = self.view.sessions
        return sessions[row] if 0 <= row < len(sessions) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        summary = self.highlighted_session()
        if summary is not None and not summary.resumable:
            self.open_minutes(summary)
        else:
            self.action_resume()

    def open_minutes(self, summary: SessionSummary) -> None:
        from facilitator.screens.finish import FinishScreen

        self.app.push_screen(
            FinishScreen(summary.id, None, heading=f"Session {summary.number}: its minutes")
        )

    def action_resume(self) -> None:
        summary = self.highlighted_session()
        if summary is None:
            self.app.say("No session to resume yet: press s to start one.", severity="warning")
        elif not summary.resumable:
            self.app.say(
                f"Session {summary.number} has finished: only an unfinished session "
                "can be resumed. Enter opens its minutes.",
                severity="warning",
            )
        else:
            open_session(self, summary.id)

    def action_start_session(self) -> None:
        start_session_in(self, self.programme_id)

    def action_actions(self) -> None:
        from facilitator.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.programme_id))

    def action_search(self) -> None:
        from facilitator.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.programme_id))

    def action_members(self) -> None:
        from facilitator.screens.members import MembersScreen

        self.app.push_screen(MembersScreen(self.programme_id))

    def action_rename(self) -> None:
        if self.view is None:
            return
        from facilitator.screens.rename_programme import RenameProgrammeScreen

        def renamed(programme) -> None:
            if programme is not None:
                self.app.say(f"Renamed to {programme.name!r}.")
                self.refresh_view()

        self.app.push_screen(RenameProgrammeScreen(self.view.programme), renamed)

    def action_archive(self) -> None:
        if self.view is None:
            return
        from facilitator.screens.confirm import ConfirmScreen
        from sessions.services.programmes import archive_programme

        name = self.view.programme.name

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                archive_programme(self.app.store, self.programme_id, self.app.now())
            except FacilitatorError as exc:
                self.app.show_error(str(exc))
                return
            self.app.say(f"Archived {name!r}: its sessions, notes and actions are kept.")
            self.app.pop_screen()  # home, which lists it no more

        self.app.push_screen(
            ConfirmScreen(
                f"Archive {name!r}?",
                "It leaves the home screen's lists. Nothing is deleted: its sessions, notes, "
                "minutes and actions are all kept.",
            ),
            answered,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
