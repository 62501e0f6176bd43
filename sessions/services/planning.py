"""What the next-session dialog asks: the front door to `sessions.domain.planning`, where the
rules for setting up a session are."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sessions.agenda.model import Agenda
from sessions.domain.planning import Outlook as Outlook
from sessions.domain.planning import (
    agenda_to_run,
    clean_facilitator,
    latest_facilitator,
    likely_attendees,
    name_facilitator,
    outlook_of,
    plan_session,
)
from sessions.domain.planning import review_seconds as review_seconds
from sessions.store import Store


def start_session(
    store: Store,
    programme_id: int,
    agenda: Agenda,
    *,
    from_step: int | None = None,
    planned_for: date | None = None,
    expected: Iterable[int] = (),
    facilitator: str = "",
) -> int:
    """Session N+1 of the programme, with a snapshot of the agenda; its clock not yet started.

    `from_step` leaves out the agenda's framework steps before it, so a
    programme can pick up where it stopped with the agenda it always uses. From the
    second session on, the first item is the matters-arising review of the
    actions earlier sessions left open. `expected` members are marked
    expected until the room says present or apologies. `facilitator` is the
    name the minutes give for whoever runs it.
    """
    agenda = agenda_to_run(agenda, from_step)
    with store.transaction("set up the session") as db:
        return plan_session(db, programme_id, agenda, planned_for, expected, facilitator)


def usual_facilitator(store: Store, programme_id: int) -> str:
    """Who ran the programme's latest session that named someone, else the latest anywhere.

    One laptop is usually one facilitator, so a new programme starts with their name.
    """
    with store.reading() as db:
        return latest_facilitator(db, programme_id)


def set_facilitator(store: Store, session_id: int, name: str) -> None:
    name = clean_facilitator(name)
    with store.transaction("change who facilitated the session") as db:
        name_facilitator(db, session_id, name)


def outlook(store: Store, programme_id: int) -> Outlook:
    with store.reading() as db:
        return outlook_of(db, programme_id)


def usual_attendees(store: Store, programme_id: int) -> list[int]:
    """Whom to expect next time: those present last time anyone was marked, else every member."""
    with store.reading() as db:
        return likely_attendees(db, programme_id)
