"""The programme's charts: opened from the dashboard with g, and on the dashboard itself
when the screen is a projector's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual_plotext import PlotextPlot

from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.programme_charts import ProgrammeChartsScreen
from facilitator.widgets.chart_pane import ChartPane, dashboard_charts
from facilitator.widgets.chart_plot import ChartPlot
from sessions.charts import Chart, balance_chart, trend_chart
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from sessions.views import NoteBalance
from tests.pilot import static_text
from tests.rich_session import rich_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def noted(db_path: Path, clock, small_agenda) -> None:
    """One session with four deal notes and one relationship note."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, session, clock())
    for line in ("One front door", "A shared rota", "A joint bid", "rel: the trust listened"):
        notes.add_note(store, session, 0, line, "deal", now=clock.advance(60))
    store.close()


async def test_g_charts_the_notes_with_the_sentence_beneath(
    clock, noted, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgrammeChartsScreen)
        assert [chart.title for chart in screen.charts] == [
            "Deal and relationship notes by session"
        ]
        assert [series.values for series in screen.charts[0].series] == [(3.0,), (1.0,)]
        assert static_text(screen, ".chart-sentence") == screen.charts[0].sentence
        assert screen.charts[0].sentence.startswith("Over 1 session, 3 deal and 1 relationship")
        assert screen.query_one(PlotextPlot).region.height > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


def _drawn(screen: DashboardScreen) -> list[Chart]:
    return [plot.chart for plot in screen.query(ChartPlot)]


async def test_a_projector_sized_dashboard_draws_the_charts_itself(
    clock, noted, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.view is not None
        pane = screen.query_one(ChartPane)
        charts = dashboard_charts(screen.view)
        assert [chart.title for chart in charts] == ["Deal and relationship notes by session"]
        assert pane.display and _drawn(screen) == list(charts)
        assert [series.values for series in _drawn(screen)[0].series] == [(3.0,), (1.0,)]
        assert static_text(screen, ".chart-sentence") == charts[0].sentence
        assert screen.query_one(PlotextPlot).region.height >= 12
        # The sessions table keeps its rows beneath them.
        assert screen.query_one("#sessions").region.height >= 6

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not pane.display and _drawn(screen) == []
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert pane.display and _drawn(screen) == list(charts)


async def test_a_laptop_sized_dashboard_leaves_the_charts_to_g(
    clock, noted, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert not screen.query_one(ChartPane).display and _drawn(screen) == []
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeChartsScreen) and len(app.screen.charts) == 1


async def test_a_dashboard_too_full_for_the_charts_keeps_its_sessions_table(
    store, clock, make_facilitator_app
) -> None:
    rich_programme(store, clock)
    app = make_facilitator_app(now=clock)
    # Projector-sized, but every activity's trend in text above leaves too few lines for
    # the charts and the sessions beneath them.
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.view is not None
        assert dashboard_charts(screen.view)
        pane = screen.query_one(ChartPane)
        assert not pane.display and _drawn(screen) == []
        assert screen.query_one("#sessions").region.height >= 4
        # A taller screen has the room.
        await pilot.resize_terminal(120, 60)
        await pilot.pause()
        assert pane.display and _drawn(screen) == list(dashboard_charts(screen.view))
        assert screen.query_one("#sessions").region.height >= 6


def test_the_dashboard_loads_without_plotext() -> None:
    # Start-up time is measured: plotext comes with the first chart drawn, not before.
    code = (
        "import sys\n"
        "import facilitator.screens.dashboard\n"
        "print(sorted(m for m in sys.modules if 'plotext' in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


class OneChart(App[None]):
    def __init__(self, chart: Chart) -> None:
        super().__init__()
        self.chart = chart

    def compose(self) -> ComposeResult:
        yield ChartPlot(self.chart)


async def drawn_lines(chart: Chart, size: tuple[int, int]) -> list[str]:
    """The plot as the terminal shows it, line by line."""
    app = OneChart(chart)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plot = app.query_one(PlotextPlot)
        rendered = plot.render()
        assert isinstance(rendered, Text)
        return rendered.plain.splitlines()


@pytest.mark.parametrize("size", [(60, 16), (120, 24)])
async def test_a_rating_of_five_is_drawn_below_the_top_of_the_plot(size) -> None:
    chart = trend_chart("Scorecard trends", [("Purpose", [(1, 3.0), (2, 4.0), (3, 5.0)])])
    lines = await drawn_lines(chart, size)
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    five = next(i for i, line in enumerate(lines) if line.lstrip().startswith("5┤"))
    # The frame, then the legend's row, then the top of the scale with its mark.
    assert five >= top + 2
    assert any(ch in "⠁⠂⠄⡀⠈⠐⠠⢀⣀⠤⠒⠉⠔⠊⡠⠑⢄⠢⡈" for ch in lines[five])


@pytest.mark.parametrize("sessions", [2, 3, 6])
async def test_each_session_s_bars_stand_over_its_label(sessions: int) -> None:
    chart = balance_chart([(n, NoteBalance(n % 3 + 1, 1)) for n in range(1, sessions + 1)])
    lines = await drawn_lines(chart, (100, 20))
    labels = next(line for line in lines if "S1" in line and "┤" not in line)
    foot = next(line for line in lines if line.lstrip().startswith("0┤"))
    for n in range(1, sessions + 1):
        column = labels.index(f"S{n}") + len(f"S{n}") - 1  # plotext centres a label's end
        assert foot[column] == "█", (n, labels, foot)
    # Between two sessions' bars, a gap: the foot's bars come in one block a session.
    assert len([block for block in foot.split("┤", 1)[1].split() if "█" in block]) == sessions
