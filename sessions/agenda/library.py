"""Where agendas are found: the bundled library, the user's own folder, or a path.

A user's agenda with the same name as a bundled one wins when found by name,
as a user's minutes template overrides the bundled one; `bundled:NAME` (the
source recorded on a session) always reaches the bundled file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from sessions.agenda.files import load_agenda
from sessions.agenda.model import Agenda, AgendaError, AgendaSummary
from sessions.agenda.purpose import agenda_activities, agenda_purpose
from sessions.paths import user_agendas_dir
from sessions.shelf import BUNDLED_PREFIX as BUNDLED_PREFIX
from sessions.shelf import Found, Shelf

DEFAULT_AGENDA = "pcn-partnership-4-step"


def bundled_agendas_dir() -> Path:
    # setuptools installs the wheel unzipped, so the package folder is a real directory.
    return Path(str(files("agendas")))


SHELF = Shelf("agenda", bundled_agendas_dir, user_agendas_dir)


def _load(found: Found) -> Agenda:
    return load_agenda(found.path, source=found.source)


def _summary(found: Found) -> AgendaSummary:
    path, bundled = found.path, found.bundled
    try:
        agenda = _load(found)
    except AgendaError as error:
        return AgendaSummary(
            name=path.stem, path=str(path), title="", bundled=bundled, problems=len(error.problems)
        )
    return AgendaSummary(
        name=path.stem,
        path=str(path),
        title=agenda.title,
        steps=agenda.steps,
        planned_seconds=agenda.planned_seconds,
        bundled=bundled,
        purpose=agenda_purpose(agenda),
        activities=agenda_activities(agenda),
        outline=[(item.title, item.planned_seconds) for item in agenda.items],
    )


def list_agendas() -> list[AgendaSummary]:
    """Bundled agendas first, then the user's; a broken file is listed with its problem count."""
    return [_summary(found) for found in SHELF.everything()]


def find_agenda(name_or_path: str) -> Agenda:
    """An agenda from a file path, `bundled:NAME`, or a name (the user's own, then bundled).

    Raises AgendaError if the file has problems, NotFoundError if nothing matches.
    """
    return _load(SHELF.find(name_or_path))
