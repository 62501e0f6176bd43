"""The minutes as a Word document, from the same model the Markdown template reads."""

from __future__ import annotations

from sessions.activities.document import Table
from sessions.activities.registry import activity_for
from sessions.minutes import wording
from sessions.minutes.minutes_charts import item_chart, item_heading
from sessions.minutes.model import Minutes, MinutesItem
from sessions.minutes.word import WordDocument


def minutes_docx(m: Minutes) -> bytes:
    doc = WordDocument(
        title=m.title,
        subject=f"Minutes of session {m.session_number} of {m.programme}",
        author=m.facilitator,
        created=m.started_at or m.created_at,
    )
    write_minutes(doc, m)
    return doc.to_bytes()


def write_minutes(doc: WordDocument, m: Minutes, below: int = 0, *, titled: bool = True) -> None:
    """The minutes into `doc`, every heading `below` levels lower than in minutes of their
    own; other papers carry them whole, under a heading of their own in place of the title
    (`titled` False)."""
    if titled:
        doc.heading(m.title, below)
    header = [("Primary Care Network", m.pcn)] if m.pcn else []
    header += [
        ("Programme", m.programme),
        ("Agenda", m.agenda_title),
        ("Date", wording.long_date(m.held_on)),
        ("Started", wording.clock_time(m.started_at)),
        ("Finished", wording.clock_time(m.finished_at)),
        (
            "Time",
            f"{wording.spoken_duration(m.actual_seconds)} of "
            f"{wording.spoken_duration(m.planned_seconds)} planned",
        ),
    ]
    if m.facilitator:
        header.append(("Facilitator", m.facilitator))
    if not m.attendance_taken:
        header.append(("Attendance", "not taken"))
    doc.fields(header)
    doc.label(m.record_status)
    if m.version_line:
        doc.label(m.version_line)
    for label, changes in m.record_changes:
        doc.label(label)
        for text, credit in changes:
            doc.bullet(f"{text} — {credit}")

    if m.present or m.apologies:
        doc.heading("Attendance", below + 1)
        doc.table(
            ("Name", "Organisation", "Role", "Attendance"),
            [(p.name, p.organisation, p.role, "Present") for p in m.present]
            + [(p.name, p.organisation, p.role, "Apologies") for p in m.apologies],
        )
    if m.quorum:
        doc.paragraph(m.quorum)
    if m.declarations:
        doc.heading("Declarations of interest", below + 1)
        for d in m.declarations:
            kind = f" ({d.kind_words})" if d.kind else ""
            doc.bullet(f"{d.name}: {d.interest_said}{kind}. {d.managed}")

    for section in m.sections:
        doc.heading(section.title, below + 1, new_page=not below and section.step is not None)
        for item in section.items:
            _item(doc, m, item, below + 2)

    if m.actions:
        doc.heading("Action log", below + 1)
        doc.table(
            ("No.", "Action", "Owner", "Raised", "Due", "Revised due", "Status", "Latest update"),
            [
                (
                    a.number,
                    a.text,
                    a.owner or "—",
                    a.raised,
                    wording.long_date(a.due_as_raised),
                    wording.long_date(a.revised_due),
                    a.rag_label,
                    a.latest_update,
                )
                for a in m.actions
            ],
        )
    if m.balance:
        doc.heading("Deal and relationship", below + 1)
        doc.table(
            ("", "Deal", "Relationship"),
            [(b.label, b.deal, b.relationship) for b in m.balance],
        )
    if m.next_session_on:
        doc.fields([("Next session", wording.long_date(m.next_session_on))])


def _item(doc: WordDocument, m: Minutes, item: MinutesItem, level: int) -> None:
    if item.withheld:
        doc.heading(item_heading(item), level)
        doc.paragraph(item.private_line)
        return
    doc.heading(item_heading(item), level)
    doc.paragraph(item.timing, italic=True)
    _activity_part(doc, m, item)
    # Beneath its table, which a printed page keeps with the item's heading.
    if (chart := item_chart(item)) is not None:
        from sessions.chart_drawing import chart_png

        doc.picture(chart_png(chart), description=chart.sentence)
    for label, notes in item.note_groups:
        doc.label(label)
        for note in notes:
            text = note.text
            if note.owner:
                text += f" — {note.owner}"
            if note.due:
                text += f" (due {wording.long_date(note.due)})"
            if note.confidential:
                text += " (confidential)"
            doc.bullet(text, aside=note.said_by)


def _activity_part(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    """What the item's activity shows of its answers, as its kind gives it; a discussion
    has none."""
    activity = activity_for(item.kind)
    if activity is None:
        return
    for shown in activity.document_part(item.activity, m):
        if isinstance(shown, Table):
            doc.table(shown.headers, shown.rows)
        else:
            doc.paragraph(shown.text, italic=True)
