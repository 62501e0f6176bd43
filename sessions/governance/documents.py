"""The findings in a whole document (minutes, the programme report, an export), and the
document again with the chosen ones redacted, so every format writes the redacted words
while the database keeps what was typed."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, TypeVar

from sessions.governance.findings import DocumentFinding
from sessions.governance.identifiers import Finding, find_identifiers, redacted
from sessions.governance.places import export_place, minutes_place, report_place
from sessions.governance.walk import Locate, Place, rebuilt, texts
from sessions.minutes.model import Minutes
from sessions.report.model import ProgrammeReport

T = TypeVar("T")


def document_findings(document: object, locate: Locate, place: Place) -> list[DocumentFinding]:
    """Every finding in every text the document carries, in the order it holds them."""
    return [
        _finding(found, where)
        for text, where in texts(document, place, locate)
        for found in find_identifiers(text)
    ]


def redacted_document(document: T, locate: Locate, place: Place, keys: Collection[str]) -> T:
    """The document with each finding whose key is in `keys` replaced by its redaction;
    the same object where there is nothing to redact."""
    if not keys:
        return document

    def change(text: str, where: Place) -> str:
        chosen = [found for found in find_identifiers(text) if _finding(found, where).key in keys]
        return redacted(text, chosen) if chosen else text

    return rebuilt(document, place, locate, change)


def _finding(found: Finding, place: Place) -> DocumentFinding:
    return DocumentFinding(
        kind=found.kind,
        text=found.text,
        where=place.where,
        session_number=place.session_number,
        item_number=place.item_number,
        note_id=place.note_id,
    )


def minutes_found(minutes: Minutes) -> list[DocumentFinding]:
    return document_findings(minutes, minutes_place, _minutes_start(minutes))


def redacted_minutes(minutes: Minutes, keys: Collection[str]) -> Minutes:
    return redacted_document(minutes, minutes_place, _minutes_start(minutes), keys)


def report_found(report: ProgrammeReport) -> list[DocumentFinding]:
    return document_findings(report, report_place, Place())


def redacted_report(report: ProgrammeReport, keys: Collection[str]) -> ProgrammeReport:
    return redacted_document(report, report_place, Place(), keys)


def export_locator(document: dict[str, Any], note_ids: dict[int, list[int]]) -> Locate:
    """Places in an exported programme; `note_ids` gives each session's (by number) notes'
    ids in the order the file lists them."""
    titles = {
        (session["number"], item["position"]): item["title"]
        for session in document.get("sessions", [])
        for item in session.get("items", [])
    }
    ids = {
        (number, index): note_id
        for number, listed in note_ids.items()
        for index, note_id in enumerate(listed)
    }
    return export_place(titles, ids)


def _minutes_start(minutes: Minutes) -> Place:
    return Place(session_number=minutes.session_number)
