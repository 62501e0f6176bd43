"""A programme's charts in the terminal: its scorecard areas' trends and each session's
deal and relationship notes, each with its sentence beneath.

Opened from the dashboard, which keeps to one screen of text lines on a laptop; the
charts need the room a screen of their own gives them. On a projector the dashboard
draws the same charts itself (`facilitator.widgets.chart_pane`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from facilitator.widgets.chart_plot import ChartPlot
from facilitator.widgets.footer import Footer
from sessions.charts import Chart

NO_CHARTS = "Nothing to chart yet: notes and scorecard ratings show here session by session."


class ProgrammeChartsScreen(Screen[None]):
    CSS_PATH = "programme_charts.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="programme_charts.back")]

    def __init__(self, programme: str, charts: tuple[Chart, ...]) -> None:
        super().__init__()
        self.programme = programme
        self.charts = charts

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="charts"):
            for chart in self.charts:
                yield ChartPlot(chart, classes="chart")
            if not self.charts:
                yield Static(NO_CHARTS, classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.programme
        self.sub_title = "Charts"

    def action_back(self) -> None:
        self.app.pop_screen()
