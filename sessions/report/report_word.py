"""The programme report as a Word document, from the same model the Markdown template reads."""

from __future__ import annotations

from sessions.charts import Chart
from sessions.minutes import wording
from sessions.minutes.word import WordDocument
from sessions.report.model import ProgrammeReport
from sessions.report.report_charts import (
    BALANCE_HEADING,
    CHECKLIST_HEADING,
    STATEMENTS_HEADING,
    TRENDS_HEADING,
    report_charts,
)
from sessions.report.team_roles import TeamRoles
from sessions.report.turnout import Turnout

# As the Markdown template says them.
STATEMENTS_NOTE = "Statements rated in more than one session, whichever agenda asked them."
OPTIONS_NOTE = "Options voted on in more than one session, whichever agenda asked them."


def report_docx(r: ProgrammeReport) -> bytes:
    doc = WordDocument(
        title=r.title,
        subject=f"Programme report for {r.programme}",
        author=r.facilitator,
        created=r.created,
        category="Report",
        keywords="PCN; partnership; programme report",
    )

    doc.heading(r.title, 0)
    if r.version_line:
        doc.label(r.version_line)
    header = [("Primary Care Network", r.pcn)] if r.pcn else []
    first, latest = r.first, r.latest
    if first is None or latest is None:  # no sessions yet
        doc.fields([*header, ("Sessions", "none")])
        doc.paragraph("This programme has no sessions yet.", italic=True)
        return doc.to_bytes()
    doc.fields(
        [
            *header,
            ("Sessions", str(len(r.sessions))),
            ("First session", wording.long_date(first.held_on)),
            ("Latest session", wording.long_date(latest.held_on)),
        ]
    )

    charts = report_charts(r)
    doc.heading("Sessions", 1)
    doc.table(
        (
            "Session",
            "Date",
            "Agenda",
            "Facilitator",
            "Status",
            "Steps covered",
        ),
        [
            (
                s.number,
                wording.short_date(s.held_on),
                s.agenda_title,
                s.facilitator or "—",
                s.status,
                s.steps_text,
            )
            for s in r.sessions
        ],
    )
    if r.minutes_line:
        doc.paragraph(r.minutes_line, italic=True)
    doc.heading("Steps covered", 1)
    doc.table(("Step", "Sessions"), r.step_rows)
    doc.heading(BALANCE_HEADING, 1)
    _chart(doc, charts.get(BALANCE_HEADING))
    doc.table(("", "Deal", "Relationship"), r.balance_rows)
    if r.step_balance:
        doc.table(
            ("By step", "Deal", "Relationship"),
            [(b.label, b.deal, b.relationship) for b in r.step_balance],
        )

    if r.decisions:
        doc.heading("Decisions by session", 1)
        for group in r.decisions:
            doc.heading(group.session.heading, 2)
            for text in group.decisions:
                doc.bullet(text)
    if r.actions:
        doc.heading("Action log", 1)
        doc.table(
            ("Action", "Owner", "Due", "Status", "Raised in", "Latest review"),
            [
                (
                    a.text,
                    a.owner or "—",
                    wording.short_date(a.due),
                    a.status,
                    f"Session {a.raised_in}",
                    a.review_text,
                )
                for a in r.actions
            ],
        )
    if r.trends:
        doc.heading(TRENDS_HEADING, 1)
        _chart(doc, charts.get(TRENDS_HEADING))
        doc.table(("Area", "Mean rating by session"), r.trend_rows)
        if r.statement_rows:
            doc.heading(STATEMENTS_HEADING, 2)
            _chart(doc, charts.get(STATEMENTS_HEADING))
            doc.paragraph(STATEMENTS_NOTE, italic=True)
            doc.table(("Statement", "Mean rating by session"), r.statement_rows)
    if r.checklist_rows:
        doc.heading(CHECKLIST_HEADING, 1)
        _chart(doc, charts.get(CHECKLIST_HEADING))
        doc.paragraph(OPTIONS_NOTE, italic=True)
        doc.table(("Option", "Votes by session"), r.checklist_rows)
    if r.attendance:
        doc.heading("Attendance", 1)
        doc.paragraph("P present, A apologies.", italic=True)
        doc.table(
            ("Member", *(f"S{s.number}" for s in r.sessions)),
            [(row.name, *row.marks) for row in r.attendance],
        )
        if r.turnout:
            _turnout(doc, r.turnout)
    if r.team_roles:
        _team_roles(doc, r.team_roles)
    return doc.to_bytes()


def _chart(doc: WordDocument, chart: Chart | None) -> None:
    if chart is None:
        return
    from sessions.chart_drawing import chart_png

    doc.picture(chart_png(chart), description=chart.sentence)


def _turnout(doc: WordDocument, t: Turnout) -> None:
    doc.paragraph(t.counted_line, italic=True)
    doc.table(
        ("Member", "Attended", "Apologies", "Rate"),
        [(m.name, m.attended_text, m.apologies, m.rate) for m in t.members],
    )
    if not t.sessions:
        return
    if t.quorum_line:
        doc.paragraph(t.quorum_line)
    quorum = ("Quorum", "Quorate") if t.has_quorum else ()
    doc.table(
        ("Session", "Present", "Apologies", *quorum),
        [
            (
                s.number,
                s.present_text,
                s.apologies_text,
                *((s.quorum_text, s.quorate_text) if t.has_quorum else ()),
            )
            for s in t.sessions
        ],
    )


def _team_roles(doc: WordDocument, roles: TeamRoles) -> None:
    doc.heading("Team roles", 1)
    doc.paragraph(roles.about, italic=True)
    doc.table(
        ("Member", *(a.column for a in roles.asked)),
        [(row.name, *row.cells) for row in roles.members],
    )
    doc.paragraph(roles.crowded_rule, italic=True)
    doc.table(
        ("Session", "Answered", "Roles nobody plays", "Crowded roles"),
        [(a.heading, a.answered, a.missing_text, a.crowded_text) for a in roles.asked],
    )
