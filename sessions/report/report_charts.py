"""The report's charts, and the heading each sits beneath in every format.

Each chart sits above the table that gives its figures, with its sentence as its
caption, so a reader who cannot see the picture loses nothing.
"""

from __future__ import annotations

from sessions.charts import Chart
from sessions.report.model import CHECKLIST_TITLE, STATEMENTS_TITLE, ProgrammeReport

BALANCE_HEADING = "Deal and relationship"
TRENDS_HEADING = "Scorecard trends"
STATEMENTS_HEADING = STATEMENTS_TITLE
CHECKLIST_HEADING = CHECKLIST_TITLE


def report_charts(r: ProgrammeReport) -> dict[str, Chart]:
    """Heading: the chart drawn beneath it, for each chart the report has data for."""
    charts = {
        BALANCE_HEADING: r.balance_figure,
        TRENDS_HEADING: r.trend_figure,
        STATEMENTS_HEADING: r.statement_figure,
        CHECKLIST_HEADING: r.checklist_figure,
    }
    return {heading: chart for heading, chart in charts.items() if chart is not None}


def report_figures_html(r: ProgrammeReport) -> dict[str, str]:
    """Heading: the chart as inline SVG in a captioned figure."""
    from sessions.chart_drawing import chart_figure_html

    return {
        heading: chart_figure_html(chart, f"chart-{index}")
        for index, (heading, chart) in enumerate(report_charts(r).items(), start=1)
    }
