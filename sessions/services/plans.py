"""A programme made from a plan: the front door to laying out its sessions.

Each of the plan's sessions is set up as "Plan for later" sets one up in the
next-session dialog: a session with a snapshot of its agenda and the day it is planned
for, its clock not started. The days are counted from the start the facilitator gives,
and are dates to confirm with the room, not dates agreed. The plan's name and title, and
each session's place in it, are kept on the programme, as the plan's file may change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sessions.agenda.library import find_agenda
from sessions.domain.plan_place import confirm_day, follow_plan
from sessions.domain.planning import latest_facilitator, plan_session
from sessions.domain.programmes import add_programme, clean_name, programme_view
from sessions.domain.running import session_for_ref
from sessions.plan.model import Plan, PlannedDate
from sessions.store import Store
from sessions.views import ProgrammeView


@dataclass(frozen=True)
class LaidOut:
    programme: ProgrammeView
    sessions: tuple[tuple[int, PlannedDate], ...]
    """(session id, what the plan planned) for each session set up, in order."""


def programme_from_plan(
    store: Store, name: str, plan: Plan, start: date, pcn_name: str = ""
) -> LaidOut:
    """A new programme with every session of `plan` set up and planned from `start`.

    All or nothing: an agenda that cannot be read leaves no programme behind.
    """
    name = clean_name(name, "programme name", required=True)
    pcn_name = clean_name(pcn_name, "PCN name", required=False)
    laid = plan.layout(start)
    # Read every agenda before writing anything, so a broken one refuses the whole plan.
    agendas = {planned.agenda: find_agenda(planned.agenda) for planned in laid}
    with store.transaction("set up the programme from its plan") as db:
        programme = add_programme(db, name, pcn_name)
        facilitator = latest_facilitator(db, programme.id)
        ids = [
            plan_session(db, programme.id, agendas[planned.agenda], planned.on, (), facilitator)
            for planned in laid
        ]
        follow_plan(
            db,
            programme,
            plan.source,
            plan.title,
            [(id_, planned.number, planned.title) for id_, planned in zip(ids, laid, strict=True)],
        )
        view = programme_view(programme, len(ids))
    return LaidOut(view, tuple(zip(ids, laid, strict=True)))


def confirm_session_day(
    store: Store, ref: str, on: date | None = None, today: date | None = None
) -> date:
    """Confirm the day the session `ref` (an id or PROGRAMME/N) meets: `on`, or the day
    already planned; a day before `today` (by default the computer's) is refused. The day
    confirmed."""
    with store.transaction("confirm the session's day") as db:
        return confirm_day(db, session_for_ref(db, ref), on, today or date.today())
