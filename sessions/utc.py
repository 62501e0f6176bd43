"""The time now, as the aware UTC datetime every stored time is.

Kept apart from the column types so the running clock can read the time
without loading the database layer.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
