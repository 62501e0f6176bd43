"""Re-planning and calling off sessions planned ahead, and their calendar invitations: the
front door to `sessions.domain.calendar` and `sessions.invites`."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from sessions.domain.calendar import Meeting as Meeting
from sessions.domain.calendar import PlannedMeeting as PlannedMeeting
from sessions.domain.calendar import cancel, moved, planned_meeting, replan
from sessions.domain.calendar import default_end as default_end
from sessions.domain.people import email_address
from sessions.errors import InputError, StoreError
from sessions.invites.ics import invitation_bytes
from sessions.invites.model import (
    Invitation as Invitation,
)
from sessions.invites.model import (
    programme_invitation,
    session_invitation,
    with_organiser,
)
from sessions.private_files import write_private
from sessions.services.governance import Redact, cleared_invite
from sessions.store import Store

SUFFIX = ".ics"


def meeting(store: Store, session_id: int) -> PlannedMeeting:
    """When and where the session is planned to meet, and whether it still can be changed."""
    with store.reading() as db:
        return planned_meeting(db, session_id)


def replan_session(
    store: Store, session_id: int, changed: Meeting, today: date | None = None
) -> bool:
    """Set the session's day, start, end and place; False where nothing changed.

    A start with no end ends after the agenda's length, on the next quarter hour. Refused
    once its clock has started, and for a session cancelled. The day given is confirmed,
    as the facilitator has seen it; one before `today` (by default the computer's) is refused.
    """
    with store.transaction("re-plan the session") as db:
        return replan(db, session_id, changed, day_given=True, today=today or date.today())


def move_session(
    store: Store,
    session_id: int,
    *,
    on: date | None = None,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
    today: date | None = None,
) -> bool:
    """Change only what is given; a new start without an end keeps the meeting's length.
    A day given is confirmed, and refused if before `today` (by default the computer's);
    one kept as it was stays to confirm if it was."""
    with store.transaction("re-plan the session") as db:
        current = planned_meeting(db, session_id)
        changed = moved(
            current.meeting, current.agenda_seconds, on=on, start=start, end=end, place=place
        )
        return replan(
            db, session_id, changed, day_given=on is not None, today=today or date.today()
        )


def cancel_session(store: Store, session_id: int, now: datetime) -> None:
    """Call off a session not yet started; it stays in the record, marked cancelled."""
    with store.transaction("cancel the session") as db:
        cancel(db, session_id, now)


def session_invite(store: Store, session_id: int, organiser: str = "") -> Invitation:
    """The invitation to one session; sent by `organiser` (an e-mail address), a meeting
    request to the members with an address, else an entry to copy naming no one."""
    with store.reading() as db:
        invitation = session_invitation(db, session_id)
    return with_organiser(invitation, organiser) if organiser else invitation


def programme_invite(store: Store, name_or_slug: str, organiser: str = "") -> Invitation:
    """The invitation to every session of the programme still to meet, as `session_invite`."""
    with store.reading() as db:
        invitation = programme_invitation(db, name_or_slug)
    return with_organiser(invitation, organiser) if organiser else invitation


def checked_address(value: str) -> str:
    """An organiser's e-mail address as given, checked; refused where it is none."""
    address = email_address(value)
    if not address:
        raise InputError("Give the organiser's e-mail address, like asha.patel@nhs.net.")
    return address


def render_invite(
    store: Store, invitation: Invitation, now: datetime, redact: Redact = False
) -> bytes:
    """The `.ics` file, once its words are checked for patient-identifiable data: refused
    (IdentifiersFound) while a finding is open and not chosen for redaction."""
    return invitation_bytes(cleared_invite(store, invitation, redact), now)


def default_invite_name(invitation: Invitation) -> str:
    """`north-pcn-session-3.ics` for one session, `north-pcn-sessions.ics` for several."""
    if len(invitation.events) == 1:
        return f"{invitation.programme_slug}-session-{invitation.events[0].number}{SUFFIX}"
    return f"{invitation.programme_slug}-sessions{SUFFIX}"


def write_invite(
    store: Store,
    invitation: Invitation,
    now: datetime,
    output: Path | None = None,
    redact: Redact = False,
) -> Path:
    """Write the invitation, readable by the facilitator alone; by default in the current
    folder, named for the programme and session. Checked first, as `render_invite` says."""
    path = output if output is not None else Path(default_invite_name(invitation))
    data = render_invite(store, invitation, now, redact)
    try:
        write_private(path, data)
    except OSError as exc:
        raise StoreError(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path
