"""Exchange files on disk: writing an export where it belongs, reading one to import."""

from __future__ import annotations

import os
from pathlib import Path

from sessions.errors import InputError, StoreError
from sessions.exchange.document import ProgrammeRecord
from sessions.exchange.format import SUFFIX
from sessions.exchange.parse import NOTHING, read_document


def write_export(slug: str, text: str, output: Path | None = None) -> Path:
    """Write the programme's file; by default SLUG.facilitator.json in the current folder."""
    path = output if output is not None else Path(f"{slug}{SUFFIX}")
    try:
        _write_private(path, text)
    except OSError as exc:
        raise StoreError(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path


def _write_private(path: Path, text: str) -> None:
    """Write whole or not at all, readable only by the user: the file holds every note."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    # A leftover from an interrupted write may have looser permissions: start afresh.
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_export(path: Path) -> ProgrammeRecord:
    """The file read and checked, so a bad one is refused before any database is touched."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}. {NOTHING}") from None
    try:
        # A byte-order mark, as some Windows editors add, is not part of the JSON.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not JSON: it is not UTF-8 text. {NOTHING}") from None
    return read_document(text, str(path))
