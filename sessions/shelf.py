"""A shelf of Markdown files: the bundled ones and the user's own, found and copied one way.

Agendas and plans are both kept so: a bundled folder inside the app and a folder of the
user's own in the config folder. Found by name, the user's file wins over a bundled one
of the same name, as a user's minutes template overrides the bundled one; a path is
taken as it is, and `bundled:NAME` (the source recorded on a session or a programme)
always reaches the bundled file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sessions.errors import FacilitatorError, InputError, NotFoundError
from sessions.private_files import FILE_MODE, make_private_folder

BUNDLED_PREFIX = "bundled:"


class AlreadyThereError(FacilitatorError):
    """The user already has a file of that name: it is never overwritten."""


def markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Editors leave hidden lock and backup files (`.#name.md`) beside the real ones.
    return sorted(
        path for path in folder.glob("*.md") if path.is_file() and not path.name.startswith(".")
    )


@dataclass(frozen=True)
class Found:
    path: Path
    bundled: bool

    @property
    def source(self) -> str:
        """What a session or programme records: `bundled:NAME`, or the file's path."""
        return f"{BUNDLED_PREFIX}{self.path.stem}" if self.bundled else str(self.path)


@dataclass(frozen=True)
class Shelf:
    noun: str
    """What the shelf holds, in the singular: `agenda`, `plan`."""
    bundled_dir: Callable[[], Path]
    users_dir: Callable[[], Path]

    @property
    def nouns(self) -> str:
        return f"{self.noun}s"

    def bundled(self) -> dict[str, Path]:
        return {path.stem: path for path in markdown_files(self.bundled_dir())}

    def users(self) -> dict[str, Path]:
        return {path.stem: path for path in markdown_files(self.users_dir())}

    def everything(self) -> list[Found]:
        """Bundled files first, then the user's."""
        return [Found(path, True) for path in self.bundled().values()] + [
            Found(path, False) for path in self.users().values()
        ]

    def known_names(self) -> str:
        names = sorted(set(self.bundled()) | set(self.users()))
        return ", ".join(names) if names else "none"

    def _no_bundled(self, name: str) -> NotFoundError:
        return NotFoundError(
            f"No bundled {self.noun} is called {name!r}; bundled {self.nouns}: "
            + (", ".join(self.bundled()) or "none")
            + "."
        )

    def find(self, name_or_path: str) -> Found:
        """The file at a path, `bundled:NAME`, or a name (the user's own, then bundled).

        Raises NotFoundError, naming what there is, if nothing matches.
        """
        given = name_or_path.strip()
        if not given:
            raise NotFoundError(
                f"Give {_a(self.noun)} name or a file path; {self.nouns}: {self.known_names()}."
            )
        if given.startswith(BUNDLED_PREFIX):
            name = given.removeprefix(BUNDLED_PREFIX).removesuffix(".md")
            if (path := self.bundled().get(name)) is not None:
                return Found(path, bundled=True)
            raise self._no_bundled(name)
        path = Path(given).expanduser()
        if path.exists():
            # A bundled file chosen by its path (the app lists files by path) is still bundled.
            return Found(path, path.resolve().parent == self.bundled_dir().resolve())
        name = given.removesuffix(".md")
        if (found := self.users().get(name)) is not None:
            return Found(found, bundled=False)
        if (found := self.bundled().get(name)) is not None:
            return Found(found, bundled=True)
        if "/" in given or "\\" in given or given.startswith("~"):
            raise NotFoundError(f"There is no {self.noun} file at {given}.")
        raise NotFoundError(
            f"No {self.noun} is called {given!r}; {self.nouns}: {self.known_names()}. "
            f"Or give the path of a Markdown {self.noun} file."
        )

    def copy_bundled(self, name: str, new_name: str | None = None) -> Path:
        """Copy the bundled file `name` into the user's folder, word for word; the new path.

        Raises NotFoundError for an unknown name, InputError for a new name that is not a
        plain name, and AlreadyThereError if the user has that file already.
        """
        name = name.strip().removeprefix(BUNDLED_PREFIX).removesuffix(".md")
        source = self.bundled().get(name) if "/" not in name and "\\" not in name else None
        if source is None:
            raise self._no_bundled(name)
        target = self.users_dir() / f"{self._new_name(new_name) if new_name else name}.md"
        data = source.read_bytes()
        make_private_folder(target.parent)
        try:
            # Made only if absent, in one step: a file that appears meanwhile is never written over.
            handle = open(target, "xb", opener=_private)  # noqa: SIM115 - closed below
        except FileExistsError:
            raise AlreadyThereError(
                f"{target} already exists and is left as it is: "
                "give another name with --as, or edit that file."
            ) from None
        try:
            with handle:
                handle.write(data)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def _new_name(self, given: str) -> str:
        name = given.strip().removesuffix(".md")
        # A bare name keeps the copy in the user's folder, where the app looks for it.
        if not name or "/" in name or "\\" in name or name.startswith((".", "~")):
            raise InputError(
                f"{given!r} is not {_a(self.noun)} name: give a plain name such as my-review, "
                "without folders."
            )
        return name


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _private(path: str, flags: int) -> int:
    return os.open(path, flags, FILE_MODE)
