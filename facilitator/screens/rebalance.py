"""Preview of a rebalance: old and new times side by side; accept or cancel."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from facilitator.app import FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from sessions.agenda.durations import format_duration
from sessions.errors import FacilitatorError
from sessions.rebalance import RebalancePlan
from sessions.services.rebalancing import preview_rebalance
from sessions.vocabulary import ItemKind


def plan_table(plan: RebalancePlan) -> Table:
    table = Table(box=None, expand=True, pad_edge=False)
    table.add_column("Item", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Now", justify="right")
    table.add_column("New", justify="right")
    for retime in plan.items:
        label = Text(f"{retime.position + 1}. {retime.title}")
        if retime.kind == ItemKind.BREAK:
            label.append("  (break)", style="dim")
        style = "bold" if retime.changed else "dim"
        table.add_row(
            label,
            format_duration(retime.old_seconds),
            Text(format_duration(retime.new_seconds), style=style),
        )
    return table


def plan_summary(plan: RebalancePlan) -> str:
    if plan.fits:
        return (
            f"The rest fits the planned finish: {format_duration(plan.new_total)} of agenda left."
        )
    return (
        f"Even at 2 minutes an item, {format_duration(plan.shortfall_seconds)} will not fit "
        "before the planned finish: skip an item, or let breaks be cut (b)."
    )


class RebalanceScreen(DialogScreen[RebalancePlan | None]):
    app = getters.app(FacilitatorApp)
    # Where the screen is tall the box fits what it lists; on a laptop it takes the height.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("enter,y", "accept", "Accept", id="rebalance.accept"),
        Binding(
            "b",
            "toggle_breaks",
            "Breaks too",
            id="rebalance.breaks",
            tooltip="Let the rebalance cut or extend breaks too",
        ),
        Binding("escape,n", "cancel", "Cancel", id="rebalance.cancel"),
    ]

    def __init__(self, session_id: int):
        super().__init__()
        self.session_id = session_id
        self.include_breaks = False
        self.plan: RebalancePlan | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rebalance"):
            yield Label("Rebalance the rest of the session", classes="heading")
            with VerticalScroll(id="plan-box"):
                yield Static(id="plan")
            yield Static(id="summary")
            yield Static("", id="breaks", classes="hint")
            yield Static("Enter accepts · b breaks too · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.refresh_plan()

    def refresh_plan(self) -> None:
        try:
            self.plan = preview_rebalance(
                self.app.store, self.session_id, self.app.now(), self.include_breaks
            )
        except FacilitatorError as exc:
            self.app.say(str(exc), severity="warning")
            self.dismiss(None)
            return
        self.query_one("#plan", Static).update(plan_table(self.plan))
        self.query_one("#summary", Static).update(plan_summary(self.plan))
        self.query_one("#breaks", Static).update(
            "Breaks may be cut or extended." if self.include_breaks else "Breaks keep their time."
        )

    def action_toggle_breaks(self) -> None:
        self.include_breaks = not self.include_breaks
        self.refresh_plan()

    def action_accept(self) -> None:
        self.dismiss(self.plan)

    def action_cancel(self) -> None:
        self.dismiss(None)
