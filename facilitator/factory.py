"""The one place the app is built, for the command line and for tests alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.app import FacilitatorApp


def make_app(db: str | None = None, *, now: Callable[[], datetime] | None = None) -> FacilitatorApp:
    """Open the database (path or URL; default in the user data folder) and build the app.

    Opening happens before the app starts, so a database that cannot be used is
    reported on the command line instead of inside a half-drawn screen.
    """
    from sessions.paths import default_database_url
    from sessions.store import Store

    store = Store.open(db or default_database_url())
    from facilitator.app import FacilitatorApp

    return FacilitatorApp(store, now=now)


def make_mirror(
    db: str | None = None, ref: str | None = None, *, now: Callable[[], datetime] | None = None
) -> FacilitatorApp:
    """The read-only mirror of a session (by REF), or of whichever session is running.

    The database is opened read-only: it must already exist with this version's schema.
    """
    from sessions.paths import default_database_url
    from sessions.services.running import resolve_session_ref
    from sessions.store import Store

    store = Store.open(db or default_database_url(), read_only=True)
    try:
        session_id = resolve_session_ref(store, ref) if ref else None
    except BaseException:
        store.close()
        raise
    from facilitator.app import FacilitatorApp
    from facilitator.screens.mirror import MirrorScreen

    return FacilitatorApp(store, now=now, first_screen=lambda: MirrorScreen(session_id))
