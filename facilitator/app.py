"""The Textual application: it holds the store and starts on the home screen.

Nothing here loads the database layer: the app can draw its first frame
before SQLAlchemy is imported, which takes as long as Textual's own import.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.commands import ScreenKeysProvider
from sessions.errors import FacilitatorError
from sessions.steady_clock import SteadyClock

if TYPE_CHECKING:
    from facilitator.commit_feed import CommitFeed
    from facilitator.screens.session import SessionScreen
    from sessions.services.leases import Holder
    from sessions.store import Store

Params = ParamSpec("Params")
Result = TypeVar("Result")


# How long the store waits, after the home screen's first lists, for them to be drawn.
LISTS_SHOWN_SECONDS = 0.1


class Refused(Enum):
    """What `FacilitatorApp.attempt` gives back when a service refused."""

    REFUSED = "refused"


REFUSED: Final = Refused.REFUSED
"""A service refused, and the facilitator has been told why: there is nothing more to do."""


class FacilitatorApp(App[None]):
    TITLE = "facilitator"
    # The home screen's styles too: read with the app's, they are parsed once at launch;
    # read as the screen is pushed, the whole stylesheet is parsed and applied again
    # before the first frame. The screen names them as well, and Textual reads a file once.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    COMMANDS = App.COMMANDS | {ScreenKeysProvider}
    BINDINGS = [
        # Asks first while a session's clock runs: see action_quit.
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding(
            "f1",
            "help",
            "Help",
            id="app.help",
            show=False,
            tooltip="How to capture notes, and every key",
        ),
    ]

    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        now: Callable[[], datetime] | None = None,
        first_screen: Callable[[], Screen] | None = None,
        database: str | None = None,
    ):
        """`store` is the open store, or what opens it once the first frame is drawn.

        `database` (its path or URL), given with a store to open, lets the home screen
        list what it holds before the store is open: see `_open_then_list`.
        """
        super().__init__()
        self._store: Store | None = None
        self._open_store: Callable[[], Store] | None = None
        self.database = database
        if callable(store):
            self._open_store = store
        else:
            self._store = store
        self.open_error: BaseException | None = None
        """Why the store could not be opened, for the command line to report."""
        # The home screen, unless the app was opened for one job (the read-only mirror).
        self._first_screen = first_screen
        # The time source for the clock (steady through wall-clock changes and sleeps);
        # tests hand in their own.
        self.now: Callable[[], datetime] = now or SteadyClock()
        from facilitator.themes import THEMES
        from sessions.settings import load_settings

        for theme in THEMES:
            self.register_theme(theme)
        settings = load_settings()
        chosen = settings.get("theme")
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen
        # Whether ctrl+q has asked and waits for the answer: pressed again, it quits.
        self._asking_to_quit = False
        # The bell at an item's zero; some rooms (and some facilitators) want silence.
        self.bell_on = settings.get("bell", True) is not False

    @property
    def store(self) -> Store:
        if self._store is None:
            assert self._open_store is not None  # the app is given one or the other
            self._store = self._open_store()
            self.keep_start_up_out_of_collections()
            self._tell_notices()
        return self._store

    @property
    def store_is_open(self) -> bool:
        return self._store is not None

    def open_store_or_exit(self) -> bool:
        """Open the store if it is not yet; if it cannot be, close the app and keep why.

        The command line then reports it as it reports any database it cannot use,
        one line after the terminal is given back, with nothing half drawn.
        """
        try:
            _ = self.store
        except Exception as exc:  # reported by the command line, as if opened before the app
            self.open_error = exc
            self.exit(return_code=2)
            return False
        return True

    def keep_start_up_out_of_collections(self) -> None:
        """What start-up made stays for the app's life: frozen once the store is open, and
        again once the home screen's first lists are read through it."""
        from facilitator.collector import keep_start_up_out_of_collections

        keep_start_up_out_of_collections()

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            from facilitator.collector import return_start_up_to_collections

            return_start_up_to_collections()

    @cached_property
    def holder(self) -> Holder:
        """Who this copy is, for the lease that keeps one driver per session."""
        from sessions.services.leases import Holder

        return Holder.this_process()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.bell_on:
            yield SystemCommand(
                "Bell off",
                "Stop ringing the terminal bell when an item's time runs out",
                self.toggle_bell,
            )
        else:
            yield SystemCommand(
                "Bell on",
                "Ring the terminal bell once when an item's time runs out",
                self.toggle_bell,
            )

    def toggle_bell(self) -> None:
        from sessions.settings import save_setting

        self.bell_on = not self.bell_on
        self.say(f"The bell is {'on' if self.bell_on else 'off'}.")
        try:
            save_setting("bell", self.bell_on)
        except OSError as exc:
            self.show_error(f"Could not remember the bell setting: {exc.strerror or exc}.")

    def ring(self) -> None:
        """The bell at an item's zero, unless the facilitator has switched it off."""
        if self.bell_on:
            self.bell()

    def _remember_theme(self, theme) -> None:
        from sessions.settings import save_setting

        try:
            save_setting("theme", theme.name)
        except OSError as exc:
            self.show_error(f"Could not remember the theme: {exc.strerror or exc}.")

    def _tell_notices(self) -> None:
        """What the store found as it opened (a repair, a file that cannot be written):
        said at once, and long enough to be read."""
        assert self._store is not None
        for notice in self._store.notices:
            self.say(notice, severity="warning", timeout=30)

    @cached_property
    def commits(self) -> CommitFeed:
        """Where screens hear of others' commits; nothing listens until one subscribes."""
        from facilitator.commit_feed import CommitFeed

        return CommitFeed(self)

    def on_unmount(self) -> None:
        # Its subscribers have gone with their screens; this is the net for any that did not.
        if "commits" in self.__dict__:
            self.commits.stop()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._store is not None:
            self.keep_start_up_out_of_collections()
            self._tell_notices()
        if self._first_screen is not None:
            self.push_screen(self._first_screen())

    def get_default_screen(self) -> Screen:
        """The home screen is the first screen, unless the app was opened for one job.

        Pushed over Textual's empty default screen instead, it made the first frame wait
        for a second screen's compose, layout and styles.
        """
        if self._first_screen is not None:
            return super().get_default_screen()
        from facilitator.screens.home import HomeScreen

        return HomeScreen()

    def on_ready(self) -> None:
        """The first frame is on the terminal: now open the store, if it waited for it.

        Opening loads SQLAlchemy, which takes as long as Textual itself took to load;
        the home screen is drawn first, without its lists, and listed once it is open.
        """
        if not self.store_is_open:
            # Ready can come before the first frame is painted: wait for the paint.
            self.call_after_refresh(self._open_then_list)

    def _open_then_list(self) -> None:
        """The lists first, read without the database layer where the file allows, then
        the store; otherwise the store, then the lists."""
        from facilitator.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            if self.database is not None and self.screen.list_before_opening(self.database):
                # Once the lists are on the terminal, so loading SQLAlchemy delays nothing
                # shown. A refresh callback alone can run before the options' new layout
                # has reached the screen (it did in about half the launches measured);
                # after a moment, the refresh that follows is the one that draws them.
                self.set_timer(
                    LISTS_SHOWN_SECONDS, lambda: self.call_after_refresh(self._open_after_lists)
                )
                return
            self.screen.list_now()
        else:  # a dialog opened first; the home screen lists itself when it is back
            self.open_store_or_exit()

    def _open_after_lists(self) -> None:
        """The store, on the app's thread like every import of the database layer (two
        threads importing SQLAlchemy's modules at once can meet half-made modules). Keys
        pressed meanwhile wait in the queue; the lists are then read through the store,
        which may have repaired the file, and show what it holds."""
        from facilitator.screens.home import HomeScreen

        if self.store_is_open or not self.open_store_or_exit():
            return
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_lists(focus=False)
        # Another screen on top: the home screen lists afresh when it is back.

    async def action_quit(self) -> None:
        """Quit; while a session's clock runs, or phones are in its room, ask once first
        (ctrl+q again is a yes).

        Leaving the session quietly (its own key) pauses the clock without asking.
        """
        running = self._running_item()
        phones = await self._phones_in()
        if (running is None and not phones) or self._asking_to_quit:
            self.exit()
            return
        from facilitator.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            self._asking_to_quit = False
            if yes:
                self.exit()

        said = f"{phones} phone{'' if phones == 1 else 's'} in the room"
        if running is None:
            question = f"{said[0].upper()}{said[1:]}: quit?"
        else:
            question = f"The clock is running on {running}" + (f", {said}" if phones else "")
            question += ": quit?"
        consequences = ["The clock pauses and the session waits to be resumed."] if running else []
        if phones:
            consequences.append("The room closes: every phone stops answering.")
        self._asking_to_quit = True
        self.push_screen(ConfirmScreen(question, " ".join(consequences)), answered)

    def _session_screens(self) -> list[SessionScreen]:
        """The session screens open, looked for only where their module was ever loaded:
        importing it to ask would load the session screen's widgets, and Markdown and
        Pygments with them, at every quit from the home screen or a dashboard."""
        module = sys.modules.get("facilitator.screens.session")
        if module is None:
            return []
        return [screen for screen in self.screen_stack if isinstance(screen, module.SessionScreen)]

    async def _phones_in(self) -> int:
        """How many phones are in a room this copy serves, counted afresh."""
        for screen in self._session_screens():
            if screen.door.hosted is not None:
                await screen.door.recount()
                return screen.door.phones
        return 0

    def _running_item(self) -> str | None:
        """The title of the item whose clock this copy is running, if any."""
        for screen in self._session_screens():
            if screen.view is None:
                continue
            if not screen.view.finished and screen.state.running:
                return screen.item.title
        return None

    def action_help(self) -> None:
        from facilitator.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def attempt(
        self, service: Callable[Params, Result], /, *args: Params.args, **kwargs: Params.kwargs
    ) -> Result | Refused:
        """Ask a service for something: what it gives back, or REFUSED once the facilitator
        has been shown why it could not be done.

        Not None for a refusal: many services give back nothing when they have done it.
        """
        try:
            return service(*args, **kwargs)
        except FacilitatorError as exc:
            self.show_error(str(exc))
            return REFUSED

    def show_error(self, message: str) -> None:
        """One place that tells the facilitator something went wrong, in their words."""
        self.say(message, severity="error", timeout=8)

    def say(self, message: str, **kwargs) -> None:
        """A notification whose text may hold names and notes: never read as markup."""
        self.notify(message, markup=False, **kwargs)
