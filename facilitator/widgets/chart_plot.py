"""A chart drawn in the terminal by plotext, with its sentence beneath for a screen reader.

The same `sessions.charts.Chart` the report draws as SVG and PNG, so the terminal and
the papers show the same figures.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from sessions.charts import Chart


class ChartPlot(Vertical):
    """One chart and, beneath it, the sentence that says the same."""

    def __init__(self, chart: Chart, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart = chart

    def compose(self) -> ComposeResult:
        yield PlotextPlot()
        yield Static(self.chart.sentence, classes="chart-sentence", markup=False)

    def on_mount(self) -> None:
        chart = self.chart
        plt = self.query_one(PlotextPlot).plt
        plt.title(chart.title)
        places = [float(place) for place in range(1, len(chart.x_labels) + 1)]
        if chart.kind == "bar":
            # plotext takes `labels` here; textual-plotext's stub names it `label`.
            plt.multiple_bar(  # type: ignore[call-arg]
                list(chart.x_labels),
                [[value or 0.0 for value in series.values] for series in chart.series],
                labels=[series.label for series in chart.series],
            )
            # Notes are counted: whole notes on the scale, never a third of one.
            top = max(
                (value or 0.0 for series in chart.series for value in series.values), default=0.0
            )
            step = max(1, math.ceil(top / 5))
            plt.yticks([float(tick) for tick in range(0, int(top) + step, step)])
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
            plt.xticks(places, list(chart.x_labels))
        if chart.y_range is not None:
            low, high = chart.y_range
            plt.ylim(low, high)
            # Whole points of the rating scale, as the room rates, not thirds of it.
            plt.yticks([float(tick) for tick in range(int(low), int(high) + 1)])
        plt.ylabel(chart.y_label)
