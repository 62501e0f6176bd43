"""A dialog to start a session: choose a bundled or user agenda, or give a file's path."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sessions.agenda.durations import format_duration
from sessions.agenda.library import DEFAULT_AGENDA, find_agenda, list_agendas
from sessions.agenda.model import AgendaError
from sessions.errors import FacilitatorError
from sessions.services.planning import start_session


class StartSessionScreen(ModalScreen[int | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Start a session", classes="heading")
            yield Label("Choose an agenda")
            yield OptionList(id="agendas")
            yield Label("…or type the path of an agenda file")
            yield Input(placeholder="e.g. ~/agendas/session-2.md", id="path")
            with VerticalScroll(id="problems"):
                yield Static("", id="error", classes="error")
            yield Static("Enter to start · Tab to move · Esc to cancel", classes="hint")

    def on_mount(self) -> None:
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
        if option_list.option_count:
            option_list.highlighted = default_index
            option_list.focus()
        else:
            self.query_one("#path", Input).focus()

    def _start(self, name_or_path: str) -> None:
        error = self.query_one("#error", Static)
        try:
            agenda = find_agenda(name_or_path)
            session_id = start_session(self.app.store, self.programme_id, agenda)
        except AgendaError as exc:
            count = len(exc.problems)
            error.update(Text(
                f"That agenda has {count} problem{'s' if count != 1 else ''}:\n"
                + "\n".join(str(problem) for problem in exc.problems)
            ))
            return
        except FacilitatorError as exc:
            error.update(Text(str(exc)))
            return
        self.dismiss(session_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._start(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self._start(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
