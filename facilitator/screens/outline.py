"""The agenda outline: every item with its planned and actual time and its state; Enter jumps."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.options import option_number
from facilitator.screens.dialog import DialogScreen
from sessions.agenda.durations import format_duration
from sessions.clock import ClockState, format_clock
from sessions.views import SessionView


def item_state(state: ClockState, position: int) -> str:
    if position == state.position:
        return "now"
    if position in state.skipped:
        return "skipped"
    if state.elapsed_for(position) > 0:
        return "run"
    return ""


class OutlineLine:
    """One item of the outline on one line: a long title gives way, so its times and its state
    stay beside it rather than wrap under it."""

    def __init__(self, title: Text, detail: Text):
        self.title = title
        self.detail = detail

    def __str__(self) -> str:
        return self.title.plain + self.detail.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Table.grid(expand=True)
        line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        line.add_column(no_wrap=True, justify="right")
        line.add_row(self.title, self.detail)
        yield line


class OutlineScreen(DialogScreen[int | None]):
    # Where the screen is tall the box fits what it lists; on a laptop it takes the height.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [Binding("escape,ctrl+o", "cancel", "Close", id="outline.close")]

    def __init__(self, view: SessionView, state: ClockState):
        super().__init__()
        self.view = view
        self.state = state

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="outline"):
            yield Label("Agenda", classes="heading")
            yield OptionList(id="items")
            yield Static("Enter jumps to the item · Esc closes", classes="hint")

    def on_mount(self) -> None:
        items = self.query_one("#items", OptionList)
        section = None
        for item in self.view.items:
            if item.section_title != section:
                section = item.section_title
                items.add_option(Option(Text(item.where, style="bold"), disabled=True))
            planned = item.base_seconds + self.state.extra_for(item.position)
            elapsed = self.state.elapsed_for(item.position)
            state = item_state(self.state, item.position)
            title = Text(f"{item.position + 1:>3}. {item.title}")
            detail = Text(f"  {format_duration(planned)}", style="dim")
            if elapsed:
                detail.append(f" · ran {format_clock(elapsed)}", style="dim")
            if state:
                detail.append(f"  [{state}]", style="bold" if state == "now" else "italic")
            items.add_option(Option(OutlineLine(title, detail), id=str(item.position)))
            if item.position == self.state.position:
                items.highlighted = items.option_count - 1
        items.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(option_number(event.option))

    def action_cancel(self) -> None:
        self.dismiss(None)
