"""`facilitator session plan|cancel` and `facilitator invite`: a planned session's day, time
and place, calling it off, and its calendar invitation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import TextIO

from facilitator.dates import weekday_text
from sessions.errors import InputError
from sessions.services import calendar
from sessions.services.running import resolve_session_ref
from sessions.store import Store


def meeting_text(meeting: calendar.Meeting) -> str:
    """`Mon 22 Mar 2027, 14:00–16:00, Room 2`: a planned session's when and where."""
    parts = [weekday_text(meeting.on) if meeting.on else "no day yet"]
    if meeting.start is not None and meeting.end is not None:
        parts.append(f"{meeting.start:%H:%M}–{meeting.end:%H:%M}")
    if meeting.place:
        parts.append(meeting.place)
    return ", ".join(parts)


def session_plan(
    store: Store,
    ref: str,
    on: date | None,
    start: time | None,
    end: time | None,
    place: str | None,
    out: TextIO,
) -> int:
    session_id = resolve_session_ref(store, ref)
    if (on, start, end, place) == (None, None, None, None):
        raise InputError("Say what to change: --date, --start, --end or --place.")
    changed = calendar.move_session(store, session_id, on=on, start=start, end=end, place=place)
    planned = calendar.meeting(store, session_id)
    said = "now planned for" if changed else "already planned for"
    out.write(f"Session {planned.number} is {said} {meeting_text(planned.meeting)}.\n")
    if changed:
        out.write("Send its invitation again (facilitator invite) so calendars update.\n")
    return 0


def session_cancel(store: Store, ref: str, now: datetime, out: TextIO) -> int:
    session_id = resolve_session_ref(store, ref)
    calendar.cancel_session(store, session_id, now)
    planned = calendar.meeting(store, session_id)
    out.write(
        f"Session {planned.number} is cancelled; it stays in the record. Send its "
        "cancellation (facilitator invite) so calendars take it off.\n"
    )
    return 0


def _is_session_ref(ref: str) -> bool:
    name, slash, number = ref.strip().rpartition("/")
    return ref.strip().isdigit() or (bool(slash) and bool(name) and number.strip().isdigit())


ORGANISER_SETTING = "invite_organiser"


def organiser_address(given: str | None, forget: bool = False) -> str:
    """The organiser's address: the one given, remembered for next time; else the one
    remembered; else "" for none. With `forget`, the one remembered is forgotten and there
    is none."""
    from sessions.settings import forget_setting, load_settings, save_setting

    if forget:
        forget_setting(ORGANISER_SETTING)
        return ""
    if given is None:
        remembered = load_settings().get(ORGANISER_SETTING)
        return remembered if isinstance(remembered, str) else ""
    address = calendar.checked_address(given)
    save_setting(ORGANISER_SETTING, address)
    return address


def how_sent(invitation: calendar.Invitation) -> str:
    """One line saying whom the invitation asks, or why it asks no one."""
    count = len(invitation.attendees)
    people = "1 member" if count == 1 else f"{count} members"
    if invitation.method == "CANCEL":
        if not count:
            return f"A cancellation from {invitation.organiser}, to no member: none has an address."
        return f"A cancellation from {invitation.organiser} to {people} with an e-mail address."
    if invitation.requests_replies:
        return f"A meeting request from {invitation.organiser} to {people} with an e-mail address."
    if not invitation.organiser:
        return (
            "An entry to copy into a calendar, naming no one: give --organiser with your own "
            "e-mail address to send it as a meeting request to the members who have one."
        )
    return "An entry to copy into a calendar, naming no one: no member has an e-mail address."


def invite_held_back_line(slug: str, number: int) -> str:
    """Why the dashboard wrote no invitation, and the command that writes it."""
    return (
        f"Nothing written: session {number}'s invitation holds what looks like "
        f"patient-identifiable data; write it with `facilitator invite {slug}/{number} "
        "--redact` (or --keep-identifiers)."
    )


def invite(
    store: Store,
    ref: str,
    output: str | None,
    now: datetime,
    out: TextIO,
    *,
    organiser: str = "",
    redact: Callable[[calendar.Invitation], bool] = lambda _: False,
    notes: TextIO | None = None,
) -> Path | None:
    """Write the invitation to one session (a session id or PROGRAMME/N), or to every
    session of a programme still to meet; None where it went to standard output.
    `redact` says, given the invitation, whether to redact what it holds that looks like
    patient-identifiable data; what is said of it goes to `notes` (default `out`)."""
    if _is_session_ref(ref):
        invitation = calendar.session_invite(store, resolve_session_ref(store, ref), organiser)
    else:
        invitation = calendar.programme_invite(store, ref, organiser)
    said = notes or out
    if invitation.undated:
        numbers = ", ".join(str(n) for n in invitation.undated)
        said.write(f"Left out, having no day yet: session {numbers}.\n")
    if invitation.cancelled_left_out:
        numbers = ", ".join(str(n) for n in invitation.cancelled_left_out)
        said.write(
            f"Left out, cancelled: session {numbers}; send each cancellation on its own "
            "(facilitator invite PROGRAMME/N).\n"
        )
    said.write(how_sent(invitation) + "\n")
    redacting = redact(invitation)
    if output == "-":
        out.write(calendar.render_invite(store, invitation, now, redacting).decode("utf-8"))
        return None
    target = Path(output) if output else None
    return calendar.write_invite(store, invitation, now, target, redacting)
