"""`facilitator programme new | confirm`: a programme, laid out from a plan where one is given,
and the days its planned sessions meet confirmed."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from facilitator.dates import weekday_text
from sessions.errors import FacilitatorError
from sessions.plan.library import find_plan
from sessions.plan.model import PlanError
from sessions.services.plans import confirm_session_day, programme_from_plan
from sessions.services.programmes import create_programme
from sessions.store import Store


def programme_new(
    store: Store,
    name: str,
    plan_name: str | None,
    start: date,
    pcn_name: str,
    out: TextIO,
    err: TextIO,
) -> int:
    """Create the programme; with a plan, set up its sessions on their dates to confirm."""
    if plan_name is None:
        made = create_programme(store, name, pcn_name)
        out.write(f"Programme {made.name!r} created (slug {made.slug}).\n")
        return 0
    try:
        plan = find_plan(plan_name)
    except PlanError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        return 2
    laid = programme_from_plan(store, name, plan, start, pcn_name)
    count = len(laid.sessions)
    out.write(
        f"Programme {laid.programme.name!r} created (slug {laid.programme.slug}) from the plan "
        f"{plan.title!r}, with {count} session{'s' if count != 1 else ''} planned:\n"
    )
    for number, (_, planned) in enumerate(laid.sessions, start=1):
        out.write(f"  {number:>2}  {weekday_text(planned.on)} (to confirm)  {planned.title}\n")
    out.write(
        "Each date is a guide to confirm with the room: a session is dated by the day it is held.\n"
        "Once agreed: facilitator programme confirm PROGRAMME/N [--on DATE].\n"
    )
    return 0


def programme_confirm(store: Store, ref: str, on: date | None, out: TextIO, err: TextIO) -> int:
    """Confirm the day a session set up ahead meets: the day planned, or `on`."""
    try:
        day = confirm_session_day(store, ref, on)
    except FacilitatorError as error:
        err.write(f"facilitator: {error}\n")
        return 2
    out.write(f"Session {ref} meets on {weekday_text(day)}, confirmed.\n")
    return 0
