"""The papers as a Word document, from the same model the Markdown template reads."""

from __future__ import annotations

from sessions.minutes import wording
from sessions.minutes.minutes_word import write_minutes
from sessions.minutes.word import WordDocument
from sessions.pack.model import Pack, PackItem

# The previous minutes sit under a heading of their own, in place of their title, and
# their headings one level down beneath it.
MINUTES_BELOW = 1


def pack_docx(p: Pack) -> bytes:
    doc = WordDocument(
        title=p.title,
        subject=f"Papers for session {p.session_number} of {p.programme}",
        author=p.facilitator,
        created=None,
        category="Papers",
        keywords="PCN; partnership; agenda; papers",
    )
    doc.heading(p.title, 0)
    header = [("Primary Care Network", p.pcn)] if p.pcn else []
    header += [
        ("Programme", p.programme),
        ("Date", p.header.date_line),
        ("Time", p.header.time_line),
        ("Place", p.header.place_line),
        ("Agenda", f"{p.agenda_title} ({wording.spoken_duration(p.planned_seconds)})"),
    ]
    if p.facilitator:
        header.append(("Facilitator", p.facilitator))
    header.append(("Papers written", wording.long_date(p.written_on)))
    doc.fields(header)
    if p.version_line:
        doc.label(p.version_line)

    doc.heading("Agenda", 1)
    for section in p.sections:
        doc.heading(section.title, 2)
        for item in section.items:
            _item(doc, item)

    if p.previous is not None:
        doc.heading(f"Minutes of session {p.previous.session_number}", 1)
        doc.label(p.previous.said)
        if p.previous.minutes is not None:
            write_minutes(doc, p.previous.minutes, MINUTES_BELOW, titled=False)

    doc.heading("Open actions by owner", 1)
    if not p.owners:
        doc.paragraph("No actions are open.")
    else:
        doc.paragraph(f"As they stood on {wording.long_date(p.written_on)}.")
    for owner in p.owners:
        doc.heading(owner.owner, 2)
        doc.table(
            ("No.", "Action", "Due", "Raised"),
            [
                (
                    a.number,
                    f"{a.text} (confidential)" if a.confidential else a.text,
                    a.due_line,
                    a.raised,
                )
                for a in owner.actions
            ],
        )

    doc.heading("Register of interests", 1)
    doc.paragraph(
        "Please check your entries and tell the facilitator of any change before the meeting."
    )
    if not p.register:
        doc.paragraph("The programme has no members yet.")
    else:
        rows: list[tuple[str, str, str, str, str]] = []
        for member in p.register:
            organisation = member.organisation or "—"
            if not member.interests:
                rows.append((member.name, organisation, "None declared", "—", "—"))
            for i in member.interests:
                rows.append((member.name, organisation, i.description, i.kind, i.since or "—"))
        doc.table(("Member", "Organisation", "Interest", "Kind", "Dates"), rows)
    return doc.to_bytes()


def _item(doc: WordDocument, item: PackItem) -> None:
    private = " (to be taken in private)" if item.confidential and not item.withheld else ""
    doc.heading(f"{item.number}. {item.title}{private}", 3)
    doc.paragraph(item.timing, italic=True)
    if item.withheld:
        doc.paragraph(item.private_line)
        return
    if item.prompt:
        doc.paragraph(item.prompt)
    if item.listed:
        doc.label(item.listed_label)
        for line in item.listed:
            doc.bullet(line)
