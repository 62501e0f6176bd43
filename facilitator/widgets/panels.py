"""Every activity panel, found by the kind of item it serves: what the session screen mounts.

Adding an activity kind means adding its panel here; the session screen shows
the one whose kind is the current item's, in the prompt's place.
"""

from __future__ import annotations

from facilitator.widgets.action_review import ActionReview
from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.checklist_panel import ChecklistPanel
from facilitator.widgets.minutes_approval_panel import MinutesApprovalPanel
from facilitator.widgets.rag_panel import RagPanel
from facilitator.widgets.reflection_panel import ReflectionPanel
from facilitator.widgets.roles_panel import RolesPanel
from facilitator.widgets.scorecard_panel import ScorecardPanel
from sessions.vocabulary import ItemKind

PANELS: dict[str, tuple[type[ActivityPanel], str]] = {
    panel.KIND: (panel, widget_id)
    for panel, widget_id in (
        (MinutesApprovalPanel, "minutes-approval"),
        (ActionReview, "review"),
        (ScorecardPanel, "scorecard"),
        (ChecklistPanel, "checklist"),
        (RolesPanel, "roles"),
        (RagPanel, "rag"),
        (ReflectionPanel, "reflection"),
    )
}
"""Each kind's panel and its widget id, in the order the screen mounts them."""

SHOWN_BY_THE_CLOCKS = frozenset({ItemKind.BREAK})
"""Kinds with no panel of their own: a break takes no answers, and the session's clocks
show the time to be back (BreakReturn) in its place."""


def activity_panels(session_id: int) -> list[ActivityPanel]:
    """A fresh panel of every kind, for the session screen to mount (each hidden until its
    kind of item comes up)."""
    return [
        panel(session_id, id=widget_id, classes="panel") for panel, widget_id in PANELS.values()
    ]
