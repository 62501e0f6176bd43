"""The apps a Pilot test builds, each closed with its store as the test ends, pass or fail."""

from __future__ import annotations

from contextlib import ExitStack
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.app import FacilitatorApp


class BuiltApps:
    """Builds the app as the command line does, and remembers it to close its store."""

    def __init__(self) -> None:
        self.apps: list[FacilitatorApp] = []

    def app(self, db: str | PathLike[str], **kwargs) -> FacilitatorApp:
        """The app on the database `db` (a path or URL), with `make_app`'s `now=` and
        `open_later=`."""
        from facilitator.factory import make_app

        return self._kept(make_app(str(db), **kwargs))

    def mirror(self, db: str | PathLike[str], ref: str | None = None, **kwargs) -> FacilitatorApp:
        """The read-only mirror of session `ref` (or of the one running) on `db`."""
        from facilitator.factory import make_mirror

        return self._kept(make_mirror(str(db), ref, **kwargs))

    def _kept(self, app: FacilitatorApp) -> FacilitatorApp:
        self.apps.append(app)
        return app

    def close(self) -> None:
        """Close every store, the last built first, going on past one that fails to close."""
        with ExitStack() as closing:
            for app in self.apps:
                closing.callback(app.close_store)
