"""The public version of a session's minutes: what was taken in private left out.

An item taken in private keeps its number and nothing else: not its title, its notes,
its activity's results or the actions raised in it. A note said in confidence goes, and
so does its action, from the item and from the action log. Everything else is as the full
version has it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from sessions.activities.rag import AreaRating, said_openly
from sessions.minutes.model import (
    Minutes,
    MinutesDeclaration,
    MinutesItem,
    MinutesNote,
    MinutesSection,
)
from sessions.vocabulary import ItemKind

WITHHELD_TITLE = "Taken in private"

VERSIONS = ("full", "public")


def minutes_version(minutes: Minutes, version: str) -> Minutes:
    """The minutes in `version`: 'full' as they are, 'public' without what was private."""
    if version not in VERSIONS:
        raise ValueError(f"minutes come full or public, not {version!r}")
    return public_minutes(minutes) if version == "public" else minutes


def public_minutes(minutes: Minutes) -> Minutes:
    """The minutes anyone may read; the same as the full ones where nothing was private."""
    if not minutes.has_confidential:
        return replace(minutes, public=True)
    withheld = {
        item.number for section in minutes.sections for item in section.items if item.confidential
    }
    return replace(
        minutes,
        public=True,
        sections=[
            MinutesSection(section.title, section.step, [_item(i) for i in section.items])
            for section in minutes.sections
        ],
        actions=[action for action in minutes.actions if not action.confidential],
        matters_arising=[r for r in minutes.matters_arising if not r.confidential],
        declarations=[_declaration(d, withheld) for d in minutes.declarations],
    )


def _item(item: MinutesItem) -> MinutesItem:
    if item.confidential:
        # A discussion has no activity part, so no template or writer has anything to show.
        return replace(
            item,
            title=WITHHELD_TITLE,
            kind=ItemKind.DISCUSSION,
            notes={},
            activity=None,
            withheld=True,
        )
    notes: dict[str, list[MinutesNote]] = {}
    for kind, kept in item.notes.items():
        said = [note for note in kept if not note.confidential]
        if said:
            notes[kind] = said
    activity = item.activity
    if item.kind == ItemKind.RAG and activity:
        # A next step said in confidence is an action the public version leaves out.
        activity = said_openly(cast(list[AreaRating], activity))
    return replace(item, notes=notes, activity=activity)


def _declaration(declaration: MinutesDeclaration, withheld: set[int]) -> MinutesDeclaration:
    # Someone who left the room for a private item did so in public: the item stays unnamed.
    if declaration.item_number not in withheld:
        return declaration
    return replace(
        declaration,
        item_title=WITHHELD_TITLE.lower(),
        left_room_for=WITHHELD_TITLE.lower() if declaration.left_room_for else "",
    )
