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
