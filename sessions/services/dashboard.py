"""A programme at a glance: its sessions, the framework steps worked on, actions, the notes' trend.

Read in a fixed handful of grouped queries however many sessions and notes the
programme has: a programme a year into its work has hundreds of sessions and
tens of thousands of notes, and the dashboard opens on every Enter from home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sessions.activities.checklist import OptionTrend, option_trends
from sessions.activities.roles import RolesBoard, programme_roles
from sessions.activities.scorecard_trends import AreaTrend, StatementTrend, scorecard_trends
from sessions.collection_pause import collection_paused
from sessions.domain.actions import count_open_actions
from sessions.domain.plan_place import PlanPlace, plan_place
from sessions.domain.programmes import programme_row, programme_view
from sessions.domain.progress import SessionSummary as SessionSummary
from sessions.domain.progress import StepWork as StepWork
from sessions.domain.progress import programme_progress
from sessions.domain.suggestion import StepSuggestion
from sessions.store import Store
from sessions.views import ProgrammeView
from sessions.vocabulary import SessionState


@dataclass(frozen=True)
class DashboardView:
    programme: ProgrammeView
    sessions: tuple[SessionSummary, ...]
    """In session order."""
    steps: tuple[StepWork, ...]
    """Every framework step, 1 to 4, worked on or not."""
    open_actions: int
    overdue_actions: int
    suggestion: StepSuggestion
    """The framework step the next session should continue from."""
    scorecard_trends: tuple[AreaTrend, ...] = ()
    """Each scorecard area's mean rating, session by session."""
    statement_trends: tuple[StatementTrend, ...] = ()
    """Each statement rated in two or more sessions, whichever agendas asked it."""
    checklist_trends: tuple[OptionTrend, ...] = ()
    """The latest checklist's leading options, with their votes in earlier sessions."""
    team_roles: RolesBoard | None = None
    """Each current member's latest team roles, where anyone has marked them."""
    plan: PlanPlace | None = None
    """Where the programme is in the plan it was made from; None where it has none."""

    @property
    def minutes_to_approve(self) -> tuple[int, ...]:
        """The numbers of the finished sessions whose minutes are still drafts."""
        return tuple(
            s.number
            for s in self.sessions
            if s.state == SessionState.FINISHED and s.minutes_approved_in is None
        )

    @property
    def waiting(self) -> SessionSummary | None:
        """The session already set up and not started, which is the programme's next: the
        dashboard offers to open it rather than to set up another."""
        return next((s for s in self.sessions if s.state == SessionState.PLANNED), None)

    @property
    def note_trend(self) -> list[tuple[int, int, int]]:
        """(session number, deal notes, relationship notes), session by session."""
        return [(s.number, s.deal_notes, s.relationship_notes) for s in self.sessions]

    @property
    def planned_seconds(self) -> int:
        """The agendas' time, but a cancelled session's: it is no longer planned to run."""
        return sum(s.planned_seconds for s in self.sessions if s.state != SessionState.CANCELLED)

    @property
    def actual_seconds(self) -> float:
        return sum(s.actual_seconds for s in self.sessions)


def programme_dashboard(store: Store, programme_id: int, today: date) -> DashboardView:
    """The programme's dashboard; `today` decides which open actions are overdue."""
    # A large programme's read leaves tens of thousands of short-lived rows and events
    # behind it: unpaused, they start young collections by the dozen in a screen's wait.
    with collection_paused(), store.reading() as db:
        programme = programme_row(db, programme_id)
        progress = programme_progress(db, programme_id)
        trends, statements = scorecard_trends(db, programme_id)
        checklist_trends = option_trends(db, programme_id)
        team_roles = programme_roles(db, programme_id)
        open_actions, overdue_actions = count_open_actions(db, programme_id, today)
        shown = programme_view(programme, len(progress.sessions))
        plan = plan_place(db, programme)
    return DashboardView(
        programme=shown,
        sessions=progress.sessions,
        steps=progress.steps,
        open_actions=open_actions,
        overdue_actions=overdue_actions,
        scorecard_trends=trends,
        statement_trends=statements,
        checklist_trends=checklist_trends,
        team_roles=team_roles,
        suggestion=progress.suggestion,
        plan=plan,
    )
