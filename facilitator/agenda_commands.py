"""`facilitator agenda list | check | show`: plain text out, no Textual."""

from __future__ import annotations

from typing import TextIO

from sessions.agenda.durations import format_duration
from sessions.agenda.library import find_agenda, list_agendas
from sessions.agenda.model import AgendaError, STEP_NAMES
from sessions.agenda.parser import load_agenda
from sessions.errors import FacilitatorError


def agenda_list(out: TextIO) -> int:
    summaries = list_agendas()
    if not summaries:
        out.write("No agendas found.\n")
        return 0
    width = max(len(s.name) for s in summaries)
    for summary in summaries:
        where = "bundled" if summary.bundled else "yours  "
        if summary.problems:
            detail = f"{summary.problems} problem(s): run 'facilitator agenda check {summary.path}'"
        else:
            steps = ",".join(str(step) for step in summary.steps) or "-"
            detail = f"{summary.title} · steps {steps} · {format_duration(summary.planned_seconds)}"
        out.write(f"{summary.name:<{width}}  {where}  {detail}\n")
    return 0


def agenda_check(paths: list[str], out: TextIO, err: TextIO) -> int:
    status = 0
    for path in paths:
        try:
            agenda = load_agenda(path)
        except AgendaError as exc:
            for problem in exc.problems:
                err.write(f"{problem}\n")
            status = 2
            continue
        out.write(f"{path}: ok · {len(agenda.items)} items · "
                  f"{format_duration(agenda.planned_seconds)}\n")
    return status


def agenda_show(name_or_path: str, out: TextIO, err: TextIO) -> int:
    try:
        agenda = find_agenda(name_or_path)
    except AgendaError as exc:
        for problem in exc.problems:
            err.write(f"{problem}\n")
        return 2
    except FacilitatorError as exc:
        err.write(f"facilitator: {exc}\n")
        return 2
    out.write(f"{agenda.title}\n")
    offset = 0
    for section in agenda.sections:
        step = f"  [step {section.step}: {STEP_NAMES[section.step]}]" if section.step else ""
        out.write(f"\n{section.title}{step}\n")
        for item in section.items:
            kind = "" if item.kind == "discussion" else f"  ({item.kind})"
            out.write(f"  {_offset(offset):>7}  {format_duration(item.planned_seconds):>10}  "
                      f"{item.title}{kind}\n")
            offset += item.planned_seconds
    out.write(f"\nTotal: {format_duration(agenda.planned_seconds)}\n")
    return 0


def _offset(seconds: int) -> str:
    hours, rest = divmod(seconds // 60, 60)
    return f"+{hours}:{rest:02d}"
