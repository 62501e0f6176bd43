"""The minutes of the last meeting in the session screen: earlier minutes to approve, or to
correct once approved, with the amendments and errata the room has agreed to each."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import var

from facilitator.app import REFUSED
from facilitator.dates import long_day
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.services.minutes_approval import MinutesStatus, approval_entries, approve
from sessions.services.running import get_session
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind


def minutes_text(entry: MinutesStatus, here: int) -> Text:
    """`Session 1 · Tuesday 12 January 2027 · to approve`; `here` is this session's number."""
    text = Text(f"Session {entry.number}", style="bold")
    text.append(f" · {long_day(entry.held_on)} · ")
    if entry.approved_in is None:
        text.append("to approve", style="bold yellow")
    elif entry.approved_in == here:
        text.append("approved here", style="bold green")
    else:
        text.append(f"approved at session {entry.approved_in}", style="dim")
    return text


def change_text(kind: str, words: str, proposer: str) -> Text:
    """`    amendment: the words — proposed by Ann`, beneath the minutes it changes."""
    text = Text(f"    {kind}: ", style="dim")
    text.append(words)
    text.append(f" — proposed by {proposer}", style="dim")
    return text


class MinutesApprovalPanel(ActivityPanel):
    """Earlier minutes, latest first: the room approves a draft, or amends it first; approved
    minutes take an erratum. Each key is saved as it is pressed."""

    KIND = ItemKind.MINUTES_APPROVAL

    BINDINGS = [
        Binding(
            "a",
            "approve",
            "Approve",
            id="minutes_approval.approve",
            tooltip="Approve the highlighted minutes as they stand, with the amendments agreed",
        ),
        Binding(
            "m",
            "amend",
            "Amend",
            id="minutes_approval.amend",
            tooltip="Add an amendment to the highlighted minutes (an erratum, once approved)",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    entries: var[list[MinutesStatus]] = var(list, init=False, always_update=True)
    """The earlier minutes this session can approve or correct, as last saved."""
    here: var[int] = var(0, init=False)
    """This session's number, which tells minutes approved here from those approved before."""

    @property
    def has_rows(self) -> bool:
        return bool(self.entries)

    def reload(self) -> None:
        """Redraw from what was saved, keeping the highlight on the same minutes."""
        entries = self.app.attempt(approval_entries, self.app.store, self.session_id)
        if entries is REFUSED:
            return
        if not self.here:
            opened = self.app.attempt(get_session, self.app.store, self.session_id)
            if opened is not REFUSED:
                self.here = opened.number
        self.entries = entries

    def watch_entries(self, before: list[MinutesStatus], entries: list[MinutesStatus]) -> None:
        # The highlight stays on the minutes it was on, wherever they are now.
        at = self.row_index
        kept = before[at].session_id if at is not None and 0 <= at < len(before) else None
        self.clear_rows()
        for index, entry in enumerate(entries):
            self.add_row(minutes_text(entry, self.here), index)
            for change in (*entry.amendments, *entry.errata):
                self.add_row(change_text(change.kind, change.text, change.proposer))
        if not entries:
            self.add_row(Text("No earlier minutes to approve.", style="dim"))
        ids = [entry.session_id for entry in entries]
        if kept in ids:
            self.highlight_row(ids.index(kept))
        elif entries:  # coming to the item: the latest minutes still to approve
            waiting = [i for i, entry in enumerate(entries) if entry.approved_in is None]
            self.highlight_row(waiting[0] if waiting else 0)
        count = sum(entry.approved_in is None for entry in entries)
        self.border_title = (
            f"Minutes: {count or 'none'} to approve · a approve · m amend (erratum if approved)"
        )

    @property
    def highlighted_entry(self) -> MinutesStatus | None:
        at = self.row_index
        return self.entries[at] if at is not None and 0 <= at < len(self.entries) else None

    def action_approve(self) -> None:
        entry = self.highlighted_entry
        if entry is None:
            self.acted()
            return
        self.save(
            lambda: approve(self.app.store, self.session_id, entry.session_id, now=self.app.now())
        )

    def action_amend(self) -> None:
        entry = self.highlighted_entry
        if entry is None:
            self.acted()
            return
        from facilitator.screens.amend_minutes import AmendMinutesScreen
        from sessions.services.people import attendance

        everyone = self.app.attempt(attendance, self.app.store, self.session_id)
        if everyone is REFUSED:
            self.acted()
            return

        def amended(change: ActivityChange | None) -> None:
            if change is not None:
                self.reload()
            self.acted(change)

        self.app.push_screen(AmendMinutesScreen(self.session_id, entry, everyone), amended)
