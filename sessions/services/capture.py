"""The front door to the driver's choice of what the next note will be."""

from __future__ import annotations

from datetime import datetime

from sessions.domain.capture import capture_choice, choose_capture
from sessions.store import Store
from sessions.views import CaptureChoice


def current_choice(store: Store, session_id: int) -> CaptureChoice:
    with store.reading() as db:
        return capture_choice(db, session_id)


def keep_choice(
    store: Store, session_id: int, kind: str, speaker_id: int | None, now: datetime
) -> None:
    with store.transaction("keep the choice of note") as db:
        choose_capture(db, session_id, kind, speaker_id, now)
