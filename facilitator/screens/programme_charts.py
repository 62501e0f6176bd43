"""A programme's charts in the terminal: its scorecard areas' trends and each session's
deal and relationship notes, each with its sentence beneath.

Opened from the dashboard, which keeps to one screen of text lines on a laptop; the
charts need the room a screen of their own gives them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from facilitator.widgets.chart_plot import ChartPlot
from sessions.charts import Chart, balance_chart, trend_chart
from sessions.services.dashboard import DashboardView
from sessions.views import NoteBalance

NO_CHARTS = "Nothing to chart yet: notes and scorecard ratings show here session by session."


def dashboard_charts(view: DashboardView) -> tuple[Chart, ...]:
    """The charts of what the dashboard follows in lines of text, as the report draws them."""
    charts = []
    if any(deal or relationship for _, deal, relationship in view.note_trend):
        charts.append(balance_chart([(n, NoteBalance(d, r)) for n, d, r in view.note_trend]))
    if view.scorecard_trends:
        trends = [(trend.label, trend.points) for trend in view.scorecard_trends]
        charts.append(trend_chart("Scorecard trends", trends))
    return tuple(charts)


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
