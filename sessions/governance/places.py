"""Where a text sits in each document that leaves the app, as a person would point to it:
'session 3, item 2 (Access to services), decision note'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sessions.activities.reflection import Reflections
from sessions.governance.walk import Locate, Place
from sessions.minutes.model import (
    Minutes,
    MinutesAction,
    MinutesItem,
    MinutesNote,
    MinutesReview,
    MinutesSection,
)
from sessions.report.model import (
    ProgrammeReport,
    ReportAction,
    ReportSession,
    SessionDecisions,
)

# The parts of the minutes outside the items, by the name the model gives them.
MINUTES_PARTS = {
    "present": "attendance list",
    "apologies": "apologies",
    "declarations": "declarations of interest",
    "matters_arising": "matters arising",
    "actions": "action log",
    "amendments": "amendments",
    "errata": "errata",
    "balance": "deal and relationship table",
    "sections": "",
}


def minutes_place(parent: object, key: object, child: object, place: Place) -> Place | None:
    if isinstance(parent, Minutes):
        return replace(place, holder=MINUTES_PARTS.get(str(key), "heading"))
    if isinstance(child, MinutesSection):
        return replace(place, holder="section heading")
    if isinstance(child, MinutesItem):
        return replace(place, item_number=child.number, item_title=child.title, holder="title")
    if isinstance(parent, MinutesItem) and key == "activity":
        return replace(place, holder="activity answers")
    if isinstance(parent, Reflections) and key == "answers" and not parent.in_minutes:
        return None  # private answers kept out: the minutes give only how many were given
    if isinstance(child, MinutesNote):
        return replace(place, holder=f"{child.kind} note", note_id=child.note_id)
    if isinstance(child, MinutesAction):
        return replace(place, holder=f"action log, action {child.number}")
    if isinstance(child, MinutesReview):
        return replace(place, holder=f"matters arising, action from session {child.raised_in}")
    return place


REPORT_PARTS = {
    "sessions": "sessions table",
    "steps": "framework steps",
    "decisions": "decisions",
    "actions": "action log",
    "trends": "scorecard trends",
    "statement_trends": "scorecard trends",
    "checklist_trends": "checklist trends",
    "attendance": "attendance table",
    "step_balance": "deal and relationship table",
    "turnout": "attendance rates",
    "team_roles": "team roles table",
}


def report_place(parent: object, key: object, child: object, place: Place) -> Place | None:
    if isinstance(parent, ProgrammeReport):
        return Place(holder=REPORT_PARTS.get(str(key), "heading"))
    if isinstance(child, ReportSession):
        return replace(place, session_number=child.number)
    if isinstance(child, SessionDecisions):
        return replace(place, session_number=child.session.number, holder="decision note")
    if isinstance(parent, SessionDecisions):
        if key == "session":
            return replace(place, holder="sessions table")
        if key != "decisions":
            return None
        rows = (
            replace(place, item_number=number, item_title=title, note_id=note_id)
            for note_id, (number, title) in zip(parent.note_ids, parent.items, strict=False)
        )
        return replace(place, rows=tuple(rows))
    if place.rows and isinstance(key, int):
        return place.rows[key] if key < len(place.rows) else replace(place, rows=())
    if isinstance(child, ReportAction):
        return replace(place, session_number=child.raised_in, note_id=child.note_id)
    return place


# What in an exported programme is never text a person wrote: times, days, kinds, states.
NOT_WRITTEN = {
    *("format", "slug", "kind", "status", "handling", "outcome", "field", "at"),
    *("due_before", "due_after"),
    # A member's work address, given on purpose for their reminders: no patient's data.
    "email",
    # Made by the app from random hex, whose runs of digits can pass for a telephone number.
    "calendar_uid",
}
EXPORT_PARTS = {
    "programme": "programme details",
    "members": "members",
    "agenda_title": "agenda",
    "agenda_source": "agenda",
    "agenda_notes": "agenda",
    "agenda_text": "agenda",
    "facilitator": "facilitator",
    "minutes_amendments": "amendments to the minutes",
    "declarations": "declarations of interest",
    "attendance": "attendance list",
    "action_reviews": "matters arising",
    "timer_events": "timer log",
    "room_questions": "questions from the room",
}


def export_place(
    titles: dict[tuple[int, int], str], note_ids: dict[tuple[int, int], int]
) -> Locate:
    """Places in an exported programme, whose items are named by their position: `titles`
    and `note_ids` give each session's (by number) items' titles and its notes' ids, in the
    order the file lists them."""

    def item(place: Place, position: object, holder: str) -> Place:
        if not isinstance(position, int) or place.session_number is None:
            return replace(place, holder=holder)
        title = titles.get((place.session_number, position), "")
        return replace(place, item_number=position + 1, item_title=title, holder=holder)

    def locate(parent: object, key: object, child: object, place: Place) -> Place | None:
        if isinstance(key, str) and (key in NOT_WRITTEN or key.endswith(("_at", "_on", "_for"))):
            return None
        if not isinstance(parent, dict):
            return _export_row(key, child, place, item, note_ids)
        if place.session_number is None and key == "sessions":
            return place
        if key in EXPORT_PARTS:
            return replace(place, holder=EXPORT_PARTS[str(key)])
        if key == "interests":
            return replace(place, holder="register of interests")
        if key == "revisions":
            return replace(place, holder=f"{place.holder}, an earlier wording")
        if key == "action":
            return replace(place, holder=f"{place.holder}, its action")
        return place

    return locate


def _export_row(
    index: object,
    row: object,
    place: Place,
    item: Callable[[Place, object, str], Place],
    note_ids: dict[tuple[int, int], int],
) -> Place | None:
    """The place of one row of a list in the file: a session, an item, a note, an answer."""
    if not isinstance(row, dict):
        return place
    if "agenda_text" in row and isinstance(row.get("number"), int):
        return Place(session_number=row["number"], holder="session details")
    if "section_title" in row:
        return item(place, row.get("position"), "agenda item")
    if "revisions" in row and isinstance(index, int) and place.session_number is not None:
        at = item(place, row.get("item"), f"{row.get('kind')} note")
        return replace(at, note_id=note_ids.get((place.session_number, index)))
    if "score" in row:
        return item(place, row.get("item"), "activity answers")
    return place
