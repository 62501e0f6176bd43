"""A bundled agenda copied into the user's own folder, as a starting point to edit.

The copy is the bundled file word for word, written readable by the facilitator
alone as every file the app writes. A copy kept under the bundled name is found
before the bundled agenda when chosen by name; `bundled:NAME` still reaches the
original.
"""

from __future__ import annotations

from pathlib import Path

from sessions.agenda.library import SHELF
from sessions.shelf import AlreadyThereError

AgendaExistsError = AlreadyThereError
"""The user already has an agenda of that name: it is never overwritten."""


def copy_bundled_agenda(name: str, new_name: str | None = None) -> Path:
    """Copy the bundled agenda `name` into the user's agendas folder; the new file's path.

    Raises NotFoundError for an unknown name, InputError for a new name that is
    not a plain name, and AgendaExistsError if the user has that file already.
    """
    return SHELF.copy_bundled(name, new_name)
