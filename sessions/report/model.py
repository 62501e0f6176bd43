"""A programme's report as plain data, built in one read of the database.

One read, so every part describes the same moment even while a session runs in
another copy of the app. The Markdown template and the Word writer read this
model and never the database, so every format says the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, func, select, true
from sqlalchemy.orm import Session as DbSession

from sessions.activities.checklist import OptionTrend, option_trends_across
from sessions.activities.matters_arising import OUTCOME_LABELS, due_moved
from sessions.activities.minutes_approval import sessions_named
from sessions.activities.scorecard_trends import AreaTrend, StatementTrend, scorecard_trends
from sessions.agenda.model import STEP_NAMES
from sessions.charts import Chart, balance_chart, trend_chart, votes_chart
from sessions.clock import ClockState, replay
from sessions.domain.approval import programme_minutes
from sessions.domain.balance import BalanceRow, balance_rows, note_balances, session_balances
from sessions.domain.coverage import covered_steps, items_with_notes, step_items
from sessions.domain.progress import StepWork, session_state
from sessions.means import mean_text
from sessions.minutes import wording
from sessions.models import (
    Action,
    ActionReview,
    AgendaItem,
    Attendance,
    Member,
    Note,
    Programme,
    Session,
)
from sessions.report.team_roles import TeamRoles, build_team_roles
from sessions.report.turnout import Turnout, build_turnout
from sessions.timer_log import load_logs
from sessions.views import NoteBalance, meeting_day
from sessions.vocabulary import AttendanceStatus, NoteKind, SessionState

STATUS_LABELS = {
    SessionState.FINISHED: "finished",
    SessionState.UNFINISHED: "in progress",
    SessionState.PLANNED: "planned",
    SessionState.CANCELLED: "cancelled",
}
STATEMENTS_TITLE = "Statements asked again"
CHECKLIST_TITLE = "Checklist trends"
# Only a word from the room is marked; "expected" and "absent" leave the cell blank.
ATTENDANCE_MARKS: dict[str, str] = {AttendanceStatus.PRESENT: "P", AttendanceStatus.APOLOGIES: "A"}


@dataclass(frozen=True)
class ReportSession:
    number: int
    held_on: date
    """The day the clock first started; the planned day for one never started."""
    agenda_title: str
    facilitator: str
    state: SessionState
    """As the dashboard has it."""
    steps: tuple[int, ...]
    """Framework steps covered, by the one rule (`sessions.domain.coverage`)."""
    started_at: datetime | None
    created_at: datetime
    balance: NoteBalance
    """The session's deal and relationship notes, by the count the meter and minutes use."""

    @property
    def status(self) -> str:
        return STATUS_LABELS[self.state]

    @property
    def steps_text(self) -> str:
        return ", ".join(str(step) for step in self.steps) or "—"

    @property
    def heading(self) -> str:
        return f"Session {self.number} ({wording.long_date(self.held_on)})"


@dataclass(frozen=True)
class SessionDecisions:
    session: ReportSession
    decisions: tuple[str, ...]
    """The decision notes' text, in the order they were taken."""
    note_ids: tuple[int, ...] = field(default=(), compare=False)
    """The notes they were taken as, in the same order."""
    items: tuple[tuple[int, str], ...] = field(default=(), compare=False)
    """The number and title of the item each was taken at, in the same order."""


@dataclass(frozen=True)
class LatestReview:
    """The last matters-arising review of an action: which session, and what it made of it."""

    session_number: int
    outcome: str
    due_before: date | None
    due_after: date | None

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    @property
    def due(self) -> date | None:
        return self.due_after

    @property
    def due_moved(self) -> bool:
        return due_moved(self.outcome, self.due_before, self.due_after)

    @property
    def text(self) -> str:
        return f"Session {self.session_number}: {wording.review_outcome(self)}"


@dataclass(frozen=True)
class ReportAction:
    text: str
    owner: str
    due: date | None
    status: str
    raised_in: int
    """The number of the session that raised it."""
    review: LatestReview | None = None
    note_id: int | None = field(default=None, compare=False)
    """The note that raised it."""

    @property
    def review_text(self) -> str:
        return self.review.text if self.review else "—"


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    marks: tuple[str, ...]
    """'P', 'A' or '' for each of the report's sessions, in order."""


@dataclass(frozen=True)
class ProgrammeReport:
    programme: str
    slug: str
    pcn: str
    sessions: tuple[ReportSession, ...]
    """In session order."""
    steps: tuple[StepWork, ...]
    """Every framework step, 1 to 4, with the sessions that worked on it."""
    decisions: tuple[SessionDecisions, ...]
    """Only sessions that took a decision."""
    actions: tuple[ReportAction, ...]
    """In the order they were raised."""
    trends: tuple[AreaTrend, ...]
    """Each scorecard area's mean, session by session (in the public version, only from
    items taken in public)."""
    attendance: tuple[AttendanceRow, ...]
    """Empty when nobody was ever marked present or sending apologies."""
    step_balance: tuple[BalanceRow, ...] = ()
    """The programme's deal and relationship notes by step, the parts outside the steps,
    and their sum; empty when no such note was taken."""
    minutes_approved: tuple[int, ...] = ()
    """The numbers of the finished sessions whose minutes a later session approved."""
    minutes_draft: tuple[int, ...] = ()
    """The numbers of the finished sessions whose minutes are still a draft."""
    has_confidential: bool = False
    """Something in the programme was taken in private, so the report comes in a full and
    a public version."""
    public: bool = False
    """This is the public version: decisions, actions and results taken in private are
    left out."""
    turnout: Turnout | None = None
    """Attendance rates and quorum across the sessions held; None without attendance."""
    team_roles: TeamRoles | None = None
    """The team roles members said they play, item by item; None where nobody answered."""
    statement_trends: tuple[StatementTrend, ...] = ()
    """Each statement rated in two or more sessions, whichever agendas asked it."""
    checklist_trends: tuple[OptionTrend, ...] = ()
    """Each checklist option voted on in two or more sessions, whichever agendas asked it."""

    @property
    def version(self) -> str:
        """'full' or 'public'."""
        return "public" if self.public else "full"

    @property
    def version_line(self) -> str:
        """Which version this is, said at the top; "" where nothing was taken in private."""
        if not self.has_confidential:
            return ""
        if self.public:
            return "Public report: items taken in private are left out."
        return "Full report, for members: it includes items taken in private."

    @property
    def title(self) -> str:
        return f"{self.programme}: programme report"

    @property
    def first(self) -> ReportSession | None:
        return self.sessions[0] if self.sessions else None

    @property
    def latest(self) -> ReportSession | None:
        return self.sessions[-1] if self.sessions else None

    @property
    def facilitator(self) -> str:
        return self.latest.facilitator if self.latest else ""

    @property
    def created(self) -> datetime | None:
        """The latest session's start, not the time of writing: a re-render says the same."""
        return (self.latest.started_at or self.latest.created_at) if self.latest else None

    @property
    def minutes_line(self) -> str:
        """Which finished sessions' minutes are approved and which wait, in a sentence; ""
        where no session has finished."""
        approved = (
            f"Minutes approved: {sessions_named(self.minutes_approved)}."
            if self.minutes_approved
            else ""
        )
        if not self.minutes_draft:
            return approved
        waiting = sessions_named(self.minutes_draft)
        if approved:
            return f"{approved} Awaiting approval: {waiting}."
        return f"Minutes awaiting approval: {waiting}."

    @property
    def step_rows(self) -> list[tuple[str, str]]:
        return [
            (step.label, ", ".join(str(n) for n in step.session_numbers) or "not yet")
            for step in self.steps
        ]

    @property
    def balance_rows(self) -> list[tuple[str, int, int]]:
        """Each session's deal and relationship notes, then the programme's, as the
        minutes give a session's."""
        total = sum((s.balance for s in self.sessions), NoteBalance())
        return [
            *(
                (f"Session {s.number}", s.balance.deal, s.balance.relationship)
                for s in self.sessions
            ),
            ("Whole programme", total.deal, total.relationship),
        ]

    @property
    def balance_figure(self) -> Chart | None:
        """The sessions' deal and relationship notes as a chart; None before any was taken."""
        if not any(s.balance.total for s in self.sessions):
            return None
        return balance_chart([(s.number, s.balance) for s in self.sessions])

    @property
    def trend_figure(self) -> Chart | None:
        """The scorecard areas' means as a chart; None before anything was rated."""
        if not self.trends:
            return None
        return trend_chart("Scorecard trends", [(t.label, t.points) for t in self.trends])

    @property
    def statement_figure(self) -> Chart | None:
        """The statements asked again, their means as a chart; None where none was."""
        if not self.statement_trends:
            return None
        # As a reader sees it: the spaces a typed statement may carry are not its words.
        trends = [(" ".join(t.statement.split()), t.points) for t in self.statement_trends]
        return trend_chart(STATEMENTS_TITLE, trends, quoted=True)

    @property
    def checklist_figure(self) -> Chart | None:
        """The options voted on again, their votes as a chart; None where none was."""
        if not self.checklist_trends:
            return None
        trends = [(" ".join(t.option.split()), t.points) for t in self.checklist_trends]
        return votes_chart(CHECKLIST_TITLE, trends)

    @property
    def trend_rows(self) -> list[tuple[str, str]]:
        """Each area with its means, as 'S1 3.2 · S3 3.8'."""
        return [
            (
                trend.label,
                " · ".join(f"S{number} {mean_text(mean)}" for number, mean in trend.points),
            )
            for trend in self.trends
        ]

    @property
    def statement_rows(self) -> list[tuple[str, str]]:
        """Each statement asked again with its means, as 'S1 3.2 · S3 3.8'."""
        return [
            (
                trend.statement,
                " · ".join(f"S{number} {mean_text(mean)}" for number, mean in trend.points),
            )
            for trend in self.statement_trends
        ]

    @property
    def checklist_rows(self) -> list[tuple[str, str]]:
        """Each option voted on again with its votes, as 'S1 5 · S3 2'."""
        return [
            (trend.option, " · ".join(f"S{number} {votes}" for number, votes in trend.points))
            for trend in self.checklist_trends
        ]


def build_report(db: DbSession, programme: Programme, public: bool = False) -> ProgrammeReport:
    """The programme's report, read in the unit of work `db`; with `public`, without the
    decisions and actions taken in private (in an item so marked, or as a note so marked),
    nor the ratings and votes given in items taken in private."""
    rows = db.scalars(
        select(Session).where(Session.programme_id == programme.id).order_by(Session.number)
    ).all()
    in_programme = select(Session.id).where(Session.programme_id == programme.id)
    clocks = {sid: replay(log) for sid, log in load_logs(db, in_programme).items()}
    worked = _steps_worked(db, in_programme, clocks)
    balances = session_balances(db, in_programme)
    by_part = note_balances(db, in_programme, AgendaItem.step, AgendaItem.section_title)
    sessions = {
        row.id: _session(
            row,
            clocks.get(row.id, ClockState()),
            worked[row.id],
            balances.get(row.id, NoteBalance()),
        )
        for row in rows
    }
    records = programme_minutes(db, programme.id)
    trends, statements = scorecard_trends(db, programme.id, public)
    report = ProgrammeReport(
        programme=programme.name,
        slug=programme.slug,
        pcn=programme.pcn_name,
        sessions=tuple(sessions.values()),
        steps=tuple(
            StepWork(step, name, tuple(s.number for s in sessions.values() if step in s.steps))
            for step, name in sorted(STEP_NAMES.items())
        ),
        decisions=_decisions(db, in_programme, sessions, public),
        actions=_actions(db, programme.id, public),
        trends=trends,
        statement_trends=statements,
        checklist_trends=option_trends_across(db, programme.id, public),
        attendance=_attendance(db, programme.id, in_programme, list(sessions)),
        step_balance=_step_balance(db, in_programme, by_part, worked),
        minutes_approved=tuple(m.number for m in records if m.finished and m.approved),
        minutes_draft=tuple(m.number for m in records if m.finished and not m.approved),
        has_confidential=_has_confidential(db, in_programme),
        public=public,
    )
    return _completed(db, report, rows, in_programme)


def _completed(
    db: DbSession, report: ProgrammeReport, rows: Sequence[Session], in_programme: Select[int]
) -> ProgrammeReport:
    """The report with its attendance rates, quorum and team roles, which read what the
    rest of it has found: the register's members and the sessions held."""
    held = [
        (row.id, session.number)
        for row, session in zip(rows, report.sessions, strict=True)
        # A cancelled meeting never met: it is no meeting that nobody came to.
        if session.state in (SessionState.FINISHED, SessionState.UNFINISHED)
    ]
    names = [row.name for row in report.attendance]
    return replace(
        report,
        turnout=build_turnout(db, held, names) if names else None,
        team_roles=build_team_roles(db, in_programme, report.public),
    )


_SAID_IN_PUBLIC = and_(Note.confidential.is_(False), AgendaItem.confidential.is_(False))


def _has_confidential(db: DbSession, in_programme: Select[int]) -> bool:
    """Whether any item was taken in private, or any note kept said in confidence."""
    item = select(AgendaItem.id).where(
        AgendaItem.session_id.in_(in_programme), AgendaItem.confidential
    )
    note = select(Note.id).where(
        Note.session_id.in_(in_programme), Note.confidential, Note.deleted_at.is_(None)
    )
    return bool(db.scalar(select(exists(item))) or db.scalar(select(exists(note))))


def _step_balance(
    db: DbSession,
    in_programme: Select[int],
    by_part: dict[tuple[Any, ...], NoteBalance],
    worked: dict[int, set[int]],
) -> tuple[BalanceRow, ...]:
    """The programme's notes by step and outside the steps, by the minutes' own table."""
    if not sum(by_part.values(), NoteBalance()).total:
        return ()
    # The parts outside the steps are named in the order the agendas hold them.
    outside = db.execute(
        select(AgendaItem.section_title)
        .where(AgendaItem.session_id.in_(in_programme), AgendaItem.step.is_(None))
        .group_by(AgendaItem.section_title)
        .order_by(func.min(AgendaItem.position), AgendaItem.section_title)
    ).scalars()
    covered = set().union(*worked.values()) if worked else set()
    return tuple(balance_rows(by_part, covered, list(outside), "Whole programme"))


def _steps_worked(
    db: DbSession, in_programme: Select[int], clocks: dict[int, ClockState]
) -> dict[int, set[int]]:
    """Each session's framework steps covered, by the one rule the dashboard uses too."""
    return covered_steps(step_items(db, in_programme), items_with_notes(db, in_programme), clocks)


def _session(
    row: Session, clock: ClockState, steps: set[int], balance: NoteBalance
) -> ReportSession:
    started = clock.first_started_at
    return ReportSession(
        number=row.number,
        held_on=meeting_day(started, row.created_at, row.planned_for),
        agenda_title=row.agenda_title,
        facilitator=row.facilitator,
        state=session_state(row.finished_at, clock.started, row.cancelled_at),
        steps=tuple(sorted(steps)),
        started_at=started,
        created_at=row.created_at,
        balance=balance,
    )


def _decisions(
    db: DbSession, in_programme: Select[int], sessions: dict[int, ReportSession], public: bool
) -> tuple[SessionDecisions, ...]:
    texts: dict[int, list[str]] = defaultdict(list)
    note_ids: dict[int, list[int]] = defaultdict(list)
    items: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for session_id, text, note_id, position, title in db.execute(
        select(Note.session_id, Note.text, Note.id, AgendaItem.position, AgendaItem.title)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(
            Note.session_id.in_(in_programme),
            Note.kind == NoteKind.DECISION,
            Note.deleted_at.is_(None),
            _SAID_IN_PUBLIC if public else true(),
        )
        .order_by(Note.created_at, Note.id)
    ):
        texts[session_id].append(text)
        note_ids[session_id].append(note_id)
        items[session_id].append((position + 1, title))
    return tuple(
        SessionDecisions(
            session,
            tuple(texts[session_id]),
            tuple(note_ids[session_id]),
            tuple(items[session_id]),
        )
        for session_id, session in sessions.items()
        if texts.get(session_id)
    )


def _actions(db: DbSession, programme_id: int, public: bool) -> tuple[ReportAction, ...]:
    reviewed_in = Session.__table__.alias("reviewed_in")
    latest: dict[int, LatestReview] = {}
    # In review order, so each action's last review is the one left standing.
    for review, number in db.execute(
        select(ActionReview, reviewed_in.c.number)
        .join(reviewed_in, ActionReview.session_id == reviewed_in.c.id)
        .where(reviewed_in.c.programme_id == programme_id)
        .order_by(reviewed_in.c.number, ActionReview.reviewed_at, ActionReview.id)
    ):
        latest[review.action_id] = LatestReview(
            number, review.outcome, review.due_before, review.due_after
        )
    rows = db.execute(
        select(Action, Note.text, Session.number, Note.id)
        .join(Note, Action.note_id == Note.id)
        .join(Session, Note.session_id == Session.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(
            Action.programme_id == programme_id,
            Note.deleted_at.is_(None),
            _SAID_IN_PUBLIC if public else true(),
        )
        .order_by(Session.number, Note.created_at, Note.id)
    ).all()
    return tuple(
        ReportAction(
            text=text,
            owner=action.owner,
            due=action.due_on,
            status=action.status,
            raised_in=number,
            review=latest.get(action.id),
            note_id=note_id,
        )
        for action, text, number, note_id in rows
    )


def _attendance(
    db: DbSession, programme_id: int, in_programme: Select[int], session_ids: list[int]
) -> tuple[AttendanceRow, ...]:
    marks: dict[int, dict[int, str]] = {}
    for member_id, session_id, status in db.execute(
        select(Attendance.member_id, Attendance.session_id, Attendance.status).where(
            Attendance.session_id.in_(in_programme)
        )
    ):
        if status in ATTENDANCE_MARKS:
            marks.setdefault(member_id, {})[session_id] = ATTENDANCE_MARKS[status]
    if not marks:
        return ()
    members = db.scalars(select(Member).where(Member.programme_id == programme_id)).all()
    return tuple(
        AttendanceRow(
            member.name, tuple(marks.get(member.id, {}).get(sid, "") for sid in session_ids)
        )
        for member in sorted(members, key=lambda m: (m.name.casefold(), m.name))
        # Someone archived since still shows where they came or sent apologies.
        if member.archived_at is None or member.id in marks
    )
