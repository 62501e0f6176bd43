"""Where a text sits in the action reminders, and the findings in them: an action's words
and its item's title are placed in the session that raised it, so a finding kept in that
session's minutes is kept here too."""

from __future__ import annotations

from collections.abc import Collection

from sessions.domain.action_digest import DigestAction, OwnerDigest
from sessions.governance.documents import document_findings, redacted_document
from sessions.governance.findings import DocumentFinding
from sessions.governance.walk import Place

# What a reminder says that someone wrote; the rest are numbers, dates and states.
WRITTEN = {"text", "item_title"}
HEADING = {"programme", "owner"}
GROUPS = {"overdue", "due_soon", "later"}


def digest_place(parent: object, key: object, child: object, place: Place) -> Place | None:
    if isinstance(child, DigestAction):
        return Place(
            session_number=child.session_number,
            holder=f"action {child.number}",
            note_id=child.note_id,
        )
    if isinstance(parent, DigestAction):
        return place if key in WRITTEN else None
    if isinstance(parent, OwnerDigest):
        if key in HEADING:
            return Place(holder="heading")
        return place if key in GROUPS else None
    return place


def digests_found(digests: tuple[OwnerDigest, ...]) -> list[DocumentFinding]:
    return document_findings(digests, digest_place, Place())


def redacted_digests(
    digests: tuple[OwnerDigest, ...], keys: Collection[str]
) -> tuple[OwnerDigest, ...]:
    return redacted_document(digests, digest_place, Place(), keys)
