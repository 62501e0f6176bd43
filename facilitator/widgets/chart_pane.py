"""The dashboard's charts side by side, drawn only while the screen has room for them.

At a laptop's 80x24 the dashboard is lines of text and `g` opens the charts on their own
screen; on a projector the same chart widgets sit on the dashboard itself. plotext is
loaded the first time a chart is drawn here, not with the dashboard.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from sessions.charts import Chart, balance_chart, trend_chart
from sessions.services.dashboard import DashboardView
from sessions.views import NoteBalance


def dashboard_charts(view: DashboardView) -> tuple[Chart, ...]:
    """The charts of what the dashboard follows in lines of text, as the report draws them."""
    charts = []
    if any(deal or relationship for _, deal, relationship in view.note_trend):
        charts.append(balance_chart([(n, NoteBalance(d, r)) for n, d, r in view.note_trend]))
    if view.scorecard_trends:
        trends = [(trend.label, trend.points) for trend in view.scorecard_trends]
        charts.append(trend_chart("Scorecard trends", trends))
    return tuple(charts)


class ChartPane(Horizontal):
    charts: reactive[tuple[Chart, ...]] = reactive((), recompose=True)
    """What the dashboard follows, as charts; drawn only with `room`."""
    room: reactive[bool] = reactive(False, recompose=True)
    """Whether the screen is big enough to draw them."""

    def compose(self) -> ComposeResult:
        if not (self.room and self.charts):
            return
        from facilitator.widgets.chart_plot import ChartPlot

        for chart in self.charts:
            yield ChartPlot(chart, classes="chart")

    def watch_room(self) -> None:
        self.display = self.room and bool(self.charts)

    def watch_charts(self) -> None:
        self.watch_room()
