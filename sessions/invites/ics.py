"""An invitation as an iCalendar file (RFC 5545), written through the icalendar library.

A file holding only cancellations says METHOD:CANCEL, so a calendar takes the sessions
off; a CANCEL names its organiser (RFC 5546, 3.2.5), so without one the file is published
as the entry it replaces was, each session saying STATUS:CANCELLED. Given the facilitator's
own e-mail address as organiser, and members with one, the file is a meeting request
(METHOD:REQUEST, RFC 5546, 3.2.2) naming each as an attendee, asked to reply; the same
attendees go into an update and a cancellation, so each calendar that holds the meeting
hears of it. Without an organiser, or anyone with an address, it says METHOD:PUBLISH, an
entry to copy into one's own calendar, naming no one. The same UID and a higher SEQUENCE
make a calendar replace the event it holds rather than add another; a cancelled session
keeps its UID and says STATUS:CANCELLED. Times are given in Europe/London with the zone's
VTIMEZONE in the file, which Outlook needs to place them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sessions.invites.model import Attendee, Invitation, InviteEvent

if TYPE_CHECKING:
    from icalendar import vCalAddress

ZONE = "Europe/London"
PRODID = "-//facilitator//Partnership sessions//EN"


def _minutes(seconds: int) -> str:
    return f"{max(1, round(seconds / 60))} min"


def description(event: InviteEvent) -> str:
    """The agenda in plain text: each item with its time, as a guide."""
    lines = [
        f"Session {event.number} of {event.programme}: {event.agenda_title}.",
        "",
        "Agenda (times are a guide):",
    ]
    start = event.meeting.start
    clock = datetime.combine(date.min, start) if start is not None else None
    for number, item in enumerate(event.items, start=1):
        # An item taken in private is named only by its number, as the public minutes do.
        title = f"Item {number}, taken in private" if item.confidential else item.title
        if clock is not None:
            lines.append(f"{clock:%H:%M}  {title} ({_minutes(item.seconds)})")
            clock += timedelta(seconds=item.seconds)
        else:
            lines.append(f"{number}. {title} ({_minutes(item.seconds)})")
    return "\n".join(lines)


def summary(event: InviteEvent) -> str:
    text = f"{event.programme}, session {event.number}: {event.agenda_title}"
    return f"Cancelled: {text}" if event.cancelled else text


def _attendee(attendee: Attendee) -> vCalAddress:
    from icalendar import vCalAddress

    return vCalAddress.new(
        attendee.email, cn=attendee.name, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp=True
    )


def invitation_bytes(invitation: Invitation, now: datetime) -> bytes:
    """The `.ics` file: one VEVENT a session, stamped `now`."""
    from icalendar import Calendar, Event, vCalAddress

    zone = ZoneInfo(ZONE)
    calendar = Calendar.new(prodid=PRODID)
    # A calendar's own UID (RFC 7986) names the file, which is new each time: left out.
    calendar.pop("UID", None)
    calendar.add("method", invitation.method)
    days: list[date] = []
    for item in invitation.events:
        meeting = item.meeting
        assert meeting.on is not None  # an invitation holds only sessions with a day
        days.append(meeting.on)
        event = Event.new(
            uid=item.uid,
            sequence=item.sequence,
            stamp=now,
            summary=summary(item),
            description=description(item),
        )
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if invitation.requests_replies or invitation.method == "CANCEL":
            event.organizer = vCalAddress.new(invitation.organiser)
            event.attendees = [_attendee(attendee) for attendee in invitation.attendees]
        if meeting.start is not None and meeting.end is not None:
            event.start = datetime.combine(meeting.on, meeting.start, tzinfo=zone)
            event.end = datetime.combine(meeting.on, meeting.end, tzinfo=zone)
        else:
            # A day and no time yet: the day itself, as calendars show an all-day event.
            event.start = meeting.on
            event.end = meeting.on + timedelta(days=1)
        if meeting.place:
            event.add("location", meeting.place)
        calendar.add_component(event)
    # The zone's rules only around the sessions themselves: a short VTIMEZONE.
    calendar.add_missing_timezones(
        first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
    )
    return bytes(calendar.to_ical())
