"""A chart drawn in the terminal by plotext, with its sentence beneath for a screen reader.

The same `sessions.charts.Chart` the report draws as SVG and PNG, so the terminal and
the papers show the same figures.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult, RenderResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from sessions.charts import HEADROOM, Chart, headroom

GROUP_WIDTH = 0.8
"""Of the room between two sessions' labels, what a session's bars take together."""

FRAME_ROWS = 4
"""The plot's rows that hold no values: its title, the frame's top and foot, the labels."""


class ScaledPlot(PlotextPlot):
    """A plot whose scale is set as it is drawn, for the rows it has then."""

    def __init__(self, scale: tuple[float, float, float] | None) -> None:
        super().__init__()
        self.scale = scale
        """The foot and top of the values, and the room kept under the foot; None to fit."""

    def render(self) -> RenderResult:
        if self.scale is not None:
            low, high, room_below = self.scale
            rows = max(self.size.height - FRAME_ROWS, 2)
            # As the documents' charts, and at least a row: a terminal's rows are coarse, and
            # the top one holds the legend.
            room = max((high - low) * HEADROOM, (high - low) / (rows - 1))
            self.plt.ylim(low - room_below, high + room)
        return super().render()


class ChartPlot(Vertical):
    """One chart and, beneath it, the sentence that says the same."""

    def __init__(self, chart: Chart, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart = chart

    def compose(self) -> ComposeResult:
        yield ScaledPlot(self._scale())
        yield Static(self.chart.sentence, classes="chart-sentence", markup=False)

    def on_mount(self) -> None:
        chart = self.chart
        plt = self.query_one(ScaledPlot).plt
        plt.title(chart.title)
        places = [float(place) for place in range(1, len(chart.x_labels) + 1)]
        if chart.kind == "bar":
            self._bars(places)
        else:
            for series in chart.series:
                # A session without a rating is left out rather than drawn as a zero.
                rated = [
                    (x, v) for x, v in zip(places, series.values, strict=True) if v is not None
                ]
                plt.plot(
                    [x for x, _ in rated],
                    [v for _, v in rated],
                    label=series.label,
                    marker="braille",
                )
        # Each session's label under its place, with half a place either side: the first
        # and last sessions' marks and bars are clear of the frame.
        plt.xticks(places, list(chart.x_labels))
        plt.xlim(0.5, len(places) + 0.5)
        if chart.y_range is not None:
            low, high = chart.y_range
            # Whole points of the rating scale, as the room rates, not thirds of it.
            plt.yticks([float(tick) for tick in range(int(low), int(high) + 1)])
        plt.ylabel(chart.y_label)

    def _scale(self) -> tuple[float, float, float] | None:
        """A fixed scale with room beyond its ends (`headroom`), or counted bars from none
        with room above the tallest; a line fitted to its values is left to plotext."""
        chart = self.chart
        if chart.y_range is not None:
            low, high = chart.y_range
            return low, high, low - headroom(chart)[0]
        if chart.kind != "bar":
            return None
        return 0.0, max(_count_ticks(_tallest(chart))[-1], 1.0), 0.0

    def _bars(self, places: list[float]) -> None:
        """Each session's bars side by side around its label, a gap between sessions, as
        the documents draw them: plotext's own grouped bars space every bar alike, so a
        session's label fell between two sessions' bars."""
        chart = self.chart
        plt = self.query_one(ScaledPlot).plt
        width = GROUP_WIDTH / max(len(chart.series), 1)
        for index, series in enumerate(chart.series):
            offset = (index - (len(chart.series) - 1) / 2) * width
            plt.bar(
                [place + offset for place in places],
                [value or 0.0 for value in series.values],
                width=width,
                label=series.label,
            )
        if chart.y_range is not None:
            return
        # Notes are counted: whole notes on the scale, never a third of one.
        plt.yticks(_count_ticks(_tallest(chart)))


def _tallest(chart: Chart) -> float:
    return max((value or 0.0 for series in chart.series for value in series.values), default=0.0)


def _count_ticks(top: float) -> list[float]:
    """Whole counts from none to the tallest or just past it, five steps at most."""
    step = max(1, math.ceil(top / 5))
    return [float(tick) for tick in range(0, int(top) + step, step)]
