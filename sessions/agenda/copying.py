"""A bundled agenda copied into the user's own folder, as a starting point to edit.

The copy is the bundled file word for word, written readable by the facilitator
alone as every file the app writes. A copy kept under the bundled name is found
before the bundled agenda when chosen by name; `bundled:NAME` still reaches the
original.
"""

from __future__ import annotations

from pathlib import Path

from sessions.agenda.library import BUNDLED_PREFIX, bundled_agendas_dir
from sessions.errors import FacilitatorError, InputError, NotFoundError
from sessions.paths import user_agendas_dir
from sessions.private_files import write_private


class AgendaExistsError(FacilitatorError):
    """The user already has an agenda of that name: it is never overwritten."""


def _bundled_path(name: str) -> Path:
    name = name.strip().removeprefix(BUNDLED_PREFIX).removesuffix(".md")
    path = bundled_agendas_dir() / f"{name}.md"
    if not name or "/" in name or "\\" in name or not path.is_file():
        names = sorted(p.stem for p in bundled_agendas_dir().glob("*.md"))
        raise NotFoundError(
            f"No bundled agenda is called {name!r}; bundled agendas: {', '.join(names) or 'none'}."
        )
    return path


def _new_name(given: str) -> str:
    name = given.strip().removesuffix(".md")
    # A bare name keeps the copy in the agendas folder, where the app looks for it.
    if not name or "/" in name or "\\" in name or name.startswith((".", "~")):
        raise InputError(
            f"{given!r} is not an agenda name: give a plain name such as my-review, "
            "without folders."
        )
    return name


def copy_bundled_agenda(name: str, new_name: str | None = None) -> Path:
    """Copy the bundled agenda `name` into the user's agendas folder; the new file's path.

    Raises NotFoundError for an unknown name, InputError for a new name that is
    not a plain name, and AgendaExistsError if the user has that file already.
    """
    source = _bundled_path(name)
    target = user_agendas_dir() / f"{_new_name(new_name) if new_name else source.stem}.md"
    if target.exists():
        raise AgendaExistsError(
            f"{target} already exists and is left as it is: "
            "give another name with --as, or edit that file."
        )
    write_private(target, source.read_bytes())
    return target
