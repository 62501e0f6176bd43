"""A chart drawn for a document: as SVG to sit inside an HTML page, and as PNG for Word.

Both come from matplotlib, drawn from the one `sessions.charts.Chart`, so the web page
and the Word file show the same picture. matplotlib is slow to import, so it is loaded
here only, when a document with a chart is written. The output is the same bytes each
time for the same chart: no dates, no random ids, text kept as text.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import TYPE_CHECKING, Any

from sessions.charts import Chart, headroom

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The NHS identity's blue and a warm contrast, both readable on white and in greyscale.
COLOURS = ("#005eb8", "#d5281b", "#007f3b", "#330072", "#ed8b00", "#425563")
MARKERS = ("o", "s", "^", "D", "v", "P")
SIZE_INCHES = (6.4, 3.2)
PNG_DPI = 150
LABEL_WRAP = 14
LEGEND_WRAP = 32
LEGEND_LINE_INCHES = 0.2
_SVG_METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}
_PNG_METADATA: dict[str, Any] = {"Software": None}
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_ID = re.compile(r'(\bid="|url\(#|xlink:href="#)')


def _figure(chart: Chart) -> Figure:
    from matplotlib.figure import Figure

    width, height = SIZE_INCHES
    if len(chart.series) > 1:
        # A legend of many long names makes the picture taller rather than running off it.
        lines = sum(
            len(textwrap.wrap(series.label, LEGEND_WRAP)) or 1 for series in chart.series
        ) + len(chart.series)
        height = max(height, lines * LEGEND_LINE_INCHES)
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    places = range(len(chart.x_labels))
    if chart.kind == "bar":
        width = 0.8 / max(len(chart.series), 1)
        for index, series in enumerate(chart.series):
            offset = (index - (len(chart.series) - 1) / 2) * width
            heights = [value or 0.0 for value in series.values]
            axes.bar(
                [place + offset for place in places],
                heights,
                width,
                label=series.label,
                color=COLOURS[index % len(COLOURS)],
                hatch="//" if index % 2 else None,
                edgecolor="white",
            )
    else:
        for index, series in enumerate(chart.series):
            # A session without a rating leaves a gap rather than a line drawn through it.
            heights = [float("nan") if value is None else value for value in series.values]
            axes.plot(
                list(places),
                heights,
                # A statement is a sentence: on a few short lines it leaves the plot its width.
                label=textwrap.fill(series.label, LEGEND_WRAP),
                color=COLOURS[index % len(COLOURS)],
                marker=MARKERS[index % len(MARKERS)],
            )
    if chart.kind == "bar" or chart.counted:
        from matplotlib.ticker import MaxNLocator

        # Notes and votes are counted: no half a vote on the scale, which starts at none.
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(bottom=0)
    if chart.y_range is not None:
        axes.set_ylim(*headroom(chart))
    # An area's name may be a few words: on two or three lines it keeps clear of the next.
    labels = [textwrap.fill(label, LABEL_WRAP) for label in chart.x_labels]
    axes.set_xticks(list(places), labels)
    axes.set_ylabel(chart.y_label)
    axes.spines[["top", "right"]].set_visible(False)
    if len(chart.series) > 1:
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return figure


def _drawn(chart: Chart, fmt: str, metadata: dict[str, Any], **options: Any) -> bytes:
    import matplotlib

    # A fixed salt and text kept as text: the same chart is the same bytes each time.
    with matplotlib.rc_context(
        {"svg.hashsalt": "facilitator", "svg.fonttype": "none", "font.size": 9}
    ):
        figure = _figure(chart)
        out = io.BytesIO()
        figure.savefig(out, format=fmt, metadata=metadata, **options)
    return out.getvalue()


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG, for Word."""
    return _drawn(chart, "png", _PNG_METADATA, dpi=PNG_DPI)


def chart_svg(chart: Chart, name: str) -> str:
    """The chart as an `<svg>` element to put inside a page, named for assistive technology
    by its title; `name` keeps its ids apart from every other chart's on the page."""
    from markupsafe import escape

    svg = _PROLOGUE.sub("", _drawn(chart, "svg", _SVG_METADATA).decode("utf-8"))
    svg = _ID.sub(lambda found: f"{found.group()}{name}-", svg)
    title_id = f"{name}-title"
    svg = svg.replace(
        "<svg ",
        # Drawn at a fixed size; shrunk to fit a narrow window or page, never stretched.
        f'<svg role="img" aria-labelledby="{title_id}" style="max-width: 100%; height: auto" ',
        1,
    )
    opening_end = svg.index(">") + 1
    title = f'<title id="{title_id}">{escape(chart.title)}</title>'
    return svg[:opening_end] + title + svg[opening_end:]


def chart_figure_html(chart: Chart, name: str) -> str:
    """The chart in a `<figure>` with its sentence as the caption beside it."""
    from markupsafe import escape

    return (
        # Printed whole, never the picture on one page and its caption on the next.
        f'<figure class="chart" style="break-inside: avoid">\n{chart_svg(chart, name)}\n'
        f"<figcaption>{escape(chart.sentence)}</figcaption>\n</figure>\n"
    )
