"""What the database a file goes into will hold, so a file is checked against it before
anything is written.

The two databases the app runs on differ: PostgreSQL refuses a NUL in text, text longer
than its column's declared length, and whole numbers beyond its 32-bit INTEGER, where
SQLite keeps all three. A file moved from SQLite may hold any of them and still import
into SQLite as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Holds:
    nul: bool
    """Whether text may hold a NUL character."""
    lengths: bool
    """Whether text is held to its column's declared length."""
    least: int
    most: int
    """The whole numbers a column holds."""


SQLITE = Holds(nul=True, lengths=False, least=-(2**63), most=2**63 - 1)
POSTGRESQL = Holds(nul=False, lengths=True, least=-(2**31), most=2**31 - 1)
EVERY = POSTGRESQL
"""What every database the app runs on holds: where the database is not known."""


def holds_for(backend: str) -> Holds:
    """What a database holds, by its SQLAlchemy backend name ("sqlite", "postgresql")."""
    return SQLITE if backend == "sqlite" else POSTGRESQL
