"""A dialog to create a programme: its name, the PCN it serves, and a plan to lay out if wanted."""

from __future__ import annotations

from datetime import date

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from sessions.errors import InputError
from sessions.note_syntax import DATE_HELP, parse_date
from sessions.plan.library import find_plan, list_plans
from sessions.services.plans import programme_from_plan
from sessions.services.programmes import create_programme
from sessions.store import Store
from sessions.views import ProgrammeView


def _create(
    store: Store, name: str, pcn: str, plan: str | None, start: str, today: date
) -> ProgrammeView:
    """The programme alone, or with every session of its plan set up from the first day."""
    if plan is None:
        return create_programme(store, name, pcn)
    first = parse_date(start, today) if start.strip() else today
    if first is None:
        raise InputError(f"{start.strip()!r} is not a date: {DATE_HELP}.")
    return programme_from_plan(store, name, find_plan(plan), first, pcn).programme


class NewProgrammeScreen(DialogScreen[ProgrammeView | None]):
    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        # A plan whose file has problems cannot be laid out, so it is not offered.
        plans = [(plan.title, plan.path) for plan in list_plans() if not plan.problems]
        with Vertical(classes="dialog"):
            yield Label("New programme", classes="heading")
            yield Label("Programme name")
            yield Input(placeholder="e.g. North Harbour partnership 2027", id="name")
            yield Label("PCN name (optional)")
            yield Input(placeholder="e.g. North Harbour PCN", id="pcn")
            yield Label("Plan (optional): its sessions set up on dates to confirm")
            yield Select(plans, prompt="No plan", id="plan")
            yield Label("First session's date, with a plan")
            yield Input(placeholder="today", id="start")
            yield ErrorLine()
            yield Static("Enter to create · Esc to cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "name" and not self.query_one("#pcn", Input).value:
            self.query_one("#pcn", Input).focus()
            return
        name = self.query_one("#name", Input).value
        pcn = self.query_one("#pcn", Input).value
        chosen = self.query_one("#plan", Select).value
        plan = chosen if isinstance(chosen, str) else None
        start = self.query_one("#start", Input).value
        today = self.app.now().astimezone().date()
        # What was typed stays in the fields; a refusal only adds its reason.
        programme = self.query_one(ErrorLine).attempt(
            _create, self.app.store, name, pcn, plan, start, today
        )
        if programme is not REFUSED:
            self.dismiss(programme)

    def action_cancel(self) -> None:
        self.dismiss(None)
