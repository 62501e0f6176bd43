"""Matters arising in the session screen: the actions carried in, one key to settle each."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import var
from textual.widgets.option_list import Option

from facilitator.app import REFUSED
from facilitator.dates import day_text
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.services.matters_arising import ReviewEntry, review_action, review_entries
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind, ReviewOutcome

OUTCOME_STYLES: dict[str, str] = {
    ReviewOutcome.DONE: "green",
    ReviewOutcome.KEPT: "yellow",
    ReviewOutcome.AT_RISK: "bold dark_orange",
    ReviewOutcome.DROPPED: "dim",
}


def entry_text(entry: ReviewEntry) -> Text:
    """`[ kept open ] Send the draft — Sam · due 15 Jan 2027 (was 1 Dec 2026) · from session 1`."""
    text = Text(no_wrap=False)
    if entry.outcome is None:
        text.append("[ to review ] ", style="bold")
    else:
        text.append(f"[ {entry.outcome_label} ] ", style=f"bold {OUTCOME_STYLES[entry.outcome]}")
    text.append(entry.text)
    if entry.owner:
        text.append(f" — {entry.owner}", style="bold")
    if entry.due is not None:
        text.append(f" · due {day_text(entry.due)}")
        if entry.due_moved and entry.due_before is not None:
            text.append(f" (was {day_text(entry.due_before)})")
        if entry.overdue:
            text.append(" OVERDUE", style="bold red")
    text.append(f" · from session {entry.raised_in}", style="dim")
    return text


class ActionReview(ActivityPanel):
    """The review list of a session's matters-arising item; each key is saved as it is pressed."""

    KIND = ItemKind.MATTERS_ARISING

    BINDINGS = [
        Binding("d", "mark('done')", "Done", id="review.done", tooltip="The action is done"),
        Binding(
            "k",
            "mark('kept')",
            "Keep open",
            id="review.keep",
            tooltip="Keep the action open, with a new due date",
        ),
        Binding(
            "r",
            "mark('at risk')",
            "At risk",
            id="review.at_risk",
            tooltip="Keep the action open, at risk of not being done in time",
        ),
        Binding(
            "x",
            "mark('dropped')",
            "Drop",
            id="review.drop",
            tooltip="Drop the action: no longer needed",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    entries: var[list[ReviewEntry]] = var(list, init=False, always_update=True)
    """The actions carried in, with what the review has made of each so far, as last saved."""

    @property
    def has_rows(self) -> bool:
        return bool(self.entries)

    def reload(self) -> None:
        """Redraw from what was saved, keeping the highlight on the same action."""
        entries = self.app.attempt(
            review_entries, self.app.store, self.session_id, self.app.now().astimezone().date()
        )
        if entries is not REFUSED:
            self.entries = entries

    def watch_entries(self, before: list[ReviewEntry], entries: list[ReviewEntry]) -> None:
        # The highlight stays on the action it was on, wherever that is now.
        at = self.highlighted
        kept = before[at] if at is not None and 0 <= at < len(before) else None
        self.clear_options()
        self.add_options(Option(entry_text(entry), id=str(entry.action_id)) for entry in entries)
        if entries:
            ids = [entry.action_id for entry in entries]
            if kept is not None and kept.action_id in ids:
                self.highlighted = ids.index(kept.action_id)
            else:  # coming to the item: the first action still to review
                waiting = [i for i, entry in enumerate(entries) if entry.outcome is None]
                self.highlighted = waiting[0] if waiting else 0
        else:
            self.add_option(
                Option(Text("No open actions from earlier sessions.", style="dim"), disabled=True)
            )
        settled = sum(entry.outcome is not None for entry in entries)
        self.border_title = (
            f"Matters arising: {settled} of {len(entries)} reviewed · "
            "d done · k keep · r at risk · x drop"
        )

    @property
    def highlighted_entry(self) -> ReviewEntry | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self.entries):
            return None
        return self.entries[self.highlighted]

    def action_mark(self, outcome: str) -> None:
        entry = self.highlighted_entry
        if entry is None:
            self.acted()
            return
        if outcome == ReviewOutcome.KEPT:
            from facilitator.screens.keep_action import KeepActionScreen

            def kept(change: ActivityChange | None) -> None:
                if change is not None:
                    self._settled()
                self.acted(change)

            self.app.push_screen(KeepActionScreen(self.session_id, entry, self.app.now()), kept)
            return
        reviewed = self.app.attempt(
            review_action,
            self.app.store,
            self.session_id,
            entry.action_id,
            outcome,
            now=self.app.now(),
        )
        if reviewed is REFUSED:
            self.acted()
            return
        self._settled()
        self.acted(reviewed)

    def _settled(self) -> None:
        self.reload()
        self._move_on()

    def _move_on(self) -> None:
        """The next action still to review, so the room goes down the list a key at a time."""
        start = self.highlighted or 0
        for offset in range(1, len(self.entries) + 1):
            index = (start + offset) % len(self.entries)
            if self.entries[index].outcome is None:
                self.highlighted = index
                return
