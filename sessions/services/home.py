"""The home screen's first read, before the store is open: the front door for it.

Kept apart from the other services so that importing it loads no SQLAlchemy.
"""

from __future__ import annotations

from sessions.first_read import HomeLists, read_home_lists

__all__ = ["HomeLists", "home_lists_before_opening"]


def home_lists_before_opening(database: str) -> HomeLists | None:
    """The programmes and the sessions waiting, read from a file already at this version's
    schema without opening the store; None when only opening the store can tell (a new,
    older, newer or damaged file, or a database server).

    Only for showing: every change still goes through the open store.
    """
    return read_home_lists(database)
