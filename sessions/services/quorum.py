"""The quorum's front door: the programme's rule, and whether a session meets it."""

from __future__ import annotations

from sessions.domain.quorum import (
    QUORUM_HELP,
    Quorum,
    QuorumReading,
    parse_quorum,
    programme_quorum,
    session_quorum,
    set_programme_quorum,
)
from sessions.store import Store

__all__ = ["QUORUM_HELP", "Quorum", "QuorumReading", "get_quorum", "quorum_reading", "set_quorum"]


def get_quorum(store: Store, programme_id: int) -> Quorum | None:
    with store.reading() as db:
        return programme_quorum(db, programme_id)


def set_quorum(store: Store, programme_id: int, typed: str) -> Quorum | None:
    """Set the quorum from what was typed (blank: none); InputError if it can't be read."""
    quorum = parse_quorum(typed)
    with store.transaction("set the quorum") as db:
        set_programme_quorum(db, programme_id, quorum)
    return quorum


def quorum_reading(store: Store, session_id: int) -> QuorumReading:
    with store.reading() as db:
        return session_quorum(db, session_id)
