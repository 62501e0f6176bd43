"""A programme's open actions by owner, as the papers and the owners' reminders list them.

An owner is a member, a guest kept by name, or nobody. An action given to a member's very
name before they were a member is that member's, and a guest is the same guest however
the name's case or spacing was typed, so one person's actions are never split in two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_log import LogEntry, log_entries
from sessions.models import Action, Member
from sessions.names import name_key
from sessions.vocabulary import STILL_OPEN

NOBODY = "nobody"
"""The key of the actions nobody owns."""

NO_OWNER = "No owner"
"""How the actions nobody owns are named: the facilitator's to find an owner for."""


@dataclass(frozen=True)
class OpenActions:
    entries: list[LogEntry]
    """The open actions as they stand, soonest due first, the undated last."""
    links: dict[int, int | None]
    """Each action's owning member, by action id; None for a guest or nobody."""
    members: dict[int, Member]
    """Every member of the programme, archived ones too, by id."""

    def key(self, entry: LogEntry) -> str:
        """Who owns the action: `member:ID`, `guest:NAME`, or `nobody`."""
        member_id = self.links.get(entry.action_id)
        if member_id is not None:
            return f"member:{member_id}"
        return f"guest:{name_key(entry.owner)}" if entry.owner.strip() else NOBODY

    def by_owner(self) -> dict[str, list[LogEntry]]:
        """The open actions by owner's key, each owner's soonest due first."""
        grouped: dict[str, list[LogEntry]] = {}
        for entry in self.entries:
            grouped.setdefault(self.key(entry), []).append(entry)
        return grouped

    def name(self, key: str, entries: list[LogEntry]) -> str:
        """The owner's name: the member's as the register has it, else as first typed."""
        member_id = next((self.links.get(e.action_id) for e in entries), None)
        if member_id is not None and member_id in self.members:
            return self.members[member_id].name
        return "" if key == NOBODY else entries[0].owner


def open_actions(db: DbSession, programme_id: int, today: date) -> OpenActions:
    """The programme's open actions as they stand on `today`, with who owns each."""
    entries = sorted(
        (e for e in log_entries(db, programme_id, None, today).values() if e.status in STILL_OPEN),
        key=lambda e: (e.due is None, e.due or date.max, e.raised_at, e.action_id),
    )
    links: dict[int, int | None] = dict(
        db.execute(
            select(Action.id, Action.owner_member_id).where(Action.programme_id == programme_id)
        ).all()
    )
    members = {
        member.id: member
        for member in db.scalars(select(Member).where(Member.programme_id == programme_id))
    }
    # An owner named before they were a member, by the very name, is that member.
    named = {name_key(member.name): member.id for member in members.values()}
    for entry in entries:
        if links.get(entry.action_id) is None and name_key(entry.owner) in named:
            links[entry.action_id] = named[name_key(entry.owner)]
    return OpenActions(entries, links, members)
