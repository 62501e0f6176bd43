"""Each owner's open actions, as a reminder between meetings: what is overdue, what falls
due soon, and what comes later or has no date yet.

An action raised in confidence (in an item taken in private, or as a note said so) is
left out unless asked for, as the public minutes leave it out: a reminder is a file that
travels by e-mail and is easily sent on, and an owner may be a guest who never sees the
members' full minutes. Its number stays as the full minutes give it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_log import LogEntry
from sessions.domain.confidential import confidential_action_ids
from sessions.domain.open_actions import NO_OWNER, OpenActions, open_actions
from sessions.domain.programmes import slugify
from sessions.errors import InputError
from sessions.models import Programme
from sessions.names import best_matches, name_key

SOON_DAYS = 14
"""How far ahead 'due soon' looks unless told: the fortnight between most meetings."""

SLUG_MOST = 50
"""The most characters of an owner's name their files are named by."""


@dataclass(frozen=True)
class DigestAction:
    """One open action as its owner is reminded of it."""

    number: str
    """'2.3', as the minutes number it."""
    text: str
    session_number: int
    item_title: str
    raised_on: date
    due: date | None
    status: str
    """On track, at risk or overdue: the action log's RAG, in words."""
    note_id: int


@dataclass(frozen=True)
class OwnerDigest:
    """One owner's open actions in a programme, grouped by when they fall due."""

    programme: str
    owner: str
    """The owner's name; "" for the actions nobody owns."""
    today: date
    within_days: int
    overdue: tuple[DigestAction, ...]
    due_soon: tuple[DigestAction, ...]
    later: tuple[DigestAction, ...]
    """Due after the next `within_days` days, or with no date yet."""

    @property
    def owner_label(self) -> str:
        return self.owner or NO_OWNER

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.later)

    @property
    def soon_until(self) -> date:
        return self.today + timedelta(days=self.within_days)

    @property
    def counts(self) -> str:
        """'2 overdue, 1 due soon'; where neither, how many are open."""
        parts = [
            f"{count} {what}"
            for count, what in ((len(self.overdue), "overdue"), (len(self.due_soon), "due soon"))
            if count
        ]
        return ", ".join(parts) or f"{self.open_count} open"

    @property
    def subject(self) -> str:
        if not self.owner:
            return f"Actions with no owner in {self.programme}: {self.counts}"
        return f"Your actions for {self.programme}: {self.counts}"

    @property
    def title(self) -> str:
        return f"Actions for {self.owner_label}: {self.programme}"


@dataclass(frozen=True)
class Owner:
    """Someone actions can be owed by: a member, a named guest, or nobody."""

    name: str
    member_id: int | None = None
    email: str = ""
    slug: str = ""
    """The owner's files are named by it: unique within the programme's owners."""

    @property
    def label(self) -> str:
        return self.name or NO_OWNER


@dataclass(frozen=True)
class Digests:
    """The reminders for a programme's owners, and who of those asked for has nothing open."""

    programme: str
    slug: str
    owners: tuple[tuple[Owner, OwnerDigest], ...]
    nothing_open: tuple[Owner, ...]
    """Those asked for with no action open at all: current members, or the one named."""
    left_out: tuple[tuple[Owner, int], ...]
    """Whose actions raised in confidence were left out, and how many."""


def action_digests(
    db: DbSession,
    programme: Programme,
    today: date,
    *,
    owner: str | None = None,
    within_days: int = SOON_DAYS,
    include_confidential: bool = False,
) -> Digests:
    """The reminders of every owner with an action open (or of the one named `owner`, found
    by any part of the name, as an action's owner is); a current member with nothing open
    is listed as such."""
    if within_days < 0:
        raise InputError("Due soon looks ahead a number of days: 0 or more.")
    found = open_actions(db, programme.id, today)
    hidden = set() if include_confidential else confidential_action_ids(db, programme.id)
    owners = _owners(found)
    by_owner = found.by_owner()
    if owner is not None:
        chosen = _named(owner, owners, programme.name)
        owners = {key: who for key, who in owners.items() if key == chosen}
    kept: list[tuple[Owner, OwnerDigest]] = []
    nothing: list[Owner] = []
    left_out: list[tuple[Owner, int]] = []
    for key, who in owners.items():
        mine = by_owner.get(key, [])
        shown = [entry for entry in mine if entry.action_id not in hidden]
        if len(shown) < len(mine):
            left_out.append((who, len(mine) - len(shown)))
        if shown:
            kept.append((who, _digest(programme.name, who, shown, today, within_days)))
        elif not mine:
            nothing.append(who)
    return Digests(programme.name, programme.slug, tuple(kept), tuple(nothing), tuple(left_out))


def _owners(found: OpenActions) -> dict[str, Owner]:
    """Every owner, by key: current members (and archived ones still owing), then guests,
    then nobody; each with a slug no other has."""
    found_names: dict[str, tuple[str, int | None, str]] = {}
    owing = {found.links.get(entry.action_id) for entry in found.entries}
    for member in sorted(found.members.values(), key=lambda m: name_key(m.name)):
        if member.archived_at is None or member.id in owing:
            found_names[f"member:{member.id}"] = (member.name, member.id, member.email)
    for entry in found.entries:
        key = found.key(entry)
        if key not in found_names:
            found_names[key] = (entry.owner, None, "")
    owners: dict[str, Owner] = {}
    taken: set[str] = set()
    for key, (name, member_id, email) in found_names.items():
        # Cut well short of the 255 bytes a file's name may have, suffix and all.
        base = slug = slugify(name)[:SLUG_MOST].strip("-_") if name else "no-owner"
        counter = 2
        while slug in taken:
            slug, counter = f"{base}-{counter}", counter + 1
        taken.add(slug)
        owners[key] = Owner(name, member_id, email, slug)
    return owners


def _named(typed: str, owners: dict[str, Owner], programme: str) -> str:
    """The key of the owner `typed` names; refused, saying so, when none or several."""
    keys = list(owners)
    found = best_matches(typed, keys, lambda key: owners[key].label)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(
            f"No member or action owner of {programme} is called {typed.strip()!r}: "
            "give a member's name as the members screen lists it."
        )
    names = ", ".join(owners[key].label for key in found)
    raise InputError(f"{typed.strip()!r} could be any of {names}: give more of the name.")


def _digest(
    programme: str, owner: Owner, entries: list[LogEntry], today: date, within_days: int
) -> OwnerDigest:
    soon_until = today + timedelta(days=within_days)
    actions = [_action(entry) for entry in entries]
    return OwnerDigest(
        programme=programme,
        owner=owner.name,
        today=today,
        within_days=within_days,
        overdue=tuple(a for a in actions if a.due is not None and a.due < today),
        due_soon=tuple(a for a in actions if a.due is not None and today <= a.due <= soon_until),
        later=tuple(a for a in actions if a.due is None or a.due > soon_until),
    )


def _action(entry: LogEntry) -> DigestAction:
    return DigestAction(
        number=entry.number,
        text=entry.text,
        session_number=entry.session_number,
        item_title=entry.item_title,
        # The day it was said, where the facilitator was.
        raised_on=entry.raised_at.astimezone().date(),
        due=entry.due,
        status=entry.rag,
        note_id=entry.note_id,
    )
