"""The minutes as a Word document, from the same model the Markdown template reads."""

from __future__ import annotations

from sessions.minutes import wording
from sessions.minutes.model import Minutes, MinutesItem
from sessions.minutes.word import WordDocument
from sessions.vocabulary import ItemKind


def minutes_docx(m: Minutes) -> bytes:
    doc = WordDocument(
        title=m.title,
        subject=f"Minutes of session {m.session_number} of {m.programme}",
        author=m.facilitator,
        created=m.started_at or m.created_at,
    )
    doc.heading(m.title, 0)
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
    doc.fields(header)

    if m.present or m.apologies:
        doc.heading("Attendance", 1)
        doc.table(
            ("Name", "Organisation", "Role", "Attendance"),
            [(p.name, p.organisation, p.role, "Present") for p in m.present]
            + [(p.name, p.organisation, p.role, "Apologies") for p in m.apologies],
        )
    if m.declarations:
        doc.heading("Declarations of interest", 1)
        for d in m.declarations:
            left = f" (left the room for {d.left_room_for})" if d.left_room_for else ""
            doc.bullet(f"{d.name}: {d.interest}{left}")

    for section in m.sections:
        doc.heading(section.title, 1, new_page=section.step is not None)
        for item in section.items:
            _item(doc, m, item)

    if m.actions:
        doc.heading("Action log", 1)
        doc.table(
            ("Action", "Owner", "Due", "Status", "Raised in"),
            [
                (a.text, a.owner or "—", wording.iso_date(a.due), a.status, a.item_title)
                for a in m.actions
            ],
        )
    if m.balance:
        doc.heading("Deal and relationship", 1)
        doc.table(
            ("", "Deal", "Relationship"),
            [(b.label, b.deal, b.relationship) for b in m.balance],
        )
    if m.next_session_on:
        doc.fields([("Next session", wording.long_date(m.next_session_on))])
    return doc.to_bytes()


def _item(doc: WordDocument, m: Minutes, item: MinutesItem) -> None:
    doc.heading(f"{item.number}. {item.title}", 2)
    doc.paragraph(item.timing, italic=True)
    if item.scorecard:
        doc.table(
            ("Area", "Statement", "Ratings", "Mean", "Range", "Since last time"),
            [
                (
                    r.area or "—",
                    r.statement,
                    len(r.scores),
                    wording.score_mean(r),
                    wording.score_range(r),
                    wording.score_change(r),
                )
                for r in item.scorecard
            ],
        )
    if item.checklist:
        doc.table(
            ("Option", "Votes", "Rank"),
            [(r.option, r.votes, r.rank or "—") for r in item.checklist],
        )
    if item.roles:
        doc.table(
            ("Group", "Team role", "Played by"),
            [
                (
                    c.role.group,
                    c.role.name,
                    (", ".join(c.players) if c.players else "nobody")
                    + (" (crowded)" if c.crowded else ""),
                )
                for c in item.roles.coverage
            ],
        )
    if item.reflection:
        if item.reflection.in_minutes:
            doc.table(
                ("Person", "Reflection"),
                [
                    (a.name or "Not named", a.text)
                    for a in item.reflection.answers
                    if a.text is not None
                ],
            )
        else:
            doc.paragraph(wording.private_answers(item.reflection.answered), italic=True)
    if item.kind == ItemKind.MATTERS_ARISING:
        if m.matters_arising:
            doc.table(
                ("Action", "Owner", "From session", "Outcome"),
                [(r.text, r.owner or "—", r.raised_in, r.outcome_text) for r in m.matters_arising],
            )
        else:
            doc.paragraph("No actions were open from earlier sessions.", italic=True)
    for label, notes in item.note_groups:
        doc.label(label)
        for note in notes:
            text = note.text
            if note.owner:
                text += f" — {note.owner}"
            if note.due:
                text += f" (due {note.due.isoformat()})"
            doc.bullet(text, aside=note.said_by)
