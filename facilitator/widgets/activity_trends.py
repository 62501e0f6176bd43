"""What the activities add to a programme's dashboard: scorecard and checklist trends, the team.

Each is a few lines of text for a Static: the dashboard stays one screen on a laptop.
"""

from __future__ import annotations

from rich.text import Text

from sessions.means import mean_text
from sessions.services.checklist import OptionTrend
from sessions.services.roles import RolesBoard
from sessions.services.scorecard import AreaTrend

BARS = "▁▂▃▄▅▆▇█"
LABEL_WIDTH = 28
LAST_SESSIONS = 12


def _label(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def scorecard_text(trends: tuple[AreaTrend, ...]) -> Text:
    """A line an area: its mean rating session by session on the 1–5 scale, then first → last."""
    width = min(LABEL_WIDTH, max(len(trend.label) for trend in trends))
    text = Text(
        "Scorecard: mean rating by session (1–5)", style="dim", no_wrap=True, overflow="ellipsis"
    )
    for trend in trends:
        text.append("\n" + _label(trend.label, width).ljust(width) + " ")
        # The fixed 1–5 scale, not each area's own range: a flat 4 reads as a flat 4.
        text.append(
            "".join(
                BARS[min(7, max(0, round((mean - 1) * 7 / 4)))]
                for _, mean in trend.points[-LAST_SESSIONS:]
            )
        )
        first, last = trend.points[0][1], trend.points[-1][1]
        text.append(
            f" {mean_text(last)}"
            if len(trend.points) == 1
            else f" {mean_text(first)} → {mean_text(last)}"
        )
    return text


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
