"""The open actions as a session's papers list them: by owner, each with its due date and
whether it is overdue, said in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_log import LogEntry
from sessions.domain.open_actions import NO_OWNER, open_actions
from sessions.minutes.wording import long_date
from sessions.vocabulary import ActionRag


@dataclass(frozen=True)
class PackAction:
    number: str
    """'2.3': the third action raised in session 2, as every document numbers it."""
    text: str
    due: date | None
    raised_in: int
    item_title: str
    overdue: bool
    at_risk: bool = False
    confidential: bool = False

    @property
    def due_line(self) -> str:
        """'Overdue: was due Tuesday 1 December 2026', or the due date; said in words, so
        it reads the same printed in black and white."""
        if self.due is None:
            return "No due date"
        if self.overdue:
            return f"Overdue: was due {long_date(self.due)}"
        if self.at_risk:
            return f"Due {long_date(self.due)} (at risk)"
        return f"Due {long_date(self.due)}"

    @property
    def raised(self) -> str:
        return f"Session {self.raised_in}, {self.item_title}"


@dataclass(frozen=True)
class PackOwner:
    owner: str
    actions: list[PackAction]

    @property
    def overdue_count(self) -> int:
        return sum(action.overdue for action in self.actions)


def open_actions_by_owner(
    db: DbSession, programme_id: int, today: date, private: set[int]
) -> list[PackOwner]:
    """The open actions by owner as they stand today, those raised in private with them."""
    found = open_actions(db, programme_id, today)
    named = [(found.name(key, entries), entries) for key, entries in found.by_owner().items()]
    # Owners by name, the actions nobody owns last; each owner's by due date, undated last.
    return [
        PackOwner(
            name or NO_OWNER, [_action(entry, entry.action_id in private) for entry in entries]
        )
        for name, entries in sorted(named, key=lambda pair: (not pair[0], pair[0].casefold()))
    ]


def _action(entry: LogEntry, confidential: bool) -> PackAction:
    return PackAction(
        number=entry.number,
        text=entry.text,
        due=entry.due,
        raised_in=entry.session_number,
        item_title=entry.item_title,
        overdue=entry.rag == ActionRag.OVERDUE,
        at_risk=entry.rag == ActionRag.AT_RISK,
        confidential=confidential,
    )


def public_owners(owners: list[PackOwner]) -> list[PackOwner]:
    """The owners and actions anyone may read: an action raised in private is left out."""
    kept = [PackOwner(o.owner, [a for a in o.actions if not a.confidential]) for o in owners]
    return [owner for owner in kept if owner.actions]
