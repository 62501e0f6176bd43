"""The charts in the report and the minutes, in HTML and Word: present, named and described;
their figures are the chart model's (tests/test_charts.py), not checked pixel by pixel."""

from __future__ import annotations

import io
import re

import pytest

from sessions.minutes.minutes_charts import item_chart
from sessions.services.minutes import render_minutes, session_minutes
from sessions.services.report import programme_report, render_report
from tests.rich_session import rich_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

WORD_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@pytest.fixture
def rich(store, clock):
    return rich_programme(store, clock)


def test_the_report_has_a_chart_of_each_thing_it_follows(store, rich) -> None:
    report = programme_report(store, rich.slug)

    assert report.balance_figure is not None and report.trend_figure is not None
    assert report.balance_figure.x_labels == tuple(f"S{s.number}" for s in report.sessions)
    assert [s.label for s in report.trend_figure.series] == [t.label for t in report.trends]


def test_html_report_draws_each_chart_inline_named_and_captioned(store, rich) -> None:
    report = programme_report(store, rich.slug)
    html = render_report(store, rich.slug, "html").decode("utf-8")

    assert "<script" not in html and 'xlink:href="http' not in html and "<image" not in html
    svgs = re.findall(r"<svg\b[^>]*>\s*<title id=\"([^\"]+)\">([^<]*)</title>", html)
    chart = report.trend_figure
    assert chart is not None and report.balance_figure is not None
    assert [title for _, title in svgs] == [report.balance_figure.title, chart.title]
    for title_id, _ in svgs:
        assert f'role="img" aria-labelledby="{title_id}"' in html
    assert f"<figcaption>{chart.sentence}</figcaption>" in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert render_report(store, rich.slug, "html").decode("utf-8") == html


def test_word_report_has_each_chart_as_a_picture_described_by_its_sentence(store, rich) -> None:
    from docx import Document

    report = programme_report(store, rich.slug)
    document = Document(io.BytesIO(render_report(store, rich.slug, "docx")))

    charts = [report.balance_figure, report.trend_figure]
    described = [shape.get("descr") for shape in document.element.body.iter(WORD_PICTURE)]
    assert described == [chart.sentence for chart in charts if chart is not None]
    assert len(document.inline_shapes) == 2
    captions = [p.text for p in document.paragraphs]
    assert all(text in captions for text in described)


def test_minutes_chart_a_scorecard_item_in_html_and_word(store, rich) -> None:
    from docx import Document

    minutes = session_minutes(store, rich.session)
    charts = [c for s in minutes.sections for i in s.items if (c := item_chart(i)) is not None]
    assert len(charts) == 1 and charts[0].x_labels

    html = render_minutes(store, rich.session, "html").decode("utf-8")
    assert "<script" not in html
    assert f">{charts[0].title}</title>" in html
    assert f"<figcaption>{charts[0].sentence}</figcaption>" in html

    document = Document(io.BytesIO(render_minutes(store, rich.session, "docx")))
    described = [shape.get("descr") for shape in document.element.body.iter(WORD_PICTURE)]
    assert described == [charts[0].sentence]


@pytest.mark.parametrize("top", [5.0, 1.0])
def test_a_marker_at_the_end_of_the_scale_is_drawn_whole(top) -> None:
    """A mean rating of 5.0 (or 1.0) sits on the scale's end: the plot leaves room beyond
    it for the whole marker, which the plot's edge would otherwise cut in half."""
    from sessions.chart_drawing import _figure
    from sessions.charts import trend_chart

    chart = trend_chart("Scorecard trend", [("Trust", [(1, 3.0), (2, top)])])
    figure = _figure(chart)
    figure.canvas.draw()
    [axes] = figure.axes
    [line] = axes.get_lines()
    radius = line.get_markersize() / 72 * figure.dpi / 2
    marker_y = axes.transData.transform((1, top))[1]
    bottom, height = axes.bbox.y0, axes.bbox.height
    assert bottom + radius <= marker_y <= bottom + height - radius
    # The scale itself still runs 1 to 5.
    ticks = [tick for tick in axes.get_yticks() if axes.get_ylim()[0] <= tick <= axes.get_ylim()[1]]
    assert min(ticks) == 1.0 and max(ticks) == 5.0
