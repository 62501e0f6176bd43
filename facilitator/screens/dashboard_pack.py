"""What the dashboard says as it writes the papers for the next planned session."""

from __future__ import annotations

from pathlib import Path

from sessions.services.dashboard import DashboardView, SessionSummary
from sessions.vocabulary import SessionState


def next_planned(view: DashboardView | None) -> SessionSummary | None:
    """The first session set up and not yet started: the one papers go out for."""
    if view is None:
        return None
    return next((s for s in view.sessions if s.state == SessionState.PLANNED), None)


def written_line(number: int, paths: list[Path]) -> str:
    """`Papers for session 3 written to /…/minutes: harbour-…-papers.md, .html and .docx.`"""
    first, *others = paths
    also = f", {', '.join(path.suffix for path in others[:-1])}" if len(others) > 1 else ""
    more = f"{also} and {others[-1].suffix}" if others else ""
    return f"Papers for session {number} written to {first.parent}: {first.name}{more}."
