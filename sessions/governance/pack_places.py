"""Where a text sits in a session's papers, and the findings in them: the agenda's items,
the open actions, the register, and the last meeting's minutes as the minutes place them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from sessions.governance.documents import document_findings, redacted_document
from sessions.governance.findings import DocumentFinding
from sessions.governance.places import minutes_place
from sessions.governance.walk import Place
from sessions.pack.actions import PackAction
from sessions.pack.model import Pack, PackItem, PreviousMinutes
from sessions.pack.register import PackMember

PACK_PARTS = {
    "header": "date, time and place",
    "sections": "agenda",
    "owners": "open actions",
    "previous": "",
}


def pack_place(parent: object, key: object, child: object, place: Place) -> Place | None:
    if isinstance(parent, Pack):
        if key == "register":
            # The register is the programme's, as the export places it: a choice made
            # about it in one document holds in the others.
            return Place(holder="register of interests")
        return replace(place, holder=PACK_PARTS.get(str(key), "heading"))
    if isinstance(parent, PreviousMinutes):
        if key != "minutes":
            return place
        # The minutes are that session's document: its findings are keyed to it.
        return Place(session_number=parent.session_number)
    if isinstance(child, PackItem):
        return replace(place, item_number=child.number, item_title=child.title, holder="agenda")
    if isinstance(child, PackAction):
        return replace(
            place, session_number=child.raised_in, holder=f"open actions, action {child.number}"
        )
    if isinstance(child, PackMember):
        return replace(place, holder=f"register of interests, {child.name}")
    return minutes_place(parent, key, child, place)


def pack_found(pack: Pack) -> list[DocumentFinding]:
    return document_findings(pack, pack_place, _start(pack))


def redacted_pack(pack: Pack, keys: Collection[str]) -> Pack:
    return redacted_document(pack, pack_place, _start(pack), keys)


def _start(pack: Pack) -> Place:
    return Place(session_number=pack.session_number)
