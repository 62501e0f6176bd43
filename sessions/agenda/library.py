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
from sessions.errors import NotFoundError
from sessions.paths import user_agendas_dir

DEFAULT_AGENDA = "pcn-partnership-4-step"

BUNDLED_PREFIX = "bundled:"


def bundled_agendas_dir() -> Path:
    # setuptools installs the wheel unzipped, so the package folder is a real directory.
    return Path(str(files("agendas")))


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Editors leave hidden lock and backup files (`.#name.md`) beside the real ones.
    return sorted(
        path for path in folder.glob("*.md") if path.is_file() and not path.name.startswith(".")
    )


def _bundled() -> dict[str, Path]:
    return {path.stem: path for path in _markdown_files(bundled_agendas_dir())}


def _users() -> dict[str, Path]:
    return {path.stem: path for path in _markdown_files(user_agendas_dir())}


def _load(path: Path, bundled: bool) -> Agenda:
    return load_agenda(path, source=f"{BUNDLED_PREFIX}{path.stem}" if bundled else str(path))


def _summary(path: Path, bundled: bool) -> AgendaSummary:
    try:
        agenda = _load(path, bundled)
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
    bundled = [_summary(path, True) for path in _bundled().values()]
    return bundled + [_summary(path, False) for path in _users().values()]


def _known_names() -> str:
    names = sorted(set(_bundled()) | set(_users()))
    return ", ".join(names) if names else "none"


def find_agenda(name_or_path: str) -> Agenda:
    """An agenda from a file path, `bundled:NAME`, or a name (the user's own, then bundled).

    Raises AgendaError if the file has problems, NotFoundError if nothing matches.
    """
    given = name_or_path.strip()
    if not given:
        raise NotFoundError(f"Give an agenda name or a file path; agendas: {_known_names()}.")
    if given.startswith(BUNDLED_PREFIX):
        name = given.removeprefix(BUNDLED_PREFIX).removesuffix(".md")
        if (path := _bundled().get(name)) is not None:
            return _load(path, bundled=True)
        raise NotFoundError(
            f"No bundled agenda is called {name!r}; bundled agendas: "
            + (", ".join(_bundled()) or "none")
            + "."
        )

    path = Path(given).expanduser()
    if path.exists():
        # A bundled file chosen by its path (the app lists agendas by path) is still bundled.
        bundled = path.resolve().parent == bundled_agendas_dir().resolve()
        return _load(path, bundled)

    name = given.removesuffix(".md")
    if (found := _users().get(name)) is not None:
        return _load(found, bundled=False)
    if (found := _bundled().get(name)) is not None:
        return _load(found, bundled=True)
    if "/" in given or "\\" in given or given.startswith("~"):
        raise NotFoundError(f"There is no agenda file at {given}.")
    raise NotFoundError(
        f"No agenda is called {given!r}; agendas: {_known_names()}. "
        "Or give the path of a Markdown agenda file."
    )
