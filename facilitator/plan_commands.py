"""`facilitator plan list | check | show | copy`: plain text on the given streams, no Textual.

Each returns the exit status: 0 done, 2 bad input. Problems go to `err` one per
line as FILE:LINE: what — fix, as `agenda check` gives them.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from facilitator.agenda_commands import copied
from facilitator.dates import weekday_text
from sessions.errors import FacilitatorError
from sessions.plan.copying import copy_bundled_plan
from sessions.plan.library import find_plan, list_plans, load_plan
from sessions.plan.model import Plan, PlanError


def _report(error: PlanError, err: TextIO) -> None:
    for problem in error.problems:
        err.write(f"{problem}\n")


def plan_list(out: TextIO) -> int:
    """Every plan the app can find: name, where it lives, how many sessions, title."""
    summaries = list_plans()
    if not summaries:
        out.write("No plans found.\n")
        return 0
    rows = [["NAME", "WHERE", "SESSIONS", "TITLE"]]
    for summary in summaries:
        where = "bundled" if summary.bundled else "yours"
        if summary.problems:
            count = f"{summary.problems} problem{'s' if summary.problems != 1 else ''}"
            rows.append(
                [summary.name, where, "", f"({count}: run `facilitator plan check {summary.path}`)"]
            )
            continue
        rows.append([summary.name, where, str(summary.sessions), summary.title])
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:3])] + [row[3]]
        out.write("  ".join(cells).rstrip() + "\n")
    return 0


def plan_check(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Check every file and the agendas each names; 2 if any has a problem."""
    if not paths:
        err.write("facilitator plan check: give at least one plan file\n")
        return 2
    status = 0
    for path in paths:
        try:
            plan = load_plan(path)
        except PlanError as error:
            _report(error, err)
            status = 2
            continue
        out.write(f"{path}: ok — {plan.count} session{'s' if plan.count != 1 else ''}\n")
    return status


def _outline(plan: Plan, start: date, out: TextIO) -> None:
    out.write(f"{plan.title}\n{plan.source} · {plan.count} sessions\n\n")
    laid = plan.layout(start)
    days = [weekday_text(planned.on) for planned in laid]
    wide = max(map(len, days), default=0)
    for planned, day in zip(laid, days, strict=True):
        out.write(f"  {planned.number:>2}  {day:<{wide}}  {planned.title}  ({planned.agenda})\n")
    out.write(f"\nDates counted from {weekday_text(start)}, each to confirm.\n")


def plan_show(name_or_path: str, start: date, out: TextIO, err: TextIO) -> int:
    """The plan's sessions in order, with the dates they would fall on from `start`."""
    try:
        plan = find_plan(name_or_path)
    except PlanError as error:
        _report(error, err)
        return 2
    except FacilitatorError as error:
        err.write(f"facilitator: {error}\n")
        return 2
    _outline(plan, start, out)
    return 0


def plan_copy(name: str, new_name: str | None, out: TextIO, err: TextIO) -> int:
    """Copy a bundled plan into the user's plans folder; never over a file already there."""
    return copied(copy_bundled_plan, name, new_name, out, err)
