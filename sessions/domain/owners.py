"""Who owns an action: a member of the programme, found by any part of the name typed, or
a named guest the facilitator chose to keep.

A guest is remembered by the actions already given to that name: an owner the programme
has used before without a member is not asked about again.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import member_of_programme
from sessions.domain.people import current_members, enrol_member
from sessions.models import Action, Member
from sessions.names import OwnerChoice, OwnerQuestion, best_matches
from sessions.views import MemberView
from sessions.vocabulary import OrganisationKind


def known_guests(db: DbSession, programme_id: int) -> list[str]:
    """The owners the programme has kept by name alone, each spelling once."""
    return list(
        db.scalars(
            select(Action.owner)
            .where(
                Action.programme_id == programme_id,
                Action.owner_member_id.is_(None),
                Action.owner != "",
            )
            .distinct()
            .order_by(Action.owner)
        )
    )


def owner_names(db: DbSession, programme_id: int) -> list[str]:
    """Every name an owner can be given: the current members', then the guests' kept."""
    members = [member.name for member in current_members(db, programme_id)]
    return members + [guest for guest in known_guests(db, programme_id) if guest not in members]


def member_names(db: DbSession, programme_id: int) -> dict[int, str]:
    """Each member's name by id, archived members too: an old action may be theirs."""
    rows = db.execute(select(Member.id, Member.name).where(Member.programme_id == programme_id))
    return {member_id: name for member_id, name in rows}


def settle_owner(
    db: DbSession, programme_id: int, typed: str, choice: OwnerChoice | None, ask: bool
) -> tuple[str, int | None]:
    """The owner to store for `typed`: (the name, the member's id or None for a guest).

    One member found is the owner, under their full name. A guest kept before is that
    guest. Otherwise `choice` says what the facilitator decided; without one, `ask` raises
    OwnerQuestion (several members, or none), and not asking keeps the name as typed.
    """
    typed = typed.strip()
    if not typed:
        return "", None
    if choice is not None:
        if choice.member_id is not None:
            member = member_of_programme(db, choice.member_id, programme_id)
            return member.name, member.id
        if choice.new_member:
            added = enrol_member(db, programme_id, typed, "", OrganisationKind.OTHER, "")
            return added.name, added.id
        if choice.guest:
            return typed, None
    found: list[MemberView] = best_matches(
        typed, current_members(db, programme_id), lambda member: member.name
    )
    if len(found) == 1:
        return found[0].name, found[0].id
    if not found:
        guests = best_matches(typed, known_guests(db, programme_id), lambda name: name)
        if len(guests) == 1:
            return guests[0], None
    if ask:
        raise OwnerQuestion(typed, found)
    return typed, None
