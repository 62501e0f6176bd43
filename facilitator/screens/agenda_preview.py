"""A preview of the highlighted agenda in the next session's dialog, before it is chosen.

Its length, steps and activities come first, on one line, so a laptop's short
screen, which shows only the preview's first lines, still shows them; then what
the agenda is for; then its items with their times, run together to save rows.
"""

from __future__ import annotations

from rich.text import Text

from sessions.agenda.durations import format_duration
from sessions.agenda.model import AgendaSummary


def _steps(steps: list[int]) -> str:
    if not steps:
        return "no steps"
    if len(steps) > 1 and steps == list(range(steps[0], steps[-1] + 1)):
        return f"steps {steps[0]}-{steps[-1]}"
    return f"step{'s' if len(steps) > 1 else ''} {', '.join(map(str, steps))}"


def preview_text(summary: AgendaSummary) -> Text:
    """What the agenda holds: facts, purpose, and each item's title and length."""
    count = len(summary.outline)
    activities = ", ".join(summary.activities) or "discussion only"
    text = Text()
    # Only the first line is bold: a style given to Text() would cover all of it.
    text.append(
        f"{format_duration(summary.planned_seconds)} · {_steps(summary.steps)} · "
        f"{count} item{'s' if count != 1 else ''} · {activities}",
        style="bold",
    )
    if summary.purpose:
        text.append(f"\n{summary.purpose}")
    if summary.outline:
        items = " · ".join(
            f"{title} ({format_duration(seconds)})" for title, seconds in summary.outline
        )
        text.append(f"\n{items}", style="dim")
    return text
