"""A programme's place in its plan in one line, as the dashboard would show it.

A planned date is never agreed until the facilitator has fixed it with the room, so
it always says "(to confirm)".
"""

from __future__ import annotations

from facilitator.dates import weekday_text
from sessions.plan.progress import PlanProgress


def progress_text(progress: PlanProgress) -> str:
    """The plan, the next session's place in it, its title and its date to confirm.

    The session named is the next to hold; its number is its place in the whole plan.
    """
    head = f"Plan: {progress.title}"
    if progress.next is None:
        return f"{head} · all {progress.total} sessions held"
    upcoming = progress.next
    return (
        f"{head} · session {upcoming.number} of {progress.total} · next: {upcoming.title}, "
        f"planned {weekday_text(upcoming.on)} (to confirm)"
    )
