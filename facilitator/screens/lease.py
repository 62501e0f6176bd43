"""When another copy of the app is driving the session: watch it, or take over an abandoned one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from facilitator.screens.dialog import DialogScreen
from sessions.services.leases import LeaseView


class LeaseScreen(DialogScreen[None]):
    BINDINGS = [
        Binding("w", "watch", "Watch read-only", id="lease.watch"),
        Binding("t", "take_over", "Take over", id="lease.take_over"),
        Binding("escape", "cancel", "Back", id="lease.cancel"),
    ]

    def __init__(self, session_id: int, message: str, lease: LeaseView):
        super().__init__()
        self.session_id = session_id
        self.message = message
        self.lease = lease

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="lease"):
            yield Label("This session is open elsewhere", classes="heading")
            yield Static(Text(self.message), id="lease-message")
            if self.lease.stale:
                hint = (
                    "t takes it over (its clock stays paused until you start it) · "
                    "w watches read-only · Esc goes back"
                )
            else:
                hint = (
                    "w watches it read-only · Esc goes back. It can be taken over once "
                    "that copy has been quiet for a while."
                )
            yield Static(hint, classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A live driver is never pushed aside; only a stale lease may be taken.
        return self.lease.stale if action == "take_over" else True

    def action_watch(self) -> None:
        from facilitator.screens.mirror import MirrorScreen

        self.app.switch_screen(MirrorScreen(self.session_id, can_close=True))

    def action_take_over(self) -> None:
        from facilitator.screens.session import SessionScreen

        self.app.switch_screen(SessionScreen(self.session_id, take_over=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
