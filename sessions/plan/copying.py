"""A bundled plan copied into the user's own folder, as a starting point to edit.

As with agendas, the copy is the bundled file word for word and readable by the
facilitator alone; kept under the bundled name, it is found before the bundled plan.
An agenda the plan names by a plain name is still found in the library, so the copy
works wherever it is.
"""

from __future__ import annotations

from pathlib import Path

from sessions.plan.library import SHELF


def copy_bundled_plan(name: str, new_name: str | None = None) -> Path:
    """Copy the bundled plan `name` into the user's plans folder; the new file's path.

    Raises NotFoundError for an unknown name, InputError for a new name that is not a
    plain name, and AlreadyThereError if the user has that file already.
    """
    return SHELF.copy_bundled(name, new_name)
