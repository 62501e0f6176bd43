"""Errors the facilitator sees: each carries one clear sentence to show as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sessions.domain.leases import LeaseView


class FacilitatorError(Exception):
    """Something the user can act on; str() is the message to show."""


class StoreError(FacilitatorError):
    """The database could not be opened or written."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer facilitator; we must not alter it."""


class DamagedError(StoreError):
    """The database file is damaged in what it records: left as it was, never guessed at."""


class NotFoundError(FacilitatorError):
    """A programme, session or agenda named by the user does not exist."""


class InputError(FacilitatorError):
    """Something typed cannot be understood; the text stays where it was typed."""


class SessionLeasedError(FacilitatorError):
    """Another copy of the app is driving the session; `lease` says who, since when."""

    def __init__(self, message: str, lease: LeaseView):
        super().__init__(message)
        self.lease = lease


class LeaseLostError(FacilitatorError):
    """This app was driving the session, and another copy has taken it over."""


class TemplateProblem(FacilitatorError):
    """A minutes or report template could not be used; the message names its file and line."""
