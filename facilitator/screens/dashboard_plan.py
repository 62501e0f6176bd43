"""A programme's place in its plan in one line, as the dashboard shows it.

A programme made from a plan has its sessions set up ahead, each planned for a day;
the next-session dialog sets up one at a time. So two or more sessions planned ahead
are a plan being followed, and the line shows where the programme is in it. A planned
day is never agreed until the room has fixed it, so it always says "(to confirm)".
"""

from __future__ import annotations

from rich.text import Text

from facilitator.dates import weekday_text
from sessions.services.dashboard import DashboardView
from sessions.vocabulary import SessionState


def plan_text(view: DashboardView) -> Text | None:
    """`Plan: session 2 of 6 · next: Building our teams, planned Mon 22 Mar 2027 (to confirm)`;
    None where fewer than two sessions are planned ahead."""
    ahead = [
        s for s in view.sessions if s.state == SessionState.PLANNED and s.planned_for is not None
    ]
    if len(ahead) < 2:
        return None
    upcoming = ahead[0]
    assert upcoming.planned_for is not None
    # Text, not markup: an agenda's title may hold square brackets.
    return Text(
        f"Plan: session {upcoming.number} of {len(view.sessions)} · next: "
        f"{upcoming.agenda_title}, planned {weekday_text(upcoming.planned_for)} (to confirm)"
    )
