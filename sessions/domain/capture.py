"""What the facilitator's next note will be: deal or relationship, and who is speaking."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import member_of_programme, unfinished_session_row
from sessions.errors import InputError
from sessions.models import Member, SessionCapture
from sessions.views import CaptureChoice
from sessions.vocabulary import NoteKind

CHOOSABLE_KINDS = (NoteKind.DEAL, NoteKind.RELATIONSHIP)


def capture_choice(db: DbSession, session_id: int) -> CaptureChoice:
    """The choice as the driver left it; a session never typed in starts on the deal."""
    row = db.get(SessionCapture, session_id)
    if row is None:
        return CaptureChoice(kind=NoteKind.DEAL)
    speaker = db.get(Member, row.speaker_id) if row.speaker_id is not None else None
    return CaptureChoice(
        kind=row.kind,
        speaker_id=speaker.id if speaker else None,
        speaker_name=speaker.name if speaker else "",
    )


def choose_capture(
    db: DbSession, session_id: int, kind: str, speaker_id: int | None, now: datetime
) -> None:
    """Keep the driver's choice; a member of another programme is refused."""
    if kind not in CHOOSABLE_KINDS:
        raise InputError(f"The next notes are one of: {', '.join(CHOOSABLE_KINDS)}.")
    session = unfinished_session_row(db, session_id, "its notes are closed")
    if speaker_id is not None:
        member_of_programme(db, speaker_id, session.programme_id)
    row = db.get(SessionCapture, session_id)
    if row is None:
        row = SessionCapture(session_id=session_id, kind=kind, changed_at=now)
        db.add(row)
    row.kind = kind
    row.speaker_id = speaker_id
    row.changed_at = now
