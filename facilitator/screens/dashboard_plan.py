"""A programme's place in its plan in one line, as the dashboard shows it.

The line reads what the store kept when the programme was made from its plan, so it
stays true when the plan's file changes or goes. A day the plan counted says "(to
confirm)" until the facilitator sets or keeps it. Where the plan's next session is the
one already waiting to start, this line stands for the dashboard's "Next" line too,
rather than say the same session twice.
"""

from __future__ import annotations

from rich.text import Text

from facilitator.dates import day_text
from sessions.services.dashboard import DashboardView


def plan_is_next(view: DashboardView) -> bool:
    """Whether the plan's next session is the one waiting to start: the line says it all."""
    waiting = view.waiting
    plan = view.plan
    return (
        waiting is not None
        and plan is not None
        and plan.next is not None
        and plan.next.number == waiting.number
    )


def plan_text(view: DashboardView) -> Text | None:
    """`Plan: PCN development · session 2 of 5 · next: Building our teams, 10 Feb 2027 (to
    confirm)`; None for a programme made without a plan."""
    plan = view.plan
    if plan is None:
        return None
    # Text, not markup: a plan's titles may hold square brackets.
    text = Text("Plan: ", style="bold")
    text.append(plan.title or plan.source)
    upcoming = plan.next
    if upcoming is None:
        noun = "session" if plan.count == 1 else "sessions"
        if plan.cancelled:
            # A session called off never met: "all have met" would count it.
            text.append(f" · all {plan.count} planned {noun} have met or were cancelled")
        else:
            text.append(f" · all {plan.count} planned {noun} have met")
        return text
    text.append(f" · session {upcoming.place} of {plan.count} · next: {upcoming.title}")
    if upcoming.on is not None:
        text.append(f", {day_text(upcoming.on)}")
        if upcoming.to_confirm:
            text.append(" (to confirm)")
    if plan_is_next(view):
        text.append("  s: open it", style="dim")
    return text
