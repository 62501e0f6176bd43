"""This copy of the app driving a session: each change to the clock is saved before it is
shown, under the lease that keeps one driver per session."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.app import FacilitatorApp
from sessions.clock import ClockState
from sessions.errors import FacilitatorError, LeaseLostError, StoreError
from sessions.services import running
from sessions.views import SessionView


class SessionDriver:
    """Saves one session's clock changes and keeps this copy's hold on the session.

    When another copy has taken the session over, `lost` is told, once; from then on
    this copy only watches, and lets go of nothing when it closes.
    """

    def __init__(
        self, app: FacilitatorApp, session_id: int, lost: Callable[[LeaseLostError], None]
    ) -> None:
        self.app = app
        self.session_id = session_id
        self._tell_lost = lost
        self.lost = False
        self._heartbeat_failed = False

    def open(self, *, take_over: bool) -> tuple[SessionView, ClockState]:
        """The session and its clock, held by this copy; SessionLeasedError if another has it."""
        return running.open_session(
            self.app.store, self.session_id, self.app.holder, self.app.now(), take_over=take_over
        )

    def change(self, change: Callable[..., ClockState], *args: int) -> ClockState | None:
        """The clock as saved after `change`; None when it was refused, the reason shown."""
        try:
            return change(
                self.app.store, self.session_id, *args, self.app.now(), holder=self.app.holder
            )
        except LeaseLostError as exc:
            self._lose(exc)
        except FacilitatorError as exc:
            severity = "error" if isinstance(exc, StoreError) else "warning"
            self.app.say(str(exc), severity=severity)
        return None

    def beat(self) -> ClockState | None:
        """Log that the clock runs (if it does) and keep the hold: the clock as saved."""
        try:
            state = running.heartbeat(
                self.app.store, self.session_id, self.app.now(), holder=self.app.holder
            )
        except LeaseLostError as exc:
            self._lose(exc)
            return None
        except FacilitatorError as exc:
            if not self._heartbeat_failed:
                self.app.show_error(f"{exc} The clock keeps running on screen.")
            self._heartbeat_failed = True
            return None
        self._heartbeat_failed = False
        return state

    def let_go(self) -> None:
        """Pause the clock and release the session, so it waits for the room."""
        if self.lost:
            return
        holder, now = self.app.holder, self.app.now()
        try:
            running.pause_clock(self.app.store, self.session_id, now, holder=holder)
            running.release_session(self.app.store, self.session_id, holder, now)
        except FacilitatorError:
            pass  # the last heartbeat already bounds what a reopen will count

    def _lose(self, exc: LeaseLostError) -> None:
        if self.lost:
            return
        self.lost = True
        self._tell_lost(exc)
