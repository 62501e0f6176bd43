"""Re-planning and calling off sessions planned ahead, and their calendar invitations: the
front door to `sessions.domain.calendar` and `sessions.invites`."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from sessions.domain.calendar import Meeting as Meeting
from sessions.domain.calendar import PlannedMeeting as PlannedMeeting
from sessions.domain.calendar import cancel, moved, planned_meeting, replan
from sessions.domain.calendar import default_end as default_end
from sessions.errors import StoreError
from sessions.invites.ics import invitation_bytes
from sessions.invites.model import Invitation, programme_invitation, session_invitation
from sessions.private_files import write_private
from sessions.store import Store

SUFFIX = ".ics"


def meeting(store: Store, session_id: int) -> PlannedMeeting:
    """When and where the session is planned to meet, and whether it still can be changed."""
    with store.reading() as db:
        return planned_meeting(db, session_id)


def replan_session(store: Store, session_id: int, changed: Meeting) -> bool:
    """Set the session's day, start, end and place; False where nothing changed.

    A start with no end ends after the agenda's length, on the next quarter hour. Refused
    once its clock has started, and for a session cancelled. The day given is confirmed,
    as the facilitator has seen it.
    """
    with store.transaction("re-plan the session") as db:
        return replan(db, session_id, changed, day_given=True)


def move_session(
    store: Store,
    session_id: int,
    *,
    on: date | None = None,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
) -> bool:
    """Change only what is given; a new start without an end keeps the meeting's length.
    A day given is confirmed; one kept as it was stays to confirm if it was."""
    with store.transaction("re-plan the session") as db:
        current = planned_meeting(db, session_id)
        changed = moved(
            current.meeting, current.agenda_seconds, on=on, start=start, end=end, place=place
        )
        return replan(db, session_id, changed, day_given=on is not None)


def cancel_session(store: Store, session_id: int, now: datetime) -> None:
    """Call off a session not yet started; it stays in the record, marked cancelled."""
    with store.transaction("cancel the session") as db:
        cancel(db, session_id, now)


def session_invite(store: Store, session_id: int) -> Invitation:
    with store.reading() as db:
        return session_invitation(db, session_id)


def programme_invite(store: Store, name_or_slug: str) -> Invitation:
    with store.reading() as db:
        return programme_invitation(db, name_or_slug)


def render_invite(invitation: Invitation, now: datetime) -> bytes:
    return invitation_bytes(invitation, now)


def default_invite_name(invitation: Invitation) -> str:
    """`north-pcn-session-3.ics` for one session, `north-pcn-sessions.ics` for several."""
    if len(invitation.events) == 1:
        return f"{invitation.programme_slug}-session-{invitation.events[0].number}{SUFFIX}"
    return f"{invitation.programme_slug}-sessions{SUFFIX}"


def write_invite(invitation: Invitation, now: datetime, output: Path | None = None) -> Path:
    """Write the invitation, readable by the facilitator alone; by default in the current
    folder, named for the programme and session."""
    path = output if output is not None else Path(default_invite_name(invitation))
    try:
        write_private(path, render_invite(invitation, now))
    except OSError as exc:
        raise StoreError(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path
