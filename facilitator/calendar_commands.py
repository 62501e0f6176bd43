"""`facilitator session plan|cancel` and `facilitator invite`: a planned session's day, time
and place, calling it off, and its calendar invitation."""

from __future__ import annotations

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


def invite(store: Store, ref: str, output: str | None, now: datetime, out: TextIO) -> Path | None:
    """Write the invitation to one session (a session id or PROGRAMME/N), or to every
    session of a programme still to meet; None where it went to standard output."""
    if _is_session_ref(ref):
        invitation = calendar.session_invite(store, resolve_session_ref(store, ref))
    else:
        invitation = calendar.programme_invite(store, ref)
    if invitation.undated:
        numbers = ", ".join(str(n) for n in invitation.undated)
        out.write(f"Left out, having no day yet: session {numbers}.\n")
    if output == "-":
        out.write(calendar.render_invite(invitation, now).decode("utf-8"))
        return None
    return calendar.write_invite(invitation, now, Path(output) if output else None)
