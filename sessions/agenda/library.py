"""Where agendas are found: the bundled library, the user's own folder, or a path."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from sessions.agenda.model import Agenda, AgendaError, AgendaSummary
from sessions.agenda.parser import load_agenda
from sessions.errors import NotFoundError
from sessions.paths import user_agendas_dir

DEFAULT_AGENDA = "pcn-partnership-4-step"


def bundled_agendas_dir() -> Path:
    # The wheel is installed unzipped, so the package folder is a real path.
    return Path(str(files("agendas")))


def _agenda_files() -> list[tuple[Path, bool]]:
    found = [(path, True) for path in sorted(bundled_agendas_dir().glob("*.md"))]
    user = user_agendas_dir()
    if user.is_dir():
        found += [(path, False) for path in sorted(user.glob("*.md"))]
    return found


def _source(path: Path, bundled: bool) -> str:
    return f"bundled:{path.stem}" if bundled else str(path)


def list_agendas() -> list[AgendaSummary]:
    """Bundled agendas first, then the user's; a broken file is listed with its problem count."""
    summaries = []
    for path, bundled in _agenda_files():
        try:
            agenda = load_agenda(path)
        except AgendaError as exc:
            summaries.append(
                AgendaSummary(path.stem, str(path), path.stem, bundled=bundled,
                              problems=len(exc.problems))
            )
            continue
        summaries.append(
            AgendaSummary(
                name=path.stem,
                path=str(path),
                title=agenda.title,
                steps=agenda.steps,
                planned_seconds=agenda.planned_seconds,
                bundled=bundled,
            )
        )
    return summaries


def find_agenda(name_or_path: str) -> Agenda:
    """An agenda from a file path, or by name: the user's own first, then the bundled ones."""
    given = name_or_path.strip()
    path = Path(given).expanduser()
    if path.exists():
        bundled = path.resolve().parent == bundled_agendas_dir().resolve()
        return load_agenda(path, source=_source(path, bundled))
    name = given[:-3] if given.endswith(".md") else given
    candidates = [(p, b) for p, b in _agenda_files() if p.stem == name]
    candidates.sort(key=lambda found: found[1])  # the user's own (False) before bundled
    if candidates:
        found, bundled = candidates[0]
        return load_agenda(found, source=_source(found, bundled))
    if "/" in given or "\\" in given or given.endswith(".md"):
        raise NotFoundError(f"There is no agenda file at {given}.")
    known = ", ".join(sorted({p.stem for p, _ in _agenda_files()})) or "none"
    raise NotFoundError(f"No agenda is called {given!r}; agendas found: {known}.")
