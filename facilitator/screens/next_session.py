"""The next session's dialog: agenda (from the step it reached), date, facilitator, who is expected.

Enter sets it up: a session for today starts at once, one for a later date is
planned and waits on Home until it is started.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from facilitator.app import FacilitatorApp
from facilitator.dates import weekday_text
from facilitator.screens.agenda_preview import preview_text
from facilitator.screens.dialog import DialogScreen
from sessions.agenda.durations import format_duration
from sessions.agenda.library import DEFAULT_AGENDA, find_agenda, list_agendas
from sessions.agenda.model import STEP_NAMES, AgendaError, AgendaSummary
from sessions.errors import FacilitatorError, InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.services.people import list_members
from sessions.services.planning import (
    Outlook,
    outlook,
    start_session,
    usual_attendees,
    usual_facilitator,
)
from sessions.services.suggestion import StepSuggestion, suggest_step

ALL_STEPS = 0
STEP_CHOICES = [("All steps", ALL_STEPS)] + [
    (f"Step {step}: {name}", step) for step, name in sorted(STEP_NAMES.items())
]


def suggestion_text(suggestion: StepSuggestion, ahead: Outlook) -> Text:
    """The suggested step, and a word about sessions already set up, lest one be made twice."""
    text = Text(f"Suggested: {suggestion.label} ({suggestion.reason})")
    if not ahead.waiting:
        return text
    # One line however many wait: a plan sets up a year of sessions at once.
    number, when = ahead.waiting[0]
    planned = f"planned for {weekday_text(when)}" if when else "set up"
    count = len(ahead.waiting)
    said = (
        f"Session {number} is already {planned}"
        if count == 1
        else f"{count} sessions are already set up; the next, session {number}, is {planned}"
    )
    text.append(f"\n{said}: Esc, then r on Home starts it.", style="bold")
    return text


class NextSessionScreen(DialogScreen["tuple[int, bool] | None"]):
    """Dismissed with (session id, start now) or None."""

    app = getters.app(FacilitatorApp)
    # On a laptop's 24 rows the fields lose their frames, so the buttons and keys stay in sight.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, programme_id: int, today: date):
        super().__init__()
        self.programme_id = programme_id
        self.today = today
        self._summaries: dict[str, AgendaSummary] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="next-session"):
            yield Label("The next session", id="next-heading", classes="heading")
            yield Label("Agenda")
            yield OptionList(id="agendas")
            yield Static("", id="agenda-preview")
            yield Input(placeholder="…or the path of an agenda file", id="path")
            with Horizontal(id="when"):
                with Vertical():
                    yield Label("Continue from")
                    yield Select(STEP_CHOICES, allow_blank=False, value=ALL_STEPS, id="from-step")
                with Vertical():
                    yield Label("Date")
                    yield Input(placeholder="today", id="date")
                with Vertical():
                    yield Label("Facilitator")
                    yield Input(placeholder="your name", id="facilitator")
            yield Static("", id="suggestion", classes="hint")
            yield Label("Expected (space ticks)", id="expected-label")
            yield SelectionList[int](id="expected")
            yield Static("", id="error", classes="error")
            with Horizontal(id="next-buttons"):
                yield Button("Start now", id="start", variant="primary")
                yield Button("Plan for later", id="plan")
            yield Static(
                "Enter: start now, or plan it if the date is later · Esc: cancel", classes="hint"
            )

    def on_mount(self) -> None:
        self._fill_agendas()
        try:
            suggestion = suggest_step(self.app.store, self.programme_id)
            members = list_members(self.app.store, self.programme_id)
            usual = set(usual_attendees(self.app.store, self.programme_id))
            ahead = outlook(self.app.store, self.programme_id)
            facilitator = usual_facilitator(self.app.store, self.programme_id)
        except FacilitatorError as exc:
            self.query_one("#error", Static).update(Text(str(exc)))
            return
        self.query_one("#from-step", Select).value = suggestion.step
        self.query_one("#facilitator", Input).value = facilitator
        self.query_one("#next-heading", Label).update(f"Session {ahead.number}")
        self.query_one("#suggestion", Static).update(suggestion_text(suggestion, ahead))
        expected = self.query_one("#expected", SelectionList)
        expected.add_options([(member.name, member.id, member.id in usual) for member in members])
        expected.display = self.query_one("#expected-label").display = bool(members)

    def _fill_agendas(self) -> None:
        option_list = self.query_one("#agendas", OptionList)
        default_index = 0
        for summary in list_agendas():
            if getattr(summary, "problems", 0):
                continue
            where = "" if summary.bundled else " (yours)"
            if summary.bundled and summary.name == DEFAULT_AGENDA:
                default_index = option_list.option_count
            option_list.add_option(
                Option(
                    Text(f"{summary.title}{where} · {format_duration(summary.planned_seconds)}"),
                    id=summary.path,
                )
            )
            self._summaries[summary.path] = summary
        if option_list.option_count:
            option_list.highlighted = default_index
            self._preview(option_list.get_option_at_index(default_index).id)
            option_list.focus()
        else:
            self.query_one("#path", Input).focus()

    def _agenda_choice(self) -> str | None:
        typed = self.query_one("#path", Input).value.strip()
        if typed:
            return typed
        option_list = self.query_one("#agendas", OptionList)
        if option_list.highlighted is None:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def _date(self) -> date:
        typed = self.query_one("#date", Input).value.strip()
        if not typed:
            return self.today
        when = parse_date(typed, self.today)
        if when is None:
            raise InputError(f"{typed!r} is not a date: {DATE_HELP}.")
        if when < self.today:
            raise InputError("That date has passed: give today or a later date.")
        return when

    def _set_up(self, start_now: bool | None) -> None:
        """`start_now` None: start if the date is today, plan it if later."""
        error = self.query_one("#error", Static)
        choice = self._agenda_choice()
        if choice is None:
            error.update("Choose an agenda, or type the path of one.")
            return
        try:
            when = self._date()
            agenda = find_agenda(choice)
            step = self.query_one("#from-step", Select).value
            session_id = start_session(
                self.app.store,
                self.programme_id,
                agenda,
                # Every choice is a step's number, ALL_STEPS for none in particular.
                from_step=step if isinstance(step, int) and step != ALL_STEPS else None,
                planned_for=when,
                expected=self.query_one("#expected", SelectionList).selected,
                facilitator=self.query_one("#facilitator", Input).value,
            )
        except AgendaError as exc:
            count = len(exc.problems)
            error.update(
                Text(
                    f"That agenda has {count} problem{'s' if count != 1 else ''}:\n"
                    + "\n".join(str(problem) for problem in exc.problems)
                )
            )
            return
        except FacilitatorError as exc:
            error.update(Text(str(exc)))
            return
        self.dismiss((session_id, when <= self.today if start_now is None else start_now))

    def _preview(self, path: str | None) -> None:
        summary = self._summaries.get(path or "")
        preview = self.query_one("#agenda-preview", Static)
        preview.update(preview_text(summary) if summary else "")
        preview.display = summary is not None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._set_up(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._set_up(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._set_up(event.button.id == "start")

    def action_cancel(self) -> None:
        self.dismiss(None)
