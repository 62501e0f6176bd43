"""Where a text sits in a calendar invitation, and the findings in it: its title, the agenda
its description lists, the place, and the names of those it asks. The UID and the e-mail
addresses are the app's and the members' own, given on purpose: not read."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from sessions.domain.calendar import Meeting
from sessions.governance.documents import document_findings, redacted_document
from sessions.governance.findings import DocumentFinding
from sessions.governance.walk import Place
from sessions.invites.model import Attendee, Invitation, InviteEvent, InviteItem

EVENT_PARTS = {"programme": "title", "agenda_title": "title", "meeting": "place"}


def invite_place(parent: object, key: object, child: object, place: Place) -> Place | None:
    if isinstance(parent, Invitation):
        if key == "events":
            return place
        # The members, as the export places them: a choice made there holds here.
        return Place(holder="members") if key == "attendees" else None
    if isinstance(parent, Attendee):
        return place if key == "name" else None
    if isinstance(child, InviteEvent):
        return Place(session_number=child.number, holder="invitation")
    if isinstance(parent, InviteEvent):
        if key == "items":
            return replace(place, holder="invitation, agenda")
        holder = EVENT_PARTS.get(str(key))
        return replace(place, holder=f"invitation, {holder}") if holder else None
    if isinstance(parent, Meeting):
        return place if key == "place" else None
    if isinstance(child, InviteItem):
        if child.confidential:
            return None  # named only by its number in the invitation
        number = key + 1 if isinstance(key, int) else None
        return replace(place, item_number=number, item_title=child.title)
    if isinstance(parent, InviteItem):
        return place if key == "title" else None
    return place


def invite_found(invitation: Invitation) -> list[DocumentFinding]:
    return document_findings(invitation, invite_place, Place())


def redacted_invite(invitation: Invitation, keys: Collection[str]) -> Invitation:
    return redacted_document(invitation, invite_place, Place(), keys)
