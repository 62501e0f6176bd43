"""Where plans are found: the bundled library, the user's own folder, or a path.

As with agendas, a user's plan with a bundled plan's name wins when found by name,
and `bundled:NAME` always reaches the bundled file. A plan is only loaded whole when
every agenda it names can be found and read.
"""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from sessions.agenda.library import find_agenda
from sessions.agenda.model import AgendaError
from sessions.errors import NotFoundError
from sessions.paths import user_plans_dir
from sessions.plan.model import Plan, PlanError, PlanProblem, PlanSummary
from sessions.plan.parser import parse_plan
from sessions.shelf import Found, Shelf


def bundled_plans_dir() -> Path:
    return Path(str(files("plans")))


SHELF = Shelf("plan", bundled_plans_dir, user_plans_dir)


def _agenda_problems(plan: Plan, path: str) -> list[PlanProblem]:
    problems = []
    for session in plan.sessions:
        try:
            find_agenda(session.agenda)
        except AgendaError as error:
            count = len(error.problems)
            problems.append(
                PlanProblem(
                    path,
                    session.agenda_line,
                    f"the agenda {session.agenda!r} has {count} problem{'s' if count != 1 else ''}",
                    "run `facilitator agenda check` on it and fix what it says",
                )
            )
        except NotFoundError as error:
            problems.append(
                PlanProblem(
                    path, session.agenda_line, str(error).rstrip("."), "name an agenda that exists"
                )
            )
    return problems


def _beside(plan: Plan, folder: Path) -> Plan:
    """An agenda named by a relative path is the file beside the plan, wherever it is run from."""
    sessions = []
    for session in plan.sessions:
        agenda = session.agenda
        if agenda.endswith(".md") and not Path(agenda).expanduser().is_absolute():
            agenda = str(folder / agenda)
        sessions.append(replace(session, agenda=agenda))
    return replace(plan, sessions=tuple(sessions))


def load_plan(path: str | Path, source: str | None = None) -> Plan:
    """The plan in the file at `path`, its agendas found; PlanError if anything is wrong."""
    name = str(path)
    file = Path(path)
    if file.is_dir():
        raise PlanError(
            [
                PlanProblem(
                    name,
                    0,
                    "this is a folder, not a plan file",
                    "give the path of a `.md` file in it",
                )
            ]
        )
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise PlanError(
            [
                PlanProblem(
                    name,
                    0,
                    "there is no such file",
                    "check the path, or run `facilitator plan list`",
                )
            ]
        ) from None
    except OSError as error:
        raise PlanError(
            [
                PlanProblem(
                    name,
                    0,
                    f"the file cannot be read ({error.strerror or error})",
                    "check that you may read it",
                )
            ]
        ) from None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise PlanError(
            [PlanProblem(name, 0, "the file is not UTF-8 text", "save it as UTF-8 text")]
        ) from None
    plan = _beside(parse_plan(text, name, source), file.parent)
    if problems := _agenda_problems(plan, name):
        raise PlanError(problems)
    return plan


def _load(found: Found) -> Plan:
    return load_plan(found.path, source=found.source)


def _summary(found: Found) -> PlanSummary:
    path, bundled = found.path, found.bundled
    try:
        plan = _load(found)
    except PlanError as error:
        return PlanSummary(path.stem, str(path), "", bundled=bundled, problems=len(error.problems))
    return PlanSummary(path.stem, str(path), plan.title, plan.count, bundled)


def list_plans() -> list[PlanSummary]:
    """Bundled plans first, then the user's; a broken file is listed with its problem count."""
    return [_summary(found) for found in SHELF.everything()]


def find_plan(name_or_path: str) -> Plan:
    """A plan from a file path, `bundled:NAME`, or a name (the user's own, then bundled).

    Raises PlanError if the file has problems, NotFoundError if nothing matches.
    """
    return _load(SHELF.find(name_or_path))
