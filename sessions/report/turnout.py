"""Who came, and whether the meetings were quorate, across a programme's sessions held.

A session is held once its clock has started: one only planned has not met. The rates
count only the sessions held whose register was taken, as the quorum counts it: where
nobody was marked, nobody can be counted absent. Whether a session was quorate is the
quorum's own reading, against the quorum that session was held to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.minutes_approval import sessions_named
from sessions.domain.quorum import Quorum, session_quorum
from sessions.models import Attendance, Member
from sessions.vocabulary import AttendanceStatus, QuorumOf


def rate_text(part: int, whole: int) -> str:
    """'67%', to the nearest whole per cent, a half rounded up; '—' of nothing."""
    if not whole:
        return "—"
    return f"{(200 * part + whole) // (2 * whole)}%"


@dataclass(frozen=True)
class MemberTurnout:
    name: str
    present: int
    apologies: int
    counted: int
    """The sessions held whose register was taken: what the rate is out of."""

    @property
    def attended_text(self) -> str:
        return f"{self.present} of {self.counted}"

    @property
    def rate(self) -> str:
        return rate_text(self.present, self.counted)


@dataclass(frozen=True)
class SessionTurnout:
    number: int
    taken: bool
    """Whether the session's register was taken."""
    present: int
    apologies: int
    quorum: Quorum | None
    """The quorum the session was held to; None where none was set."""
    counted: int
    """Those present as the quorum counts them: members, or member organisations."""
    quorate: bool | None
    """None where it cannot be told: no quorum, or no register."""

    @property
    def present_text(self) -> str:
        return str(self.present) if self.taken else "not taken"

    @property
    def apologies_text(self) -> str:
        return str(self.apologies) if self.taken else "—"

    @property
    def quorum_text(self) -> str:
        return self.quorum.describe() if self.quorum else "none set"

    @property
    def quorate_text(self) -> str:
        if self.quorum is None:
            return "—"
        if self.quorate is None:
            return "not known"
        word = "yes" if self.quorate else "no"
        if self.quorum.of == QuorumOf.ORGANISATIONS:
            return f"{word} ({self.counted} represented)"
        return word


@dataclass(frozen=True)
class Turnout:
    members: tuple[MemberTurnout, ...]
    """As the attendance register lists them."""
    sessions: tuple[SessionTurnout, ...]
    """The sessions held, in order."""

    @property
    def counted(self) -> tuple[int, ...]:
        """The numbers of the sessions held whose register was taken."""
        return tuple(s.number for s in self.sessions if s.taken)

    @property
    def counted_line(self) -> str:
        """What the members' rates are out of, in a sentence."""
        held = len(self.sessions)
        if not self.counted:
            return "No register was taken at a session held, so there is no rate to give."
        untaken = [s.number for s in self.sessions if not s.taken]
        meetings = "session" if held == 1 else "sessions"
        if not untaken:
            return f"Rates are out of the {held} {meetings} held."
        return (
            f"Rates are out of the {len(self.counted)} of {held} {meetings} held where "
            f"attendance was taken; it was not taken at {sessions_named(untaken)}."
        )

    @property
    def has_quorum(self) -> bool:
        """Whether any session held was held to a quorum."""
        return any(s.quorum is not None for s in self.sessions)

    @property
    def quorum_line(self) -> str:
        """'Quorate at 5 of 6 meetings.', with those not held to a quorum or not known
        said; "" where no session held was held to a quorum."""
        if not self.has_quorum:
            return ""
        judged = [s for s in self.sessions if s.quorate is not None]
        unknown = [s.number for s in self.sessions if s.quorum is not None and s.quorate is None]
        unset = [s.number for s in self.sessions if s.quorum is None]
        parts = []
        if judged:
            quorate = sum(1 for s in judged if s.quorate)
            meetings = "meeting" if len(judged) == 1 else "meetings"
            parts.append(f"Quorate at {quorate} of {len(judged)} {meetings}.")
        if unknown:
            parts.append(f"Not known at {sessions_named(unknown)}: attendance was not taken.")
        if unset:
            parts.append(f"No quorum was set at {sessions_named(unset)}.")
        return " ".join(parts)


def build_turnout(db: DbSession, held: Sequence[tuple[int, int]], names: Sequence[str]) -> Turnout:
    """The turnout of the sessions `held` ((id, number) pairs, in order), for the members
    the register lists by `names` (a programme's member names are its own, one each)."""
    readings = {sid: session_quorum(db, sid) for sid, _number in held}
    statuses: dict[int, Counter[str]] = {sid: Counter() for sid, _number in held}
    by_member: dict[str, Counter[str]] = {name: Counter() for name in names}
    taken = {sid for sid, reading in readings.items() if reading.taken}
    for session_id, name, status in db.execute(
        select(Attendance.session_id, Member.name, Attendance.status)
        .join(Member, Attendance.member_id == Member.id)
        .where(Attendance.session_id.in_(list(statuses)))
    ):
        statuses[session_id][status] += 1
        if session_id in taken and name in by_member:
            by_member[name][status] += 1
    return Turnout(
        members=tuple(
            MemberTurnout(
                name,
                by_member[name][AttendanceStatus.PRESENT],
                by_member[name][AttendanceStatus.APOLOGIES],
                len(taken),
            )
            for name in names
        ),
        sessions=tuple(
            SessionTurnout(
                number=number,
                taken=readings[sid].taken,
                present=statuses[sid][AttendanceStatus.PRESENT],
                apologies=statuses[sid][AttendanceStatus.APOLOGIES],
                quorum=readings[sid].quorum,
                counted=readings[sid].present,
                quorate=readings[sid].quorate,
            )
            for sid, number in held
        ),
    )
