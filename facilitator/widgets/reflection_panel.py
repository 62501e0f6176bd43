"""A reflection in the session screen: who has answered, their words hidden unless asked for."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.app import REFUSED
from facilitator.commit_feed import Committed
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.errors import FacilitatorError
from sessions.services.reflection import (
    ReflectionAnswer,
    Reflections,
    reflections,
    set_in_minutes,
    withdraw,
)
from sessions.services.watching import room_is_watching
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

NAME_WIDTH = 20
# How soon shown answers are hidden once the room can see the screen.
ROOM_CHECK_SECONDS = 0.5


def words(text: str) -> str:
    count = len(text.split())
    return f"{count} word{'s' if count != 1 else ''}"


def answer_text(entry: ReflectionAnswer | None, shown: bool) -> Text:
    """`Ann Ode   answered · 12 words`, or the words themselves when the facilitator shows them."""
    if entry is None:
        return Text("+ An answer from someone not named", style="italic")
    name = entry.name or "Not named"
    text = Text(f"{name[:NAME_WIDTH]:<{NAME_WIDTH}} ", style="bold")
    if entry.text is None:
        text.append("—", style="dim")
    elif shown:
        text.append(entry.text)
    else:
        text.append(f"answered · {words(entry.text)}", style="dim")
    return text


class ReflectionPanel(ActivityPanel):
    KIND = ItemKind.REFLECTION
    # The question is read out to the room, and only the answers are private.
    KEEPS_PROMPT = True
    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Answer",
            id="reflection.answer",
            tooltip="Type the highlighted person's private answer",
        ),
        Binding(
            "backspace",
            "withdraw",
            "Take back",
            id="reflection.withdraw",
            tooltip="Take back the highlighted person's answer",
        ),
        Binding(
            "v",
            "toggle_shown",
            "Show/hide",
            id="reflection.show",
            tooltip="Show or hide the answers on this screen (never on the projector)",
        ),
        Binding(
            "m",
            "toggle_minutes",
            "In minutes?",
            id="reflection.minutes",
            tooltip="Put this item's answers in the minutes, or keep them out",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    state: var[Reflections | None] = var(None, init=False, always_update=True)
    """Who has answered the item, and whether the answers go in the minutes, as last saved."""
    shown: var[bool] = var(False, init=False)
    """Whether the answers' words are on this screen: hidden until the facilitator asks,
    since the screen may be in view of the room."""

    def __init__(self, session_id: int, **kwargs):
        super().__init__(session_id, **kwargs)
        # While shown: what hides them once the room can see this screen.
        self._guard: Timer | None = None

    @property
    def has_rows(self) -> bool:
        return self.state is not None

    def show_for(self, position: int) -> None:
        if position != self.position:
            self.shown = False
        super().show_for(position)

    def reload(self) -> None:
        state = self.app.attempt(reflections, self.app.store, self.session_id, self.position)
        if state is not REFUSED:
            self.state = state

    def watch_state(self) -> None:
        self._draw()

    def watch_shown(self) -> None:
        self._draw()

    def _draw(self) -> None:
        state = self.state
        if state is None:
            return
        kept = self.highlighted
        self.clear_options()
        self.add_options([Option(answer_text(entry, self.shown)) for entry in state.answers])
        self.add_option(Option(answer_text(None, self.shown)))
        minutes = "in the minutes" if state.in_minutes else "kept out of the minutes"
        self.border_title = (
            f"Reflection · private · {state.answered} answered · {minutes} · "
            "Enter answers · v shows · m minutes"
        )
        self.highlighted = min(kept or 0, self.option_count - 1)

    @property
    def entry(self) -> ReflectionAnswer | None:
        """The highlighted person; None on the row that adds an unnamed answer."""
        answers = self.state.answers if self.state else ()
        if self.highlighted is None or self.highlighted >= len(answers):
            return None
        return answers[self.highlighted]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        from facilitator.screens.reflection_answer import ReflectionAnswerScreen

        entry = self.entry
        member_id, name = (entry.member_id, entry.name) if entry else (None, "")

        def done(saved: ActivityChange | None) -> None:
            if saved is not None:
                self.reload()
                # On round the room: the next person, or the row for another unnamed answer.
                if self.highlighted is not None:
                    self.highlighted = min(self.highlighted + 1, self.option_count - 1)
                self.app.say(
                    f"{name}'s answer is saved, out of sight."
                    if name
                    else "The answer is saved, out of sight."
                )
            self.acted(saved)

        self.app.push_screen(
            ReflectionAnswerScreen(self.session_id, self.position, member_id, name, self.prompt),
            done,
        )

    def action_withdraw(self) -> None:
        entry = self.entry
        if entry is None or entry.text is None:
            self.app.say("There is no answer there to take back.")
            self.acted()
            return
        self.save(
            lambda: withdraw(
                self.app.store, self.session_id, self.position, entry.member_id, now=self.app.now()
            )
        )

    def action_toggle_shown(self) -> None:
        if not self.shown and self._room_can_see():
            self.app.say(
                "The room can see this screen (the projector view, or a mirror): "
                "private answers stay hidden.",
                severity="warning",
            )
            self.acted()
            return
        self.shown = not self.shown
        self.reload()
        self.acted()
        if self.shown and self._guard is None:
            # Hidden again as soon as the room can see the screen: a mirror started (told
            # of its commit), or F5. Private answers are at stake: the timer keeps its pace.
            self.app.commits.subscribe(self)
            self._guard = self.set_interval(ROOM_CHECK_SECONDS, self._hide_from_room)

    @on(Committed)
    def _committed(self) -> None:
        self._hide_from_room()

    def _hide_from_room(self) -> None:
        if self.shown and not self._room_can_see():
            return
        if self.shown:
            self.shown = False
            self.reload()
        # Hidden (by the room, a key or another item): nothing is left to guard.
        self._stop_guard()

    def _stop_guard(self) -> None:
        if self._guard is not None:
            self._guard.stop()
            self._guard = None
            self.app.commits.unsubscribe(self)

    def on_unmount(self) -> None:
        self._stop_guard()

    def _room_can_see(self) -> bool:
        """Whether the room may see this screen: the room's view is up in this app, or a
        mirror follows the session. Not knowing counts as seen."""
        from facilitator.widgets.room_view import RoomView

        if any(screen.query(RoomView) for screen in self.app.screen_stack):
            return True
        try:
            return room_is_watching(self.app.store, self.session_id, self.app.now())
        except FacilitatorError:
            return True

    def action_toggle_minutes(self) -> None:
        if self.state is None:
            self.acted()
            return
        in_minutes = not self.state.in_minutes
        if not self.save(
            lambda: set_in_minutes(self.app.store, self.session_id, self.position, in_minutes)
        ):
            return
        self.app.say(
            "These answers will be in the minutes."
            if self.state.in_minutes
            else "These answers are kept out of the minutes."
        )
