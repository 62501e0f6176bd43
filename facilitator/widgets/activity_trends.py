"""What the activities add to a programme's dashboard: scorecard and checklist trends, the team.

Each is a few lines of text for a Static: the dashboard stays one screen on a laptop.
"""

from __future__ import annotations

from rich.text import Text

from sessions.means import mean_text
from sessions.services.checklist import OptionTrend
from sessions.services.roles import RolesBoard
from sessions.services.scorecard import AreaTrend, StatementTrend

BARS = "▁▂▃▄▅▆▇█"
LABEL_WIDTH = 28
LAST_SESSIONS = 12
SHOWN_STATEMENTS = 5
"""The statements asked again shown at most: the rest are in the programme report."""


def _label(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _mean_bars(points: tuple[tuple[int, float], ...]) -> str:
    # The fixed 1–5 scale, not each line's own range: a flat 4 reads as a flat 4.
    return "".join(
        BARS[min(7, max(0, round((mean - 1) * 7 / 4)))] for _, mean in points[-LAST_SESSIONS:]
    )


def _first_to_last(points: tuple[tuple[int, float], ...]) -> str:
    first, last = points[0][1], points[-1][1]
    return mean_text(last) if len(points) == 1 else f"{mean_text(first)} → {mean_text(last)}"


def scorecard_text(
    trends: tuple[AreaTrend, ...], statements: tuple[StatementTrend, ...] = ()
) -> Text:
    """A line an area: its mean rating session by session on the 1–5 scale, then first → last;
    then the statements rated in more than one session, whichever agendas asked them."""
    width = min(LABEL_WIDTH, max(len(trend.label) for trend in trends))
    text = Text(
        "Scorecard: mean rating by session (1–5)", style="dim", no_wrap=True, overflow="ellipsis"
    )
    for trend in trends:
        text.append("\n" + _label(trend.label, width).ljust(width) + " ")
        text.append(_mean_bars(trend.points))
        text.append(" " + _first_to_last(trend.points))
    if statements:
        _append_statements(text, statements)
    return text


def _append_statements(text: Text, statements: tuple[StatementTrend, ...]) -> None:
    """The statements asked again, the latest rated first and the biggest move before a
    smaller one; the statement last on its line, where the screen's edge may cut it short."""
    latest = sorted(
        statements,
        key=lambda trend: (-trend.points[-1][0], -abs(trend.points[-1][1] - trend.points[0][1])),
    )
    shown = latest[:SHOWN_STATEMENTS]
    left = len(statements) - len(shown)
    more = f", {left} more in the report" if left else ""
    text.append(f"\nStatements asked again{more}", style="dim")
    rows = [(_mean_bars(trend.points), _first_to_last(trend.points)) for trend in shown]
    bars_width = max(len(bars) for bars, _ in rows)
    means_width = max(len(means) for _, means in rows)
    for trend, (bars, means) in zip(shown, rows, strict=True):
        text.append(f"\n{bars.ljust(bars_width)} {means.ljust(means_width)} {trend.statement}")


def checklist_text(trends: tuple[OptionTrend, ...]) -> Text:
    """The latest vote's leading options, each with its votes session by session on one scale."""
    top = max(votes for trend in trends for _, votes in trend.points)
    width = min(LABEL_WIDTH, max(len(trend.option) for trend in trends))
    text = Text(
        "Checklist: the latest leaders, votes by session",
        style="dim",
        no_wrap=True,
        overflow="ellipsis",
    )
    for trend in trends:
        text.append("\n" + _label(trend.option, width).ljust(width) + " ")
        text.append(
            "".join(
                BARS[min(7, (votes * 8 - 1) // top)] for _, votes in trend.points[-LAST_SESSIONS:]
            )
        )
        first, last = trend.points[0][1], trend.points[-1][1]
        text.append(f" {last}" if len(trend.points) == 1 else f" {first} → {last}")
    return text


def roles_text(team: RolesBoard) -> Text:
    """The team as its members last described themselves: the roles missing and crowded."""
    people = len(team.members)
    text = Text(
        f"Team roles, as {people} member{'s' if people != 1 else ''} last said",
        style="dim",
        no_wrap=True,
        overflow="ellipsis",
    )
    text.append("\nNobody plays: ")
    text.append(
        ", ".join(team.uncovered) or "every role has someone",
        style="bold" if team.uncovered else "",
    )
    if team.crowded:
        text.append("\nCrowded: ")
        text.append(", ".join(team.crowded), style="bold")
    return text
