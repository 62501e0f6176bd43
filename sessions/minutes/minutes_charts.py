"""The minutes' charts: a scorecard item's mean rating in each area, beneath its heading.

The item's table of statements, ratings, means and ranges stays beneath the chart, and
the chart's sentence says its figures, for a reader who cannot see it.
"""

from __future__ import annotations

from sessions.charts import Chart, ratings_chart
from sessions.minutes.model import Minutes, MinutesItem


def item_heading(item: MinutesItem) -> str:
    """The item's heading as every format writes it."""
    if item.withheld:
        return f"{item.number}. {item.title}"
    private = " (taken in private)" if item.confidential else ""
    return f"{item.number}. {item.title}{private}"


def item_chart(item: MinutesItem) -> Chart | None:
    """A scorecard item's ratings by area; None for any other item, or one not rated."""
    if item.withheld or not item.scorecard:
        return None
    scores: dict[str, list[int]] = {}
    for result in item.scorecard:
        scores.setdefault(result.area or "Scorecard", []).extend(result.scores)
    means = [(area, sum(given) / len(given)) for area, given in scores.items() if given]
    if not means:
        return None
    return ratings_chart(f"Item {item.number}: mean rating by area", means)


def minutes_figures_html(m: Minutes) -> dict[str, str]:
    """Item heading: its chart as inline SVG in a captioned figure."""
    from sessions.chart_drawing import chart_figure_html

    charts = [
        (item_heading(item), chart)
        for section in m.sections
        for item in section.items
        if (chart := item_chart(item)) is not None
    ]
    return {
        heading: chart_figure_html(chart, f"chart-{index}")
        for index, (heading, chart) in enumerate(charts, start=1)
    }
