"""`facilitator agenda list | check | show | copy`: plain text on the given streams, no Textual.

Each returns the exit status: 0 done, 2 bad input. Problems go to `err` one per
line as FILE:LINE: what — fix, which editors and CI logs can jump to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sessions.agenda.copying import copy_bundled_agenda
from sessions.agenda.durations import format_duration
from sessions.agenda.files import load_agenda
from sessions.agenda.library import find_agenda, list_agendas
from sessions.agenda.model import STEP_NAMES, Agenda, AgendaError, AgendaItem, AgendaSummary
from sessions.errors import FacilitatorError
from sessions.private_files import open_folder_warning
from sessions.vocabulary import ItemKind


def _width(text: str) -> int:
    """Terminal columns: wide CJK characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _steps(steps: list[int]) -> str:
    if not steps:
        return "-"
    if len(steps) > 1 and steps == list(range(steps[0], steps[-1] + 1)):
        return f"{steps[0]}-{steps[-1]}"
    return ",".join(str(step) for step in steps)


def _table(rows: list[list[str]], out: TextIO, below: list[list[str]] | None = None) -> None:
    """Aligned columns, the last one ragged; `below` holds lines to print under each row."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        out.write("  ".join(cells).rstrip() + "\n")
        for line in below[n] if below else ():
            out.write(f"    {line}\n")


def _details(summary: AgendaSummary) -> list[str]:
    """What `--long` adds under an agenda: what it is for and the activities it uses."""
    if summary.problems:
        return []
    activities = ", ".join(summary.activities) or "discussion only"
    lines = [f"Purpose: {summary.purpose}"] if summary.purpose else []
    return [*lines, f"Activities: {activities}"]


def agenda_list(out: TextIO, long: bool = False) -> int:
    """Every agenda the app can find: name, where it lives, steps, total time, title.

    `long` adds two lines under each: its purpose and the activities it uses. The
    table alone stays one line an agenda, for anyone reading it with a script.
    """
    summaries = list_agendas()
    if not summaries:
        out.write("No agendas found.\n")
        return 0
    rows = [["NAME", "WHERE", "STEPS", "TIME", "TITLE"]]
    below: list[list[str]] = [[]] + [_details(summary) for summary in summaries]
    for summary in summaries:
        where = "bundled" if summary.bundled else "yours"
        if summary.problems:
            count = f"{summary.problems} problem{'s' if summary.problems != 1 else ''}"
            title = f"({count}: run `facilitator agenda check {summary.path}`)"
            rows.append([summary.name, where, "", "", title])
            continue
        time = format_duration(summary.planned_seconds)
        rows.append([summary.name, where, _steps(summary.steps), time, summary.title])
    _table(rows, out, below if long else None)
    return 0


def _report(error: AgendaError, err: TextIO) -> None:
    for problem in error.problems:
        err.write(f"{problem}\n")


def agenda_check(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Check every file, not just up to the first bad one; 2 if any has a problem."""
    if not paths:
        err.write("facilitator agenda check: give at least one agenda file\n")
        return 2
    status = 0
    for path in paths:
        try:
            agenda = load_agenda(path)
        except AgendaError as error:
            _report(error, err)
            status = 2
            continue
        count = len(agenda.items)
        out.write(
            f"{path}: ok — {count} item{'s' if count != 1 else ''}, steps {_steps(agenda.steps)}, "
            f"{format_duration(agenda.planned_seconds)}\n"
        )
    return status


def _offset(seconds: int) -> str:
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours}:{minutes:02d}"


def _activity(item: AgendaItem) -> str:
    if item.kind == ItemKind.CHECKLIST:
        return f"  ({len(item.options)} options)"
    if item.kind == ItemKind.SCORECARD:
        statements = sum(len(area.statements) for area in item.areas)
        named = [area for area in item.areas if area.name]
        areas = f"{len(named)} areas, " if named else ""
        return f"  ({areas}{statements} statements)"
    if item.kind == ItemKind.RAG:
        return f"  ({len(item.rag_areas)} areas)"
    return ""


def _private(item: AgendaItem) -> str:
    # One word, so the facilitator sees before the session which items the public minutes omit.
    return " (confidential)" if item.confidential else ""


def _outline(agenda: Agenda, out: TextIO) -> None:
    out.write(f"{agenda.title}\n")
    count = len(agenda.items)
    out.write(f"{agenda.source} · steps {_steps(agenda.steps)} · {count} items\n")
    # Columns sized over the whole agenda, so every section lines up; titles go last, as
    # they may hold wide characters.
    lengths = [format_duration(item.planned_seconds) for item in agenda.items]
    at, long = len(_offset(agenda.planned_seconds)), max(map(len, lengths), default=0)
    offset = 0
    for section in agenda.sections:
        step = f"  [step {section.step}: {STEP_NAMES[section.step]}]" if section.step else ""
        out.write(f"\n{section.title}{step}\n")
        for item in section.items:
            length = format_duration(item.planned_seconds)
            out.write(
                f"  {_offset(offset):>{at}}  {length:>{long}}  {item.kind:<10}  "
                f"{item.title}{_activity(item)}{_private(item)}\n"
            )
            offset += item.planned_seconds
    out.write(f"\nTotal: {format_duration(agenda.planned_seconds)}\n")


def agenda_show(path_or_name: str, out: TextIO, err: TextIO) -> int:
    """The timed outline: sections with their step, items with start, length and kind."""
    try:
        agenda = find_agenda(path_or_name)
    except AgendaError as error:
        _report(error, err)
        return 2
    except FacilitatorError as error:
        err.write(f"facilitator: {error}\n")
        return 2
    _outline(agenda, out)
    return 0


def agenda_copy(name: str, new_name: str | None, out: TextIO, err: TextIO) -> int:
    """Copy a bundled agenda into the user's agendas folder; never over a file already there."""
    return copied(copy_bundled_agenda, name, new_name, out, err)


def copied(
    copy: Callable[[str, str | None], Path],
    name: str,
    new_name: str | None,
    out: TextIO,
    err: TextIO,
) -> int:
    """Run a shelf's copy of a bundled file, saying where it went, or why not (exit 2)."""
    try:
        path = copy(name, new_name)
    except FacilitatorError as error:
        err.write(f"facilitator: {error}\n")
        return 2
    out.write(f"Copied to {path}\n")
    if (warning := open_folder_warning(path)) is not None:
        err.write(f"{warning}\n")
    return 0
