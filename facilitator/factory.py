"""The one place the app is built, for the command line and for tests alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.app import FacilitatorApp


def make_app(
    db: str | None = None, *, now: Callable[[], datetime] | None = None, open_later: bool = False
) -> FacilitatorApp:
    """Build the app on the database (path or URL; default in the user data folder).

    By default the database is opened here, before the app starts. With
    `open_later` the home screen's frame is drawn first and the database opened
    straight after it, so the app shows itself without waiting for SQLAlchemy to
    load; a database that cannot be used closes the app at once, and
    `app.open_error` says why, for the command line to report.
    """
    from sessions.paths import default_database_url

    url = db or default_database_url()
    from facilitator.app import FacilitatorApp

    def open_store():
        from sessions.store import Store

        return Store.open(url)

    if open_later:
        # The home screen may list the file's programmes before the store is open.
        return FacilitatorApp(open_store, now=now, database=url)
    return FacilitatorApp(open_store(), now=now)


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
