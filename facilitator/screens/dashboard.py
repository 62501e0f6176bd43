"""A programme's dashboard: its sessions, the framework steps worked on, actions, the notes' trend.

Opened from home with Enter; everything on it is read in one service call and
redrawn whenever the facilitator comes back to it from a session or a list.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker, WorkerState

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dashboard_pack import next_planned, written_line
from facilitator.screens.dashboard_plan import plan_is_next, plan_text
from facilitator.screens.dashboard_text import (
    MINUTES_COLUMN,
    Column,
    about_text,
    actions_text,
    minutes_waiting_text,
    next_text,
    session_row,
    steps_text,
    table_columns,
)
from facilitator.screens.home import open_session, start_session_in
from facilitator.widgets.activity_trends import checklist_text, roles_text, scorecard_text
from facilitator.widgets.chart_pane import ChartPane, dashboard_charts
from facilitator.widgets.fixed_table import FixedTable
from facilitator.widgets.footer import Footer
from facilitator.widgets.note_trend import NoteTrend
from sessions.errors import FacilitatorError
from sessions.private_files import open_folder_warning
from sessions.services.dashboard import DashboardView, SessionSummary, programme_dashboard
from sessions.vocabulary import SessionState

CHART_SCREEN = (120, 40)
"""The smallest screen, columns by lines, that may draw the charts on the dashboard itself:
a projector's. A laptop's 80x24 keeps to text, with `g` for the charts."""
CHART_LINES = 17
"""What the charts take: a plot of 12 lines, a sentence of up to 4 beneath it, a gap."""
TABLE_LINES = 6
"""What the sessions table keeps beneath the charts: its heading and five sessions."""


class DashboardScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    view: var[DashboardView | None] = var(None, init=False)
    """Everything the dashboard shows, as last read."""
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
            tooltip=(
                "Set up this programme's next session: start it now or plan it; "
                "or open the one already set up"
            ),
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
        # Out of the Footer too: at 80 columns it would push Quit off; the hint line says it.
        Binding(
            "p",
            "pack",
            "Papers",
            id="dashboard.pack",
            show=False,
            tooltip=(
                "Write the papers for the highlighted session still to meet, else the next "
                "(agenda, last minutes, open "
                "actions, register of interests) in Markdown, HTML and Word, beside the minutes"
            ),
        ),
        Binding(
            "t",
            "plan_session",
            "Time/place",
            id="dashboard.plan_session",
            # Out of the Footer, which has no room for it at 80 columns: the hint line says it.
            show=False,
            tooltip="Set the highlighted planned session's day, times and place, or cancel it",
        ),
        Binding(
            "i",
            "invite",
            "Invite",
            id="dashboard.invite",
            show=False,
            tooltip="Write the highlighted planned session's calendar invitation (.ics)",
        ),
        Binding("e", "rename", "Rename", id="dashboard.rename", tooltip="Rename this programme"),
        Binding(
            "g",
            "charts",
            "Charts",
            id="dashboard.charts",
            show=False,
            tooltip="Chart the scorecard's trends and each session's deal and relationship notes",
        ),
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
        self._filled: tuple[tuple[Column, ...], int] = ((), 0)
        self._rows_of: tuple[SessionSummary, ...] = ()
        """The sessions the table's rows were last filled from."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dashboard"):
            yield Static("", id="about")
            yield Static("", id="next")
            yield Static("", id="plan")
            with Horizontal(id="overview"):
                yield Static("", id="steps")
                with Vertical(id="side"):
                    yield Static("", id="action-counts")
                    yield Static("", id="minutes-waiting")
                    yield NoteTrend(id="trend")
                    yield Static("", id="scorecard-trend")
                    yield Static("", id="checklist-trend")
                    yield Static("", id="team-roles")
            yield ChartPane(id="chart-pane")
            # Every column's width is given (`table_columns`), so nothing needs measuring.
            yield FixedTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="sessions-hint", classes="hint")
            yield Static(
                "t time/place · p papers · i invite · / search · m members · x archive",
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
        self.call_after_refresh(self._place_charts)
        # Also sent as the screen is first shown, straight after the table was filled.
        if (
            self.view is not None
            and table_columns(self.app.size.width, self.view.sessions) != self._filled
        ):
            self._fill_table(self.view)

    def _place_charts(self) -> None:
        """Draw the charts where the screen is a projector's and, below all the text above
        them, they leave the sessions table its rows; else leave them to `g`."""
        pane = self.query_one(ChartPane)
        table = self.query_one("#sessions", DataTable)
        width, height = CHART_SCREEN
        # From the top of the charts (or the table, without them) to the table's foot: the
        # same lines whether the charts are drawn or not, so the choice does not flicker.
        top = pane.region.y if pane.display else table.region.y
        spare = table.region.bottom - top
        pane.room = (
            self.size.width >= width
            and self.size.height >= height
            and table.display
            and spare >= CHART_LINES + TABLE_LINES
        )

    def refresh_view(self) -> None:
        view = self.app.attempt(
            programme_dashboard,
            self.app.store,
            self.programme_id,
            self.app.now().astimezone().date(),
        )
        if view is REFUSED:
            return
        self.view = view
        self.title = view.programme.name
        self.query_one("#about", Static).update(about_text(view))
        upcoming = self.query_one("#next", Static)
        upcoming.update(next_text(view))
        upcoming.display = not plan_is_next(view)
        plan = self.query_one("#plan", Static)
        plan.display = (line := plan_text(view)) is not None
        plan.update(line or "")
        self.query_one("#steps", Static).update(steps_text(view.steps))
        self.query_one("#action-counts", Static).update(actions_text(view))
        # Only once there are minutes: a programme not yet met has none to approve.
        waiting = self.query_one("#minutes-waiting", Static)
        waiting.display = any(s.state == SessionState.FINISHED for s in view.sessions)
        waiting.update(minutes_waiting_text(view))
        self.query_one(NoteTrend).show(view.note_trend)
        self.query_one(ChartPane).charts = dashboard_charts(view)
        self.call_after_refresh(self._place_charts)
        # Each activity's trend shows only once the programme has run that activity.
        for selector, text in (
            (
                "#scorecard-trend",
                scorecard_text(view.scorecard_trends, view.statement_trends)
                if view.scorecard_trends
                else None,
            ),
            (
                "#checklist-trend",
                checklist_text(view.checklist_trends) if view.checklist_trends else None,
            ),
            ("#team-roles", roles_text(view.team_roles) if view.team_roles else None),
        ):
            part = self.query_one(selector, Static)
            part.display = text is not None
            if text is not None:
                part.update(text)
        self._fill_table(view)

    def _fill_table(self, view: DashboardView) -> None:
        table = self.query_one("#sessions", FixedTable)
        filled = table_columns(self.app.size.width, view.sessions)
        if filled == self._filled and view.sessions == self._rows_of:
            # Back from another screen with nothing changed: the rows and the highlight stand,
            # and a long programme's table is not built and drawn again.
            if view.sessions:
                table.focus()
            return
        kept = self.highlighted_session()
        columns, agenda_width = self._filled = filled
        self._rows_of = view.sessions
        minutes = MINUTES_COLUMN in columns
        table.clear(columns=True)
        # Labels given as Text: a string is read as markup, and its emoji codes looked up in
        # a table that holds a megabyte for as long as the app runs.
        for label, width in columns:
            table.add_column(Text(label), width=width)
        table.add_column(Text("Agenda"), width=agenda_width)
        table.add_keyed_rows(
            (str(summary.id), session_row(summary, agenda_width, minutes, columns[1][1]))
            for summary in view.sessions
        )
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
        """The same session as before; else the latest one started and not finished; else
        the next to meet (a plan sets up every session ahead, and the keys for papers, time
        and invitations act on the highlighted one); else the latest."""
        ids = [s.id for s in view.sessions]
        if kept is not None and kept.id in ids:
            return ids.index(kept.id)
        states = [s.state for s in view.sessions]
        running = [i for i, state in enumerate(states) if state == SessionState.UNFINISHED]
        if running:
            return running[-1]
        if SessionState.PLANNED in states:
            return states.index(SessionState.PLANNED)
        return len(ids) - 1

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
        if summary is not None and summary.state == SessionState.CANCELLED:
            self.app.say(f"Session {summary.number} was cancelled: it has no minutes.")
        elif summary is not None and not summary.resumable:
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
        elif summary.state == SessionState.CANCELLED:
            self.app.say(
                f"Session {summary.number} was cancelled: it never starts.", severity="warning"
            )
        elif not summary.resumable:
            self.app.say(
                f"Session {summary.number} has finished: only an unfinished session "
                "can be resumed. Enter opens its minutes.",
                severity="warning",
            )
        else:
            open_session(self.app, summary.id)

    def action_start_session(self) -> None:
        waiting = self.view.waiting if self.view is not None else None
        if waiting is not None:
            # The next session is already set up: open it, as the line above the table says.
            open_session(self.app, waiting.id)
            return
        start_session_in(self.app, self.programme_id)

    def action_pack(self) -> None:
        highlighted = self.highlighted_session()
        if highlighted is not None and highlighted.state == SessionState.PLANNED:
            summary: SessionSummary | None = highlighted
        else:
            summary = next_planned(self.view)
        if summary is None:
            self.app.say(
                "No session is planned yet: press s to plan the next one, then write its papers.",
                severity="warning",
            )
            return
        from sessions.services.pack import FORMATS, write_pack

        store, session_id = self.app.store, summary.id
        # Word papers with a long session's minutes take a moment: the screen stays live.
        self.run_worker(
            lambda: write_pack(store, session_id, formats=FORMATS),
            name=f"{summary.id} {summary.number}",
            group="papers",
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "papers" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        from sessions.services.governance import IdentifiersFound

        session_id, number = map(int, worker.name.split())
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, list):
            self.app.say(written_line(number, worker.result))
            if warning := open_folder_warning(worker.result[0]):
                self.app.say(warning, severity="warning")
        elif isinstance(worker.error, IdentifiersFound):
            # Nothing written: each finding is chosen for on the papers' own screen first.
            from facilitator.screens.document_review import DocumentReviewScreen
            from facilitator.screens.papers_document import PapersDocument

            self.app.push_screen(DocumentReviewScreen(PapersDocument(session_id, number)))
        elif isinstance(worker.error, FacilitatorError):
            self.app.show_error(str(worker.error))
        else:
            error = worker.error
            self.app.show_error(f"Could not write the papers ({type(error).__name__}: {error}).")

    def _planned_session(self, doing: str) -> SessionSummary | None:
        """The highlighted session, where it is still to meet; else why not, said."""
        summary = self.highlighted_session()
        if summary is None:
            self.app.say(f"No session to {doing} yet: press s to plan one.", severity="warning")
            return None
        if summary.state in (SessionState.FINISHED, SessionState.UNFINISHED):
            self.app.say(
                f"Session {summary.number} has started: only a session still to meet can {doing}.",
                severity="warning",
            )
            return None
        return summary

    def action_plan_session(self) -> None:
        summary = self._planned_session("be given a time and place")
        if summary is None:
            return
        if summary.state == SessionState.CANCELLED:
            self.app.say(
                f"Session {summary.number} was cancelled: set up a new session instead.",
                severity="warning",
            )
            return
        from facilitator.screens.plan_session import PlanSessionScreen
        from sessions.services.calendar import meeting

        planned = self.app.attempt(meeting, self.app.store, summary.id)
        if planned is REFUSED:
            return

        def done(said: str | None) -> None:
            if said is not None:
                self.app.say(said)
                self.refresh_view()

        self.app.push_screen(PlanSessionScreen(planned, self.app.now().astimezone().date()), done)

    def action_invite(self) -> None:
        summary = self._planned_session("have an invitation")
        if summary is None:
            return
        from facilitator.calendar_commands import (
            how_sent,
            invite_held_back_line,
            organiser_address,
        )
        from sessions.errors import FacilitatorError
        from sessions.paths import minutes_dir
        from sessions.services.calendar import default_invite_name, session_invite, write_invite
        from sessions.services.governance import IdentifiersFound

        store = self.app.store
        invitation = self.app.attempt(session_invite, store, summary.id, organiser_address(None))
        if invitation is REFUSED:
            return
        target = minutes_dir() / default_invite_name(invitation)
        try:
            path = write_invite(store, invitation, self.app.now(), target)
        except IdentifiersFound:
            slug = invitation.programme_slug
            self.app.say(invite_held_back_line(slug, summary.number), severity="warning")
            return
        except FacilitatorError as exc:
            self.app.show_error(str(exc))
            return
        what = "cancellation" if invitation.only_cancellations else "invitation"
        # Whether it asks the members or names no one, as the command says it.
        self.app.say(
            f"Session {summary.number}'s calendar {what} is in {path}. {how_sent(invitation)}"
        )

    def action_actions(self) -> None:
        from facilitator.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.programme_id))

    def action_charts(self) -> None:
        if self.view is None:
            return
        # plotext is loaded with the charts, not with the dashboard.
        from facilitator.screens.programme_charts import ProgrammeChartsScreen

        self.app.push_screen(
            ProgrammeChartsScreen(self.view.programme.name, dashboard_charts(self.view))
        )

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
            archived = self.app.attempt(
                archive_programme, self.app.store, self.programme_id, self.app.now()
            )
            if archived is REFUSED:
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
