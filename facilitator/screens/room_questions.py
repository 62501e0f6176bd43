"""The question queue: what phones sent to the facilitator, oldest first.

Enter makes the highlighted question a note of the item it was sent at, a question by
whoever sent it where they gave their name, as a typed `q:` line would be; a question
that looks like it holds patient details says so first, as the note line does. Set
aside, it leaves the queue with no note. Either can be taken back while the queue is
open. What a phone sent is shown as typed: never read as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.commit_feed import Committed
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.identifier_warning import IdentifierWarning
from sessions.services import questions
from sessions.services.identifiers import identifier_kinds
from sessions.services.questions import QuestionView

HINT = "Enter: make it a note · s: set it aside · ctrl+z: take back · Esc: back"
NONE_WAITING = "No question is waiting."
REFRESH_SECONDS = 2.0
"""How often the open queue looks for questions sent since, where it is not told of
each commit (and five times slower where it is)."""


def question_line(question: QuestionView) -> Text:
    """`Ann Ode · at Shared vision · 10:42`, then the question as it was sent."""
    line = Text(question.name, style="bold")
    line.append(f" · at {question.item_title} · {question.asked_at.astimezone():%H:%M}", "dim")
    line.append("\n")
    line.append(question.text)
    return line


def count_line(waiting: int) -> str:
    """`3 questions waiting`."""
    if not waiting:
        return NONE_WAITING
    return f"{waiting} question{'' if waiting == 1 else 's'} waiting"


class RoomQuestionsScreen(DialogScreen[bool]):
    """Gives back whether a note was added or taken away, so the session reads its notes."""

    app = getters.app(FacilitatorApp)
    CSS_PATH = ["dialog.tcss", "room_questions.tcss", "../widgets/identifier_warning.tcss"]
    BINDINGS = [
        Binding(
            "s",
            "set_aside",
            "Set aside",
            id="room_questions.set_aside",
            tooltip="Take the highlighted question out of the queue, with no note",
        ),
        Binding(
            "ctrl+z",
            "take_back",
            "Take back",
            id="room_questions.take_back",
            tooltip="Put the last question accepted or set aside back in the queue",
        ),
        Binding("escape", "close", "Close", id="room_questions.close"),
    ]

    question_list = getters.query_one("#room-questions", OptionList)
    warning = getters.query_one(IdentifierWarning)

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.shown: list[QuestionView] = []
        self.decided: list[int] = []
        """The questions accepted or set aside here, newest last: what ctrl+z takes back."""
        self.notes_changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="questions"):
            yield Label("Questions from the room", classes="heading")
            yield OptionList(id="room-questions")
            yield IdentifierWarning()
            yield Static(id="room-questions-count")
            yield Static(HINT, classes="hint")

    def on_mount(self) -> None:
        self.list_questions()
        self.app.commits.subscribe(self)
        self.set_interval(self.app.commits.fallback(REFRESH_SECONDS), self.list_questions)

    def on_unmount(self) -> None:
        self.app.commits.unsubscribe(self)

    @on(Committed)
    def _committed(self) -> None:
        self.list_questions()

    def list_questions(self) -> None:
        """The waiting questions, the highlight kept on the same one where it still waits."""
        waiting = self.app.attempt(questions.waiting, self.app.store, self.session_id)
        if waiting is REFUSED:
            return
        was = self._highlighted()
        index = self.question_list.highlighted or 0
        if [q.id for q in waiting] != [q.id for q in self.shown]:
            self.shown = waiting
            self.question_list.clear_options()
            self.question_list.add_options(
                Option(question_line(question), id=str(question.id)) for question in waiting
            )
        self.query_one("#room-questions-count", Static).update(count_line(len(waiting)))
        self.question_list.display = bool(waiting)
        if not waiting:
            self.warning.kinds = ()
            return
        ids = [question.id for question in waiting]
        at = ids.index(was.id) if was is not None and was.id in ids else min(index, len(ids) - 1)
        self.question_list.highlighted = at
        self.question_list.focus()

    def _highlighted(self) -> QuestionView | None:
        index = self.question_list.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    @on(OptionList.OptionHighlighted)
    def _show_warning(self) -> None:
        question = self._highlighted()
        self.warning.kinds = tuple(identifier_kinds(question.text)) if question else ()

    @on(OptionList.OptionSelected)
    def _accept(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self._highlighted()
        if question is None:
            return
        note = self.app.attempt(
            questions.accept, self.app.store, self.session_id, question.id, self.app.now()
        )
        if note is REFUSED:
            return
        self.decided.append(question.id)
        self.notes_changed = True
        self.app.say(f"Added as a question note at {question.item_title}.")
        self.list_questions()

    def action_set_aside(self) -> None:
        question = self._highlighted()
        if question is None:
            return
        aside = self.app.attempt(
            questions.set_aside, self.app.store, self.session_id, question.id, self.app.now()
        )
        if aside is REFUSED:
            return
        self.decided.append(question.id)
        self.app.say("Set aside: it is kept, with no note.")
        self.list_questions()

    def action_take_back(self) -> None:
        if not self.decided:
            self.app.say("Nothing to take back here.")
            return
        back = self.app.attempt(
            questions.back_to_waiting,
            self.app.store,
            self.session_id,
            self.decided.pop(),
            self.app.now(),
        )
        if back is REFUSED:
            return
        self.notes_changed = True  # the note it became, if any, is deleted: read them again
        self.app.say("Taken back: the question is waiting again.")
        self.list_questions()

    def action_close(self) -> None:
        self.dismiss(self.notes_changed)
