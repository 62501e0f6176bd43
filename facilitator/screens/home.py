"""The home screen: programmes, and sessions waiting to be resumed."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.dates import weekday_text
from facilitator.options import option_number
from facilitator.widgets.footer import Footer
from facilitator.widgets.long_option_list import LongOptionList

if TYPE_CHECKING:
    from sessions.views import ProgrammeView, UnfinishedSessionView

WAITING_SHOWN = 10
"""Sessions on the waiting list at most, the rest counted: a national database has one
waiting in each of a thousand programmes. Finding a programme lists all of its own."""


def start_session_in(app: FacilitatorApp, programme_id: int) -> None:
    """The next-session dialog, then straight into the session, or back with it planned.

    Shared by every screen with an `s` key, so setting up a session is one flow wherever
    the facilitator is; the session comes back to the screen it was set up from.
    """
    from facilitator.screens.next_session import NextSessionScreen

    def set_up(result: tuple[int, bool] | None) -> None:
        if result is None:
            return
        session_id, start_now = result
        if start_now:
            open_session(app, session_id)
            return
        # The screen underneath redraws itself as the dialog closes; home then has the
        # session just planned highlighted, so r starts it, as the dialog says.
        for screen in app.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.highlight_waiting(session_id)
        app.say(
            "Session planned: start it from Home (Sessions to start or resume) or its dashboard."
        )

    today = app.now().astimezone().date()
    app.push_screen(NextSessionScreen(programme_id, today), set_up)


def open_session(app: FacilitatorApp, session_id: int) -> None:
    from facilitator.screens.session import SessionScreen

    app.push_screen(SessionScreen(session_id))


def waiting_label(waiting) -> Text:
    """A session on the resume list: where it stopped, or, never started, when it is planned."""
    # Imported here: the clock's module and its vocabulary are nothing the first frame needs.
    from sessions.clock import format_clock

    where = f"{waiting.programme_name} / session {waiting.number}"
    if not waiting.started:
        when = (
            f"planned for {weekday_text(waiting.planned_for)}" if waiting.planned_for else "set up"
        )
        if waiting.planned_for and waiting.to_confirm:
            when += " (to confirm)"
        return Text(f"{where} · {when} · not started: {waiting.agenda_title}")
    return Text(
        f"{where} · item {waiting.position + 1} of {waiting.item_count}: {waiting.item_title} · "
        f"{format_clock(waiting.elapsed_seconds)} run"
    )


class HomeScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding(
            "n", "new_programme", "New", id="home.new_programme", tooltip="Create a new programme"
        ),
        Binding(
            "s",
            "start_session",
            "Next session",
            id="home.start_session",
            tooltip="Set up the highlighted programme's next session: start it or plan it",
        ),
        Binding(
            "enter",
            "dashboard",
            "Dashboard",
            id="home.dashboard",
            show=False,
            tooltip="The highlighted programme's dashboard: sessions, steps, actions",
        ),
        Binding(
            "r",
            "resume",
            "Resume",
            id="home.resume",
            tooltip="Resume the highlighted unfinished session",
        ),
        Binding(
            "a",
            "actions",
            "Actions",
            id="home.actions",
            tooltip="The highlighted programme's actions: owners, due dates, overdue",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="home.search",
            tooltip="Search the notes of the highlighted programme",
        ),
        Binding(
            "m",
            "members",
            "Members",
            id="home.members",
            tooltip="The highlighted programme's members",
        ),
        Binding(
            "f",
            "find",
            "Find",
            id="home.find",
            show=False,
            tooltip="Find a programme by any part of its name or its PCN's",
        ),
        Binding(
            "escape",
            "stop_finding",
            "All programmes",
            id="home.stop_finding",
            show=False,
            tooltip="Clear the programme filter and list every programme",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        # Until the database is read (-opening), only the heading and the hint show.
        with Vertical(id="home", classes="-opening"):
            yield Label("Programmes", id="programmes-heading", classes="heading")
            # Disabled while hidden, so it can never take the focus, and with it the keys
            # meant as commands, before f shows it.
            yield Input(
                placeholder="Type part of a programme's or PCN's name",
                id="programme-filter",
                disabled=True,
            )
            yield LongOptionList(id="programmes")
            yield Static("Opening the database…", id="programmes-hint", classes="hint")
            yield Label("Sessions to start or resume", id="unfinished-heading", classes="heading")
            yield LongOptionList(id="unfinished")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Programmes"
        self._listed = False
        self._kept_out = False
        self._programmes: list[ProgrammeView] = []
        self._unfinished: list[UnfinishedSessionView] = []
        self._waiting_at: int | None = None
        """The session the waiting list highlights when next drawn: the one highlighted
        before, or one just planned."""

    def highlight_waiting(self, session_id: int) -> None:
        """Highlight the session `session_id` in the waiting list, now and once redrawn."""
        self._waiting_at = session_id
        waiting = self.query_one("#unfinished", OptionList)
        # Not listed yet, the next read highlights it.
        with suppress(OptionDoesNotExist):
            waiting.highlighted = waiting.get_option_index(str(session_id))

    def list_now(self) -> bool:
        """Open the database if it waits, and read the lists if they are not read yet.

        Called once the first frame is painted, and by any key that needs the lists,
        which may come first: it then acts on the lists rather than on none. Lists
        shown before the store opened are acted on once it is open, as every key's
        screen needs it.
        """
        if not self.app.open_store_or_exit():
            return False
        if not self._listed:
            self.refresh_lists()
        return self._listed

    def list_before_opening(self, database: str) -> bool:
        """Show the lists read without opening the store, if the database allows it."""
        # Imported here: it loads no SQLAlchemy, but nothing the first frame needs either.
        from sessions.services.home import home_lists_before_opening

        lists = home_lists_before_opening(database)
        if lists is None:
            return False
        self._show(lists.programmes, lists.unfinished)
        return True

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: one read serves both. At a launch
        # that opens the database after the first frame, the app lists them once open.
        if self.app.store_is_open:
            self.refresh_lists()

    def refresh_lists(self, *, focus: bool = True) -> None:
        """The lists read afresh; `focus` puts the focus back on the first with something
        in it, which a read once the store opened behind the lists leaves where it is."""
        # Imported here, not above: this screen is drawn before the database layer is loaded.
        from sessions.services.programmes import list_programmes
        from sessions.services.running import list_unfinished

        programmes = self.app.attempt(list_programmes, self.app.store)
        if programmes is REFUSED:
            return
        unfinished = self.app.attempt(list_unfinished, self.app.store)
        if unfinished is REFUSED:
            return
        self._show(programmes, unfinished, focus=focus)

    def _show(
        self,
        programmes: list[ProgrammeView],
        unfinished: list[UnfinishedSessionView],
        *,
        focus: bool = True,
    ) -> None:
        self._programmes, self._unfinished = programmes, unfinished
        programme_list = self.query_one("#programmes", OptionList)
        unfinished_list = self.query_one("#unfinished", OptionList)
        at = unfinished_list.highlighted
        if self._waiting_at is None and at is not None and at < unfinished_list.option_count:
            self._waiting_at = option_number(unfinished_list.get_option_at_index(at))
        self._fill()
        if focus or self.focused is None:
            (
                programme_list if programme_list.option_count or not unfinished else unfinished_list
            ).focus()
        self.query_one("#home").remove_class("-opening")
        if self.app.store_is_open and not self._kept_out:
            # The launch's lists, as long-lived as start-up's objects (see the app's).
            self._kept_out = True
            self.app.keep_start_up_out_of_collections()
        self._listed = True

    def _fill(self, *, same_programme: bool = False) -> None:
        """Both lists as read, narrowed to the programmes found while a filter is typed.

        The highlight stays on the same row when the lists are read again (a programme just
        created, the newest, takes the first), and on the same programme, where it is still
        listed, when the filter changes."""
        found = self._found()
        programmes = [p for p in self._programmes if found is None or p.id in found]
        unfinished = [w for w in self._unfinished if found is None or w.programme_id in found]
        programme_list = self.query_one("#programmes", OptionList)
        highlighted = programme_list.highlighted
        kept = (
            programme_list.get_option_at_index(highlighted).id
            if highlighted is not None and highlighted < programme_list.option_count
            else None
        )
        programme_list.clear_options()
        for programme in programmes:
            sessions = f"{programme.session_count} session" + (
                "" if programme.session_count == 1 else "s"
            )
            label = programme.name + (f" · {programme.pcn_name}" if programme.pcn_name else "")
            programme_list.add_option(Option(Text(f"{label} · {sessions}"), id=str(programme.id)))
        programme_list.display = bool(programmes)
        if programmes:
            ids = [str(p.id) for p in programmes]
            programme_list.highlighted = (
                ids.index(kept)
                if same_programme and kept in ids
                else min(highlighted or 0, len(programmes) - 1)
            )
        self.query_one("#programmes-hint", Static).update(self._hint(found, len(programmes)))
        self._fill_waiting(unfinished)

    def _found(self) -> set[int] | None:
        """The programmes whose name or PCN holds every word of the filter; None unfiltered."""
        words = self.query_one("#programme-filter", Input).value.split()
        if not words:
            return None
        from sessions.text import folded

        wanted = [folded(word) for word in words]
        return {
            p.id
            for p in self._programmes
            if all(word in folded(f"{p.name} {p.pcn_name or ''}") for word in wanted)
        }

    def _hint(self, found: set[int] | None, shown: int) -> str:
        if found is not None:
            if not shown:
                return "No programme of that name: Esc lists them all."
            return "Enter opens the highlighted programme's dashboard · Esc lists them all."
        if not self._programmes:
            return "Press n to create a programme, then s to set up its first session."
        return (
            "Enter opens the highlighted programme's dashboard · s sets up the next session"
            " · f finds a programme."
        )

    def _fill_waiting(self, unfinished: list[UnfinishedSessionView]) -> None:
        """The first sessions of the waiting order, and the one to keep highlighted."""
        unfinished_list = self.query_one("#unfinished", OptionList)
        kept = self._waiting_at
        shown = unfinished[:WAITING_SHOWN]
        shown += [w for w in unfinished[WAITING_SHOWN:] if w.session_id == kept]
        unfinished_list.clear_options()
        for waiting in shown:
            unfinished_list.add_option(Option(waiting_label(waiting), id=str(waiting.session_id)))
        self.query_one("#unfinished-heading").display = bool(shown)
        unfinished_list.display = bool(shown)
        if shown:
            ids = [waiting.session_id for waiting in shown]
            unfinished_list.highlighted = ids.index(kept) if kept in ids else 0
        self._waiting_at = None
        more = len(unfinished) - len(shown)
        # Said in the heading, which shows wherever the list is cut off at the foot.
        self.query_one("#unfinished-heading", Label).update(
            "Sessions to start or resume"
            + (f": {len(shown)} of {len(unfinished):,} (f finds a programme's own)" if more else "")
        )

    def action_find(self) -> None:
        if not self.list_now():
            return
        finder = self.query_one("#programme-filter", Input)
        finder.disabled = False
        finder.display = True
        finder.focus()

    def action_stop_finding(self) -> None:
        finder = self.query_one("#programme-filter", Input)
        if not finder.display:
            return
        finder.value = ""
        finder.display = False
        finder.disabled = True
        self._fill(same_programme=True)
        self.query_one("#programmes", OptionList).focus()

    @on(Input.Changed, "#programme-filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(same_programme=True)

    @on(Input.Submitted, "#programme-filter")
    def _open_found(self, event: Input.Submitted) -> None:
        event.stop()
        if self.query_one("#programmes", OptionList).option_count:
            self.action_dashboard()

    def on_key(self, event: events.Key) -> None:
        # The arrows move through the programmes found while the filter keeps the keyboard.
        if self.focused is not self.query_one("#programme-filter", Input):
            return
        moves = {
            "down": "cursor_down",
            "up": "cursor_up",
            "pagedown": "page_down",
            "pageup": "page_up",
        }
        if event.key in moves:
            event.stop()
            getattr(self.query_one("#programmes", OptionList), f"action_{moves[event.key]}")()

    def _selected(self, selector: str) -> int | None:
        if not self.list_now():
            return None
        option_list = self.query_one(selector, OptionList)
        if option_list.highlighted is None or not option_list.option_count:
            return None
        return option_number(option_list.get_option_at_index(option_list.highlighted))

    def action_new_programme(self) -> None:
        from facilitator.screens.new_programme import NewProgrammeScreen

        def created(programme) -> None:
            if programme is not None:
                self.refresh_lists()
                if programme.session_count:  # made from a plan: its sessions wait to be held
                    self.app.say(
                        f"Programme {programme.name!r} created with {programme.session_count} "
                        "sessions planned on dates to confirm: r starts the first when it is due."
                    )
                    return
                self.app.say(
                    f"Programme {programme.name!r} created: press s to set up its first session."
                )

        self.app.push_screen(NewProgrammeScreen(), created)

    def action_start_session(self) -> None:
        programme_id = self._selected("#programmes")
        if programme_id is None:
            self.notify("Create a programme first: press n.", severity="warning")
            return
        start_session_in(self.app, programme_id)

    def action_resume(self) -> None:
        session_id = self._selected("#unfinished")
        if session_id is None:
            self.notify("No session is waiting to be resumed.", severity="warning")
            return
        self.open_session(session_id)

    def _programme_or_hint(self) -> int | None:
        programme_id = self._selected("#programmes")
        if programme_id is None:
            self.notify("Create a programme first: press n.", severity="warning")
        return programme_id

    def action_actions(self) -> None:
        if (programme_id := self._programme_or_hint()) is not None:
            from facilitator.screens.actions import ActionsScreen

            self.app.push_screen(ActionsScreen(programme_id))

    def action_search(self) -> None:
        if (programme_id := self._programme_or_hint()) is not None:
            from facilitator.screens.search import SearchScreen

            self.app.push_screen(SearchScreen(programme_id))

    def action_members(self) -> None:
        if (programme_id := self._programme_or_hint()) is not None:
            from facilitator.screens.members import MembersScreen

            self.app.push_screen(MembersScreen(programme_id))

    def action_dashboard(self) -> None:
        if (programme_id := self._programme_or_hint()) is not None:
            from facilitator.screens.dashboard import DashboardScreen

            self.app.push_screen(DashboardScreen(programme_id))

    def open_session(self, session_id: int) -> None:
        open_session(self.app, session_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "programmes":
            self.action_dashboard()
        else:
            self.open_session(option_number(event.option))
