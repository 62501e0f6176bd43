"""A programme's quorum, and whether a session's attendance meets it.

A quorum is a number of members present, or of member organisations with someone
present. A session is held to the programme's quorum while it runs; when it
finishes, the quorum is kept on the session, so its minutes say what was true
then even if the programme changes its rule later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import session_row
from sessions.domain.programmes import programme_row
from sessions.errors import InputError
from sessions.models import Attendance, Member, Session
from sessions.vocabulary import AttendanceStatus, QuorumOf

QUORUM_HELP = "write a number, e.g. 4, or 3 organisations; leave it blank for no quorum"

_QUORUM = re.compile(r"^(\d{1,4})\s*([a-z]*)$")
_WORDS = {
    "": QuorumOf.MEMBERS,
    "member": QuorumOf.MEMBERS,
    "members": QuorumOf.MEMBERS,
    "people": QuorumOf.MEMBERS,
    "org": QuorumOf.ORGANISATIONS,
    "orgs": QuorumOf.ORGANISATIONS,
    "organisation": QuorumOf.ORGANISATIONS,
    "organisations": QuorumOf.ORGANISATIONS,
    "organization": QuorumOf.ORGANISATIONS,
    "organizations": QuorumOf.ORGANISATIONS,
}


@dataclass(frozen=True)
class Quorum:
    count: int
    of: QuorumOf = QuorumOf.MEMBERS

    def describe(self) -> str:
        """`4 members`, `1 member organisation`, `3 member organisations`."""
        if self.of == QuorumOf.ORGANISATIONS:
            noun = "member organisation" if self.count == 1 else "member organisations"
        else:
            noun = "member" if self.count == 1 else "members"
        return f"{self.count} {noun}"


@dataclass(frozen=True)
class QuorumReading:
    """Whether a session is quorate, as far as its attendance tells."""

    quorum: Quorum | None
    """None where the programme set no quorum."""
    taken: bool
    """Whether anyone's attendance was marked at all."""
    present: int
    """Members present, or member organisations represented, as the quorum counts."""

    @property
    def quorate(self) -> bool | None:
        """None where it cannot be told: no quorum, or no attendance taken."""
        if self.quorum is None or not self.taken:
            return None
        return self.present >= self.quorum.count

    def describe(self) -> str:
        """The minutes' sentence; "" where the programme set no quorum."""
        if self.quorum is None:
            return ""
        if not self.taken:
            return (
                "Whether the meeting was quorate is not known: attendance was not taken "
                f"(the quorum is {self.quorum.describe()})."
            )
        word = "quorate" if self.quorate else "not quorate"
        quorum = self.quorum.describe()
        return f"The meeting was {word}: {self._counted()}, and the quorum is {quorum}."

    def short(self) -> str:
        """A few words for the session's screen."""
        if self.quorum is None:
            return "no quorum set"
        if not self.taken:
            return f"attendance not taken · quorum {self.quorum.describe()}"
        word = "quorate" if self.quorate else "NOT quorate"
        return f"{word} · {self._counted()} · quorum {self.quorum.count}"

    def _counted(self) -> str:
        assert self.quorum is not None
        counted = Quorum(self.present, self.quorum.of).describe()
        verb = "was" if self.present == 1 else "were"
        there = "represented" if self.quorum.of == QuorumOf.ORGANISATIONS else "present"
        return f"{counted} {verb} {there}"


def parse_quorum(text: str) -> Quorum | None:
    """The quorum the facilitator typed; None for a blank line (no quorum)."""
    words = " ".join(text.strip().casefold().split())
    if not words:
        return None
    match = _QUORUM.match(words)
    if match is None or match.group(2) not in _WORDS:
        raise InputError(f"Could not read the quorum {text.strip()!r}: {QUORUM_HELP}.")
    count = int(match.group(1))
    if count < 1:
        raise InputError("A quorum is at least 1: leave it blank for no quorum.")
    return Quorum(count, _WORDS[match.group(2)])


def programme_quorum(db: DbSession, programme_id: int) -> Quorum | None:
    programme = programme_row(db, programme_id)
    if programme.quorum_count is None:
        return None
    return Quorum(programme.quorum_count, QuorumOf(programme.quorum_of))


def set_programme_quorum(db: DbSession, programme_id: int, quorum: Quorum | None) -> None:
    """Sessions finished before keep the quorum they were held to."""
    programme = programme_row(db, programme_id)
    programme.quorum_count = quorum.count if quorum else None
    programme.quorum_of = quorum.of if quorum else QuorumOf.MEMBERS


def keep_quorum_at_finish(db: DbSession, session: Session) -> None:
    """The quorum the session was held to goes on its record."""
    quorum = programme_quorum(db, session.programme_id)
    session.quorum_count = quorum.count if quorum else None
    session.quorum_of = quorum.of if quorum else None


def held_to(db: DbSession, session: Session) -> Quorum | None:
    """A finished session's own record; one still open, the programme's rule as it is."""
    if session.finished_at is not None:
        if session.quorum_count is None or session.quorum_of is None:
            return None
        return Quorum(session.quorum_count, QuorumOf(session.quorum_of))
    return programme_quorum(db, session.programme_id)


def session_quorum(db: DbSession, session_id: int) -> QuorumReading:
    session = session_row(db, session_id)
    quorum = held_to(db, session)
    rows = db.execute(
        select(Attendance.status, Member.id, Member.organisation)
        .join(Member, Attendance.member_id == Member.id)
        .where(Attendance.session_id == session_id)
    ).all()
    present = [row for row in rows if row.status == AttendanceStatus.PRESENT]
    if quorum is not None and quorum.of == QuorumOf.ORGANISATIONS:
        # Written as members typed them: " Harbour Surgery" and "harbour surgery" are one.
        count = len({" ".join(r.organisation.casefold().split()) for r in present} - {""})
    else:
        count = len(present)
    # Those expected when the session was planned are not yet marked by anyone.
    taken = any(row.status != AttendanceStatus.EXPECTED for row in rows)
    return QuorumReading(quorum=quorum, taken=taken, present=count)
